import { useEffect, useState } from 'react';
import type { JobProgress } from '../../../shared/contract/snapshot';
import { call } from '../../lib/client';

const POLL_MS = 200;

/**
 * While `active` (a long call is pending), asks core how far its job is about every 200 ms; one
 * question at a time, so a slow answer never piles up polls. Null until the job has reported.
 */
export function useJobProgress(active: boolean, job: NonNullable<JobProgress['job']>): JobProgress | null {
  const [progress, setProgress] = useState<JobProgress | null>(null);
  useEffect(() => {
    if (!active) return;
    setProgress(null);
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      const r = await call('jobs.progress', {});
      if (stopped) return;
      if (r.ok && r.value.job === job) setProgress(r.value);
      timer = setTimeout(() => void poll(), POLL_MS);
    };
    timer = setTimeout(() => void poll(), POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [active, job]);
  return active ? progress : null;
}
