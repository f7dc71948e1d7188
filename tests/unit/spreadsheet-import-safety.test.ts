import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyDatabase } from '../../src/main/core/journal/verify';
import type { OperationName } from '../../src/shared/contract';
import type { ColumnMapping } from '../../src/shared/domain/spreadsheet';
import type { Result } from '../../src/shared/result';
import { newStore } from './support/ammunition';
import { armouryNamed, enrolArmouryOf, exportFrom, freshCommission, importFiles } from './support/commission';
import { count, dumpProjections, eventRows } from './support/db';
import { disposeHarnesses, freshArmoury, scratchDir, tempDir, Harness } from './support/harness';
import { writeCsv } from './support/spreadsheet-files';
import { lotRegister, officerRegister, weaponRegister } from './support/spreadsheet-registers';

afterEach(disposeHarnesses);

/** Everything an import could change: the journal, every projection, the file's integrity. */
function registerState(h: Harness) {
  return { head: h.head(), events: eventRows(h.db).length, projections: dumpProjections(h.db), weapons: count(h.db, 'weapons') };
}

const BIG = 20_000;

async function bigRegister(h: Harness): Promise<{ path: string; mapping: ColumnMapping }> {
  const path = join(scratchDir(), 'grand-registre.csv');
  writeCsv(path, weaponRegister(BIG, 'BG'), { encoding: 'windows-1252' });
  h.app.grantImportPaths([path]);
  const { mapping } = await h.ok('imports.inspect', { path, kind: 'weapons' });
  return { path, mapping };
}

/** Calls `op` once the running job is under way (polling from setImmediate, as a second caller would). */
function whenBusy(h: Harness, op: OperationName, input: unknown): Promise<Result<unknown>> {
  return new Promise((done) => {
    const tick = () => {
      if (h.app.jobs.busy && h.app.jobs.progress.done > 0) void h.app.router.call(op, input).then(done);
      else setImmediate(tick);
    };
    setImmediate(tick);
  });
}

describe('a cancelled import', () => {
  it('cancelled during the check or during the run leaves the register exactly as it was', async () => {
    const h = await freshArmoury();
    const { path, mapping } = await bigRegister(h);
    const before = registerState(h);
    for (const op of ['imports.check', 'imports.run'] as const) {
      const running = h.call(op, { path, kind: 'weapons', mapping, ...(op === 'imports.run' ? { skipInvalid: false } : {}) } as never);
      const cancel = await whenBusy(h, 'imports.cancel', {});
      expect(cancel, op).toEqual({ ok: true, value: { cancelled: true } });
      const result = await running;
      expect(result.ok ? 'ok' : result.error.code, op).toBe('import_cancelled');
      expect(registerState(h), op).toEqual(before);
      expect(h.app.jobs.busy).toBe(false);
    }
    expect(h.db.pragma('integrity_check', { simple: true })).toBe('ok');
    // Nothing left behind that stops the next import.
    expect((await h.ok('imports.run', { path, kind: 'weapons', mapping, skipInvalid: false })).imported).toBe(BIG);
  });

  it('refuses a second import or check while one runs', async () => {
    const h = await freshArmoury();
    const { path, mapping } = await bigRegister(h);
    const running = h.call('imports.check', { path, kind: 'weapons', mapping });
    const second = await whenBusy(h, 'imports.run', { path, kind: 'weapons', mapping, skipInvalid: true });
    expect(second.ok ? 'ok' : second.error.code).toBe('import_running');
    expect((await running).ok).toBe(true);
    expect(count(h.db, 'weapons')).toBe(0);
  });
});

describe('a failed import', () => {
  it('leaves nothing when a projection throws half-way through the write', async () => {
    const h = await freshArmoury();
    const path = join(scratchDir(), 'registre.csv');
    writeCsv(path, weaponRegister(100, 'FA'), { encoding: 'windows-1252' });
    h.app.grantImportPaths([path]);
    const { mapping } = await h.ok('imports.inspect', { path, kind: 'weapons' });
    const before = registerState(h);
    // The weapons projection of the 60th row fails: 59 rows and their events are already in the transaction.
    h.db.exec("CREATE TEMP TRIGGER boom BEFORE INSERT ON weapons WHEN NEW.national_code = 'ML-PN-FA000060' BEGIN SELECT RAISE(ABORT, 'disk on fire'); END");
    const failed = await h.fail('imports.run', { path, kind: 'weapons', mapping, skipInvalid: false });
    expect(failed.kind).toBe('internal');
    h.db.exec('DROP TRIGGER temp.boom');
    expect(registerState(h)).toEqual(before);
    expect(verifyDatabase(h.db).ok).toBe(true);
    expect(await h.ok('imports.list', {})).toEqual([]);
    expect((await h.ok('imports.run', { path, kind: 'weapons', mapping, skipInvalid: false })).imported).toBe(100);
  });

  it('leaves nothing when the process is killed during its write', async () => {
    const dir = tempDir();
    const h = new Harness(dir);
    const setup = await freshArmoury();
    setup.release();
    const db = setup.path;
    const path = join(dir, 'registre.csv');
    writeCsv(path, weaponRegister(30_000, 'KL'), { encoding: 'windows-1252' });
    h.close();
    const root = resolve(__dirname, '../..');
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/unit/support/spreadsheet-import-child.ts', db, path, 'weapons'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const killed = await new Promise<boolean>((done) => {
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        // The write of 30,000 weapons takes seconds: 150 ms into it, the process dies.
        if (out.includes('writing')) setTimeout(() => done(child.kill('SIGKILL')), 150);
      });
      child.on('exit', () => done(false));
    });
    expect(killed, out).toBe(true);
    expect(out).not.toContain('imported');
    const after = new Harness(setup.dir);
    expect(count(after.db, 'weapons')).toBe(0);
    expect(count(after.db, 'imports')).toBe(0);
    expect(verifyDatabase(after.db).ok).toBe(true);
  }, 60_000);
});

describe('what reads the registrations afterwards', () => {
  it('a replay rebuilds the register after imports of every kind', async () => {
    const h = await freshArmoury();
    await newStore(h, { code: 'MAG-R' });
    const dir = scratchDir();
    const files = { weapons: join(dir, 'w.csv'), officers: join(dir, 'o.csv'), lots: join(dir, 'l.csv') } as const;
    writeCsv(files.weapons, weaponRegister(30, 'RP'), { encoding: 'windows-1252' });
    writeCsv(files.officers, officerRegister(10));
    writeCsv(files.lots, lotRegister(4, 'MAG-R'));
    h.app.grantImportPaths(Object.values(files));
    for (const kind of ['weapons', 'officers', 'lots'] as const) {
      const { mapping } = await h.ok('imports.inspect', { path: files[kind], kind });
      await h.ok('imports.run', { path: files[kind], kind, mapping, skipInvalid: false });
    }
    const report = verifyDatabase(h.db);
    expect(report.problems).toEqual([]);
    expect((await h.ok('imports.list', {})).map((i) => [i.kind, i.imported])).toEqual([['lots', 4], ['officers', 10], ['weapons', 30]]);
  });

  it('a snapshot export and the commission’s import accept the imported weapons', async () => {
    const a = await armouryNamed('ML-IMP-01');
    const dir = scratchDir();
    const first = join(dir, 'premier.csv');
    const second = join(dir, 'second.csv');
    writeCsv(first, weaponRegister(25, 'SN'), { encoding: 'windows-1252' });
    writeCsv(second, weaponRegister(10, 'SX', 101), { encoding: 'windows-1252' });
    a.app.grantImportPaths([first, second]);
    const { mapping } = await a.ok('imports.inspect', { path: first, kind: 'weapons' });
    await a.ok('imports.run', { path: first, kind: 'weapons', mapping, skipInvalid: false });
    const c = await freshCommission();
    await enrolArmouryOf(c, a);
    const full = await exportFrom(a, dir, true);
    // A second import, then a snapshot of what changed since: its state is cross-checked against these registrations.
    await a.ok('imports.run', { path: second, kind: 'weapons', mapping, skipInvalid: false });
    const since = await exportFrom(a, dir);
    const results = await importFiles(c, [full, since]);
    expect(results.map((r) => r.outcome)).toEqual(['accepted', 'accepted']);
    expect(count(c.db, 'national_weapons')).toBe(35);
    const row = c.db.prepare("SELECT serial, type, country FROM national_weapons WHERE national_code = 'ML-PN-SX000102'").get();
    expect(row).toEqual({ serial: '00000102', type: 'pistol', country: 'IT' });
  });
});
