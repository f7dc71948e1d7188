import { useState } from 'react';
import { useRecord } from '../../../lib/useRecord';
import { LoadFailure } from '../../../components/LoadFailure';
import { canWrite, useNavigate, useSession } from '../../../app/navigation';
import { CaseAdjustDialog } from './CaseAdjustDialog';
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
  const { value: dossier, failure, reload: load, readAt: now } = useRecord('cases.get', { id: props.id });
  const [closing, setClosing] = useState(false);
  const [adjusting, setAdjusting] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const back = (
    <button type="button" className="reg-link" onClick={() => navigate({ name: 'cases' })}>
      {labels.t('dossier.back')}
    </button>
  );
  if (failure) return <LoadFailure back={back} error={failure} className="custody-screen" />;
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
        {open && write && c.source === 'stock_check' && c.subject === 'rounds' && c.lot ? (
          <button type="button" className="reg-button" onClick={() => setAdjusting(true)} data-testid="case-adjust">
            {labels.t('adjust.button')}
          </button>
        ) : null}
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
      {adjusting ? (
        <CaseAdjustDialog
          dossier={dossier}
          onClose={() => setAdjusting(false)}
          onDone={() => {
            setAdjusting(false);
            setNotice(labels.t('notice.adjusted'));
            void load();
          }}
        />
      ) : null}
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
