/**
 * scripts/electronegativity.mjs judges a report against the allowlist. The scan itself runs in CI
 * (scripts/test.mjs); here the judging runs on hand-written reports in the tool's CSV format
 * (`--csv`), and the real allowlist is checked against the sources it quotes.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/main/shell/security';

const repo = resolve(__dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'gardien-en-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEADER = 'issue, severity, confidence, filename, location, sample, description, url';
const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
/** One row as the tool writes it: id and url bare, the rest quoted, paths relative to src/. */
function row(check: string, file: string, location: string, sample: string | null): string {
  return [check, q('MEDIUM'), q('FIRM'), file === 'N/A' ? 'N/A' : q(file), q(location), sample === null ? 'N/A' : q(sample), q('Some description, with a comma'), `https://github.com/doyensec/electronegativity/wiki/${check}`].join(',');
}
const REASON = 'Reviewed: this is safe here because of the reasons written in this sentence.';

let n = 0;
function judge(rows: string[], entries: unknown[], eol = '\n'): { status: number | null; out: string; err: string } {
  n++;
  const csv = join(dir, `r${n}.csv`);
  const allowlist = join(dir, `a${n}.json`);
  writeFileSync(csv, [HEADER, ...rows].join(eol) + eol);
  writeFileSync(allowlist, JSON.stringify({ entries }));
  const r = spawnSync(process.execPath, ['scripts/electronegativity.mjs', '--csv', csv, '--allowlist', allowlist], { cwd: repo, encoding: 'utf8' });
  return { status: r.status, out: r.stdout, err: r.stderr };
}

const preload = row('PRELOAD_JS_CHECK', 'main/shell/window.ts', '36:6', 'preload: options.preload,');
const preloadEntry = { check: 'PRELOAD_JS_CHECK', file: 'src/main/shell/window.ts', sample: 'preload: options.preload,', reason: REASON };

describe('judging a report', () => {
  it('passes when every finding is explained, whatever line it moved to', () => {
    const moved = row('PRELOAD_JS_CHECK', 'main/shell/window.ts', '120:4', 'preload:   options.preload,');
    const r = judge([preload, moved], [preloadEntry]);
    expect(r.err).toBe('');
    expect(r.status).toBe(0);
    expect(r.out).toContain('2 finding(s), 2 explained by the allowlist, 0 unexplained, 0 stale');
  });

  it('passes on an empty report (no findings) with an empty allowlist, CRLF line ends too', () => {
    const r = judge([], [], '\r\n');
    expect(r.status).toBe(0);
    expect(r.out).toContain('0 finding(s)');
  });

  it('fails on a finding the allowlist does not explain, printing it and the entry to add', () => {
    const sample = "app.on('certificate-error', (event, url, \"x\") => {";
    const r = judge([preload, row('CERTIFICATE_ERROR_EVENT_JS_CHECK', 'main/shell/harden.ts', '15:2', sample)], [preloadEntry]);
    expect(r.status).toBe(1);
    expect(r.err).toContain('UNEXPLAINED CERTIFICATE_ERROR_EVENT_JS_CHECK [MEDIUM/FIRM] src/main/shell/harden.ts:15:2');
    expect(r.err).toContain(`sample: ${sample}`); // commas and quotes inside the quoted field survive
    expect(r.err).toContain('"file": "src/main/shell/harden.ts"');
    expect(r.out).toContain('1 unexplained');
  });

  it.each([
    ['another check', { ...preloadEntry, check: 'AUXCLICK_JS_CHECK' }],
    ['another file', { ...preloadEntry, file: 'src/main/shell/other.ts' }],
    ['a changed line', { ...preloadEntry, sample: 'preload: somethingElse,' }],
  ])('an entry for %s explains nothing and is reported stale', (_what, entry) => {
    const r = judge([preload], [entry]);
    expect(r.status).toBe(1);
    expect(r.err).toContain('UNEXPLAINED PRELOAD_JS_CHECK');
    expect(r.err).toContain('STALE allowlist entry');
  });

  it('matches global findings without a file or sample (N/A)', () => {
    const finding = row('LIMIT_NAVIGATION_GLOBAL_CHECK', 'N/A', '0:0', null);
    expect(judge([finding], [{ check: 'LIMIT_NAVIGATION_GLOBAL_CHECK', file: 'N/A', sample: 'N/A', reason: REASON }]).status).toBe(0);
    expect(judge([finding], []).status).toBe(1);
  });

  it('fails on an allowlist entry without a real reason', () => {
    for (const reason of ['', 'safe', undefined]) {
      const r = judge([preload], [{ ...preloadEntry, reason }]);
      expect(r.status, String(reason)).toBe(1);
      expect(r.err).toMatch(/reason/);
    }
  });

  it('fails on a report it cannot read rather than passing it', () => {
    const empty = join(dir, 'empty.csv');
    writeFileSync(empty, '');
    const r1 = spawnSync(process.execPath, ['scripts/electronegativity.mjs', '--csv', empty], { cwd: repo, encoding: 'utf8' });
    expect(r1.status).toBe(1);
    const odd = join(dir, 'odd.csv');
    writeFileSync(odd, 'something, else\nA,B\n');
    const r2 = spawnSync(process.execPath, ['scripts/electronegativity.mjs', '--csv', odd], { cwd: repo, encoding: 'utf8' });
    expect(r2.status).toBe(1);
    expect(r2.stderr).toMatch(/unexpected report header/);
    const missing = spawnSync(process.execPath, ['scripts/electronegativity.mjs', '--csv', join(dir, 'nope.csv')], { cwd: repo, encoding: 'utf8' });
    expect(missing.status).toBe(1);
  });
});

describe('the reviewed allowlist', () => {
  const allowlist = JSON.parse(readFileSync(join(repo, 'security/electronegativity-allowlist.json'), 'utf8')) as {
    entries: { check: string; file: string; sample: string; reason: string }[];
  };
  const squash = (s: string) => s.trim().replace(/\s+/g, ' ');

  it('has entries, each with a written reason', () => {
    expect(allowlist.entries.length).toBeGreaterThan(0);
    for (const e of allowlist.entries) expect(e.reason.length, e.check).toBeGreaterThan(80);
  });

  it('quotes lines that are in the sources today (the CSP entry quotes the policy itself)', () => {
    for (const e of allowlist.entries) {
      const lines = readFileSync(join(repo, e.file), 'utf8').split('\n').map(squash);
      if (e.check === 'CSP_GLOBAL_CHECK') expect(e.sample).toBe(CONTENT_SECURITY_POLICY);
      else expect(lines, `${e.check} ${e.file}`).toContain(squash(e.sample));
    }
  });

  it('has no entry for a check this codebase fixed instead (auxclick, navigation, permissions)', () => {
    const checks = allowlist.entries.map((e) => e.check);
    for (const fixed of ['AUXCLICK_JS_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK', 'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK', 'SANDBOX_JS_CHECK', 'CONTEXT_ISOLATION_JS_CHECK', 'NODE_INTEGRATION_JS_CHECK']) {
      expect(checks).not.toContain(fixed);
    }
  });
});
