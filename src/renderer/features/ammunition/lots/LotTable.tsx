import type { LotRow } from '../../../../shared/contract/ammunition';
import { AMMO_CONDITIONS } from '../../../../shared/domain/ammunition';
import { useNavigate } from '../../../app/navigation';
import { useAmmoLabels } from '../labels';
import { Quantity } from '../Quantity';

/** Due or overdue for inspection, suspended: said in words beside the date, not only by colour. */
export function InspectionBadge(props: { lot: LotRow }) {
  const labels = useAmmoLabels();
  const { lot } = props;
  return (
    <span>
      {labels.date(lot.nextInspection)}
      {lot.inspectionOverdue ? <span className="ammo-badge ammo-badge--danger">{labels.t('lot.overdue')}</span> : null}
      {!lot.inspectionOverdue && lot.inspectionDue ? <span className="ammo-badge ammo-badge--warn">{labels.t('lot.due')}</span> : null}
    </span>
  );
}

/** Quantities not serviceable, one short line each (serviceable is the rest of the total). */
export function ConditionBreakdown(props: { lot: LotRow }) {
  const labels = useAmmoLabels();
  const others = AMMO_CONDITIONS.filter((c) => c !== 'serviceable' && (props.lot.onHand[c] ?? 0) > 0);
  if (others.length === 0) return null;
  return (
    <small className="ammo-breakdown">
      {others.map((c) => (
        <span key={c} className={`ammo-cond ammo-cond--${c}`}>
          {`${labels.condition(c)} ${labels.number(props.lot.onHand[c] ?? 0)}`}
        </span>
      ))}
    </small>
  );
}

/** Lots as a table; a click or Enter on the lot opens its stock record card. */
export function LotTable(props: { lots: LotRow[]; testId?: string }) {
  const labels = useAmmoLabels();
  const navigate = useNavigate();
  return (
    <table className="table ammo-table" data-testid={props.testId ?? 'lots-table'}>
      <thead>
        <tr>
          <th scope="col">{labels.field('lotNumber')}</th>
          <th scope="col">{labels.field('nature')}</th>
          <th scope="col">{labels.field('calibre')}</th>
          <th scope="col">{labels.t('lot.dgColumn')}</th>
          <th scope="col" className="num">
            {labels.t('lot.onHand')}
          </th>
          <th scope="col" className="num">
            {labels.t('lot.outstanding')}
          </th>
          <th scope="col">{labels.field('nextInspection')}</th>
        </tr>
      </thead>
      <tbody>
        {props.lots.map((l) => (
          <tr key={l.id} data-testid="lot-row" data-lot={l.id} className={(l.onHand.suspended ?? 0) > 0 ? 'ammo-row--suspended' : undefined}>
            <td>
              <button type="button" className="reg-link" onClick={() => navigate({ name: 'ammoLot', id: l.id })}>
                {labels.lotName(l)}
              </button>
            </td>
            <td>{l.nature}</td>
            <td>{l.calibre}</td>
            <td>{`${l.hazardDivision}${l.compatibilityGroup}`}</td>
            <td className="num">
              <Quantity n={l.total} packaging={l} />
              <ConditionBreakdown lot={l} />
            </td>
            <td className="num">{l.outstanding ? labels.number(l.outstanding) : '—'}</td>
            <td>
              <InspectionBadge lot={l} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
