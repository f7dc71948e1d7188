#!/usr/bin/env node
// `npm test`: everything CI runs, in order, each step reported; ends with one line
// "N passed, N failed" that counts every test of every suite (plus typecheck, lint and build,
// one check each) and exits non-zero when anything failed or nothing ran.
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
}

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
check('native module for Node', process.execPath, ['scripts/native.mjs', 'node']);
check('typecheck', npx, ['tsc', '-b']);
check('lint', npx, ['eslint', '.', '--max-warnings', '0']);
suite('unit', npx, ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${join(results, 'unit.json')}`], 'unit.json', (j) => ({
  passed: j.numPassedTests ?? 0,
  failed: (j.numFailedTests ?? 0) + (j.numRuntimeErrorTestSuites ?? 0),
  skipped: (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0),
}));
if (check('build', npx, ['electron-vite', 'build'])) {
  suite('e2e', npx, ['playwright', 'test'], 'e2e.json', (j) => ({
    passed: (j.stats?.expected ?? 0) + (j.stats?.flaky ?? 0),
    failed: (j.stats?.unexpected ?? 0) + (j.errors?.length ?? 0),
    skipped: j.stats?.skipped ?? 0,
  }));
} else {
  failed++;
  lines.push('e2e: not run (build failed)');
}

console.log('\n=== summary');
for (const l of lines) console.log(l);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
