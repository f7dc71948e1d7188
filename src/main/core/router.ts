import { contract, isOperationName, type OpOutput, type OpParsed, type OperationName } from '../../shared/contract';
import type { Access } from '../../shared/contract/define';
import type { Role } from '../../shared/domain/enums';
import type { Result } from '../../shared/result';
import { issuesToFields } from '../../shared/validation';
import type { GardienApp } from './app';
import { Ctx } from './context';
import { assertDatabaseKind } from './commission/kind';
import { AppError } from './errors';
import { expireSession, sessionExpired } from './session';

export type Handler<K extends OperationName> = (ctx: Ctx, input: OpParsed<K>) => OpOutput<K> | Promise<OpOutput<K>>;
export type Handlers = { [K in OperationName]: Handler<K> };

const ROLE_ACCESS: Record<Role, readonly Access[]> = {
  manager: ['read', 'write', 'manage'],
  storekeeper: ['read', 'write'],
  auditor: ['read'],
};

export type Logger = (message: string, error?: unknown) => void;

/**
 * The single entry point for every caller (IPC, CLI, Playwright bridge): validates the input with
 * the contract's schema, checks the session and role, runs the handler and wraps the result.
 * It never throws.
 */
export class Router {
  constructor(
    private readonly app: GardienApp,
    private readonly handlers: Handlers,
    private readonly log: Logger = (m, e) => console.error(`[gardien] ${m}`, e),
  ) {}

  async call(op: unknown, rawInput: unknown): Promise<Result<unknown>> {
    try {
      if (!isOperationName(op)) throw new AppError('unknown_operation', `unknown operation ${opLabel(op)}`);
      const spec = contract[op];
      const now = this.app.clock();
      // Who may call comes before what they sent: no schema details for callers without the right.
      this.checkAccess(spec.access, now);
      assertDatabaseKind(this.app, op);
      const parsed = spec.input.safeParse(rawInput ?? {});
      if (!parsed.success) {
        throw new AppError('invalid_input', `invalid input for ${op}`, { fields: issuesToFields(parsed.error.issues) });
      }
      const handler = this.handlers[op] as (ctx: Ctx, input: unknown) => unknown;
      const value = await handler(new Ctx(this.app, now), parsed.data);
      return { ok: true, value: value ?? null };
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: error.toShape() };
      this.log(`operation ${opLabel(op)} failed`, error);
      return { ok: false, error: { kind: 'internal', code: 'internal', message: 'internal error' } };
    }
  }

  private checkAccess(access: Access, now: Date): void {
    if (access === 'public') return;
    const session = this.app.session;
    if (!session) throw new AppError('auth_required', 'sign in first');
    if (!this.app.sessionUserActive()) {
      this.app.endSession();
      throw new AppError('auth_account_disabled', 'this account has been disabled');
    }
    // 12 hours after the login the session ends, even locked or busy: no operation (unlock included) extends it.
    if (sessionExpired(session, now)) expireSession(this.app.store, session, () => this.app.endSession());
    if (!session.locked && now.getTime() - session.lastActivity > this.app.idleLockMs()) session.locked = true;
    if (access === 'session') return;
    if (session.locked) throw new AppError('auth_locked', 'session locked after inactivity');
    session.lastActivity = now.getTime();
    if (!ROLE_ACCESS[session.role].includes(access)) {
      throw new AppError('forbidden', `role ${session.role} may not perform this operation`);
    }
  }
}

/**
 * An operation name fit for a message, whatever the page sent: String() throws on an object
 * without a prototype, and a refusal must never become an exception.
 */
function opLabel(op: unknown): string {
  return typeof op === 'string' ? op.slice(0, 64) : typeof op;
}

