import type { LotRow } from '../../../../shared/contract/ammunition';
import { useAmmoLabels } from '../labels';
import { MOVEMENTS, TWO_PERSON, type Movement } from '../movements/specs';

export type LotAction = Movement | 'issue';

/** Shown first: what a storekeeper does every day. The rare and the two-person ones follow. */
const ORDER: readonly LotAction[] = ['issue', ...MOVEMENTS];

/** The movements a storekeeper or manager may record on a lot (core checks quantities and rules). */
export function DossierActions(props: { lot: LotRow; onChoose: (a: LotAction) => void }) {
  const labels = useAmmoLabels();
  return (
    <div className="reg-actions no-print" role="group" aria-label={labels.t('lot.actions')} data-testid="lot-actions">
      {ORDER.map((a) => (
        <button
          key={a}
          type="button"
          className={`reg-button reg-action ammo-action--${a}${a === 'issue' ? ' reg-button--primary' : ''}`}
          onClick={() => props.onChoose(a)}
          data-testid={`lot-action-${a}`}
        >
          {labels.t(`movement.${a}`)}
          {TWO_PERSON.includes(a as Movement) ? <span className="reg-action__two"> {labels.t('movement.twoPerson')}</span> : null}
        </button>
      ))}
    </div>
  );
}
