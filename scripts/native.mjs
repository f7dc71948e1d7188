#!/usr/bin/env node
// better-sqlite3 is a native module: Node (tests, CLI, bench) and Electron (the app) need different
// builds of it. This script makes sure the one in node_modules matches the runtime about to use it,
// rebuilding only when it does not. Usage: node scripts/native.mjs node|electron [--quiet]
import { execSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const target = process.argv[2];
const quiet = process.argv.includes('--quiet');
const require = createRequire(import.meta.url);
const root = join(import.meta.dirname, '..');
const marker = join(root, 'node_modules', 'better-sqlite3', 'build', 'gardien-runtime.txt');
const say = (m) => quiet || console.error(`[native] ${m}`);
const run = (cmd) => execSync(cmd, { cwd: root, stdio: quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit' });

function loadsInNode() {
  try {
    execSync(`"${process.execPath}" -e "new (require('better-sqlite3'))(':memory:').close()"`, { cwd: root, stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

if (target === 'node') {
  if (existsSync(marker) || !loadsInNode()) {
    say(`building better-sqlite3 for Node ${process.version}`);
    // prebuild-install fetches a binary where it can; otherwise node-gyp builds against Node's headers.
    run('npm rebuild better-sqlite3');
    rmSync(marker, { force: true });
    if (!loadsInNode()) throw new Error('better-sqlite3 still does not load in Node after rebuild');
  }
} else if (target === 'electron') {
  const version = require('electron/package.json').version;
  const built = existsSync(marker) ? readFileSync(marker, 'utf8').trim() : '';
  if (built !== `electron-${version}`) {
    say(`building better-sqlite3 for Electron ${version}`);
    run('npx electron-rebuild --force --only better-sqlite3');
    writeFileSync(marker, `electron-${version}\n`);
  }
} else {
  console.error('usage: node scripts/native.mjs node|electron [--quiet]');
  process.exit(2);
}
