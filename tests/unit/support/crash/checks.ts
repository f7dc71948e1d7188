/**
 * What must hold after every kill, checked on the files the dead child left: the database opens as
 * the app opens it at start (WAL recovery, quick_check), integrity_check is ok, verifyDatabase
 * finds the chain intact and the projections equal to a replay, every acknowledged commit is
 * there with its acknowledged hash and nothing stands beyond it unless a write was under way, the
 * workload's own rule holds (an import all or nothing; only complete, verifiable files under their
 * final names), and the database takes a new write. No vitest here: the checker runs in a worker.
 */
import { join } from 'node:path';
import { GardienApp } from '../../../../src/main/core/app';
import { openDatabase, type Db } from '../../../../src/main/core/db/open';
import { verifyDatabase } from '../../../../src/main/core/journal/verify';
import { checkBackupFolder, checkImport, checkSnapshotFolder, type FolderFacts } from './checks-files';
import type { Workload } from './launch';
import { lastAcked, type ChildReport } from './protocol';

export interface CheckInput {
  workload: Workload;
  dataDir: string;
  report: ChildReport;
  /** The template's head seq: what the database held before the child started. */
  startHead: number;
  /** Import: weapons before, rows in the file. */
  baseWeapons: number;
  importRows: number;
  /** Backup: the folder the child wrote to, and the passphrase. */
  backupFolder: string;
  backupPassphrase: string;
}

export interface CheckFacts {
  /** Acknowledged commits found with their hash. */
  acked: number;
  /** The events those acknowledgements cover (last acknowledged seq minus the start). */
  ackedEvents: number;
  /** The process died inside a journal write (the last marker was B). */
  inWrite: boolean;
  /** …and that write had committed, its acknowledgement not yet printed. */
  committedUnacked: boolean;
  head: number;
  /** Import: 'none' or 'all' of the file's rows are in (anything else is a problem). */
  imported: 'none' | 'all' | null;
  files: FolderFacts;
  checkMs: number;
}

export interface CheckResult {
  problems: string[];
  facts: CheckFacts;
}

const noFiles: FolderFacts = { complete: 0, temporary: 0, orphans: 0, besideDatabase: 0 };

function ackProblems(db: Db, input: CheckInput, head: number): { problems: string[]; acked: number; committedUnacked: boolean } {
  const problems: string[] = [];
  const hashAt = db.prepare('SELECT hash FROM events WHERE seq = ?');
  let acked = 0;
  for (const c of input.report.commits) {
    const row = hashAt.get(c.seq) as { hash: Buffer } | undefined;
    if (!row) problems.push(`acknowledged seq ${c.seq} is missing (head ${head})`);
    else if (row.hash.toString('hex') !== c.hash) problems.push(`acknowledged seq ${c.seq} has another hash than the one acknowledged`);
    else acked++;
  }
  const expected = Math.max(lastAcked(input.report), input.startHead);
  const inWrite = input.report.last === 'B';
  if (head < expected) problems.push(`head ${head} is behind the last acknowledged seq ${expected}`);
  // Between writes, the file holds exactly what was acknowledged: no commit nobody was told of.
  if (!inWrite && head !== expected) problems.push(`head ${head}, but the last acknowledged seq is ${expected} and no write was under way`);
  return { problems, acked, committedUnacked: inWrite && head > expected };
}

/** Signs the first manager in without a password (as the children do) to write through the router. */
function appOn(dataDir: string): GardienApp {
  const app = new GardienApp({ dataDir, log: () => undefined }).start();
  const store = app.store;
  if (!store) throw new Error(`the database does not open for writing: ${JSON.stringify(app.status().error)}`);
  const m = store.s.sql("SELECT id, username, full_name FROM users WHERE role = 'manager' AND active = 1 ORDER BY id LIMIT 1").get() as
    { id: number; username: string; full_name: string };
  app.session = { userId: m.id, username: m.username, fullName: m.full_name, role: 'manager', language: 'fr', locked: false, lastActivity: Date.now() };
  return app;
}

/** A new registration after the crash: the database is writable and its head moves by one. */
async function writeAfter(app: GardienApp, head: number): Promise<string[]> {
  const r = await app.router.call('weapons.register', {
    nationalCode: 'ML-PN-AFTER-CRASH', serial: 'APRES-PANNE-1', manufacturer: 'Beretta', model: '92 FS', countryOfManufacture: 'IT', yearOfManufacture: 1995,
    type: 'pistol', calibre: '9x19mm', markingLocation: 'Carcasse', agency: 'police', acquisitionDate: '2020-01-01', acquisitionMode: 'procurement',
  });
  if (!r.ok) return [`a write after the crash failed: ${JSON.stringify(r.error)}`];
  const after = app.store?.journal.getHead().seq;
  return after === head + 1 ? [] : [`the write after the crash left head ${String(after)}, expected ${head + 1}`];
}

export async function checkKill(input: CheckInput): Promise<CheckResult> {
  const started = performance.now();
  const problems: string[] = [];
  const facts: CheckFacts = {
    acked: 0, ackedEvents: 0, inWrite: input.report.last === 'B', committedUnacked: false, head: 0, imported: null, files: noFiles, checkMs: 0,
  };
  if (input.report.failures.length > 0) problems.push(...input.report.failures.map((f) => `the child failed before its kill: ${f}`));
  if (input.report.unknown.length > 0) problems.push(`the child printed lines outside the protocol: ${input.report.unknown.slice(0, 3).join(' | ')}`);
  const path = join(input.dataDir, 'armoury.sqlite');
  let db: Db;
  try {
    db = openDatabase(path);
  } catch (error) {
    problems.push(`the database does not open after the kill: ${error instanceof Error ? error.message : String(error)}`);
    return { problems, facts: { ...facts, checkMs: performance.now() - started } };
  }
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`);
    const report = verifyDatabase(db);
    if (!report.ok) problems.push(...report.problems.map((p) => `verifyDatabase: ${p}`));
    facts.head = report.head.seq;
    const acks = ackProblems(db, input, facts.head);
    problems.push(...acks.problems);
    facts.acked = acks.acked;
    facts.ackedEvents = Math.max(0, lastAcked(input.report) - input.startHead);
    facts.committedUnacked = acks.committedUnacked;
    if (input.workload === 'import') {
      const imp = checkImport(db, input);
      problems.push(...imp.problems);
      facts.imported = imp.imported;
    } else if (input.workload === 'export') {
      const files = checkSnapshotFolder(db, join(input.dataDir, 'exports'));
      problems.push(...files.problems);
      facts.files = files.facts;
    }
  } finally {
    db.close();
  }
  let app: GardienApp | null = null;
  try {
    app = appOn(input.dataDir);
    if (input.workload === 'backup') {
      const files = await checkBackupFolder(app, input.backupFolder, input.backupPassphrase);
      problems.push(...files.problems);
      facts.files = files.facts;
    }
    problems.push(...(await writeAfter(app, app.store?.journal.getHead().seq ?? -1)));
  } catch (error) {
    problems.push(`after the kill: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    app?.close();
  }
  return { problems, facts: { ...facts, checkMs: performance.now() - started } };
}
