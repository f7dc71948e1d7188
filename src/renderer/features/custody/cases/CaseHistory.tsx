import type { CaseRow } from '../../../../shared/contract/custody';
import type { HistoryEntry } from '../../../../shared/contract/register';
import { useCaseLabels, type CaseLabels } from './labels';

type Data = Record<string, unknown>;
const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));

/** Events this list names (cases:event.<type with _>); others show their type code. */
const KNOWN = new Set(['case.opened', 'case.updated', 'case.closed', 'weapon.loss_reported', 'custody.returned', 'ammo.adjusted']);

function details(l: CaseLabels, e: HistoryEntry, row: CaseRow): string[] {
  const d: Data = e.data;
  const lines: string[] = [];
  switch (e.type) {
    case 'case.opened':
      lines.push(l.t('eventDetail.opened', { source: l.source(str(d.source)), deadline: l.dateTime(str(d.deadline)) }));
      // The case's note, not the event's: a stock check case from before schema 5 had its facts in a generated English note.
      if (row.note) lines.push(l.t('eventDetail.note', { note: row.note }));
      break;
    case 'case.updated':
      if (d.explanation !== undefined) lines.push(l.t('eventDetail.explanation', { explanation: str(d.explanation) || '—' }));
      if (d.owner !== undefined) {
        const name = Number(d.owner) === row.owner.id ? row.owner.fullName : l.t('eventDetail.account', { id: str(d.owner) });
        lines.push(l.t('eventDetail.owner', { name }));
      }
      break;
    case 'case.closed':
      lines.push(l.t('eventDetail.closed', { outcome: l.outcome(str(d.outcome)) }));
      lines.push(l.t('eventDetail.explanation', { explanation: str(d.explanation) }));
      if (str(d.reference)) lines.push(l.t('eventDetail.reference', { reference: str(d.reference) }));
      break;
    case 'weapon.loss_reported':
      lines.push(l.t('eventDetail.lossReport', { reference: str(d.reference) }));
      break;
    case 'ammo.adjusted': {
      const delta = Number(d.delta);
      lines.push(l.t('eventDetail.adjusted', { delta: `${delta > 0 ? '+' : delta < 0 ? '−' : ''}${l.number(Math.abs(delta))}` }));
      if (str(d.reason)) lines.push(l.t('eventDetail.reason', { reason: str(d.reason) }));
      break;
    }
  }
  return lines;
}

/** The case's journal, newest first: opened, explained, handed over, closed (and who approved). */
export function CaseHistory(props: { history: HistoryEntry[]; row: CaseRow }) {
  const labels = useCaseLabels();
  const entries = [...props.history].reverse();
  return (
    <section className="reg-history custody-section" aria-labelledby="case-history-title">
      <h2 id="case-history-title">
        {labels.t('history.title')} <small>{labels.t('history.order')}</small>
      </h2>
      <ol className="reg-history__list" data-testid="case-history">
        {entries.map((e) => (
          <li key={e.seq} className="reg-event" data-seq={e.seq} data-type={e.type} data-testid="history-entry">
            <div className="reg-event__head">
              <span className="reg-event__seq">{labels.t('history.seq', { seq: e.seq })}</span>
              <strong className="reg-event__type">{KNOWN.has(e.type) ? labels.t(`event.${e.type.replace('.', '_')}`) : e.type}</strong>
              <time dateTime={e.at}>{labels.dateTime(e.at)}</time>
            </div>
            <div className="reg-event__who">{labels.t('history.by', { name: e.actor.fullName, username: e.actor.username })}</div>
            {e.approver ? (
              <div className="reg-event__who" data-testid="history-approver">
                {labels.t('history.approvedBy', { name: e.approver.fullName, username: e.approver.username })}
              </div>
            ) : null}
            {details(labels, e, props.row).map((text, i) => (
              <p key={i} className="reg-event__detail">
                {text}
              </p>
            ))}
          </li>
        ))}
      </ol>
    </section>
  );
}
