import type { HistoryEntry } from '../../../../shared/contract/register';
import { useNavigate } from '../../../app/navigation';
import { useLabels } from '../labels';

/** The paper an event has: the loss or theft report, the destruction or deactivation certificate. */
export function PrintLink(props: { entry: HistoryEntry; weaponId: number }) {
  const labels = useLabels();
  const navigate = useNavigate();
  const { entry: e, weaponId } = props;
  const back = { name: 'weapon', id: weaponId } as const;
  const link = (testId: string, label: string, onClick: () => void) => (
    <button type="button" className="reg-link reg-event__print" data-testid={testId} onClick={onClick}>
      {labels.t(`registerPrint:button.${label}`)}
    </button>
  );
  switch (e.type) {
    case 'weapon.loss_reported':
    case 'weapon.theft_reported':
      return link('history-print-loss', e.type === 'weapon.loss_reported' ? 'lossReport' : 'theftReport', () =>
        navigate({ name: 'print', doc: { kind: 'lossReport', weaponId, seq: e.seq }, back }),
      );
    case 'weapon.destroyed':
    case 'weapon.deactivated':
      return link('history-print-destruction', e.type === 'weapon.destroyed' ? 'destruction' : 'deactivation', () =>
        navigate({ name: 'print', doc: { kind: 'destruction', weaponId }, back }),
      );
    default:
      return null;
  }
}
