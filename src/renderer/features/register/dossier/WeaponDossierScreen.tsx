import { useState } from 'react';
import { useRecord } from '../../../lib/useRecord';
import type { WeaponAction } from '../../../../shared/domain/lifecycle';
import { canWrite, useNavigate, useSession } from '../../../app/navigation';
import { useErrorText } from '../../../components/errors';
import { formatDateTime } from '../../../i18n/format';
import { useLabels } from '../labels';
import { StatusBadge } from '../StatusBadge';
import { ActionBar } from './ActionBar';
import { ActionDialog } from './ActionDialog';
import { CorrectDialog } from './CorrectDialog';
import { DossierFields } from './DossierFields';
import { History } from './History';

/** One weapon: its record, status and place, the actions its status allows, and its whole history. */
export function WeaponDossierScreen(props: { id: number }) {
  const labels = useLabels();
  const errors = useErrorText();
  const navigate = useNavigate();
  const session = useSession();
  const { value: dossier, failure, reload: load } = useRecord('weapons.get', { id: props.id });
  const [action, setAction] = useState<WeaponAction | null>(null);
  const [notice, setNotice] = useState<string | null>(null);


  const back = (
    <button type="button" className="reg-link" onClick={() => navigate({ name: 'register' })}>
      {labels.t('register:common.backToRegister')}
    </button>
  );
  if (failure) {
    return (
      <section className="reg-screen">
        {back}
        <p role="alert" className="reg-error">
          {errors.operation(failure)}
        </p>
      </section>
    );
  }
  if (!dossier) return <p className="reg-loading">{labels.t('register:common.loading')}</p>;

  const { weapon } = dossier;
  const done = (a: WeaponAction) => {
    setAction(null);
    setNotice(labels.t('register:dossier.recorded', { action: labels.t(`register:action.${a}`) }));
    void load();
  };
  return (
    <section className="reg-screen reg-dossier" aria-labelledby="reg-dossier-title" data-testid="dossier">
      <header className="reg-header">
        {back}
        <h1 id="reg-dossier-title">
          {weapon.nationalCode} <small>{`${weapon.manufacturer} ${weapon.model} · ${labels.field('serial')} ${weapon.serial}`}</small>
        </h1>
      </header>
      <div className="reg-dossier__summary">
        <span data-testid="dossier-status">
          <StatusBadge status={weapon.status} />
        </span>
        <span data-testid="dossier-location">{labels.t('register:dossier.location', { value: weapon.location || '—' })}</span>
        <span>{labels.t('register:dossier.condition', { value: labels.condition(weapon.condition) })}</span>
        <span>
          {labels.t('register:dossier.registeredAt', { date: formatDateTime(weapon.registeredAt, labels.lang), id: weapon.id })}
        </span>
      </div>
      <div className="reg-dossier__print">
        <button
          type="button"
          className="reg-button"
          data-testid="dossier-print"
          onClick={() => navigate({ name: 'print', doc: { kind: 'dossier', weaponId: weapon.id }, back: { name: 'weapon', id: weapon.id } })}
        >
          {labels.t('registerPrint:button.dossier')}
        </button>
      </div>
      <p className="reg-notice" aria-live="polite" data-testid="dossier-notice">
        {notice}
      </p>
      {canWrite(session) ? <ActionBar status={weapon.status} onChoose={(a) => { setNotice(null); setAction(a); }} /> : null}
      <div className="reg-dossier__body">
        <DossierFields weapon={weapon} />
        <History history={dossier.history} weaponId={props.id} />
      </div>
      {action === 'correct' ? <CorrectDialog weapon={weapon} onClose={() => setAction(null)} onDone={() => done('correct')} /> : null}
      {action && action !== 'correct' ? <ActionDialog action={action} weapon={weapon} onClose={() => setAction(null)} onDone={() => done(action)} /> : null}
    </section>
  );
}
