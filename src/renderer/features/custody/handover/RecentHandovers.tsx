import type { HandoverRow } from '../../../../shared/contract/custody';
import { useHandoverLabels } from './labels';

/** The latest shift handovers, newest first: who handed over to whom, and what the count found. */
export function RecentHandovers(props: { rows: HandoverRow[] | null }) {
  const labels = useHandoverLabels();
  const { rows } = props;
  return (
    <section className="ho-recent" aria-labelledby="ho-recent-title">
      <h2 id="ho-recent-title">{labels.t('recent.title')}</h2>
      {rows === null ? null : rows.length === 0 ? (
        <p className="ho-muted">{labels.t('recent.empty')}</p>
      ) : (
        <table className="table table--compact ho-table" data-testid="handover-list">
          <thead>
            <tr>
              <th scope="col">{labels.t('recent.at')}</th>
              <th scope="col">{labels.t('recent.outgoing')}</th>
              <th scope="col">{labels.t('recent.incoming')}</th>
              <th scope="col" className="num">
                {labels.t('count.expected')}
              </th>
              <th scope="col" className="num">
                {labels.t('count.counted')}
              </th>
              <th scope="col" className="num">
                {labels.t('count.missing')}
              </th>
              <th scope="col" className="num">
                {labels.t('count.unexpected')}
              </th>
              <th scope="col" className="num">
                {labels.t('result.keys')}
              </th>
              <th scope="col">{labels.t('sign.note')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((h) => (
              <tr key={h.id} data-testid="handover-row" data-id={h.id} className={h.missing > 0 ? 'ho-row--missing' : undefined}>
                <td>
                  <time dateTime={h.at}>{labels.dateTime(h.at)}</time>
                </td>
                <td>{labels.actor(h.outgoing)}</td>
                <td>{labels.actor(h.incoming)}</td>
                <td className="num">{labels.number(h.expected)}</td>
                <td className="num">{labels.number(h.counted)}</td>
                <td className="num">{h.missing > 0 ? <strong>{labels.number(h.missing)}</strong> : labels.number(h.missing)}</td>
                <td className="num">{labels.number(h.unexpected)}</td>
                <td className="num">{labels.number(h.keys)}</td>
                <td>{h.note}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
