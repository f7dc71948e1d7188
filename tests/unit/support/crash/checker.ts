import { Worker } from 'node:worker_threads';
import { checkKill, type CheckInput, type CheckResult } from './checks';
import type { Launcher } from './launch';

/** Runs the checks of each kill in the bundled worker thread, or inline when the children run through tsx. */
export class Checker {
  private next = 0;
  private readonly waiting = new Map<number, { done: (r: CheckResult) => void; fail: (e: Error) => void }>();

  private constructor(private readonly worker: Worker | null) {
    worker?.on('message', (m: { id: number; result?: CheckResult; error?: string }) => {
      const w = this.waiting.get(m.id);
      this.waiting.delete(m.id);
      if (m.result) w?.done(m.result);
      else w?.fail(new Error(m.error ?? 'the checker failed'));
    });
    worker?.on('error', (error) => {
      for (const w of this.waiting.values()) w.fail(error);
      this.waiting.clear();
    });
  }

  static start(launcher: Launcher): Checker {
    const file = launcher.bundle('checker');
    return new Checker(file ? new Worker(file) : null);
  }

  check(input: CheckInput): Promise<CheckResult> {
    if (!this.worker) return checkKill(input);
    const id = ++this.next;
    const worker = this.worker;
    return new Promise((done, fail) => {
      this.waiting.set(id, { done, fail });
      worker.postMessage({ id, input });
    });
  }

  async stop(): Promise<void> {
    await this.worker?.terminate();
  }
}
