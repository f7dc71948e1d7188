import type { ImportOutcome, ImportResult } from '../../../../shared/contract/commission';
import { useCommissionLabels } from '../labels';

export const OUTCOME_BADGE: Record<ImportOutcome, string> = { accepted: 'ok', duplicate: 'off', rejected: 'danger' };

/** Each chosen file's verdict: accepted with what it added, already imported, or rejected and why. */
export function ImportResults(props: { results: ImportResult[] }) {
  const l = useCommissionLabels();
  const count = (o: ImportOutcome) => props.results.filter((r) => r.outcome === o).length;
  return (
    <section className="panel" aria-labelledby="cm-results-title" data-testid="import-results">
      <h2 id="cm-results-title">{l.t('import.resultsTitle')}</h2>
      <p data-testid="import-summary">
        {l.t('import.summary', {
          accepted: l.number(count('accepted')),
          duplicate: l.number(count('duplicate')),
          rejected: l.number(count('rejected')),
        })}
      </p>
      <table className="table table--compact cm-table">
        <thead>
          <tr>
            <th scope="col">{l.t('import.column.file')}</th>
            <th scope="col">{l.t('import.column.outcome')}</th>
            <th scope="col">{l.t('import.column.armoury')}</th>
            <th scope="col" className="num">{l.t('import.column.number')}</th>
            <th scope="col">{l.t('import.column.what')}</th>
          </tr>
        </thead>
        <tbody>
          {props.results.map((r, i) => (
            <tr key={`${i}-${r.fileSha256}`} data-file={r.fileName} data-outcome={r.outcome}>
              <th scope="row" className="code cm-break">
                {r.fileName}
              </th>
              <td>
                <span className={`cm-badge cm-badge--${OUTCOME_BADGE[r.outcome]}`}>{l.t(`outcome.${r.outcome}`)}</span>
              </td>
              <td className="code">{r.armoury ?? '—'}</td>
              <td className="num">{r.number === null ? '—' : l.number(r.number)}</td>
              <td>
                <OutcomeText r={r} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** What the verdict means in words: events and weapons added, or the translated reason with the technical detail. */
export function OutcomeText(props: { r: ImportResult }) {
  const l = useCommissionLabels();
  const { r } = props;
  if (r.outcome === 'accepted') return <>{l.t('import.added', { events: l.number(r.eventsAdded), weapons: l.number(r.weapons) })}</>;
  if (r.outcome === 'duplicate') return <>{l.t('import.duplicate')}</>;
  return (
    <>
      <span className="cm-reason" data-testid="reject-reason">
        {l.reason(r.reason)}
      </span>
      {r.detail ? <span className="cm-sub code cm-break">{r.detail}</span> : null}
    </>
  );
}
