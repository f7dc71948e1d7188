import { useEffect, useRef, useState } from 'react';
import type { BackupSettings } from '../../../shared/domain/backup';
import { canManage, useSession } from '../../app/navigation';
import { ErrorBanner } from '../../components/ErrorBanner';
import { BackUpNow } from './BackUpNow';
import { BackupStatusFacts } from './BackupStatusFacts';
import { FolderSetting } from './FolderSetting';
import { takeBackupsFocus } from './focus';
import { useBackupLabels } from './labels';
import { PassphraseForm } from './PassphraseForm';
import { RestoreDialog } from './RestoreDialog';
import { ScheduleForm } from './ScheduleForm';
import { useBackupStatus } from './useBackupStatus';
import './backups.css';

/**
 * Settings > Backups: the last good backup for everyone; for managers the folder, the passphrase,
 * when backups are made, "Back up now" and the restore.
 */
export function BackupsPanel() {
  const { t } = useBackupLabels();
  const session = useSession();
  const { status, failure, reload, set, readAt } = useBackupStatus();
  const [restoring, setRestoring] = useState(false);
  const manager = canManage(session);
  const heading = useRef<HTMLHeadingElement>(null);
  // Opened from a dashboard's notice: straight to this panel, its heading focused for the keyboard.
  useEffect(() => {
    if (!takeBackupsFocus()) return;
    heading.current?.scrollIntoView({ block: 'start' });
    heading.current?.focus();
  }, []);

  return (
    <section className="panel" aria-labelledby="settings-backups" data-testid="backups" id="backups">
      <h2 id="settings-backups" ref={heading} tabIndex={-1}>
        {t('title')}
      </h2>
      <p className="hint">{t('intro')}</p>
      <ErrorBanner error={failure} />
      {status ? (
        <>
          <BackupStatusFacts status={status} now={readAt} />
          {manager ? (
            <>
              {/* Day to day, "Back up now" comes first; until backups are set up, the setting up does. */}
              {status.configured ? <BackUpNow status={status} onDone={() => void reload()} /> : null}
              <FolderSetting status={status} onSaved={set} />
              <PassphraseForm status={status} onSaved={set} />
              {status.configured ? null : <BackUpNow status={status} onDone={() => void reload()} />}
              <ScheduleForm status={status} onSaved={set} />
              <div className="backup-block" data-testid="backup-restore">
                <h3>{t('restore.title')}</h3>
                <p>{t('restore.lead')}</p>
                <button type="button" className="button" onClick={() => setRestoring(true)} data-testid="restore-open">
                  {t('restore.open')}
                </button>
              </div>
            </>
          ) : (
            <ReadOnlySettings settings={status.settings} />
          )}
        </>
      ) : null}
      {restoring ? <RestoreDialog onClose={() => setRestoring(false)} /> : null}
    </section>
  );
}

function ReadOnlySettings(props: { settings: BackupSettings }) {
  const { t, number } = useBackupLabels();
  const s = props.settings;
  return (
    <div className="backup-block">
      <ul data-testid="backup-settings-readonly">
        <li>{t(s.daily ? 'schedule.dailyOn' : 'schedule.dailyOff')}</li>
        <li>{t(s.onClose ? 'schedule.onCloseOn' : 'schedule.onCloseOff')}</li>
        <li>{t('schedule.keepValue', { count: s.keep, n: number(s.keep) })}</li>
        <li>{t('schedule.warnValue', { count: s.warnAfterDays, n: number(s.warnAfterDays) })}</li>
      </ul>
      <p className="hint">{t('managersOnly')}</p>
    </div>
  );
}
