import { useState } from 'react';
import type { JobProgress } from '../../../shared/contract/snapshot';
import type { BackupStatus, BackupSummary } from '../../../shared/domain/backup';
import type { AppErrorShape } from '../../../shared/result';
import { BusyButton } from '../../components/BusyButton';
import { ErrorBanner } from '../../components/ErrorBanner';
import { call } from '../../lib/client';
import { useJobProgress } from '../snapshots/useJobProgress';
import { useBackupLabels } from './labels';

/**
 * "Back up now": core copies, checks, encrypts and re-reads the backup while the bar follows it,
 * then says which file it wrote, its size and the journal head it holds. `onDone` reads the status again.
 */
export function BackUpNow(props: { status: BackupStatus; onDone: () => void }) {
  const { t } = useBackupLabels();
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<BackupSummary | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const progress = useJobProgress(running, 'backup');

  const start = async () => {
    setError(null);
    setResult(null);
    setRunning(true);
    try {
      const r = await call('backups.run', { reason: 'manual' });
      if (r.ok) setResult(r.value);
      else setError(r.error);
    } finally {
      setRunning(false);
      props.onDone();
    }
  };

  return (
    <div className="backup-block" data-testid="backup-run">
      <h3>{t('run.title')}</h3>
      {props.status.configured ? null : <p className="hint">{t('run.needsSetup')}</p>}
      <BusyButton
        type="button"
        busy={running}
        busyLabel={t('run.running')}
        onClick={() => void start()}
        testId="backup-run-start"
        className={props.status.configured ? 'button button--primary' : 'button'}
      >
        {t('run.start')}
      </BusyButton>
      {running ? <Progress progress={progress} /> : null}
      <ErrorBanner error={error} testId="backup-run-error" />
      {result ? <RunResult summary={result} /> : null}
    </div>
  );
}

function Progress(props: { progress: JobProgress | null }) {
  const { t, number } = useBackupLabels();
  const p = props.progress;
  const known = p !== null && p.total > 0;
  const percent = known ? Math.min(100, Math.floor((p.done / p.total) * 100)) : 0;
  return (
    <div className="backup-progress" data-testid="backup-progress">
      {known ? <progress max={p.total} value={p.done} aria-label={t('run.progressLabel')} /> : <progress aria-label={t('run.progressLabel')} />}
      <span role="status" aria-live="polite">
        {known ? t('run.progress', { percent: number(percent) }) : t('run.preparing')}
      </span>
    </div>
  );
}

function RunResult(props: { summary: BackupSummary }) {
  const labels = useBackupLabels();
  const { t } = labels;
  const s = props.summary;
  return (
    <div className="banner banner--ok" role="status" data-testid="backup-run-done">
      <p>
        <strong>{t('run.done')}</strong>
      </p>
      <dl className="facts">
        <dt>{t('run.file')}</dt>
        <dd className="code" data-testid="backup-run-file">
          {s.fileName}
        </dd>
        <dt>{t('run.folder')}</dt>
        <dd className="code backup-path">{s.folder}</dd>
        <dt>{t('run.size')}</dt>
        <dd data-testid="backup-run-size" data-bytes={s.size}>
          {labels.size(s.size)}
        </dd>
        <dt>{t('run.head')}</dt>
        <dd>
          {t('status.headValue', { seq: labels.number(s.headSeq) })}
          <br />
          <span className="code hash" data-testid="backup-run-head">
            {s.headHash}
          </span>
        </dd>
        <dt>{t('run.weapons')}</dt>
        <dd>{labels.number(s.weapons)}</dd>
      </dl>
      {s.rotated.length > 0 ? <p data-testid="backup-run-rotated">{t('run.rotated', { count: s.rotated.length, n: labels.number(s.rotated.length) })}</p> : null}
    </div>
  );
}
