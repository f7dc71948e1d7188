import { WEAPON_STATUSES, type WeaponStatus } from '../../../../shared/domain/enums';
import type { RegisterCounts } from '../../../../shared/contract/register';
import { useLabels } from '../labels';

/**
 * Counts per status (kept by core as counters, never a full scan), as toggles that filter the
 * register. Statuses with no weapon are left out unless they are the current filter.
 */
export function StatusChips(props: { counts: RegisterCounts | null; status: WeaponStatus | undefined; onChange: (s: WeaponStatus | undefined) => void }) {
  const labels = useLabels();
  const counts = props.counts;
  if (!counts) return <div className="reg-chips" />;
  const shown = WEAPON_STATUSES.filter((s) => (counts.byStatus[s] ?? 0) > 0 || s === props.status);
  return (
    <div className="reg-chips" role="group" aria-label={labels.t('register:list.byStatus')}>
      <button type="button" className="reg-chip" aria-pressed={props.status === undefined} onClick={() => props.onChange(undefined)}>
        {labels.t('register:list.allStatuses')} <strong>{labels.number(counts.total)}</strong>
      </button>
      {shown.map((s) => (
        <button
          key={s}
          type="button"
          className={`reg-chip reg-chip--${s}`}
          aria-pressed={props.status === s}
          data-status={s}
          onClick={() => props.onChange(props.status === s ? undefined : s)}
        >
          <span className={`reg-dot reg-status--${s}`} aria-hidden="true" />
          {labels.status(s)} <strong>{labels.number(counts.byStatus[s] ?? 0)}</strong>
        </button>
      ))}
    </div>
  );
}
