import { useCallback, useEffect, useRef, useState } from 'react';
import type { CustodyDashboard } from '../../../../shared/contract/custody';
import type { AppErrorShape } from '../../../../shared/result';
import { call } from '../../../lib/client';

/** The dashboard is asked again every minute: overdue weapons appear without anyone reloading. */
export const REFRESH_MS = 60_000;

/** custody.dashboard, read on mount and, while `live`, every minute; with the time it was read. */
export function useCustodyDashboard(live: boolean) {
  const [data, setData] = useState<CustodyDashboard | null>(null);
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const [at, setAt] = useState(() => Date.now());
  const mounted = useRef(true);

  const load = useCallback(async () => {
    const r = await call('custody.dashboard', {});
    if (!mounted.current) return;
    setAt(Date.now());
    if (r.ok) {
      setData(r.value);
      setFailure(null);
    } else setFailure(r.error);
  }, []);

  useEffect(() => {
    mounted.current = true;
    void load();
    return () => {
      mounted.current = false;
    };
  }, [load]);

  useEffect(() => {
    if (!live) return undefined;
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [live, load]);

  return { data, failure, at };
}
