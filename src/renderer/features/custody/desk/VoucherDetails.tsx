import type { VoucherView } from '../../../../shared/contract/custody';
import { useNavigate } from '../../../app/navigation';
import { useDeskLabels } from './labels';

/** The voucher as it stands: who, what, until when, who signed, and what came back. */
export function VoucherFacts(props: { voucher: VoucherView }) {
  const labels = useDeskLabels();
  const v = props.voucher;
  const o = v.officer;
  const rows: [string, string, string][] = [
    ['officer', `${o.rank} ${o.name}`, 'voucher-officer'],
    ['serviceNumber', o.serviceNumber, 'voucher-service-number'],
    ['unit', `${o.unit} · ${labels.agency(o.agency)}`, 'voucher-unit'],
    ['kind', labels.kind(v.kind), 'voucher-kind'],
    ['issuedAt', labels.dateTime(v.issuedAt), 'voucher-issued-at'],
    ['duty', v.duty, 'voucher-duty'],
  ];
  if (v.kind === 'checkout') rows.push(['expectedReturn', labels.dateTime(v.expectedReturn), 'voucher-expected']);
  rows.push(['issuer', labels.actor(v.issuer), 'voucher-issuer']);
  if (v.countersigner) rows.push(['countersigner', labels.actor(v.countersigner), 'voucher-countersigner']);
  rows.push(['acknowledgement', labels.t('voucher.acknowledgedWith', { serviceNumber: v.acknowledgement }), 'voucher-ack']);
  if (v.note) rows.push(['note', v.note, 'voucher-note']);
  return (
    <dl className="desk-facts" data-testid="voucher-facts">
      {rows.map(([key, value, testId]) => (
        <div key={key} className="desk-facts__row">
          <dt>{labels.t(`voucher.field.${key}`)}</dt>
          <dd data-testid={testId}>{value}</dd>
        </div>
      ))}
      {v.override ? (
        <div className="desk-facts__row desk-facts__row--warn" data-testid="voucher-override">
          <dt>{labels.t('voucher.field.override')}</dt>
          <dd>
            {labels.t('voucher.override', {
              by: labels.actor(v.override.by),
              types: v.override.weaponTypes.map(labels.weaponType).join(', '),
              reason: v.override.reason,
            })}
          </dd>
        </div>
      ) : null}
    </dl>
  );
}

export function VoucherWeapons(props: { voucher: VoucherView }) {
  const labels = useDeskLabels();
  return (
    <table className="table table--compact desk-table" data-testid="voucher-weapons">
      <caption>{labels.t('voucher.weapons')}</caption>
      <thead>
        <tr>
          <th scope="col">{labels.t('weapon.nationalCode')}</th>
          <th scope="col">{labels.t('weapon.serial')}</th>
          <th scope="col">{labels.t('weapon.model')}</th>
          <th scope="col">{labels.t('weapon.calibre')}</th>
          <th scope="col" className="num">
            {labels.t('weapon.magazines')}
          </th>
          <th scope="col">{labels.t('voucher.outcomeHead')}</th>
        </tr>
      </thead>
      <tbody>
        {props.voucher.weapons.map((w) => (
          <tr key={w.weapon.id} data-testid="voucher-weapon" data-outcome={w.outcome} data-weapon-id={w.weapon.id}>
            <td className="code">{w.weapon.nationalCode}</td>
            <td className="code">{w.weapon.serial}</td>
            <td>
              {w.weapon.manufacturer} {w.weapon.model} <small className="desk-muted desk-type">{labels.weaponType(w.weapon.type)}</small>
            </td>
            <td>{w.weapon.calibre}</td>
            <td className="num">{labels.number(w.magazines)}</td>
            <td>
              <span className={`desk-badge desk-badge--${w.outcome === 'returned' ? 'ok' : w.outcome === 'out' ? 'info' : 'danger'}`}>{labels.outcome(w.outcome)}</span>
              {w.returnedAt ? <small className="desk-muted"> {labels.t('voucher.returnedAt', { date: labels.dateTime(w.returnedAt), condition: w.condition ? labels.condition(w.condition) : '—' })}</small> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Rounds and magazines: issued = expended + returned + unaccounted once the voucher is settled. */
export function VoucherRounds(props: { voucher: VoucherView }) {
  const labels = useDeskLabels();
  const v = props.voucher;
  return (
    <table className="table table--compact desk-table" data-testid="voucher-rounds">
      <caption>{labels.t('voucher.ammunition')}</caption>
      <thead>
        <tr>
          <th scope="col">{labels.t('voucher.item')}</th>
          <th scope="col">{labels.t('voucher.from')}</th>
          <th scope="col" className="num">{labels.t('reconcile.issued')}</th>
          {v.settled ? (
            <>
              <th scope="col" className="num">{labels.t('reconcile.expended')}</th>
              <th scope="col" className="num">{labels.t('reconcile.returned')}</th>
              <th scope="col" className="num">{labels.t('reconcile.unaccounted')}</th>
            </>
          ) : null}
        </tr>
      </thead>
      <tbody>
        {v.rounds.map((r) => (
          <tr key={r.lotId} data-testid="voucher-rounds-line" data-lot-id={r.lotId}>
            <td>
              <strong>{r.lotNumber || '—'}</strong> · {r.nature} · {r.calibre}
            </td>
            <td>{`${r.storeCode} · ${r.bay || '—'}`}</td>
            <td className="num" data-testid="rounds-issued">{labels.number(r.issued)}</td>
            {v.settled ? (
              <>
                <td className="num">{labels.number(r.expended)}</td>
                <td className="num">{labels.number(r.returned)}</td>
                <td className={`num${r.unaccounted > 0 ? ' desk-danger' : ''}`} data-testid="rounds-unaccounted">{labels.number(r.unaccounted)}</td>
              </>
            ) : null}
          </tr>
        ))}
        <tr data-testid="voucher-magazines">
          <td>{labels.t('voucher.magazines')}</td>
          <td>—</td>
          <td className="num">{labels.number(v.magazines)}</td>
          {v.settled ? (
            <>
              <td className="num">—</td>
              <td className="num">{labels.number(v.magazinesReturned)}</td>
              <td className={`num${v.magazinesUnaccounted > 0 ? ' desk-danger' : ''}`}>{labels.number(v.magazinesUnaccounted)}</td>
            </>
          ) : null}
        </tr>
      </tbody>
      {v.reference ? (
        <tfoot>
          <tr>
            <td colSpan={v.settled ? 6 : 3}>{labels.t('voucher.reference', { reference: v.reference })}</td>
          </tr>
        </tfoot>
      ) : null}
    </table>
  );
}

/** Discrepancy cases opened on this voucher, each a link to its case. */
export function CaseLinks(props: { cases: VoucherView['cases']; testId?: string }) {
  const labels = useDeskLabels();
  const navigate = useNavigate();
  if (props.cases.length === 0) return null;
  return (
    <ul className="desk-cases" data-testid={props.testId ?? 'voucher-cases'}>
      {props.cases.map((c) => (
        <li key={c.id} data-testid="case-link-item" data-case-id={c.id} data-subject={c.subject}>
          <button type="button" className="reg-link" onClick={() => navigate({ name: 'case', id: c.id })} data-testid={`case-link-${c.id}`}>
            {labels.t('cases.link', { id: labels.number(c.id) })}
          </button>{' '}
          {labels.t(`cases.subject.${c.subject}`, {
            code: c.weapon?.nationalCode ?? '',
            lot: c.lot?.lotNumber ?? '',
            rounds: labels.rounds(c.quantity),
            magazines: labels.magazines(c.quantity),
          })}{' '}
          <span className={`desk-badge desk-badge--${c.status === 'open' ? 'danger' : 'ok'}`}>{labels.t(`cases.status.${c.status}`)}</span>{' '}
          {c.status === 'open' ? <small className="desk-muted">{labels.t('cases.deadline', { date: labels.dateTime(c.deadline) })}</small> : null}
        </li>
      ))}
    </ul>
  );
}
