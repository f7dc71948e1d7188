import { TWO_PERSON_ACTIONS, WEAPON_ACTIONS, actionAllowed, type WeaponAction } from '../../../../shared/domain/lifecycle';
import type { WeaponStatus } from '../../../../shared/domain/enums';
import { useLabels } from '../labels';

/** The events the weapon's status allows (lifecycle.ts, which core enforces too). */
export function ActionBar(props: { status: WeaponStatus; onChoose: (a: WeaponAction) => void }) {
  const labels = useLabels();
  const allowed = WEAPON_ACTIONS.filter((a) => actionAllowed(a, props.status));
  if (allowed.length === 0) return <p className="reg-actions__none">{labels.t('register:dossier.noActions')}</p>;
  return (
    <div className="reg-actions" role="group" aria-label={labels.t('register:dossier.actions')}>
      {allowed.map((a) => (
        <button key={a} type="button" className={`reg-button reg-action reg-action--${a}`} onClick={() => props.onChoose(a)}>
          {labels.t(`register:action.${a}`)}
          {TWO_PERSON_ACTIONS.includes(a) ? <span className="reg-action__two"> {labels.t('register:dossier.twoPerson')}</span> : null}
        </button>
      ))}
    </div>
  );
}
