import { useTranslation } from 'react-i18next';
import type { PrintDoc, Screen } from '../../app/navigation';
import type { MonthlyReturn } from '../../../shared/contract/reports';
import { useRecord } from '../../lib/useRecord';
import { usePrintLabels } from '../print/labels';
import { PrintDocument } from '../print/PrintDocument';
import { MonthlyTable } from './MonthlyTable';
import { lastInstant, longDate, periodText } from './period';
import './reports.css';

/**
 * The monthly return (état mensuel des armes et munitions): weapons by type and ammunition by
 * nature and calibre, opening to closing, as core derives them from the journal. Landscape: nine
 * columns of figures.
 */
export function MonthlyPrint(props: { doc: Extract<PrintDoc, { kind: 'monthly' }>; back: Screen }) {
  const { year, month } = props.doc;
  const { t } = useTranslation('reports');
  const labels = usePrintLabels();
  const { value, failure } = useRecord('reports.monthly', { year, month });
  const period = periodText({ year, month }, labels.lang);
  const subtitle = value ? (
    <>
      <p data-testid="monthly-period">{t('monthly.period', { period, from: longDate(value.from, labels.lang), to: longDate(lastInstant(value.to), labels.lang) })}</p>
      {Date.parse(value.at) < Date.parse(value.to) ? <p>{t('monthly.running', { date: labels.dateTime(value.at) })}</p> : null}
    </>
  ) : (
    period
  );
  return (
    <PrintDocument
      title={`${t('monthly.title')} — ${period}`}
      fileName={t('monthly.fileName', { year, month: String(month).padStart(2, '0') })}
      orientation="landscape"
      subtitle={subtitle}
      head={value?.head ?? null}
      {...(value ? { at: value.at } : {})}
      signatures={['storekeeper', 'manager', 'commander']}
      ready={value !== null}
      error={failure}
      back={props.back}
    >
      {value ? <MonthlyBody report={value} /> : null}
    </PrintDocument>
  );
}

function MonthlyBody(props: { report: MonthlyReturn }) {
  const r = props.report;
  const { t } = useTranslation('reports');
  const labels = usePrintLabels();
  const m = (key: string) => t(`monthly.${key}`);
  return (
    <>
      <section className="print-section" aria-labelledby="monthly-weapons-title">
        <h2 id="monthly-weapons-title">{m('weapons')}</h2>
        {r.weapons.length === 0 ? <p>{m('noWeapons')}</p> : null}
        <MonthlyTable
          kind="weapons"
          heads={[m('col.type')]}
          rows={r.weapons.map((line) => ({ key: line.type, cells: [t(`register:type.${line.type}`)], line }))}
          totals={r.weaponTotals}
          totalLabel={m('weaponsTotal')}
          t={(k) => m(k)}
          labels={labels}
        />
        <p className="monthly-note">{m('weaponsRule')}</p>
      </section>
      <section className="print-section" aria-labelledby="monthly-ammunition-title">
        <h2 id="monthly-ammunition-title">{m('ammunition')}</h2>
        {r.ammunition.length === 0 ? <p>{m('noAmmunition')}</p> : null}
        <MonthlyTable
          kind="ammunition"
          heads={[m('col.nature'), m('col.calibre')]}
          rows={r.ammunition.map((line) => ({ key: `${line.nature} · ${line.calibre}`, cells: [line.nature, line.calibre], line }))}
          totals={r.ammunitionTotals}
          totalLabel={m('ammunitionTotal')}
          t={(k) => m(k)}
          labels={labels}
        />
        <p className="monthly-note">{m('ammunitionRule')}</p>
      </section>
      <p className="monthly-note" data-testid="monthly-derived">
        {t('monthly.derived', { seq: labels.number(r.throughSeq) })}
      </p>
    </>
  );
}
