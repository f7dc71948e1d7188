import { canWrite, useNavigate, useSession } from '../../app/navigation';
import { focusBackupsNext } from './focus';
import { daysBetween, useBackupLabels } from './labels';
import { useBackupStatus } from './useBackupStatus';
import './backups.css';

/**
 * On the custody and ammunition dashboards, for those who keep the register: backups not set up,
 * or the last good one older than the settings allow, with the way to the backup settings.
 * Says nothing while backups are fine.
 */
export function BackupNotice() {
  const labels = useBackupLabels();
  const { t } = labels;
  const navigate = useNavigate();
  const session = useSession();
  const { status, readAt } = useBackupStatus();
  if (!status || !canWrite(session)) return null;
  if (status.configured && !status.overdue) return null;
  const who = session.role === 'manager' ? 'manager' : 'other';
  const last = status.lastGood;
  let text: string;
  if (!status.configured) text = t(`notice.notConfigured.${who}`);
  else if (last) {
    const days = daysBetween(last.at, readAt);
    text = t('notice.overdue', { count: days, n: labels.number(days), date: labels.dateTime(last.at) });
  } else text = t('notice.never');
  return (
    <div className="banner backup-warning" role="alert" data-testid="backup-notice" data-state={status.configured ? 'overdue' : 'not-configured'}>
      <p data-testid="backup-notice-text">{text}</p>
      {status.configured && who === 'other' ? <p>{t('notice.askManager')}</p> : null}
      <button
        type="button"
        className="reg-link"
        onClick={() => {
          focusBackupsNext();
          navigate({ name: 'settings' });
        }}
        data-testid="backup-notice-open"
      >
        {t('notice.open')}
      </button>
    </div>
  );
}
