import type { WeaponStatus } from '../../../shared/domain/enums';
import { useLabels } from './labels';

/** A status as a coloured label; the colour only repeats the text (never the only signal). */
export function StatusBadge(props: { status: WeaponStatus }) {
  const labels = useLabels();
  return (
    <span className={`reg-status reg-status--${props.status}`} data-status={props.status}>
      {labels.status(props.status)}
    </span>
  );
}
