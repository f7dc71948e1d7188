import { useEffect } from 'react';
import { canWrite, useNavigate, useSession } from '../../app/navigation';
import { useCaseLabels } from './cases/labels';
import type { CustodyScreenName } from './screens';

type Tab = 'custody' | 'custodyIssue' | 'custodyReturn' | 'weaponsOut' | 'officers' | 'cases' | 'handover' | 'keys';

/** Tabs only the roles that write see: an auditor reads the desk, never works at it. */
const WRITE_TABS: readonly Tab[] = ['custodyIssue', 'custodyReturn', 'handover'];
const TABS: readonly Tab[] = ['custody', 'custodyIssue', 'custodyReturn', 'weaponsOut', 'officers', 'cases', 'handover', 'keys'];

/**
 * Function keys for the counter's two most frequent tasks, from any custody screen, whatever has
 * the focus: language-neutral and never typed by a barcode scanner.
 */
export const SHORTCUTS = { custodyIssue: 'F2', custodyReturn: 'F3' } as const;

/** Which tab a screen belongs to (a dossier to its list; a voucher to the desk's dashboard). */
function tabOf(screen: CustodyScreenName): Tab {
  if (screen === 'officer') return 'officers';
  if (screen === 'case') return 'cases';
  if (screen === 'voucher') return 'custody';
  return screen;
}

/** The custody screens' own menu, under the main one. */
export function CustodyTabs(props: { current: CustodyScreenName }) {
  const labels = useCaseLabels();
  const navigate = useNavigate();
  const session = useSession();
  const write = canWrite(session);
  const tabs = TABS.filter((t) => write || !WRITE_TABS.includes(t));
  const current = tabOf(props.current);

  useEffect(() => {
    if (!write) return undefined;
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
      // A dialog open on the screen keeps the keyboard: nothing jumps away from a half-typed form.
      if (document.querySelector('dialog[open]')) return;
      const target = e.key === SHORTCUTS.custodyIssue ? 'custodyIssue' : e.key === SHORTCUTS.custodyReturn ? 'custodyReturn' : null;
      if (!target) return;
      e.preventDefault();
      navigate({ name: target });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [write, navigate]);

  return (
    <nav className="custody-tabs no-print" aria-label={labels.t('tabs.label')}>
      {tabs.map((tab) => {
        const key = tab === 'custodyIssue' || tab === 'custodyReturn' ? SHORTCUTS[tab] : undefined;
        return (
          <button
            key={tab}
            type="button"
            className="custody-tab"
            aria-current={current === tab ? 'page' : undefined}
            aria-keyshortcuts={key}
            title={key ? labels.t('tabs.shortcut', { tab: labels.t(`tabs.${tab}`), key }) : undefined}
            data-testid={`custody-tab-${tab}`}
            onClick={() => navigate({ name: tab })}
          >
            {labels.t(`tabs.${tab}`)}
            {key ? <kbd className="custody-tab__key">{key}</kbd> : null}
          </button>
        );
      })}
    </nav>
  );
}
