/**
 * A case that never yields, for fuzz-watchdog.test.ts: the watchdog must kill this process and
 * name the case. Usage: tsx watchdog-child.ts LIMIT_MS
 */
import { Watchdog } from './watchdog';

const dog = new Watchdog(Number(process.argv[2] ?? 300));
dog.enter('imports.inspect {"path":"boucle.xlsx"}');
const end = Date.now() + 10_000;
while (Date.now() < end) {
  // Spin: no timer of this thread can fire.
}
process.stdout.write('not killed\n');
