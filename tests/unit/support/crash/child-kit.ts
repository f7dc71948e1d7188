/**
 * What every crash-test child shares: the markers of tests/unit/support/crash/protocol.ts, the
 * app opened on the copied database with a manager's session (no password typed: a scrypt per
 * child would cost more than the work), and router calls that fail loudly.
 */
import { GardienApp } from '../../../../src/main/core/app';
import type { Store } from '../../../../src/main/core/store';
import type { OpInput, OpOutput, OperationName } from '../../../../src/shared/contract';

/** One line on stdout. process.stdout writes to a pipe synchronously on Linux: printed means sent. */
export function say(line: string): void {
  process.stdout.write(`${line.replace(/[\r\n]+/g, ' ')}\n`);
}

/**
 * Prints B before each outermost journal write and C <seq> <hash> once it has committed (the
 * transaction has returned from COMMIT, synchronous=FULL), R when it rolled back: the C line is
 * the acknowledgement the parent holds the database to.
 */
export function instrument(store: Store): void {
  const journal = store.journal;
  const write = journal.write.bind(journal);
  let depth = 0;
  journal.write = <T>(fn: () => T): T => {
    if (depth === 0) say('B');
    depth++;
    let committed = false;
    try {
      const result = write(fn);
      committed = true;
      return result;
    } finally {
      depth--;
      if (depth === 0) {
        const head = journal.getHead();
        say(committed ? `C ${head.seq} ${head.hash}` : 'R');
      }
    }
  };
}

export interface ChildArgs {
  /** The folder holding armoury.sqlite (the kill's own copy of the template). */
  dataDir: string;
  /** Seeds the child's own choices (which operation next, how many rounds). */
  seed: number;
}

/** Opens the armoury as the app does at start, signs its first manager in, and instruments its journal. */
export function openApp(dataDir: string): GardienApp {
  const app = new GardienApp({ dataDir, log: (message, error) => say(`fail ${message}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`) }).start();
  const store = app.store;
  if (!store) throw new Error(`no armoury in ${dataDir}: ${JSON.stringify(app.status().error)}`);
  const manager = store.s.sql("SELECT id, username, full_name FROM users WHERE role = 'manager' AND active = 1 ORDER BY id LIMIT 1").get() as
    | { id: number; username: string; full_name: string }
    | undefined;
  if (!manager) throw new Error('no active manager in the template');
  app.session = {
    userId: manager.id, username: manager.username, fullName: manager.full_name, role: 'manager', language: 'fr', locked: false, lastActivity: Date.now(),
  };
  instrument(store);
  return app;
}

/** Calls the router and returns the value; an error envelope becomes a thrown error (a `fail` line). */
export async function call<K extends OperationName>(app: GardienApp, op: K, input: OpInput<K>): Promise<OpOutput<K>> {
  const r = await app.router.call(op, input);
  if (!r.ok) throw new Error(`${op} failed: ${JSON.stringify(r.error)}`);
  return r.value as OpOutput<K>;
}

/** Runs a child's main with its JSON argument; prints `done <json>` or `fail <error>`. */
export function runChild<A extends ChildArgs>(main: (args: A) => Promise<unknown>): void {
  const raw = process.argv[2];
  if (!raw) {
    say('fail usage: child <json arguments>');
    process.exitCode = 2;
    return;
  }
  main(JSON.parse(raw) as A).then(
    (result) => say(`done ${JSON.stringify(result ?? null)}`),
    (error: unknown) => {
      say(`fail ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      process.exitCode = 1;
    },
  );
}
