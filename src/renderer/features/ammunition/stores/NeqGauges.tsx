import type { StoreView } from '../../../../shared/contract/ammunition';
import { HAZARD_DIVISIONS } from '../../../../shared/domain/ammunition';
import { useAmmoLabels } from '../labels';

/** Within 10% of the limit core warns; the gauge says the same by colour and by words. */
const NEAR = 0.9;

/**
 * NEQ present per hazard division against the licence, most hazardous division first. A division
 * present without a licensed limit is a plain red line: the store may not hold it.
 */
export function NeqGauges(props: { store: StoreView; compact?: boolean }) {
  const labels = useAmmoLabels();
  const { neqKg, licence } = props.store;
  const rows = HAZARD_DIVISIONS.filter((d) => (neqKg[d] ?? 0) > 0 || licence.maxNeqKg[d] !== undefined);
  if (rows.length === 0) return <span className="ammo-muted">{labels.t('store.notLicensedAny')}</span>;
  return (
    <ul className={`ammo-gauges${props.compact ? ' ammo-gauges--compact' : ''}`} data-testid="neq-gauges">
      {rows.map((d) => {
        const present = neqKg[d] ?? 0;
        const limit = licence.maxNeqKg[d];
        const ratio = limit === undefined ? Infinity : limit === 0 ? (present > 0 ? Infinity : 0) : present / limit;
        const level = ratio > 1 ? 'over' : ratio >= NEAR ? 'near' : 'ok';
        const text =
          limit === undefined
            ? labels.t('store.gaugeUnlicensed', { present: labels.kg(present) })
            : labels.t('store.gauge', { present: labels.kg(present), limit: labels.kg(limit), percent: labels.number(Math.round(Math.min(ratio, 9.99) * 100)) });
        return (
          <li key={d} className={`ammo-gauge ammo-gauge--${level}`} data-division={d} data-testid={`gauge-${d}`}>
            <span className="ammo-gauge__division">{labels.t('store.division', { division: d })}</span>
            <span
              className="ammo-gauge__bar"
              role="meter"
              aria-label={labels.t('store.division', { division: d })}
              aria-valuemin={0}
              aria-valuemax={limit ?? 0}
              aria-valuenow={present}
              aria-valuetext={text}
            >
              <span className="ammo-gauge__fill" style={{ width: `${Math.min(ratio, 1) * 100}%` }} />
            </span>
            <span className="ammo-gauge__text">
              {text}
              {level !== 'ok' ? <strong className="ammo-gauge__flag"> {labels.t(`store.level.${level}`)}</strong> : null}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
