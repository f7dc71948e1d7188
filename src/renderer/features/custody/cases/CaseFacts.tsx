import type { CaseRow } from '../../../../shared/contract/custody';
import { useNavigate, type Screen } from '../../../app/navigation';
import { Deadline } from './Deadline';
import { useCaseLabels } from './labels';

/**
 * A case's record: each thing it concerns (weapon, lot, voucher, officer, stock check) opens its own
 * screen; a stock check case also shows the unknown code counted, or the place with book and count.
 */
export function CaseFacts(props: { row: CaseRow; now: number }) {
  const labels = useCaseLabels();
  const navigate = useNavigate();
  const c = props.row;
  const link = (text: string, to: Screen, testId?: string) => (
    <button type="button" className="reg-link code" onClick={() => navigate(to)} data-testid={testId}>
      {text}
    </button>
  );
  return (
    <section className="custody-section" aria-labelledby="case-facts-title">
      <h2 id="case-facts-title">{labels.t('dossier.details')}</h2>
      <dl className="facts" data-testid="case-facts">
        <dt>{labels.t('field.source')}</dt>
        <dd>{labels.source(c.source)}</dd>
        {c.checkId !== null ? (
          <>
            <dt>{labels.t('field.check')}</dt>
            <dd>{link(labels.t('checkNumber', { id: c.checkId }), { name: 'stockCheck', id: c.checkId }, 'case-check')}</dd>
          </>
        ) : null}
        <dt>{labels.t('field.subject')}</dt>
        <dd>{labels.subject(c.subject)}</dd>
        {c.code ? (
          <>
            <dt>{labels.t('field.code')}</dt>
            <dd className="code" data-testid="case-code">
              {c.code}
            </dd>
          </>
        ) : null}
        {c.weapon ? (
          <>
            <dt>{labels.t('field.weapon')}</dt>
            <dd>
              {link(c.weapon.nationalCode, { name: 'weapon', id: c.weapon.id }, 'case-weapon')} <small>{c.weapon.serial}</small>
            </dd>
          </>
        ) : null}
        {c.lot ? (
          <>
            <dt>{labels.t('field.lot')}</dt>
            <dd>{link(c.lot.lotNumber, { name: 'ammoLot', id: c.lot.id })}</dd>
          </>
        ) : null}
        {c.place ? (
          <>
            <dt>{labels.t('field.place')}</dt>
            <dd data-testid="case-place">{`${c.place.storeCode} ${c.place.bay}`.trim()}</dd>
          </>
        ) : null}
        {c.book !== null ? (
          <>
            <dt>{labels.t('field.book')}</dt>
            <dd data-testid="case-book">{labels.t('qty.rounds', { count: c.book, n: labels.number(c.book) })}</dd>
          </>
        ) : null}
        {c.counted !== null ? (
          <>
            <dt>{labels.t('field.counted')}</dt>
            <dd data-testid="case-counted">{labels.t('qty.rounds', { count: c.counted, n: labels.number(c.counted) })}</dd>
          </>
        ) : null}
        {c.subject !== 'weapon' ? (
          <>
            <dt>{labels.t('field.quantity')}</dt>
            <dd data-testid="case-quantity">{labels.what(c)}</dd>
          </>
        ) : null}
        {c.voucherId !== null ? (
          <>
            <dt>{labels.t('field.voucher')}</dt>
            <dd>{link(c.voucherNumber || String(c.voucherId), { name: 'voucher', id: c.voucherId }, 'case-voucher')}</dd>
          </>
        ) : null}
        {c.handoverId !== null ? (
          <>
            <dt>{labels.t('field.handover')}</dt>
            <dd>{labels.t('handoverNumber', { id: c.handoverId })}</dd>
          </>
        ) : null}
        {c.officer ? (
          <>
            <dt>{labels.t('field.officer')}</dt>
            <dd>
              {link(c.officer.serviceNumber, { name: 'officer', id: c.officer.id })} {c.officer.name}
            </dd>
          </>
        ) : null}
        {c.note ? (
          <>
            <dt>{labels.t('field.note')}</dt>
            <dd data-testid="case-note">{c.note}</dd>
          </>
        ) : null}
        <dt>{labels.t('field.owner')}</dt>
        <dd data-testid="case-owner">{`${c.owner.fullName} (${c.owner.username})`}</dd>
        <dt>{labels.t('field.openedAt')}</dt>
        <dd>{labels.dateTime(c.openedAt)}</dd>
        <dt>{labels.t('field.deadline')}</dt>
        <dd>
          <Deadline row={c} now={props.now} labels={labels} />
        </dd>
        <dt>{labels.t('field.status')}</dt>
        <dd>{labels.status(c.status)}</dd>
        {c.status === 'closed' ? (
          <>
            <dt>{labels.t('field.outcome')}</dt>
            <dd data-testid="case-outcome">{labels.outcome(c.outcome)}</dd>
            <dt>{labels.t('field.explanation')}</dt>
            <dd>{c.explanation}</dd>
            <dt>{labels.t('field.closedAt')}</dt>
            <dd>{labels.dateTime(c.closedAt)}</dd>
            {c.approver ? (
              <>
                <dt>{labels.t('field.approver')}</dt>
                <dd data-testid="case-approver">{`${c.approver.fullName} (${c.approver.username})`}</dd>
              </>
            ) : null}
          </>
        ) : null}
      </dl>
    </section>
  );
}
