import { useTranslation } from 'react-i18next';
import type { HoldingsReport } from '../../../../shared/contract/reports';
import { formatDecimal, useAmmoLabels } from '../labels';

type StoreEntry = HoldingsReport['stores'][number];

/** One store on the holdings printout: its licence, a line per lot, bay and condition, its total. */
export function HoldingsStore(props: { entry: StoreEntry }) {
  const { t } = useTranslation('reports');
  const labels = useAmmoLabels();
  const { store, lines } = props.entry;
  const kg = (n: number) => formatDecimal(n, labels.lang, 3);
  const { licence } = store;
  const limits = Object.entries(licence.maxNeqKg)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([division, max]) => t('holdings.limit', { division, kg: labels.kg(max ?? 0) }))
    .join(' · ');
  const titleId = `holdings-store-${store.id}`;
  return (
    <section className="print-section" aria-labelledby={titleId} data-testid="holdings-store" data-code={store.code}>
      <h2 id={titleId}>{t('holdings.store', { code: store.code, name: store.name })}</h2>
      <p>
        {t(store.licenceExpired ? 'holdings.licenceExpired' : 'holdings.licence', {
          reference: licence.reference,
          authority: licence.authority,
          expiry: labels.date(licence.expiry),
        })}
        {limits ? ` — ${t('holdings.limits', { limits })}` : null}
      </p>
      {lines.length === 0 ? (
        <p>{t('holdings.storeEmpty')}</p>
      ) : (
        <table className="print-table">
          <thead>
            <tr>
              <th scope="col">{t('holdings.col.lot')}</th>
              <th scope="col">{t('holdings.col.nature')}</th>
              <th scope="col">{t('holdings.col.calibre')}</th>
              <th scope="col">{t('holdings.col.hazard')}</th>
              <th scope="col">{t('holdings.col.bay')}</th>
              <th scope="col">{t('holdings.col.condition')}</th>
              <th scope="col" className="num">
                {t('holdings.col.quantity')}
              </th>
              <th scope="col">{t('holdings.col.packages')}</th>
              <th scope="col" className="num">
                {t('holdings.col.neq')}
              </th>
            </tr>
          </thead>
          <tbody>
            {lines.map((line) => (
              <tr key={`${line.lot.id}|${line.bay}|${line.condition}`} data-testid="holdings-line" data-lot={line.lot.lotNumber} data-quantity={line.quantity}>
                <td className="code">{labels.lotName(line.lot)}</td>
                <td>{line.lot.nature}</td>
                <td>{line.lot.calibre}</td>
                <td>{`UN ${line.lot.unNumber} · ${line.lot.hazardDivision}${line.lot.compatibilityGroup}`}</td>
                <td>{line.bay || '—'}</td>
                <td>{labels.condition(line.condition)}</td>
                <td className="num">{labels.number(line.quantity)}</td>
                <td>{labels.packages(line.quantity, line.lot) ?? '—'}</td>
                <td className="num">{kg(line.neqKg)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="print-total" data-testid="holdings-store-total" data-rounds={props.entry.totalRounds}>
              <td colSpan={6}>{t('holdings.storeTotal', { code: store.code })}</td>
              <td className="num">{labels.number(props.entry.totalRounds)}</td>
              <td />
              <td className="num">{kg(props.entry.totalNeqKg)}</td>
            </tr>
          </tfoot>
        </table>
      )}
    </section>
  );
}
