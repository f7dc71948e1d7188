import type { GardienApi } from '../../shared/api';
import type { OpInput, OpOutput, OperationName } from '../../shared/contract';
import type { AppErrorShape, Result } from '../../shared/result';

declare global {
  interface Window {
    gardien: GardienApi;
  }
}

/** Calls one operation through the preload API; never throws (a broken bridge becomes `internal`). */
export async function call<K extends OperationName>(op: K, input: OpInput<K>): Promise<Result<OpOutput<K>>> {
  try {
    return await window.gardien.invoke(op, input);
  } catch {
    return { ok: false, error: { kind: 'internal', code: 'internal', message: 'bridge failure' } };
  }
}

/** For places where a failure is shown by an error boundary of the screen. */
export class CallError extends Error {
  constructor(readonly error: AppErrorShape) {
    super(error.message);
  }
}

export async function callOrThrow<K extends OperationName>(op: K, input: OpInput<K>): Promise<OpOutput<K>> {
  const r = await call(op, input);
  if (!r.ok) throw new CallError(r.error);
  return r.value;
}
