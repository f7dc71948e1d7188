import { useCallback, useEffect, useState } from 'react';
import type { BackupStatus } from '../../../shared/domain/backup';
import type { AppErrorShape } from '../../../shared/result';
import { call } from '../../lib/client';

/**
 * backups.status, read once on mount (a call counts as activity for the idle lock, so it is not
 * polled); `set` takes the status an operation answered with (backups.configure returns it).
 */
export function useBackupStatus() {
  const [status, setStatus] = useState<BackupStatus | null>(null);
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  // When it was read: what the age of the last backup is measured against on screen.
  const [readAt, setReadAt] = useState(() => Date.now());
  const reload = useCallback(async () => {
    const r = await call('backups.status', {});
    setReadAt(Date.now());
    if (r.ok) {
      setStatus(r.value);
      setFailure(null);
    } else setFailure(r.error);
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { status, failure, reload, set: setStatus, readAt };
}
