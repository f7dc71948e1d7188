import { useCallback, useEffect, useState } from 'react';
import type { StoreView } from '../../../shared/contract/ammunition';
import type { AppErrorShape } from '../../../shared/result';
import { call } from '../../lib/client';

/** The armoury's stores, loaded once per screen or dialog that needs them, and on demand after a change. */
export function useStores() {
  const [stores, setStores] = useState<StoreView[] | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const reload = useCallback(async () => {
    const r = await call('stores.list', {});
    if (r.ok) {
      setStores(r.value);
      setError(null);
    } else setError(r.error);
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { stores, error, reload };
}
