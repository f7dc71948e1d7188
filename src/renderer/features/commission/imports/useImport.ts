import { useCallback, useRef, useState } from 'react';
import type { ImportResult } from '../../../../shared/contract/commission';
import type { JobProgress } from '../../../../shared/contract/snapshot';
import type { AppErrorShape } from '../../../../shared/result';
import { call } from '../../../lib/client';

/** The contract takes at most this many paths per call; a bigger folder goes in several calls. */
const BATCH = 1000;
const POLL_MS = 200;

export interface ImportRun {
  running: boolean;
  progress: JobProgress | null;
  /** Files already done in earlier batches of this run, added to core's count for the bar. */
  before: number;
  files: number;
  results: ImportResult[] | null;
  error: AppErrorShape | null;
  /** Runs finished since the screen opened: the log reloads when it changes. */
  finished: number;
}

const IDLE: ImportRun = { running: false, progress: null, before: 0, files: 0, results: null, error: null, finished: 0 };

/**
 * Imports the chosen files and follows core's progress: while commission.import is pending, asks
 * jobs.progress every 200 ms (one poll at a time, so slow answers never pile up).
 */
export function useImport() {
  const [run, setRun] = useState<ImportRun>(IDLE);
  const running = useRef(false);

  const start = useCallback(async (paths: string[]) => {
    if (running.current || paths.length === 0) return;
    running.current = true;
    const results: ImportResult[] = [];
    setRun((s) => ({ ...IDLE, running: true, files: paths.length, finished: s.finished }));
    let error: AppErrorShape | null = null;
    for (let i = 0; i < paths.length && !error; i += BATCH) {
      const batch = paths.slice(i, i + BATCH);
      let pending = true;
      const poll = async () => {
        while (pending) {
          const r = await call('jobs.progress', {});
          if (!pending) break;
          if (r.ok && r.value.job === 'snapshot_import') {
            const progress = r.value;
            setRun((s) => ({ ...s, progress, before: i }));
          }
          await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        }
      };
      void poll();
      const r = await call('commission.import', { paths: batch });
      pending = false;
      if (r.ok) results.push(...r.value);
      else error = r.error;
      setRun((s) => ({ ...s, before: i + batch.length, progress: null, results: [...results] }));
    }
    running.current = false;
    setRun((s) => ({ ...s, running: false, error, finished: s.finished + 1 }));
  }, []);

  return { run, start };
}
