import type { BackupContents } from '../../../shared/domain/backup';
import { useBackupLabels } from './labels';

/** What a backup file holds, as core read and verified it: whose register, when, up to which entry. */
export function BackupContentsFacts(props: { contents: BackupContents }) {
  const labels = useBackupLabels();
  const { t } = labels;
  const c = props.contents;
  const behind = c.currentHeadSeq !== null && c.currentHeadSeq > c.headSeq ? c.currentHeadSeq - c.headSeq : 0;
  return (
    <div data-testid="restore-contents">
      <dl className="facts">
        <dt>{t(c.kind === 'commission' ? 'contents.register' : 'contents.armoury')}</dt>
        <dd data-testid="restore-armoury">
          <span className="code">{c.armouryCode}</span> {c.armouryName}
        </dd>
        <dt>{t('contents.createdAt')}</dt>
        <dd data-testid="restore-created" data-at={c.createdAt}>
          {labels.dateTime(c.createdAt)} <span className="hint">({t(`reason.${c.reason}`)})</span>
        </dd>
        <dt>{t('contents.head')}</dt>
        <dd>
          <span data-testid="restore-head-seq" data-seq={c.headSeq}>
            {t('status.headValue', { seq: labels.number(c.headSeq) })}
          </span>
          <br />
          <span className="code hash" data-testid="restore-head-hash">
            {c.headHash}
          </span>
        </dd>
        <dt>{t('contents.weapons')}</dt>
        <dd data-testid="restore-weapons">{labels.number(c.weapons)}</dd>
        <dt>{t('contents.size')}</dt>
        <dd>{labels.size(c.databaseSize)}</dd>
        <dt>{t('contents.current')}</dt>
        <dd data-testid="restore-current">{c.currentHeadSeq === null ? t('contents.noCurrent') : t('status.headValue', { seq: labels.number(c.currentHeadSeq) })}</dd>
      </dl>
      {!c.sameArmoury ? (
        <p className="banner banner--error" role="alert" data-testid="restore-other-armoury">
          {t('contents.otherArmoury', { code: c.armouryCode })}
        </p>
      ) : null}
      {c.sameArmoury && behind > 0 ? (
        <p className="banner backup-warning" data-testid="restore-behind">
          {t('contents.behind', { count: behind, n: labels.number(behind) })}
        </p>
      ) : null}
    </div>
  );
}
