import { Worker } from 'node:worker_threads';

/**
 * "Never a hang", both kinds. A promise that never settles is caught by `withTimeout`. A loop that
 * never yields blocks the event loop, so no timer of this thread can fire: a worker thread watches
 * a shared heartbeat and, when one case has run past its limit, prints that case and kills the
 * test process (SIGKILL), which vitest reports as a failed file instead of waiting forever.
 */
const LABEL_BYTES = 2048;

const WORKER = `
const { workerData } = require('node:worker_threads');
const state = new Int32Array(workerData.state);
const label = new Uint8Array(workerData.label);
let seen = -1, since = Date.now();
for (;;) {
  Atomics.wait(state, 2, 0, 250);
  if (Atomics.load(state, 2) === 1) break;
  const beat = Atomics.load(state, 0), busy = Atomics.load(state, 1);
  if (beat !== seen) { seen = beat; since = Date.now(); continue; }
  if (busy === 1 && Date.now() - since > workerData.limitMs) {
    const end = label.indexOf(0);
    const text = Buffer.from(label.subarray(0, end < 0 ? label.length : end)).toString('utf8');
    // fd 2 directly: a worker's process.stderr goes through the blocked main thread.
    require('node:fs').writeSync(2, '\\n[fuzz watchdog] a case ran past ' + workerData.limitMs + ' ms without yielding: ' + text + '\\n');
    process.kill(process.pid, 'SIGKILL');
  }
}
`;

export class Watchdog {
  private readonly state = new SharedArrayBuffer(12);
  private readonly label = new SharedArrayBuffer(LABEL_BYTES);
  private readonly worker: Worker;

  constructor(readonly limitMs: number) {
    this.worker = new Worker(WORKER, { eval: true, workerData: { state: this.state, label: this.label, limitMs } });
    this.worker.unref();
  }

  /** A case starts: what it is (shown if it hangs). */
  enter(what: string): void {
    const bytes = new Uint8Array(this.label);
    bytes.fill(0);
    bytes.set(Buffer.from(what.slice(0, LABEL_BYTES / 4), 'utf8').subarray(0, LABEL_BYTES - 1));
    const s = new Int32Array(this.state);
    Atomics.add(s, 0, 1);
    Atomics.store(s, 1, 1);
  }

  leave(): void {
    const s = new Int32Array(this.state);
    Atomics.add(s, 0, 1);
    Atomics.store(s, 1, 0);
  }

  async stop(): Promise<void> {
    const s = new Int32Array(this.state);
    Atomics.store(s, 2, 1);
    Atomics.notify(s, 2);
    await this.worker.terminate();
  }
}

export class CaseTimeout extends Error {
  constructor(readonly ms: number) {
    super(`no answer after ${ms} ms`);
    this.name = 'CaseTimeout';
  }
}

/** The promise's outcome, or a CaseTimeout if it has not settled after `ms`. */
export async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CaseTimeout(ms)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Runs one case under the watchdog and a timeout. */
export async function guarded<T>(dog: Watchdog, what: () => string, run: () => Promise<T>, ms: number): Promise<T> {
  dog.enter(what());
  try {
    return await withTimeout(run(), ms);
  } finally {
    dog.leave();
  }
}
