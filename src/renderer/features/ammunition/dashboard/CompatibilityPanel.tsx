import type { AmmoDashboard } from '../../../../shared/contract/ammunition';
import { useAmmoLabels } from '../labels';

/**
 * The mixing table the safety checks use is a baseline, not an approved national table: users
 * must be told so plainly. Its status text is reference data written in English; it is shown as
 * written, marked as English, under a translated explanation.
 */
export function CompatibilityPanel(props: { table: AmmoDashboard['compatibilityTable'] }) {
  const labels = useAmmoLabels();
  return (
    <section className="panel ammo-compat" aria-labelledby="ammo-compat-title" data-testid="compat-table">
      <h2 id="ammo-compat-title">{labels.t('compat.title')}</h2>
      <p>
        {labels.t('compat.id')} <span className="code" data-testid="compat-id">{props.table.id}</span>
      </p>
      <p className="ammo-warning" role="note">
        {labels.t('compat.baseline')}
      </p>
      <p>{labels.t('compat.rules')}</p>
      <details>
        <summary>{labels.t('compat.statusAsWritten')}</summary>
        <p lang="en" data-testid="compat-status">
          {props.table.status}
        </p>
      </details>
    </section>
  );
}
