/**
 * A process that imports a register and says "writing" on stdout just before its one journal
 * write, so that a test can kill it in the middle of that write (tests/unit/spreadsheet-import-safety).
 * Usage: tsx spreadsheet-import-child.ts DB REGISTER KIND
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ImportKind } from '../../../src/shared/domain/spreadsheet';
import { inspectTable } from '../../../src/main/core/spreadsheet/import/inspect';
import { runImport } from '../../../src/main/core/spreadsheet/import/run';
import { readSpreadsheet } from '../../../src/main/core/spreadsheet/read/open';
import { Store } from '../../../src/main/core/store';

async function main(): Promise<void> {
  const [db, file, kind] = process.argv.slice(2) as [string, string, ImportKind];
  const store = Store.open(db);
  const table = await readSpreadsheet(file);
  const { mapping } = inspectTable(store.s, table, kind);
  const env = {
    store, actor: (store.s.sql("SELECT id FROM users WHERE role = 'manager' ORDER BY id LIMIT 1").get() as { id: number }).id, language: 'fr' as const, now: new Date(), isCancelled: () => false,
    step: (_done: number, item?: string) => {
      if (item === 'writing') process.stdout.write('writing\n');
    },
  };
  const result = await runImport(env, table, kind, mapping, false, mkdtempSync(join(tmpdir(), 'gardien-child-')));
  process.stdout.write(`imported ${result.imported}\n`);
  store.close();
}

void main();
