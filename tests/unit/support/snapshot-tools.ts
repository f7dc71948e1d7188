import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { openSnapshot, verifySnapshot, type VerifiedSnapshot } from '../../../src/main/core/snapshot/read';
import { SnapshotRejection } from '../../../src/main/core/snapshot/rejection';
import type { RejectionReason } from '../../../src/shared/domain/snapshot';
import type { Harness } from './harness';
import { scratchDir } from './harness';

export interface Tool {
  status: number | null;
  out: string;
}

/** Runs a standard tool (unzip, minisign, sha256sum, jq); a missing one fails the test with the package to install. */
export function tool(cmd: string, args: string[], cwd: string, input?: string): Tool {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', ...(input !== undefined ? { input } : {}) });
  if (r.error) throw new Error(`${cmd} could not run (apt-get install ${cmd === 'sha256sum' ? 'coreutils' : cmd}): ${r.error.message}`);
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

/** `unzip -q -d` into a new scratch folder, as someone without Gardien would. */
export function unzipped(file: string): string {
  const dir = mkdtempSync(join(scratchDir(), 'unzipped-'));
  const r = tool('unzip', ['-q', file, '-d', dir], dir);
  expect(r.status, r.out).toBe(0);
  return dir;
}

/** The documented check with standard tools: minisign on the sums, then sha256sum on the files. */
export function standardCheck(file: string, publicKeyLine: string): { minisign: Tool; sums: Tool; dir: string } {
  const dir = unzipped(file);
  const minisign = tool('minisign', ['-Vm', 'SHA256SUMS', '-P', publicKeyLine], dir);
  const sums = tool('sha256sum', ['-c', '--strict', 'SHA256SUMS'], dir);
  return { minisign, sums, dir };
}

export function exportedFile(h: Harness, fileName: string): string {
  return join(h.app.options.dataDir, 'exports', fileName);
}

export function openAndVerify(bytes: Buffer, publicKeyLine: string): VerifiedSnapshot {
  return verifySnapshot(openSnapshot(bytes), publicKeyLine);
}

export function readAndVerify(path: string, publicKeyLine: string): VerifiedSnapshot {
  return openAndVerify(readFileSync(path), publicKeyLine);
}

/** The reason `fn` rejects with; fails the test if it does not throw a SnapshotRejection. */
export function rejection(fn: () => unknown): { reason: RejectionReason; detail: string } {
  try {
    fn();
  } catch (error) {
    if (error instanceof SnapshotRejection) return { reason: error.reason, detail: error.detail };
    throw error;
  }
  return expect.fail('expected a SnapshotRejection');
}
