import type { z } from '../validation';

/**
 * Who may call an operation: `public` needs no session; `session` any logged-in account even when
 * locked (unlock, logout); `read` any unlocked account; `write` storekeepers and managers;
 * `manage` managers only. Core checks it on every call.
 */
export type Access = 'public' | 'session' | 'read' | 'write' | 'manage';

export interface Operation<S extends z.ZodType = z.ZodType, O = unknown> {
  access: Access;
  input: S;
  /** Type-level only: what the handler returns inside `{ok:true,value}`. */
  readonly output?: O;
}

/** Declares an operation: `op<Output>()('read', inputSchema)`. */
export const op =
  <O>() =>
  <S extends z.ZodType>(access: Access, input: S): Operation<S, O> => ({ access, input });
