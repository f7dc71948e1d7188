import type { HistoryEntry } from '../../../../shared/contract/register';
import { useNavigate, type Screen } from '../../../app/navigation';
import { useOfficerLabels, type OfficerLabels } from './labels';

type Data = Record<string, unknown>;
const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));
const count = (v: unknown) => (Array.isArray(v) ? v.length : 0);

/** Events this list names (officers:event.<type with _>); others show their type code. */
const KNOWN = new Set([
  'officer.registered', 'officer.updated', 'officer.status_changed', 'officer.authorised', 'officer.authorisation_withdrawn',
  'custody.issued', 'custody.returned', 'case.opened', 'case.closed',
]);

function label(l: OfficerLabels, type: string): string {
  return KNOWN.has(type) ? l.t(`event.${type.replace('.', '_')}`) : type;
}

/** What an officer's event says, in a line or two a person reads. */
function details(l: OfficerLabels, e: HistoryEntry): string[] {
  const d: Data = e.data;
  switch (e.type) {
    case 'officer.registered':
    case 'officer.updated':
      return [l.t('eventDetail.record', { serviceNumber: str(d.serviceNumber), rank: str(d.rank), name: str(d.name), unit: str(d.unit), agency: l.agency(str(d.agency)) })];
    case 'officer.status_changed':
      return [l.t('eventDetail.status', { status: l.status(str(d.status)) }), l.t('eventDetail.reason', { reason: str(d.reason) })];
    case 'officer.authorised':
      return [l.t('eventDetail.authorised', { type: l.weaponType(str(d.weaponType)), expires: l.date(str(d.expires)), reference: str(d.reference) })];
    case 'officer.authorisation_withdrawn':
      return [l.t('eventDetail.withdrawn', { type: l.weaponType(str(d.weaponType)) }), l.t('eventDetail.reason', { reason: str(d.reason) })];
    case 'custody.issued': {
      const rounds = Array.isArray(d.rounds) ? (d.rounds as { quantity?: number }[]).reduce((n, r) => n + (r.quantity ?? 0), 0) : 0;
      const lines = [l.t('eventDetail.issued', { weapons: l.number(count(d.weapons)), rounds: l.number(rounds), duty: str(d.duty) })];
      const override = d.override as { reason?: string } | undefined;
      if (override) lines.push(l.t('eventDetail.override', { reason: str(override.reason) }));
      return lines;
    }
    case 'custody.returned':
      return [l.t('eventDetail.returned', { weapons: l.number(count(d.weapons)), missing: l.number(count(d.notReturned)) })];
    default:
      return [];
  }
}

/** Where an event leads: the voucher it issued or returned on, the case it opened or closed. */
function target(e: HistoryEntry): Screen | null {
  const d: Data = e.data;
  if (e.type === 'custody.issued') return { name: 'voucher', id: e.seq };
  if (e.type === 'custody.returned' && typeof d.voucherId === 'number') return { name: 'voucher', id: d.voucherId };
  if (e.type === 'case.opened') return { name: 'case', id: e.seq };
  if (e.type === 'case.closed' && typeof d.caseId === 'number') return { name: 'case', id: d.caseId };
  return null;
}

/** The officer's journal, newest first: registration, changes, authorisations, issues and returns. */
export function OfficerHistory(props: { history: HistoryEntry[] }) {
  const labels = useOfficerLabels();
  const navigate = useNavigate();
  const entries = [...props.history].reverse();
  return (
    <section className="reg-history custody-section" aria-labelledby="officer-history-title">
      <h2 id="officer-history-title">
        {labels.t('history.title')} <small>{labels.t('history.order')}</small>
      </h2>
      <ol className="reg-history__list" data-testid="officer-history">
        {entries.map((e) => {
          const to = target(e);
          return (
            <li key={e.seq} className="reg-event" data-seq={e.seq} data-type={e.type} data-testid="history-entry">
              <div className="reg-event__head">
                <span className="reg-event__seq">{labels.t('history.seq', { seq: e.seq })}</span>
                <strong className="reg-event__type">{label(labels, e.type)}</strong>
                <time dateTime={e.at}>{labels.dateTime(e.at)}</time>
              </div>
              <div className="reg-event__who">{labels.t('history.by', { name: e.actor.fullName, username: e.actor.username })}</div>
              {e.approver ? <div className="reg-event__who">{labels.t('history.approvedBy', { name: e.approver.fullName, username: e.approver.username })}</div> : null}
              {details(labels, e).map((text, i) => (
                <p key={i} className="reg-event__detail">
                  {text}
                </p>
              ))}
              {to ? (
                <button type="button" className="reg-link" onClick={() => navigate(to)}>
                  {labels.t(to.name === 'voucher' ? 'history.openVoucher' : 'history.openCase')}
                </button>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
