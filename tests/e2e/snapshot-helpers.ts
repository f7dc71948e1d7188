import { expect, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fingerprint, parsePublicKey } from '../../src/main/core/snapshot/minisign';

/** The fingerprint of a minisign public key line, computed here from the key itself. */
export function fingerprintOf(publicKeyLine: string): string {
  const parsed = parsePublicKey(publicKeyLine);
  if (!parsed) throw new Error(`not a minisign public key: ${publicKeyLine}`);
  return fingerprint(parsed.publicKey, parsed.keyId);
}

/** A fingerprint's text as shown (rows and groups split by any white space), on one line. */
export const oneLine = (text: string) => text.trim().split(/\s+/).join(' ');

/** The 4 rows of 4 groups of a fingerprint, as a pattern that allows any spacing between groups. */
export function fingerprintRows(value: string): RegExp[] {
  const groups = value.split(' ');
  return [0, 4, 8, 12].map((i) => new RegExp(groups.slice(i, i + 4).join('\\s+')));
}

export const sha256File = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/**
 * What the commission does without Gardien: unzip the snapshot, check the signature of SHA256SUMS
 * with Debian's minisign and the key line, then every file against SHA256SUMS. Throws when a tool
 * refuses (exit status not 0); returns the folder (made under `parent`, a folder the test removes)
 * and the tools' output.
 */
export function verifyWithStandardTools(file: string, publicKeyLine: string, parent: string): { dir: string; minisign: string; sums: string } {
  const dir = mkdtempSync(join(parent, 'unzipped-'));
  execFileSync('unzip', ['-q', file, '-d', dir]);
  const minisign = execFileSync('minisign', ['-Vm', 'SHA256SUMS', '-P', publicKeyLine], { cwd: dir, encoding: 'utf8' });
  const sums = execFileSync('sha256sum', ['-c', '--strict', 'SHA256SUMS'], { cwd: dir, encoding: 'utf8' });
  return { dir, minisign, sums };
}

/** The names in a ZIP file, in their order, as unzip lists them. */
export function zipEntries(file: string): string[] {
  return execFileSync('unzip', ['-Z1', file], { encoding: 'utf8' }).split('\n').filter(Boolean);
}

/** The events of an unzipped snapshot, one parsed body per line. */
export function eventsOf(dir: string): { seq: number; type: string; prev: string }[] {
  const text = readFileSync(join(dir, 'events.ndjson'), 'utf8');
  expect(text.endsWith('\n')).toBe(true);
  return text.slice(0, -1).split('\n').map((line) => JSON.parse(line) as { seq: number; type: string; prev: string });
}

type Progress = { done: number; total: number };
/** The parts of the page's DOM the watcher uses (no DOM types in this Node file). */
interface PageGlobals {
  __progress: Progress[];
  document: { body: unknown; querySelector: (selector: string) => { getAttribute: (name: string) => string | null } | null };
  MutationObserver: new (callback: () => void) => { observe: (target: unknown, options: Record<string, unknown>) => void };
}

/**
 * Records every state of the export's progress bar from now on (a MutationObserver in the page),
 * so a test sees it even when the export is quick; `read` returns what was seen.
 */
export async function watchProgress(page: Page): Promise<{ read: () => Promise<Progress[]> }> {
  await page.evaluate(() => {
    const g = globalThis as unknown as PageGlobals;
    g.__progress = [];
    const record = () => {
      const bar = g.document.querySelector('[data-testid="export-progress"]');
      if (bar) g.__progress.push({ done: Number(bar.getAttribute('data-done')), total: Number(bar.getAttribute('data-total')) });
    };
    new g.MutationObserver(record).observe(g.document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-done', 'data-total'] });
  });
  return { read: () => page.evaluate(() => (globalThis as unknown as PageGlobals).__progress) };
}
