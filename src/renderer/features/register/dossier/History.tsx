import type { HistoryEntry } from '../../../../shared/contract/register';
import { formatDateTime } from '../../../i18n/format';
import { useLabels } from '../labels';
import { eventDetails, eventLabel } from './eventText';
import { PrintLink } from './PrintLink';

/**
 * The weapon's journal, newest first: who, when, what, why. A correction names the event it
 * corrects, and the corrected event points to its corrections; nothing is hidden or rewritten.
 */
export function History(props: { history: HistoryEntry[]; weaponId?: number }) {
  const labels = useLabels();
  const correctedBy = new Map<number, HistoryEntry[]>();
  for (const e of props.history) {
    if (e.type !== 'weapon.corrected') continue;
    const target = Number(e.data.corrects);
    correctedBy.set(target, [...(correctedBy.get(target) ?? []), e]);
  }
  const entries = [...props.history].reverse();
  return (
    <section className="reg-history" aria-labelledby="reg-history-title">
      <h2 id="reg-history-title">
        {labels.t('register:history.title')} <small>{labels.t('register:history.order')}</small>
      </h2>
      <ol className="reg-history__list" data-testid="history">
        {entries.map((e) => (
          <li key={e.seq} className={`reg-event reg-event--${e.type.replace('weapon.', '')}`} data-seq={e.seq} data-type={e.type} data-testid="history-entry">
            <div className="reg-event__head">
              <span className="reg-event__seq">{labels.t('register:history.seq', { seq: e.seq })}</span>
              <strong className="reg-event__type">{eventLabel(labels, e.type)}</strong>
              <time dateTime={e.at}>{formatDateTime(e.at, labels.lang)}</time>
            </div>
            <div className="reg-event__who">{labels.t('register:history.by', { name: e.actor.fullName, username: e.actor.username })}</div>
            {e.approver ? (
              <div className="reg-event__who" data-testid="history-approver">
                {labels.t('register:history.approvedBy', { name: e.approver.fullName, username: e.approver.username })}
              </div>
            ) : null}
            {eventDetails(labels, e, props.weaponId).map((text, i) => (
              <p key={i} className="reg-event__detail">
                {text}
              </p>
            ))}
            {props.weaponId !== undefined ? <PrintLink entry={e} weaponId={props.weaponId} /> : null}
            {(correctedBy.get(e.seq) ?? []).map((c) => (
              <p key={c.seq} className="reg-event__corrected">
                {labels.t('register:history.correctedBy', { seq: c.seq, field: labels.field(String(c.data.field)) })}
              </p>
            ))}
            <div className="reg-event__hash" title={e.hash}>
              {labels.t('register:history.hash', { hash: e.hash.slice(0, 12) })}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
