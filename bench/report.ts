import { bytes, duration, int } from '../src/main/cli/format';
import type { LoadResult } from './load-result';
import type { RegisterTimes } from './register-queries';
import type { MemoryPeaks, Timings } from './stats';

export interface SizeResult {
  weapons: number;
  core: LoadResult;
  raw: LoadResult;
  register: RegisterTimes;
}

const ms = (v: number) => (v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : v.toFixed(0));
const pp = (t: Timings) => `${ms(t.p50)} / ${ms(t.p95)}`;

function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(' | ')} |`;
  const rule = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`;
  return [line(head), rule, ...rows.map(line)].join('\n');
}

/** The figures of one size, printed as soon as they are known. */
export function sizeSection(r: SizeResult): string {
  const g = r.register;
  return [
    `== ${int(r.weapons)} weapons`,
    `core path  ${int(r.core.weapons)} in ${duration(r.core.seconds * 1000)}: ${int(Math.round(r.core.rate))} weapons/s, database ${bytes(r.core.bytes)}`,
    `raw insert ${int(r.raw.weapons)} in ${duration(r.raw.seconds * 1000)}: ${int(Math.round(r.raw.rate))} weapons/s, database ${bytes(r.raw.bytes)}`,
    `ratio      ${(r.core.rate / r.raw.rate).toFixed(2)} (row generation, ${duration(r.core.generateSeconds * 1000)} per load, excluded)`,
    `open       ${ms(g.open.total)} ms = start ${ms(g.open.start)} + status ${ms(g.open.status)} + login ${ms(g.open.login)} + first page ${ms(g.open.firstPage)}`,
    ...g.searches.map(
      (s) => `search ${s.length}  p50 ${ms(s.p50)} ms, p95 ${ms(s.p95)} ms, max ${ms(s.max)} ms over ${s.count} (mean ${Math.round(s.meanHits)} hits)`,
    ),
    `first page p50 ${ms(g.firstPage.p50)} ms, p95 ${ms(g.firstPage.p95)} ms`,
    `deep page  offset ${int(g.deepPage.offset)}: p50 ${ms(g.deepPage.p50)} ms, max ${ms(g.deepPage.max)} ms`,
    `count      ${g.filteredCount.filter} (${int(g.filteredCount.total)}): p50 ${ms(g.filteredCount.p50)} ms, max ${ms(g.filteredCount.max)} ms`,
  ].join('\n');
}

/** The closing tables: loads, then the register through the router (p50 / p95 in ms). */
export function finalTables(results: readonly SizeResult[], memory: MemoryPeaks): string {
  const loads = table(
    ['weapons', 'core weapons/s', 'raw weapons/s', 'ratio', 'core DB', 'raw DB', 'open + 1st page'],
    results.map((r) => [
      int(r.weapons),
      int(Math.round(r.core.rate)),
      int(Math.round(r.raw.rate)),
      (r.core.rate / r.raw.rate).toFixed(2),
      bytes(r.core.bytes),
      bytes(r.raw.bytes),
      `${ms(r.register.open.total)} ms`,
    ]),
  );
  const queries = table(
    ['weapons', 'search 3', 'search 4', 'search 6', 'first page', 'deep page', 'filtered count'],
    results.map((r) => [
      int(r.weapons),
      ...r.register.searches.map(pp),
      pp(r.register.firstPage),
      `${ms(r.register.deepPage.p50)} @${int(r.register.deepPage.offset)}`,
      ms(r.register.filteredCount.p50),
    ]),
  );
  return [
    'Loads (aim: ratio >= 0.3; sizes with the WAL checkpointed)',
    loads,
    '',
    'Register through the router, ms (search and first page: p50 / p95; aim: search p95 < 5 ms)',
    queries,
    '',
    `Peak memory of this process: RSS ${bytes(memory.rss)}, JS heap ${bytes(memory.heapUsed)} (sampled)`,
  ].join('\n');
}
