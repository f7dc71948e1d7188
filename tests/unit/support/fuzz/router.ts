import fc from 'fast-check';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DatabaseKind } from '../../../../src/main/core/app';
import type { Session } from '../../../../src/main/core/session';
import type { Result } from '../../../../src/shared/result';
import { Harness, tempDir, USERS } from '../harness';
import { dbState, type DbState } from './digest';
import { notAResult, notPlainJson, outcome } from './result';
import { guarded, type Watchdog } from './watchdog';

/**
 * One operation's fuzz target: an app on its own copy of a register with the manager signed in,
 * put back in that state before every case (a case may sign out, lock, open the demo or demote
 * the manager), and the checks every answer must pass.
 */
export class RouterTarget {
  private h: Harness;
  private session: Session;

  constructor(
    private readonly file: string,
    private readonly kind: DatabaseKind,
  ) {
    this.h = this.copy();
    this.session = this.managerSession();
  }

  private copy(): Harness {
    const dir = tempDir('gardien-fuzz-');
    copyFileSync(this.file, join(dir, `${this.kind}.sqlite`));
    // A demo opened by app.openDemo stays small: the fuzz is about inputs, not the generator.
    return new Harness(dir, { demoWeapons: 3 });
  }

  private managerSession(): Session {
    const m = USERS.manager;
    const row = this.h.db.prepare("SELECT id, full_name AS fullName FROM users WHERE username = ? AND role = 'manager' AND active = 1").get(m.username) as
      | { id: number; fullName: string }
      | undefined;
    if (!row) throw new Error('the template has no active manager');
    return { userId: row.id, username: m.username, fullName: row.fullName, role: 'manager', language: 'fr', locked: false, lastActivity: 0, startedAt: 0 };
  }

  get harness(): Harness {
    return this.h;
  }

  /** The register open, the manager signed in and active; a fresh copy if a case took that away. */
  private ready(): void {
    const app = this.h.app;
    if (app.kind !== this.kind || !app.store) app.open(this.kind);
    const row = this.h.db.prepare('SELECT role, active FROM users WHERE id = ?').get(this.session.userId) as { role: string; active: number } | undefined;
    if (row?.role !== 'manager' || row.active !== 1 || app.jobs.busy) {
      this.h.dispose();
      this.h = this.copy();
    }
    const now = this.h.clock.now().getTime();
    this.h.app.session = { ...this.session, lastActivity: now, startedAt: now };
  }

  /**
   * Sends `input` to `op` and checks the answer: a Result envelope with a known code of its kind,
   * never `internal`, plain JSON; and on a refusal, the journal head and every table as before.
   * `prepare` runs on the app just before the call (grants).
   */
  async call(dog: Watchdog, op: string, input: unknown, timeoutMs: number, prepare?: (h: Harness) => void): Promise<Result<unknown>> {
    this.ready();
    prepare?.(this.h);
    let logged: unknown = null;
    // The router logs what it turns into `internal`: keep it for the failure message.
    Reflect.set(this.h.app.router, 'log', (_m: string, e: unknown) => {
      logged = e;
    });
    const before: DbState = dbState(this.h.db);
    // The name as sent may be anything (an object without a prototype throws on String()).
    const name = typeof op === 'string' ? op : `<${typeof op}>`;
    const r = (await guarded(dog, () => `${name} ${brief(input)}`, () => this.h.app.router.call(op, input), timeoutMs)) as Result<unknown>;
    const bad = notAResult(r);
    if (bad) throw new Error(`${name}: not a Result envelope (${bad}): ${brief(r, 600)}`);
    if (r.ok) {
      const notJson = notPlainJson(r.value);
      if (notJson) throw new Error(`${name}: the value is not plain JSON (${notJson})`);
      return r;
    }
    if (r.error.kind === 'internal') {
      const cause = logged instanceof Error ? (logged.stack ?? logged.message) : String(logged);
      throw new Error(`${name}: internal error ${r.error.code}: ${r.error.message}\ncaused by: ${cause}`);
    }
    // Refused: nothing written. (A refusal that switched files would show here as a changed digest.)
    if (this.h.app.kind !== this.kind || !this.h.app.store) throw new Error(`${name} refused (${r.error.code}) but the open register changed`);
    const after = dbState(this.h.db);
    if (after.seq !== before.seq || after.hash !== before.hash) throw new Error(`${name} refused (${r.error.code}) but the journal moved from ${before.seq} to ${after.seq}`);
    if (after.digest !== before.digest) throw new Error(`${name} refused (${r.error.code}) but a table changed`);
    return r;
  }

  /** `call`, returning only the outcome ("ok" or "kind/code"). */
  async check(dog: Watchdog, op: string, input: unknown, timeoutMs: number): Promise<string> {
    return outcome(await this.call(dog, op, input, timeoutMs));
  }

  dispose(): void {
    this.h.dispose();
  }
}

/** A copy with long strings and arrays cut, so a 3 MB input prints (and labels the watchdog) quickly. */
function cut(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return value.length > 80 ? `${value.slice(0, 80)}…(${value.length})` : value;
  if (depth > 4 || typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.length > 20 ? [...value.slice(0, 20).map((v) => cut(v, depth + 1)), `…(${value.length} items)`] : value.map((v) => cut(v, depth + 1));
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cut(v, depth + 1)]));
}

/** A short printable form of any value, for labels and messages. */
export function brief(value: unknown, max = 300): string {
  let text: string;
  try {
    text = fc.stringify(cut(value));
  } catch {
    // fast-check's printer trips on some hostile objects (a `values` key where it expects a typed array's method).
    text = `[unprintable ${Object.prototype.toString.call(value)}]`;
  }
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
