import type { BackupStatus } from '../../../shared/domain/backup';
import { daysBetween, useBackupLabels } from './labels';

/** The last good backup (when, which file, where, up to which journal entry), or that there is none, and whether that is too old. */
export function BackupStatusFacts(props: { status: BackupStatus; now: number }) {
  const labels = useBackupLabels();
  const { t } = labels;
  const { lastGood, settings } = props.status;
  const age = lastGood ? daysBetween(lastGood.at, props.now) : 0;
  return (
    <div className="backup-status" data-testid="backup-status">
      <h3>{t('status.title')}</h3>
      {lastGood ? (
        <dl className="facts" data-testid="backup-last">
          <dt>{t('status.at')}</dt>
          <dd data-testid="backup-last-at" data-at={lastGood.at}>
            {labels.dateTime(lastGood.at)} <span className="hint">{age === 0 ? t('status.today') : t('status.age', { count: age, n: labels.number(age) })}</span>
          </dd>
          <dt>{t('status.file')}</dt>
          <dd className="code" data-testid="backup-last-file">
            {lastGood.fileName}
          </dd>
          <dt>{t('status.folder')}</dt>
          <dd className="code backup-path">{lastGood.folder}</dd>
          <dt>{t('status.head')}</dt>
          <dd>{t('status.headValue', { seq: labels.number(lastGood.headSeq) })}</dd>
          <dt>{t('status.reason')}</dt>
          <dd>{t(`reason.${lastGood.reason}`)}</dd>
        </dl>
      ) : (
        <p data-testid="backup-last-none">{t('status.none')}</p>
      )}
      {props.status.overdue ? (
        <p className="banner backup-warning" role="alert" data-testid="backup-overdue">
          {t('status.overdue', { count: settings.warnAfterDays, n: labels.number(settings.warnAfterDays) })}
        </p>
      ) : null}
      {!props.status.configured ? (
        <p className="banner backup-warning" data-testid="backup-not-configured">
          {t(`status.missing.${missing(props.status)}`)}
        </p>
      ) : null}
    </div>
  );
}

/** What is still to set before automatic backups can run. */
export function missing(status: BackupStatus): 'both' | 'folder' | 'passphrase' {
  if (!status.folder && !status.passphraseSet) return 'both';
  return status.folder ? 'passphrase' : 'folder';
}
