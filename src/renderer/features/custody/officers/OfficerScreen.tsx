import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ExportMenu } from '../../../components/ExportMenu';
import { useRecord } from '../../../lib/useRecord';
import { LoadFailure } from '../../../components/LoadFailure';
import type { OfficerRow } from '../../../../shared/contract/custody';
import type { WeaponType } from '../../../../shared/domain/enums';
import { canManage, canWrite, useNavigate, useSession } from '../../../app/navigation';
import { OutTable } from '../dashboard/OutTable';
import { Authorisations } from './Authorisations';
import { useOfficerLabels } from './labels';
import { AuthoriseDialog, StatusDialog, WithdrawDialog } from './OfficerDialogs';
import { OfficerFormDialog } from './OfficerFormDialog';
import { OfficerHistory } from './OfficerHistory';
import { OfficerStatusBadge } from './OfficerStatusBadge';
import { OfficerVouchers } from './OfficerVouchers';

type Open = { kind: 'edit' | 'status' | 'authorise' } | { kind: 'renew' | 'withdraw'; weaponType: WeaponType };

/**
 * One officer: the record, status, authorisations (current or expired), weapons out now, latest
 * vouchers and the journal. Storekeepers edit the record and issue; managers change the status
 * and the authorisations.
 */
export function OfficerScreen(props: { id: number }) {
  const labels = useOfficerLabels();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useSession();
  const { value: dossier, failure, reload: load, readAt: now } = useRecord('officers.get', { id: props.id });
  const [open, setOpen] = useState<Open | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const back = (
    <button type="button" className="reg-link" onClick={() => navigate({ name: 'officers' })}>
      {labels.t('dossier.back')}
    </button>
  );
  if (failure) return <LoadFailure back={back} error={failure} className="custody-screen" />;
  if (!dossier) return <p className="reg-loading">{labels.t('common.loading')}</p>;

  const { officer } = dossier;
  const done = (message: string) => (_: OfficerRow) => {
    setOpen(null);
    setNotice(message);
    void load();
  };
  const write = canWrite(session);
  const manage = canManage(session);
  return (
    <section className="reg-screen custody-screen" aria-labelledby="officer-title" data-testid="officer-dossier">
      <header className="reg-header">
        {back}
        <h1 id="officer-title">
          {`${officer.rank} ${officer.name}`} <small className="code" data-testid="officer-service-number">{officer.serviceNumber}</small>
        </h1>
        <OfficerStatusBadge status={officer.status} />
      </header>
      <p className="reg-notice" aria-live="polite" data-testid="officer-notice">
        {notice}
      </p>
      {write ? (
        <div className="reg-actions" role="group" aria-label={labels.t('dossier.actions')}>
          {officer.status === 'active' ? (
            <button type="button" className="reg-button reg-button--primary" onClick={() => navigate({ name: 'custodyIssue', officerId: officer.id })} data-testid="officer-issue">
              {labels.t('dossier.issue')}
            </button>
          ) : null}
          <button type="button" className="reg-button" onClick={() => setOpen({ kind: 'edit' })} data-testid="officer-edit">
            {labels.t('dossier.edit')}
          </button>
          {manage ? (
            <button type="button" className="reg-button" onClick={() => setOpen({ kind: 'status' })} data-testid="officer-set-status">
              {labels.t('status.button')}
            </button>
          ) : null}
        </div>
      ) : null}
      <div className="custody-dossier">
        <div>
          <section className="custody-section" aria-labelledby="officer-record-title">
            <h2 id="officer-record-title">{labels.t('dossier.record')}</h2>
            <dl className="facts" data-testid="officer-facts">
              <dt>{labels.t('field.serviceNumber')}</dt>
              <dd className="code">{officer.serviceNumber}</dd>
              <dt>{labels.t('field.name')}</dt>
              <dd>{officer.name}</dd>
              <dt>{labels.t('field.rank')}</dt>
              <dd>{officer.rank}</dd>
              <dt>{labels.t('field.unit')}</dt>
              <dd>{officer.unit}</dd>
              <dt>{labels.t('field.agency')}</dt>
              <dd>{labels.agency(officer.agency)}</dd>
              <dt>{labels.t('field.status')}</dt>
              <dd>{labels.status(officer.status)}</dd>
              <dt>{labels.t('field.createdAt')}</dt>
              <dd>{labels.dateTime(officer.createdAt)}</dd>
            </dl>
          </section>
          <Authorisations
            authorisations={officer.authorisations}
            onAdd={manage ? () => setOpen({ kind: 'authorise' }) : null}
            onRenew={manage ? (weaponType) => setOpen({ kind: 'renew', weaponType }) : null}
            onWithdraw={manage ? (weaponType) => setOpen({ kind: 'withdraw', weaponType }) : null}
          />
          <section className="custody-section" aria-labelledby="officer-out-title">
            <h2 id="officer-out-title">{labels.t('dossier.out', { n: labels.number(dossier.out.length) })}</h2>
            {dossier.out.length ? (
              <OutTable rows={dossier.out} now={now} showOfficer={false} testId="officer-out" />
            ) : (
              <p className="custody-muted">{labels.t('dossier.noneOut')}</p>
            )}
          </section>
          <section className="custody-section" aria-labelledby="officer-vouchers-title">
            <h2 id="officer-vouchers-title">{labels.t('dossier.vouchers')}</h2>
            <ExportMenu request={{ kind: 'issues', query: { officerId: officer.id } }} label={t('imports:export.issueLog')} testId="officer-vouchers-export" />
            <OfficerVouchers vouchers={dossier.vouchers} />
          </section>
        </div>
        <OfficerHistory history={dossier.history} />
      </div>
      {open?.kind === 'edit' ? <OfficerFormDialog officer={officer} onClose={() => setOpen(null)} onDone={done(labels.t('notice.updated'))} /> : null}
      {open?.kind === 'status' ? <StatusDialog officer={officer} onClose={() => setOpen(null)} onDone={done(labels.t('notice.status'))} /> : null}
      {open?.kind === 'authorise' || open?.kind === 'renew' ? (
        <AuthoriseDialog
          officer={officer}
          {...(open.kind === 'renew' ? { weaponType: open.weaponType } : {})}
          onClose={() => setOpen(null)}
          onDone={done(labels.t('notice.authorised'))}
        />
      ) : null}
      {open?.kind === 'withdraw' ? (
        <WithdrawDialog officer={officer} weaponType={open.weaponType} onClose={() => setOpen(null)} onDone={done(labels.t('notice.withdrawn'))} />
      ) : null}
    </section>
  );
}
