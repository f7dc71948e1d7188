import { relative } from 'node:path';
import { bytes, duration, int } from '../src/main/cli/format';
import type { DocumentFigures } from './print-measure';
import type { PrintResult } from './print-run';

const ms = (v: number) => (v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : v.toFixed(0));
const stamp = (d: Date) => d.toISOString().slice(0, 16).replace('T', ' ');
const count = (n: number, one: string, many = `${one}s`) => `${int(n)} ${n === 1 ? one : many}`;
/** Relative to the working folder when inside it. */
const shown = (path: string) => {
  const rel = relative(process.cwd(), path);
  return rel === '' ? '.' : rel.startsWith('..') ? path : rel;
};

/** The click to a ready page, split by the data call when it was seen, and the core's share alone beside it. */
function ready(d: DocumentFigures, extra = ''): string {
  const split = d.split
    ? ` = ${duration(d.split.toCall)} to the call + ${duration(d.split.call)} ${d.split.op} through the bridge + ${duration(d.split.afterCall)} from its answer to ready${extra}`
    : extra;
  return (
    `click to ready ${duration(d.readyMs)}${split}; ` +
    `the core alone p50 ${ms(d.router.p50)} ms (max ${ms(d.router.max)} ms over ${d.router.count}), ${bytes(d.payloadBytes)} of JSON`
  );
}
const pdf = (d: DocumentFigures) => `PDF ${duration(d.pdfMs)}: ${count(d.pages, 'page')}, ${bytes(d.bytes)}`;

/** The printing figures, printed once known. */
export function printSection(p: PrintResult, opts: { notes?: readonly string[]; kept?: boolean } = {}): string {
  const { register: r, monthly: m } = p;
  const month = `${m.year}-${String(m.month).padStart(2, '0')}`;
  const built = `${shown(p.renderer.source)} built ${stamp(p.renderer.builtAt)} UTC${p.renderer.buildSeconds > 0 ? ` (built now in ${duration(p.renderer.buildSeconds * 1000)})` : ''}`;
  const rowsOk = r.pdfRows === r.rows && r.tableRows === r.rows;
  return [
    `== printing to PDF: the register of ${int(p.weapons)} weapons, the monthly return of an armoury with ${int(m.headSeq)} journal events`,
    ...(opts.notes ?? []).map((n) => `note       ${n}`),
    `renderer   ${built}, Chromium ${p.chromium} headless (page.pdf as the shell's printToPDF: A4 from the page's CSS), signed in as the manager, load average ${p.load.toFixed(1)}`,
    `bridge     Playwright's exposeFunction in place of Electron's IPC (as in the e2e tests): the data call below includes its JSON round trip`,
    `weapons    ${int(p.weapons)} registered in ${duration(p.weaponSeconds * 1000)} (registerMany${p.intoAmmunition ? ', into the ammunition armoury' : ', a new armoury'})`,
    `register   ${ready(r, r.renderMs === null ? '' : ` (rows painted ${duration(r.renderMs)} after the answer: the table's data-render-ms)`)}`,
    `           ${pdf(r)}, ${r.pages > 0 ? Math.round(r.rows / r.pages) : 0} rows a page; rows: ${int(r.rows)} from the core, ${int(r.tableRows)} in the page, ` +
      `${int(r.pdfRows)} national codes read back from the PDF (pdftotext)${rowsOk ? '' : ' MISMATCH'}`,
    `monthly    ${month}: ${int(m.monthEvents)} of the ${int(m.headSeq)} events fall in the month; ${ready(m)}`,
    `           ${pdf(m)}; ${count(m.weaponLines, 'weapon type')} and ${count(m.ammoLines, 'ammunition nature')} from the core, ${count(m.tableRows, 'line')} in the page` +
      `${m.tableRows === m.weaponLines + m.ammoLines ? '' : ' MISMATCH'}`,
    ...(opts.kept ? [`PDFs       register.pdf and monthly.pdf in ${p.pdfDir}`] : []),
  ].join('\n');
}
