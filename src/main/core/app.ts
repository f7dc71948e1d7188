import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AppStatus } from '../../shared/contract/app';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/domain/accounts';
import type { Role } from '../../shared/domain/enums';
import type { Coded } from '../../shared/result';
import { realSleep, type Sleep } from './accounts/authenticate';
import { readSettings } from './armoury/settings';
import { DEMO_ACCOUNTS } from './demo/accounts';
import { AppError } from './errors';
import { handlers } from './handlers';
import { Jobs } from './jobs';
import type { Clock } from './journal/journal';
import { Router, type Logger } from './router';
import { sessionInfo, type Session } from './session';
import { Store } from './store';

export interface AppOptions {
  /** Folder holding the armoury database (the app's userData in Electron, a temp dir in tests). */
  dataDir: string;
  clock?: Clock;
  sleep?: Sleep;
  log?: Logger;
  /** Weapons in a newly generated demo armoury. */
  demoWeapons?: number;
}

/** Which file is open: the armoury's, the demo armoury, or the national commission's register. */
export type DatabaseKind = 'armoury' | 'demo' | 'commission';

const FILES: Record<DatabaseKind, string> = { armoury: 'armoury.sqlite', demo: 'demo.sqlite', commission: 'commission.sqlite' };

/**
 * Gardien's core as one object: which database is open, who is signed in, and the router every
 * caller goes through. Knows nothing of Electron.
 */
export class GardienApp {
  readonly router: Router;
  readonly clock: Clock;
  readonly sleep: Sleep;
  store: Store | null = null;
  kind: DatabaseKind | null = null;
  session: Session | null = null;
  /** The long job under way (export, import), for jobs.progress. */
  readonly jobs = new Jobs();
  private openError: Coded | null = null;
  private settingsCache: Settings | null = null;
  /** Snapshot files the shell's open dialog granted to commission.import (core reads no other path). */
  private readonly grantedPaths = new Set<string>();
  private readonly grantedBackupPaths = new Set<string>();

  constructor(readonly options: AppOptions) {
    this.clock = options.clock ?? (() => new Date());
    this.sleep = options.sleep ?? realSleep;
    this.router = new Router(this, handlers, options.log);
    mkdirSync(options.dataDir, { recursive: true });
  }

  path(kind: DatabaseKind): string {
    return join(this.options.dataDir, FILES[kind]);
  }

  /**
   * Opens the armoury database if there is one, else the commission's; a failure is kept for the
   * status screen. (A PC is one or the other: each setup refuses when either file exists.)
   */
  start(): this {
    if (existsSync(this.path('armoury'))) this.open('armoury');
    else if (existsSync(this.path('commission'))) this.open('commission');
    return this;
  }

  /** The paths the user chose in the shell's open dialog become readable by commission.import. */
  grantImportPaths(paths: readonly string[]): void {
    for (const p of paths) this.grantedPaths.add(resolve(p));
  }

  isImportPathGranted(path: string): boolean {
    return this.grantedPaths.has(resolve(path));
  }

  /** Backup folders and files the shell's dialogs granted to backups.configure, inspect and restore. */
  grantBackupPaths(paths: readonly string[]): void {
    for (const p of paths) this.grantedBackupPaths.add(resolve(p));
  }

  isBackupPathGranted(path: string): boolean {
    return this.grantedBackupPaths.has(resolve(path));
  }

  /** What the open database holds (armoury.kind): an armoury's register or the national one. */
  databaseKind(): 'armoury' | 'commission' | null {
    const row = this.store?.s.sql('SELECT kind FROM armoury WHERE id = 1').get() as { kind: 'armoury' | 'commission' } | undefined;
    return row?.kind ?? null;
  }

  open(kind: DatabaseKind, create = false): void {
    this.close();
    try {
      this.store = Store.open(this.path(kind), { create, clock: this.clock });
      this.kind = kind;
    } catch (error) {
      // Whatever the cause (newer schema, corruption, not a database, locked), the file is left as
      // it is and the status screen explains; nothing here ever deletes or recreates it.
      if (error instanceof AppError) this.openError = { code: error.code, ...(error.params ? { params: error.params } : {}) };
      else this.openError = { code: 'database_unreadable', params: { detail: error instanceof Error ? error.message : String(error) } };
    }
  }

  close(): void {
    this.session = null;
    this.settingsCache = null;
    this.openError = null;
    this.store?.close();
    this.store = null;
    this.kind = null;
  }

  settings(): Settings {
    if (!this.store) return DEFAULT_SETTINGS;
    this.settingsCache ??= readSettings(this.store.s);
    return this.settingsCache;
  }

  invalidateSettings(): void {
    this.settingsCache = null;
  }

  idleLockMs(): number {
    return this.settings().idleLockMinutes * 60_000;
  }

  /**
   * Re-reads the signed-in account on every call: false when it has been disabled; a role changed
   * meanwhile (here or by another instance) applies at once, not at the next login.
   */
  sessionUserActive(): boolean {
    if (!this.session || !this.store) return false;
    const row = this.store.s.sql('SELECT active, role FROM users WHERE id = ?').get(this.session.userId) as
      | { active: number; role: Role }
      | undefined;
    if (row?.active !== 1) return false;
    this.session.role = row.role;
    return true;
  }

  endSession(): void {
    this.session = null;
  }

  status(): AppStatus {
    const armoury = this.store?.hasArmoury
      ? (this.store.s.sql('SELECT code, name, region, agency, language FROM armoury WHERE id = 1').get() as AppStatus['armoury'])
      : null;
    return {
      state: this.openError ? 'error' : armoury ? 'ready' : 'setup',
      database: armoury ? this.kind : null,
      kind: armoury ? this.databaseKind() : null,
      armouryExists: existsSync(this.path('armoury')),
      armoury,
      session: this.session && armoury ? sessionInfo(this.session, this.settings().idleLockMinutes) : null,
      error: this.openError,
      demoAccounts: this.kind === 'demo' ? [...DEMO_ACCOUNTS] : [],
    };
  }
}
