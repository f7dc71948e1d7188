import { useCallback, useEffect, useState } from 'react';
import type { OpInput, OpOutput, OperationName } from '../../shared/contract';
import type { AppErrorShape } from '../../shared/result';
import { call } from './client';

/**
 * One record read for a dossier screen, read again after each action: its value, the error that
 * stopped it, and when it was read (what "overdue" or "late" is measured against on screen).
 */
export function useRecord<K extends OperationName>(op: K, input: OpInput<K>) {
  const [value, setValue] = useState<OpOutput<K> | null>(null);
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const [readAt, setReadAt] = useState(() => Date.now());
  // The input as text: a new object with the same content is the same record.
  const key = JSON.stringify(input);
  const reload = useCallback(async () => {
    const r = await call(op, JSON.parse(key) as OpInput<K>);
    setReadAt(Date.now());
    if (r.ok) {
      setValue(r.value);
      setFailure(null);
    } else setFailure(r.error);
  }, [op, key]);
  useEffect(() => {
    setValue(null);
    setFailure(null);
    void reload();
  }, [reload]);
  return { value, failure, reload, readAt };
}
