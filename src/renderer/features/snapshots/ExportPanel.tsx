import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportedSnapshot, JobProgress } from '../../../shared/contract/snapshot';
import type { SnapshotSummary } from '../../../shared/domain/snapshot';
import type { AppErrorShape } from '../../../shared/result';
import { BusyButton } from '../../components/BusyButton';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useLanguage } from '../../components/useLanguage';
import { formatNumber } from '../../i18n/format';
import { call } from '../../lib/client';
import { useJobProgress } from './useJobProgress';

type Kind = 'since' | 'full';

/**
 * "Export a snapshot": full or since the last export (the default; the first is always full),
 * a progress bar while core writes the file, then `onDone` with the summary.
 */
export function ExportPanel(props: { last: ExportedSnapshot | null; onDone: (summary: SnapshotSummary) => void }) {
  const { t } = useTranslation('snapshots');
  const [kind, setKind] = useState<Kind>('since');
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const progress = useJobProgress(running, 'snapshot_export');
  const first = props.last === null;

  const start = async () => {
    setError(null);
    setRunning(true);
    try {
      const r = await call('snapshots.export', { full: first || kind === 'full' });
      if (r.ok) props.onDone(r.value);
      else setError(r.error);
    } finally {
      setRunning(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="snap-export-title" data-testid="export-panel">
      <h2 id="snap-export-title">{t('export.title')}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!running) void start();
        }}
      >
        {first ? (
          <p data-testid="export-first-full">{t('export.firstIsFull')}</p>
        ) : (
          <fieldset className="snap-kind" disabled={running}>
            <legend>{t('export.kind')}</legend>
            <label>
              <input type="radio" name="snap-kind" value="since" checked={kind === 'since'} onChange={() => setKind('since')} data-testid="export-kind-since" />
              <span>
                {t('export.sinceLast')}
                <small>{t('export.sinceLastHint', { number: props.last?.number ?? 0 })}</small>
              </span>
            </label>
            <label>
              <input type="radio" name="snap-kind" value="full" checked={kind === 'full'} onChange={() => setKind('full')} data-testid="export-kind-full" />
              <span>
                {t('export.full')}
                <small>{t('export.fullHint')}</small>
              </span>
            </label>
          </fieldset>
        )}
        <BusyButton busy={running} busyLabel={t('export.running')} testId="export-start">
          {t('export.start')}
        </BusyButton>
      </form>
      {running ? <Progress progress={progress} /> : null}
      <ErrorBanner error={error} />
    </section>
  );
}

/** The bar is there from the first moment (indeterminate until core reports), so a short export still shows it. */
function Progress(props: { progress: JobProgress | null }) {
  const { t } = useTranslation('snapshots');
  const lang = useLanguage();
  const p = props.progress;
  const known = p !== null && p.total > 0;
  const percent = known ? Math.min(100, Math.floor((p.done / p.total) * 100)) : 0;
  return (
    <div className="snap-progress" data-testid="export-progress" data-done={p?.done ?? 0} data-total={p?.total ?? 0}>
      {known ? (
        <progress max={p.total} value={p.done} aria-label={t('export.progressLabel')} />
      ) : (
        <progress aria-label={t('export.progressLabel')} />
      )}
      <span role="status" aria-live="polite">
        {known ? t('export.progress', { done: formatNumber(p.done, lang), total: formatNumber(p.total, lang), percent }) : t('export.preparing')}
        {known && p.item ? <span className="code"> · {p.item}</span> : null}
      </span>
    </div>
  );
}
