import type { CheckRow } from '../../../../shared/contract/stockcheck';
import { useCheckLabels } from '../labels';

/** What a printed check is: its number, scope, store, when it started (and closed), who counted and witnessed. */
export function CheckFacts(props: { check: CheckRow }) {
  const labels = useCheckLabels();
  const c = props.check;
  const closed = c.status === 'closed';
  return (
    <section className="print-section">
      <dl className="print-facts" data-testid="print-check-facts">
        <dt>{labels.t('field.number')}</dt>
        <dd>{labels.checkNumber(c.id)}</dd>
        <dt>{labels.t('field.scope')}</dt>
        <dd>{labels.scopeName(c.scope)}</dd>
        <dt>{labels.t('field.store')}</dt>
        <dd>{c.scope === 'store' ? c.storeCode : c.scope === 'weapons' ? '—' : labels.t('print.allStores')}</dd>
        <dt>{labels.t('field.startedAt')}</dt>
        <dd>{labels.dateTime(c.startedAt)}</dd>
        <dt>{labels.t('field.counter')}</dt>
        <dd>{labels.actor(c.counter)}</dd>
        {closed ? (
          <>
            <dt>{labels.t('field.closedAt')}</dt>
            <dd>{labels.dateTime(c.closedAt)}</dd>
            <dt>{labels.t('field.witness')}</dt>
            <dd>{labels.actor(c.witness)}</dd>
          </>
        ) : null}
        {c.note ? (
          <>
            <dt>{labels.t('field.note')}</dt>
            <dd>{c.note}</dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}
