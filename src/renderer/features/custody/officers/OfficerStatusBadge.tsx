import type { OfficerStatus } from '../../../../shared/domain/custody';
import { useOfficerLabels } from './labels';

/** An officer's status in words; the colour only repeats it. */
export function OfficerStatusBadge(props: { status: OfficerStatus }) {
  const labels = useOfficerLabels();
  return (
    <span className={`custody-badge custody-badge--officer-${props.status}`} data-status={props.status} data-testid="officer-status">
      {labels.status(props.status)}
    </span>
  );
}
