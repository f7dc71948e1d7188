import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CaseTimeout, withTimeout } from './support/fuzz/watchdog';

/** The fuzz files' guards against hangs, checked on a hang of each kind. */
describe('the fuzz watchdog', () => {
  it('kills a process whose case blocks the event loop, naming the case', () => {
    const child = resolve(__dirname, 'support/fuzz/watchdog-child.ts');
    const r = spawnSync(process.execPath, ['--import', 'tsx', child, '300'], { encoding: 'utf8', timeout: 20_000 });
    expect(r.signal).toBe('SIGKILL');
    expect(r.stdout).not.toContain('not killed');
    expect(r.stderr).toContain('[fuzz watchdog] a case ran past 300 ms without yielding: imports.inspect {"path":"boucle.xlsx"}');
  }, 30_000);

  it('turns a promise that never settles into a CaseTimeout', async () => {
    const never = new Promise<never>(() => undefined);
    await expect(withTimeout(never, 50)).rejects.toBeInstanceOf(CaseTimeout);
    await expect(withTimeout(Promise.resolve(7), 50)).resolves.toBe(7);
  });
});
