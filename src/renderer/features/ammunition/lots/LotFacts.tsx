import type { LotDossier, LotRow } from '../../../../shared/contract/ammunition';
import { countryName } from '../../../i18n/format';
import { useAmmoLabels } from '../labels';
import { Quantity } from '../Quantity';

/** Every field of the lot record (IATG 03.10), as on the top of the paper stock card. */
export function LotFacts(props: { lot: LotRow }) {
  const labels = useAmmoLabels();
  const l = props.lot;
  const rows: [string, string][] = [
    ['lotNumber', labels.lotName(l)],
    ['nature', l.nature],
    ['calibre', l.calibre],
    ['manufacturer', l.manufacturer || '—'],
    ['country', l.country ? `${countryName(l.country, labels.lang)} (${l.country})` : '—'],
    ['yearOfManufacture', l.yearOfManufacture === null ? '—' : String(l.yearOfManufacture)],
    ['hazardDivision', l.hazardDivision],
    ['compatibilityGroup', l.compatibilityGroup],
    ['unNumber', `UN ${l.unNumber}`],
    ['neqPerUnitKg', labels.kg(l.neqPerUnitKg, 6)],
    ['packaging', labels.t('lot.packagingText', { perBox: labels.number(l.roundsPerBox), perCase: labels.number(l.boxesPerCase) })],
    ['inspectionIntervalMonths', labels.t('lot.months', { count: l.inspectionIntervalMonths, n: labels.number(l.inspectionIntervalMonths) })],
    ['lastInspection', labels.date(l.lastInspection)],
    ['nextInspection', labels.date(l.nextInspection)],
    ['shelfLifeEnd', labels.date(l.shelfLifeEnd)],
    ['receivedAt', labels.date(l.receivedAt)],
  ];
  return (
    <section className="ammo-facts" aria-labelledby="ammo-lot-facts">
      <h2 id="ammo-lot-facts">{labels.t('lot.record')}</h2>
      <dl className="facts" data-testid="lot-facts">
        {rows.map(([k, v]) => (
          <div key={k} className="ammo-fact" data-field={k}>
            <dt>{labels.field(k)}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** Where the lot is: one line per store, bay and condition; total and what is out on issue. */
export function BalancesTable(props: { dossier: LotDossier }) {
  const labels = useAmmoLabels();
  const { lot, balances } = props.dossier;
  return (
    <section aria-labelledby="ammo-lot-balances">
      <h2 id="ammo-lot-balances">{labels.t('lot.balances')}</h2>
      <table className="table table--compact ammo-table" data-testid="lot-balances">
        <thead>
          <tr>
            <th scope="col">{labels.field('store')}</th>
            <th scope="col">{labels.field('bay')}</th>
            <th scope="col">{labels.field('condition')}</th>
            <th scope="col" className="num">
              {labels.field('quantity')}
            </th>
          </tr>
        </thead>
        <tbody>
          {balances.map((b) => (
            <tr key={`${b.storeId}-${b.bay}-${b.condition}`} data-testid="balance-row">
              <td className="code">{b.storeCode}</td>
              <td>{b.bay || '—'}</td>
              <td>
                <span className={`ammo-cond ammo-cond--${b.condition}`}>{labels.condition(b.condition)}</span>
              </td>
              <td className="num">
                <Quantity n={b.quantity} packaging={lot} />
              </td>
            </tr>
          ))}
          {balances.length === 0 ? (
            <tr>
              <td colSpan={4} className="ammo-muted">
                {labels.t('lot.noStock')}
              </td>
            </tr>
          ) : null}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3}>
              {labels.t('lot.total')}
            </th>
            <td className="num" data-testid="lot-total">
              <Quantity n={lot.total} packaging={lot} />
            </td>
          </tr>
          <tr>
            <th scope="row" colSpan={3}>
              {labels.t('lot.outstanding')}
            </th>
            <td className="num" data-testid="lot-outstanding">
              <Quantity n={lot.outstanding} packaging={lot} />
            </td>
          </tr>
        </tfoot>
      </table>
      <p className="ammo-hint">{labels.t('lot.neqTotal', { value: labels.kg(lot.total * lot.neqPerUnitKg) })}</p>
    </section>
  );
}
