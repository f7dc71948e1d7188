import { useState } from 'react';
import type { CheckReport } from '../../../../shared/contract/stockcheck';
import { CaseTable } from '../../custody/cases/CaseTable';
import { useCheckLabels } from '../labels';

/** The discrepancy cases the close opened, as the cases screen lists them (each opens its case). */
export function ReportCases(props: { report: CheckReport }) {
  const labels = useCheckLabels();
  const { cases } = props.report;
  // Deadlines are measured against when the report was shown.
  const [now] = useState(() => Date.now());
  return (
    <section className="sc-section" aria-labelledby="sc-cases-title" data-testid="report-cases">
      <h2 id="sc-cases-title">{labels.t('report.cases', { n: labels.number(cases.length) })}</h2>
      {cases.length ? <CaseTable rows={cases} now={now} testId="report-cases-table" /> : <p className="sc-muted">{labels.t('report.noCases')}</p>}
    </section>
  );
}
