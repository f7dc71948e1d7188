import { useCallback, useEffect, useState } from 'react';
import type { CaseDossier } from '../../../../shared/contract/custody';
import type { AppErrorShape } from '../../../../shared/result';
import { canWrite, useNavigate, useSession } from '../../../app/navigation';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { call } from '../../../lib/client';
import { CaseFacts } from './CaseFacts';
import { CaseHistory } from './CaseHistory';
import { CaseUpdateForm } from './CaseUpdateForm';
import { CloseCaseDialog } from './CloseCaseDialog';
import { useCaseLabels } from './labels';

/**
 * One discrepancy case: what is unaccounted for and where it came from, its owner and deadline,
 * the explanation as it is written, and its closing with a manager's approval.
 */
export function CaseScreen(props: { id: number }) {
  const labels = useCaseLabels();
  const navigate = useNavigate();
  const session = useSession();
  const [dossier, setDossier] = useState<CaseDossier | null>(null);
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const [closing, setClosing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [now, setNow] = useState(() => Date.now());

  const load = useCallback(async () => {
    const r = await call('cases.get', { id: props.id });
    setNow(Date.now());
    if (r.ok) setDossier(r.value);
    else setFailure(r.error);
  }, [props.id]);
  useEffect(() => {
    void load();
  }, [load]);

  const back = (
    <button type="button" className="reg-link" onClick={() => navigate({ name: 'cases' })}>
      {labels.t('dossier.back')}
    </button>
  );
  if (failure) {
    return (
      <section className="reg-screen custody-screen">
        {back}
        <ErrorBanner error={failure} />
      </section>
    );
  }
  if (!dossier) return <p className="reg-loading">{labels.t('common.loading')}</p>;

  const c = dossier.case;
  const open = c.status === 'open';
  const write = canWrite(session);
  return (
    <section className="reg-screen custody-screen" aria-labelledby="case-title" data-testid="case-dossier">
      <header className="reg-header">
        {back}
        <h1 id="case-title">
          {labels.t('number', { id: c.id })} <small>{`${labels.subject(c.subject)} · ${labels.what(c)}`}</small>
        </h1>
        <span className={`custody-badge custody-badge--${open ? (c.overdue ? 'danger' : 'warn') : 'ok'}`} data-testid="case-status" data-status={c.status}>
          {c.overdue ? labels.t('overdue') : labels.status(c.status)}
        </span>
        {open && write ? (
          <button type="button" className="reg-button reg-button--primary" onClick={() => setClosing(true)} data-testid="case-close">
            {labels.t('close.button')}
          </button>
        ) : null}
      </header>
      <p className="reg-notice" aria-live="polite" data-testid="case-notice">
        {notice}
      </p>
      <div className="custody-dossier">
        <div>
          <CaseFacts row={c} now={now} />
          {open && write ? (
            <CaseUpdateForm
              row={c}
              onDone={() => {
                setNotice(labels.t('notice.updated'));
                void load();
              }}
            />
          ) : null}
        </div>
        <CaseHistory history={dossier.history} row={c} />
      </div>
      {closing ? (
        <CloseCaseDialog
          dossier={dossier}
          onClose={() => setClosing(false)}
          onDone={(row) => {
            setClosing(false);
            setNotice(labels.t('notice.closed', { outcome: labels.outcome(row.outcome) }));
            void load();
          }}
        />
      ) : null}
    </section>
  );
}
