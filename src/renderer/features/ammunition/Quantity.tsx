import { useAmmoLabels, type Packaging } from './labels';

/** A quantity in rounds, and beside it the same in cases, boxes and rounds when packing tells more. */
export function Quantity(props: { n: number; packaging: Packaging; signed?: boolean; testId?: string }) {
  const labels = useAmmoLabels();
  const sign = props.signed && props.n > 0 ? '+' : props.signed && props.n < 0 ? '−' : '';
  const packed = labels.packages(props.n, props.packaging);
  return (
    <span className="ammo-qty" data-testid={props.testId} data-value={props.n}>
      <span className="ammo-qty__rounds">
        {sign}
        {labels.rounds(Math.abs(props.n))}
      </span>
      {packed ? ' ' : null}
      {packed ? <small className="ammo-qty__packed">{labels.t('qty.packed', { value: packed })}</small> : null}
    </span>
  );
}
