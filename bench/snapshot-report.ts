import { bytes, duration, int } from '../src/main/cli/format';
import type { ExportFigures, ImportFigures, TraceKind } from './snapshot-measure';

const ms = (v: number) => (v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : v.toFixed(0));
const mbs = (n: number, millis: number) => `${((n / 1024 ** 2) / (millis / 1000)).toFixed(0)} MB/s`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(1)}x`;

/** (a) the export against hashing and writing its own bytes. */
export function exportSection(e: ExportFigures): string {
  const base = e.hashMs + e.writeMs;
  return [
    `== snapshot export: ${int(e.weapons)} weapons, ${int(e.events)} events (built in ${duration(e.buildSeconds * 1000)})`,
    `export     full snapshot of ${bytes(e.bytes)} in ${duration(e.exportMs)}: ${mbs(e.bytes, e.exportMs)}, ${int(Math.round(e.events / (e.exportMs / 1000)))} events/s ` +
      '(read in one transaction, zip with CRC-32, SHA-256 of each entry, signature, fsync, rename, re-hash of the file, snapshot.exported)',
    `baseline   the same bytes: SHA-256 ${duration(e.hashMs)} (${mbs(e.bytes, e.hashMs)}) + written and fsynced ${duration(e.writeMs)} (${mbs(e.bytes, e.writeMs)}) = ${duration(base)}`,
    `ratio      export / (hash + write) = ${ratio(e.exportMs, base)}`,
  ].join('\n');
}

/** (b) the import against raw chain verification and a plain insert. */
export function importSection(i: ImportFigures): string {
  return [
    `== snapshot import: ${i.armouries} armouries x ${int(i.weaponsEach)} weapons (built and exported in ${duration(i.buildSeconds * 1000)})`,
    `files      ${i.armouries} full snapshots, ${bytes(i.bytes)}: ${int(i.events)} events, ${int(i.weapons)} weapons`,
    `import     ${duration(i.importMs)}: ${int(Math.round(i.events / (i.importMs / 1000)))} events/s, ${mbs(i.bytes, i.importMs)} ` +
      '(every check of the format, signature, register checks, events + weapon links + register rows + search index, one transaction per file)',
    `baseline   ${duration(i.rawMs)}: ${int(Math.round(i.events / (i.rawMs / 1000)))} events/s (SHA-256 of each line + prev link, plain insert of the same events and weapons, primary keys only)`,
    `ratio      import / baseline = ${ratio(i.importMs, i.rawMs)}; national register ${bytes(i.databaseBytes)}`,
  ].join('\n');
}

/** (c) the trace search at the register's size. */
export function traceSection(weapons: number, kinds: readonly TraceKind[]): string {
  return [
    `== trace search at ${int(weapons)} weapons (commission.trace through the router; aim: p95 < 5 ms)`,
    ...kinds.map((k) => `${k.label.padEnd(34)} p50 ${ms(k.p50)} ms, p95 ${ms(k.p95)} ms, p99 ${ms(k.p99)} ms over ${k.count} (mean ${k.meanHits.toFixed(0)} rows)`),
  ].join('\n');
}
