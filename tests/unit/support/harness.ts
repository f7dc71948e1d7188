import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { GardienApp } from '../../../src/main/core/app';
import type { Db } from '../../../src/main/core/db/open';
import type { OpInput, OpOutput, OperationName } from '../../../src/shared/contract';
import type { Role } from '../../../src/shared/domain/enums';
import type { AppErrorShape, Result } from '../../../src/shared/result';

/** Passwords used by the test accounts (long enough for newPassword). */
export const PASSWORDS = {
  manager: 'chef-mot-de-passe-1',
  storekeeper: 'magasin-mot-de-passe-2',
  auditor: 'audit-mot-de-passe-3',
} as const;

export const USERS: Record<Role, { username: string; fullName: string; password: string }> = {
  manager: { username: 'chef', fullName: 'Awa Traoré', password: PASSWORDS.manager },
  storekeeper: { username: 'magasinier', fullName: 'Moussa Keïta', password: PASSWORDS.storekeeper },
  auditor: { username: 'inspecteur', fullName: 'Fatoumata Diarra', password: PASSWORDS.auditor },
};

export const ARMOURY = { code: 'ML-TST-01', name: 'Armurerie de test', agency: 'police', region: 'Bamako', language: 'fr' } as const;

/** A clock the test moves by hand (idle lock, event times). */
export class TestClock {
  constructor(public t: number = Date.now()) {}
  readonly now = (): Date => new Date(this.t);
  advance(ms: number): void {
    this.t += ms;
  }
}

/** One GardienApp on a real SQLite file in its own temp folder, with typed router helpers. */
export class Harness {
  readonly app: GardienApp;
  readonly clock: TestClock;
  /** Every duration passed to the injected sleep (failed-login delays), in order. */
  readonly sleeps: number[] = [];

  constructor(
    readonly dir: string,
    opts: { clock?: TestClock; demoWeapons?: number } = {},
  ) {
    this.clock = opts.clock ?? new TestClock();
    this.app = new GardienApp({
      dataDir: dir,
      clock: this.clock.now,
      sleep: async (ms) => {
        this.sleeps.push(ms);
      },
      log: () => undefined,
      ...(opts.demoWeapons !== undefined ? { demoWeapons: opts.demoWeapons } : {}),
    }).start();
    live.add(this);
  }

  call<K extends OperationName>(op: K, input: OpInput<K>): Promise<Result<OpOutput<K>>> {
    return this.app.router.call(op, input) as Promise<Result<OpOutput<K>>>;
  }

  /** Calls and asserts success; a failure shows the whole error envelope. */
  async ok<K extends OperationName>(op: K, input: OpInput<K>): Promise<OpOutput<K>> {
    const r = await this.call(op, input);
    if (!r.ok) expect.fail(`${op} failed: ${JSON.stringify(r.error)}`);
    return r.value;
  }

  /** Calls and asserts failure; returns the error envelope. */
  async fail<K extends OperationName>(op: K, input: OpInput<K>): Promise<AppErrorShape> {
    const r = await this.call(op, input);
    if (r.ok) expect.fail(`${op} unexpectedly succeeded: ${JSON.stringify(r.value)}`);
    return r.error;
  }

  get db(): Db {
    const store = this.app.store;
    if (!store) throw new Error('no database open');
    return store.db;
  }

  get path(): string {
    return this.app.path('armoury');
  }

  head(): { seq: number; hash: string } {
    const store = this.app.store;
    if (!store) throw new Error('no database open');
    return { ...store.journal.getHead() };
  }

  login(role: Role): Promise<unknown> {
    const u = USERS[role];
    return this.ok('auth.login', { username: u.username, password: u.password });
  }

  close(): void {
    this.app.close();
  }

  /** Closes the app and keeps its folder (a template the file removes itself). */
  release(): void {
    this.app.close();
    live.delete(this);
  }

  dispose(): void {
    this.app.close();
    live.delete(this);
    rmSync(this.dir, { recursive: true, force: true });
  }
}

const live = new Set<Harness>();

const scratch = new Set<string>();

/** Closes every harness created since the last call and removes its folder and every scratch folder (use in afterEach). */
export function disposeHarnesses(): void {
  for (const h of [...live].reverse()) h.dispose();
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
  scratch.clear();
}

/** A new temp folder the caller removes (or hands to a Harness, which removes it). */
export function tempDir(prefix = 'gardien-unit-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A temp folder removed by the next disposeHarnesses(). */
export function scratchDir(): string {
  const dir = tempDir();
  scratch.add(dir);
  return dir;
}

/** A fresh armoury created through app.setup; its first manager is signed in. */
export async function freshArmoury(opts: { clock?: TestClock } = {}): Promise<Harness> {
  const h = new Harness(tempDir(), opts);
  const m = USERS.manager;
  await h.ok('app.setup', {
    armoury: { ...ARMOURY },
    manager: { username: m.username, fullName: m.fullName, password: m.password, passwordConfirm: m.password },
  });
  return h;
}

/** Adds a storekeeper and an auditor (the signed-in manager creates them). Returns their ids. */
export async function addStaff(h: Harness): Promise<{ storekeeper: number; auditor: number }> {
  const ids: number[] = [];
  for (const role of ['storekeeper', 'auditor'] as const) {
    const u = USERS[role];
    const row = await h.ok('users.create', { username: u.username, fullName: u.fullName, role, password: u.password });
    ids.push(row.id);
  }
  const [storekeeper, auditor] = ids as [number, number];
  return { storekeeper, auditor };
}

/**
 * An expensive database built once per file (accounts cost a scrypt each); every test then starts
 * from its own byte-identical copy of it, so tests never see each other's writes.
 */
export class Template {
  private constructor(
    readonly dir: string,
    readonly file: string,
    readonly info: Record<string, number>,
  ) {}

  static async build(fn: (h: Harness) => Promise<Record<string, number> | void>): Promise<Template> {
    const h = await freshArmoury();
    const info = (await fn(h)) ?? {};
    h.release();
    return new Template(h.dir, h.path, info);
  }

  /** A new harness on a copy of the template (no one signed in). */
  copy(opts: { clock?: TestClock } = {}): Harness {
    const dir = tempDir();
    copyFileSync(this.file, join(dir, 'armoury.sqlite'));
    return new Harness(dir, opts);
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
