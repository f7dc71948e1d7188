import { useEffect, useState } from 'react';
import type { NationalEvent, WeaponHistory } from '../../../../shared/contract/commission';
import type { HistoryEntry } from '../../../../shared/contract/register';
import type { AppErrorShape } from '../../../../shared/result';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { call } from '../../../lib/client';
import { eventDetails, eventLabel } from '../../register/dossier/eventText';
import { useLabels } from '../../register/labels';
import { useCommissionLabels } from '../labels';
import { useCommissionNavigate, type CommissionScreen } from '../screens';
import { transferLinks, type TransferLink } from './transfers';

const eventId = (e: { armoury: string; seq: number }) => `cm-ev-${e.armoury}-${e.seq}`;

/** The register's event texts need a journal entry; the national copy has no actor names, only the event. */
function asEntry(e: NationalEvent): HistoryEntry {
  const data = typeof e.data === 'object' && e.data !== null ? (e.data as Record<string, unknown>) : {};
  return { seq: e.seq, at: e.at, type: e.type, actor: { id: 0, username: '', fullName: '' }, approver: null, data, hash: e.hash };
}

/**
 * One weapon across the armouries that held it: its record in each, and every event in time
 * order, a transfer out linked to the transfer in that received it.
 */
export function WeaponHistoryScreen(props: { armoury: string; weaponId: number; back: CommissionScreen }) {
  const l = useCommissionLabels();
  const registerLabels = useLabels();
  const navigate = useCommissionNavigate();
  const [history, setHistory] = useState<WeaponHistory | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);

  useEffect(() => {
    void call('commission.history', { armoury: props.armoury, weaponId: props.weaponId }).then((r) => (r.ok ? setHistory(r.value) : setError(r.error)));
  }, [props.armoury, props.weaponId]);

  const links = history ? transferLinks(history.events) : new Map<string, TransferLink>();
  const jump = (target: NationalEvent) => {
    const el = document.getElementById(eventId(target));
    el?.scrollIntoView({ block: 'center' });
    el?.focus();
  };
  const first = history?.records.find((r) => r.armoury === props.armoury && r.id === props.weaponId) ?? history?.records[0];

  return (
    <section className="page cm-page" aria-labelledby="cm-history-title">
      <button type="button" className="button button--quiet cm-back" onClick={() => navigate(props.back)} data-testid="history-back">
        {l.t('history.back')}
      </button>
      <h1 id="cm-history-title">
        {first ? l.t('history.title', { nationalCode: first.nationalCode, serial: first.serial }) : l.t('history.titleLoading')}
      </h1>
      <ErrorBanner error={error} />
      {history ? (
        <>
          <section className="panel" aria-labelledby="cm-records-title">
            <h2 id="cm-records-title">{l.t('history.records', { count: history.records.length, n: l.number(history.records.length) })}</h2>
            <table className="table table--compact cm-table" data-testid="history-records">
              <thead>
                <tr>
                  <th scope="col">{l.t('weapon.armoury')}</th>
                  <th scope="col">{l.t('weapon.nationalCode')}</th>
                  <th scope="col">{l.t('weapon.serial')}</th>
                  <th scope="col">{l.t('weapon.makeModel')}</th>
                  <th scope="col">{l.t('weapon.type')}</th>
                  <th scope="col">{l.t('weapon.status')}</th>
                  <th scope="col">{l.t('weapon.registeredAt')}</th>
                </tr>
              </thead>
              <tbody>
                {history.records.map((w) => (
                  <tr key={`${w.armoury}/${w.id}`} data-armoury={w.armoury}>
                    <th scope="row" className="code">
                      {w.armoury}
                    </th>
                    <td className="code">{w.nationalCode}</td>
                    <td className="code">{w.serial}</td>
                    <td>
                      {w.manufacturer} {w.model}
                    </td>
                    <td>{l.type(w.type)}</td>
                    <td>
                      <span className={`cm-status cm-status--${w.status}`}>{l.status(w.status)}</span>
                    </td>
                    <td>{l.dateTime(w.registeredAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section className="panel" aria-labelledby="cm-events-title">
            <h2 id="cm-events-title">{l.t('history.events')}</h2>
            {history.events.length === 0 ? <p>{l.t('history.noEvents')}</p> : null}
            <ol className="cm-events" data-testid="history-events">
              {history.events.map((e) => {
                const link = links.get(eventId(e));
                return (
                  <li key={eventId(e)} id={eventId(e)} tabIndex={-1} className="cm-event" data-armoury={e.armoury} data-type={e.type}>
                    <div className="cm-event__head">
                      <span className="cm-nowrap">{l.dateTime(e.at)}</span>
                      <span className="code">{e.armoury}</span>
                      <strong>{eventLabel(registerLabels, e.type)}</strong>
                      <span className="cm-sub cm-sub--inline">{l.t('history.seq', { seq: e.seq })}</span>
                    </div>
                    <ul className="cm-event__lines">
                      {eventDetails(registerLabels, asEntry(e)).map((line, i) => (
                        <li key={i}>{line}</li>
                      ))}
                    </ul>
                    {link ? <TransferLine link={link} onJump={jump} /> : null}
                  </li>
                );
              })}
            </ol>
          </section>
        </>
      ) : null}
    </section>
  );
}

function TransferLine(props: { link: TransferLink; onJump: (e: NationalEvent) => void }) {
  const l = useCommissionLabels();
  const { link } = props;
  if (!link.other) {
    return (
      <p className="cm-transfer cm-transfer--open" data-testid="transfer-unmatched">
        {l.t(link.direction === 'out' ? 'history.noArrival' : 'history.noDeparture')}
      </p>
    );
  }
  const other = link.other;
  return (
    <p className="cm-transfer" data-testid={`transfer-${link.direction}`}>
      {l.t(link.direction === 'out' ? 'history.arrivedAt' : 'history.leftFrom', { armoury: other.armoury, date: l.dateTime(other.at) })}{' '}
      <button type="button" className="cm-link" onClick={() => props.onJump(other)}>
        {l.t('history.showEvent')}
      </button>
    </p>
  );
}
