import { useHandoverLabels } from './labels';
import type { UnexpectedItem } from './useCount';

/**
 * Found during the count but not on the shelves by the book: a registered weapon (issued, in
 * maintenance…) is recorded as counted; an unknown code is only listed here.
 */
export function UnexpectedList(props: { items: readonly UnexpectedItem[]; onRemove: (code: string) => void }) {
  const labels = useHandoverLabels();
  if (props.items.length === 0) return null;
  return (
    <section className="ho-unexpected" aria-labelledby="ho-unexpected-title" data-testid="handover-unexpected">
      <h2 id="ho-unexpected-title">{labels.t('unexpected.title')}</h2>
      <p className="ho-muted">{labels.t('unexpected.intro')}</p>
      <ul className="ho-list">
        {props.items.map((u) => (
          <li key={`${u.code}:${u.weapon?.id ?? ''}`} data-testid="unexpected-item" data-code={u.code} data-weapon={u.weapon?.id ?? ''}>
            {u.weapon ? (
              <>
                <span className="code">{u.weapon.nationalCode}</span> <span className="code">{u.weapon.serial}</span>{' '}
                {`${labels.weaponType(u.weapon.type)} · ${u.weapon.model}`}{' '}
                <span className="ho-badge ho-badge--warn">{labels.status(u.weapon.status)}</span>
              </>
            ) : (
              <>
                <span className="code">{u.code}</span> <span className="ho-badge ho-badge--danger">{labels.t('unexpected.unknown')}</span>
              </>
            )}{' '}
            <button type="button" className="reg-link" onClick={() => props.onRemove(u.code)} aria-label={labels.t('unexpected.removeLabel', { code: u.code })}>
              {labels.t('unexpected.remove')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
