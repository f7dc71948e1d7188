#!/usr/bin/env node
// `npm test`: everything CI runs, in order, each step reported; ends with one line
// "N passed, N failed" that counts every test of every suite (plus typecheck, lint,
// electronegativity and build, one check each) and exits non-zero when anything failed or nothing ran.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const results = join(root, 'test-results');
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

let passed = 0;
let failed = 0;
const lines = [];

function run(name, command, args) {
  console.log(`\n=== ${name}: ${command} ${args.join(' ')}`);
  const r = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } });
  return r.status === 0;
}

function check(name, command, args) {
  const ok = run(name, command, args);
  if (ok) passed++;
  else failed++;
  lines.push(`${name}: ${ok ? 'ok' : 'FAILED'}`);
  return ok;
}

function suite(name, command, args, reportFile, count) {
  const ok = run(name, command, args);
  const file = join(results, reportFile);
  if (!existsSync(file)) {
    failed++;
    lines.push(`${name}: no report (the runner failed before testing)`);
    return;
  }
  const c = count(JSON.parse(readFileSync(file, 'utf8')));
  passed += c.passed;
  failed += c.failed;
  if (!ok && c.failed === 0) failed++;
  lines.push(`${name}: ${c.passed} passed, ${c.failed} failed${c.skipped ? `, ${c.skipped} skipped` : ''}`);
  // The run's tail is often all a CI log keeps: name what failed there, with its first line.
  for (const f of c.failures) lines.push(`  failed: ${f}`);
}

function firstLine(text) {
  // eslint-disable-next-line no-control-regex -- strips ANSI colour codes from reporters' messages
  return String(text ?? '').replace(/\u001b\[[0-9;]*m/g, '').split('\n').find((l) => l.trim() !== '')?.trim() ?? '';
}

function vitestFailures(j) {
  const out = [];
  for (const file of j.testResults ?? []) {
    const rel = file.name?.replace(`${root}/`, '') ?? '?';
    if (file.status === 'failed' && (file.assertionResults ?? []).length === 0) out.push(`${rel}: ${firstLine(file.message)}`);
    for (const t of file.assertionResults ?? []) {
      if (t.status === 'failed') out.push(`${rel} › ${t.fullName}: ${firstLine(t.failureMessages?.[0])}`);
    }
  }
  return out;
}

function playwrightFailures(j) {
  const out = [];
  const walk = (s, file) => {
    for (const spec of s.specs ?? []) {
      for (const t of spec.tests ?? []) {
        if (t.status === 'unexpected') {
          const last = t.results?.[t.results.length - 1];
          out.push(`${spec.file ?? file}:${spec.line} › ${spec.title}: ${firstLine(last?.error?.message)}`);
        }
      }
    }
    for (const child of s.suites ?? []) walk(child, s.file ?? file);
  };
  for (const s of j.suites ?? []) walk(s, s.file);
  for (const e of j.errors ?? []) out.push(firstLine(e.message));
  return out;
}

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
check('native module for Node', process.execPath, ['scripts/native.mjs', 'node']);
check('typecheck', npx, ['tsc', '-b']);
check('lint', npx, ['eslint', '.', '--max-warnings', '0']);
// Electron security linter; fails on any finding not explained in security/electronegativity-allowlist.json.
check('electronegativity', process.execPath, ['scripts/electronegativity.mjs']);
suite('unit', npx, ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${join(results, 'unit.json')}`], 'unit.json', (j) => ({
  passed: j.numPassedTests ?? 0,
  failed: (j.numFailedTests ?? 0) + (j.numRuntimeErrorTestSuites ?? 0),
  skipped: (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0),
  failures: vitestFailures(j),
}));
if (check('build', npx, ['electron-vite', 'build'])) {
  suite('e2e', npx, ['playwright', 'test'], 'e2e.json', (j) => ({
    passed: (j.stats?.expected ?? 0) + (j.stats?.flaky ?? 0),
    failed: (j.stats?.unexpected ?? 0) + (j.errors?.length ?? 0),
    skipped: j.stats?.skipped ?? 0,
    failures: playwrightFailures(j),
  }));
} else {
  failed++;
  lines.push('e2e: not run (build failed)');
}

console.log('\n=== summary');
for (const l of lines) console.log(l);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
