import { useTranslation } from 'react-i18next';
import type { PrintDoc, Screen } from '../../../app/navigation';
import type { HoldingsReport } from '../../../../shared/contract/reports';
import { useRecord } from '../../../lib/useRecord';
import { PrintDocument } from '../../print/PrintDocument';
import { formatDecimal, useAmmoLabels } from '../labels';
import { HoldingsStore } from './HoldingsStore';

/**
 * Ammunition holdings by store, then lot, bay and condition (état des existants en munitions):
 * what the depot manager signs for. Landscape: nine columns.
 */
export function HoldingsPrint(props: { doc: Extract<PrintDoc, { kind: 'holdings' }>; back: Screen }) {
  const { t } = useTranslation('reports');
  const { value, failure } = useRecord('reports.holdings', {});
  return (
    <PrintDocument
      title={t('holdings.title')}
      fileName={t('holdings.fileName')}
      orientation="landscape"
      subtitle={value ? t('holdings.subtitle', { stores: value.stores.map((s) => s.store.code).join(', ') || '—' }) : undefined}
      head={value?.head ?? null}
      {...(value ? { at: value.at } : {})}
      signatures={['storekeeper', 'manager']}
      ready={value !== null}
      error={failure}
      back={props.back}
    >
      {value ? <HoldingsBody report={value} /> : null}
    </PrintDocument>
  );
}

function HoldingsBody(props: { report: HoldingsReport }) {
  const { t } = useTranslation('reports');
  const labels = useAmmoLabels();
  const r = props.report;
  if (r.stores.length === 0) return <p>{t('holdings.empty')}</p>;
  const kg = (n: number) => formatDecimal(n, labels.lang, 3);
  // The grand NEQ is the sum of the stores' own totals, as printed above it.
  const totalNeq = r.stores.reduce((sum, s) => sum + s.totalNeqKg, 0);
  return (
    <>
      {r.stores.map((s) => (
        <HoldingsStore key={s.store.id} entry={s} />
      ))}
      <section className="print-section" aria-labelledby="holdings-summary-title">
        <h2 id="holdings-summary-title">{t('holdings.summary')}</h2>
        <table className="print-table holdings-summary" data-testid="holdings-summary">
          <thead>
            <tr>
              <th scope="col">{t('holdings.col.store')}</th>
              <th scope="col" className="num">
                {t('holdings.col.quantity')}
              </th>
              <th scope="col" className="num">
                {t('holdings.col.neq')}
              </th>
            </tr>
          </thead>
          <tbody>
            {r.stores.map((s) => (
              <tr key={s.store.id}>
                <td>{`${s.store.code} — ${s.store.name}`}</td>
                <td className="num">{labels.number(s.totalRounds)}</td>
                <td className="num">{kg(s.totalNeqKg)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="print-total" data-testid="holdings-grand-total" data-rounds={r.totalRounds}>
              <td>{t('holdings.grandTotal')}</td>
              <td className="num">{labels.number(r.totalRounds)}</td>
              <td className="num">{kg(totalNeq)}</td>
            </tr>
          </tfoot>
        </table>
      </section>
    </>
  );
}
