import type { GardienApi } from '../../shared/api';
import { contract, type OpInput, type OpOutput, type OperationName } from '../../shared/contract';
import type { AppErrorShape, Result } from '../../shared/result';

declare global {
  interface Window {
    gardien: GardienApi;
  }
}

/** Codes that mean the signed-in session is gone or locked: the top screen must change. */
export const SESSION_CODES = ['auth_required', 'auth_locked', 'auth_account_disabled', 'auth_expired'] as const;
export type SessionCode = (typeof SESSION_CODES)[number];

type SessionListener = (code: SessionCode) => void;
const listeners = new Set<SessionListener>();

/**
 * Called whenever an operation that needs a session answers that it is locked, ended or disabled,
 * whichever screen made the call: the app shows the lock or login screen. Returns an unsubscribe.
 */
export function onSessionLost(listener: SessionListener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

function isSessionCode(code: string): code is SessionCode {
  return (SESSION_CODES as readonly string[]).includes(code);
}

/** Calls one operation through the preload API; never throws (a broken bridge becomes `internal`). */
export async function call<K extends OperationName>(op: K, input: OpInput<K>): Promise<Result<OpOutput<K>>> {
  let result: Result<OpOutput<K>>;
  try {
    result = await window.gardien.invoke(op, input);
  } catch {
    return { ok: false, error: { kind: 'internal', code: 'internal', message: 'bridge failure' } };
  }
  // Public operations (login, status) answer about credentials, not about a running session.
  if (!result.ok && contract[op].access !== 'public' && isSessionCode(result.error.code)) {
    for (const listener of [...listeners]) listener(result.error.code);
  }
  return result;
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
