import type { VoucherView } from '../../../../shared/contract/custody';
import { useDeskLabels } from './labels';
import type { reconcile } from './reconcile';

/** The live reconciliation under the counts: issued = expended + returned + unaccounted. */
export function Reconciliation(props: { voucher: VoucherView; result: ReturnType<typeof reconcile> }) {
  const labels = useDeskLabels();
  const { result } = props;
  return (
    <div className="desk-reconcile" aria-live="polite" data-testid="reconciliation">
      {result.rounds.map((r) => (
        <p key={r.lotId} className={r.unaccounted !== 0 ? 'desk-reconcile__line desk-reconcile__line--bad' : 'desk-reconcile__line'} data-testid="reconcile-line" data-lot-id={r.lotId} data-unaccounted={r.unaccounted}>
          <strong>{labels.t('reconcile.lot', { lot: r.lotNumber || '—' })}</strong>{' '}
          {labels.t('reconcile.equation', {
            issued: labels.number(r.issued),
            expended: labels.number(r.expended),
            returned: labels.number(r.returned),
            unaccounted: labels.number(r.unaccounted),
          })}
        </p>
      ))}
      {props.voucher.magazines > 0 || result.magazines.returned > 0 ? (
        <p className={result.magazines.unaccounted !== 0 ? 'desk-reconcile__line desk-reconcile__line--bad' : 'desk-reconcile__line'} data-testid="reconcile-magazines">
          <strong>{labels.t('reconcile.magazines')}</strong>{' '}
          {labels.t('reconcile.magazineEquation', {
            issued: labels.number(result.magazines.issued),
            returned: labels.number(result.magazines.returned),
            unaccounted: labels.number(result.magazines.unaccounted),
          })}
        </p>
      ) : null}
    </div>
  );
}

/** What a case will be opened for if the return goes ahead as counted. */
export function UnaccountedList(props: { result: ReturnType<typeof reconcile> }) {
  const labels = useDeskLabels();
  const { result } = props;
  return (
    <ul className="desk-unaccounted">
      {result.notReturned.map((w) => (
        <li key={w.weapon.id}>{labels.t('return.warning.weapon', { code: w.weapon.nationalCode, serial: w.weapon.serial })}</li>
      ))}
      {result.rounds
        .filter((r) => r.unaccounted > 0)
        .map((r) => (
          <li key={r.lotId}>{labels.t('return.warning.rounds', { rounds: labels.rounds(r.unaccounted), lot: r.lotNumber || '—' })}</li>
        ))}
      {result.magazines.unaccounted > 0 ? <li>{labels.t('return.warning.magazines', { magazines: labels.magazines(result.magazines.unaccounted) })}</li> : null}
    </ul>
  );
}
