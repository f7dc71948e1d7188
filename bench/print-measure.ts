import type { Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import type { GardienApp } from '../src/main/core/app';
import type { MonthlyReturn, RegisterPrint } from '../src/shared/contract/reports';
import type { Result } from '../src/shared/result';
import { summarize, type Timings } from './stats';

/** One printed document, from the click that opens it to the PDF file. */
export interface DocumentFigures {
  /** Click to `data-ready`: the core's read, the bridge (JSON over the page), React's render. */
  readyMs: number;
  /**
   * That wait split by the document's data call (`op`, timed in the page): click to the call, the
   * call (core + JSON both ways through the bridge), the call's answer to ready (render).
   */
  split: { op: string; toCall: number; call: number; afterCall: number } | null;
  /** Chromium's printToPDF of the ready page (layout of every page, repeated headers, the file). */
  pdfMs: number;
  pages: number;
  bytes: number;
  /** Body rows of the document's table(s) in the page (the register's rows; the return's lines). */
  tableRows: number;
  /** The same core operation alone through the router, signed in as the page is, after the print. */
  router: Timings;
  /** Size of the router's answer as JSON (what crosses to the page). */
  payloadBytes: number;
}

export interface RegisterFigures extends DocumentFigures {
  /** From the rows' arrival in the page to the frame after their commit (the table's data-render-ms), when given. */
  renderMs: number | null;
  /** Rows the core returned, and distinct national codes read back from the PDF with pdftotext. */
  rows: number;
  pdfRows: number;
}

export interface MonthlyFigures extends DocumentFigures {
  year: number;
  month: number;
  /** Journal head when printed: every event of this armoury, the month's and the earlier ones. */
  headSeq: number;
  /** Events in [from, to) as the journal holds them (the return reads all of them). */
  monthEvents: number;
  weaponLines: number;
  ammoLines: number;
}

const READY = '[data-testid=print-document][data-ready=true]';
/** The demo generator's national codes (bench/rows.ts): ML-<agency>-<7 digits>. */
const NATIONAL_CODE = /\bML-[A-Z]{1,4}-\d{7}\b/g;

function value<T>(op: string, result: Result<unknown>): T {
  if (!result.ok) throw new Error(`${op} failed: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

async function routerTimes<T>(app: GardienApp, op: string, input: object, runs: number): Promise<{ times: Timings; last: T; payloadBytes: number }> {
  const times: number[] = [];
  let last: T | undefined;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    last = value<T>(op, await app.router.call(op, input));
    times.push(performance.now() - t);
  }
  return { times: summarize(times), last: last as T, payloadBytes: Buffer.byteLength(JSON.stringify(last)) };
}

function pdfPages(path: string): number {
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? NaN);
}

/**
 * Timed in the page, not by polling from here: from the click's event to the mutation that makes the
 * document ready. A string: tsx would add helpers to a function that the page does not have.
 */
const WATCH_READY = `window.__benchReady = new Promise((resolve) => {
  let clicked = null;
  document.addEventListener('click', () => { clicked = performance.now(); }, { capture: true, once: true });
  const observer = new MutationObserver(() => {
    if (clicked === null || !document.querySelector(${JSON.stringify(READY)})) return;
    observer.disconnect();
    resolve({ clicked, ready: performance.now() });
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-ready'] });
}), true`;

/** Opens a document by `click`, waits until it is ready, counts its rows and saves it as PDF. */
async function printDocument(page: Page, pdf: (path: string) => Promise<void>, path: string, op: string, rows: string, click: () => Promise<void>) {
  await page.evaluate(WATCH_READY);
  await click();
  // The sizes are the caller's: never give up half-way through a large document.
  await page.locator(READY).waitFor({ state: 'attached', timeout: 30 * 60_000 });
  const { clicked, ready } = (await page.evaluate('window.__benchReady')) as { clicked: number; ready: number };
  const calls = JSON.parse((await page.evaluate('JSON.stringify(window.__benchCalls)')) as string) as { op: string; start: number; end: number }[];
  const call = calls.find((c) => c.op === op && c.start >= clicked && c.end <= ready);
  const readyMs = ready - clicked;
  const split = call ? { op, toCall: call.start - clicked, call: call.end - call.start, afterCall: ready - call.end } : null;
  const tableRows = await page.locator(`[data-testid=print-document] ${rows}`).count();
  const t1 = performance.now();
  await pdf(path);
  const pdfMs = performance.now() - t1;
  return { readyMs, split, pdfMs, tableRows, pages: pdfPages(path), bytes: statSync(path).size };
}

/** Leaves the printed document for the screen it came from. */
async function back(page: Page): Promise<void> {
  await page.getByTestId('print-back').click();
  await page.getByTestId('print-document').waitFor({ state: 'detached' });
}

/** The whole register (no filter) printed from the register screen's print button. */
export async function measureRegisterPrint(app: GardienApp, page: Page, pdf: (path: string) => Promise<void>, path: string, runs: number): Promise<RegisterFigures> {
  await page.getByTestId('nav-register').click();
  const button = page.getByTestId('register-print');
  await button.waitFor();
  const doc = await printDocument(page, pdf, path, 'reports.register', '[data-testid=register-print-table] tbody tr', () => button.click());
  // Set by the page a frame after the rows' commit (laid out and painted); absent from older builds.
  const painted = page.locator('[data-testid=register-print-table][data-render-ms]');
  const render = await painted.waitFor({ state: 'attached', timeout: 60_000 }).then(() => painted.getAttribute('data-render-ms'), () => null);
  await back(page);
  const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  const { times, last, payloadBytes } = await routerTimes<RegisterPrint>(app, 'reports.register', {}, runs);
  return {
    ...doc, router: times, payloadBytes, renderMs: render === null ? null : Number(render),
    rows: last.rows.length, pdfRows: new Set(text.match(NATIONAL_CODE)).size,
  };
}

/** Picks `n` in a select (by its numeric value) or types it in an input. No functions sent to the page: tsx would add helpers it lacks. */
async function choose(page: Page, testId: string, n: number): Promise<void> {
  const field = page.getByTestId(testId);
  if ((await page.locator(`select[data-testid="${testId}"]`).count()) === 0) {
    await field.fill(String(n));
    return;
  }
  const options = field.locator('option');
  const values: string[] = [];
  for (let i = 0; i < (await options.count()); i++) values.push((await options.nth(i).getAttribute('value')) ?? (await options.nth(i).innerText()));
  const match = values.find((v) => Number(v) === n);
  if (match === undefined) throw new Error(`${testId} offers no ${n} (${values.join(', ')})`);
  await field.selectOption(match);
}

/** This month's return, opened from the documents screen. */
export async function measureMonthlyPrint(app: GardienApp, page: Page, pdf: (path: string) => Promise<void>, path: string, runs: number): Promise<MonthlyFigures> {
  const now = new Date();
  const input = { year: now.getFullYear(), month: now.getMonth() + 1 };
  await page.getByTestId('nav-documents').click();
  await choose(page, 'documents-monthly-year', input.year);
  await choose(page, 'documents-monthly-month', input.month);
  const doc = await printDocument(page, pdf, path, 'reports.monthly', '[data-testid=monthly-line]', () => page.getByTestId('documents-monthly-open').click());
  await back(page);
  const { times, last, payloadBytes } = await routerTimes<MonthlyReturn>(app, 'reports.monthly', input, runs);
  const store = app.store;
  if (!store) throw new Error('no store');
  const monthEvents = (store.s.sql('SELECT COUNT(*) FROM events WHERE at >= ? AND at < ?').pluck().get(last.from, last.to) as number) ?? 0;
  return {
    ...doc, ...input, router: times, payloadBytes, headSeq: last.head.seq, monthEvents,
    weaponLines: last.weapons.length, ammoLines: last.ammunition.length,
  };
}
