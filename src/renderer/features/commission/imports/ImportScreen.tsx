import { useState } from 'react';
import type { Coded } from '../../../../shared/result';
import { canWrite, useSession } from '../../../app/navigation';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { useCommissionLabels } from '../labels';
import { ImportLog } from './ImportLog';
import { ImportResults } from './ImportResults';
import { useImport } from './useImport';

/**
 * Import from the USB stick: choose snapshot files or a folder of them, watch the progress, read
 * each file's verdict; the log of every import ever tried is underneath, newest first.
 */
export function ImportScreen() {
  const l = useCommissionLabels();
  const session = useSession();
  const { run, start } = useImport();
  const [choosing, setChoosing] = useState(false);
  const [nothing, setNothing] = useState(false);
  const [dialogError, setDialogError] = useState<Coded | null>(null);
  const writer = canWrite(session);

  const choose = async (folder: boolean) => {
    setChoosing(true);
    setNothing(false);
    setDialogError(null);
    try {
      const { paths } = await window.gardien.chooseSnapshots(folder);
      // Cancelled, or a folder without snapshot files: nothing to do, and the screen says so.
      if (paths.length === 0) setNothing(true);
      else await start(paths);
    } catch {
      // The shell could not open the dialog or read the folder: say so, nothing was imported.
      setDialogError({ code: 'internal' });
    } finally {
      setChoosing(false);
    }
  };

  const busy = choosing || run.running;
  const p = run.progress;
  const done = run.before + (p?.done ?? 0);
  return (
    <section className="page cm-page" aria-labelledby="cm-import-title">
      <h1 id="cm-import-title">{l.t('import.title')}</h1>
      <p className="hint">{l.t('import.intro')}</p>
      {writer ? (
        <div className="cm-toolbar">
          <button type="button" className="button button--primary" disabled={busy} onClick={() => void choose(false)} data-testid="import-files">
            {l.t('import.chooseFiles')}
          </button>
          <button type="button" className="button" disabled={busy} onClick={() => void choose(true)} data-testid="import-folder">
            {l.t('import.chooseFolder')}
          </button>
        </div>
      ) : (
        <p className="hint">{l.t('import.readOnly')}</p>
      )}
      {nothing ? (
        <p role="status" data-testid="import-nothing">
          {l.t('import.nothingChosen')}
        </p>
      ) : null}
      {run.running ? (
        <div className="cm-progress" role="status" data-testid="import-progress">
          <progress max={Math.max(1, run.files)} value={done} aria-label={l.t('import.progressLabel')} />
          <span>
            {l.t('import.progress', { done: l.number(done), total: l.number(run.files) })}
            {p?.item ? ` · ${p.item}` : ''}
          </span>
        </div>
      ) : null}
      <ErrorBanner error={run.error ?? dialogError} />
      {run.results ? <ImportResults results={run.results} /> : null}
      <ImportLog reloadKey={run.running ? -1 : run.finished} />
    </section>
  );
}
