import { Readable, type Writable } from 'node:stream';
import { breathe } from '../../jobs';

/** With no byte fed and no row read for this long, the unzip is stuck on damaged data. */
const STALL_MS = 15_000;
/** Slices fed to the unzip stream: how finely progress can move. */
const SLICE_BYTES = 256 * 1024;

/**
 * The file's bytes as the stream exceljs unzips, with a guard against hangs. exceljs's streaming
 * reader waits forever when the inflater fails in the middle of a worksheet (the error goes to the
 * unzip stream, which nobody reads then): `failed` rejects on that error, or when nothing moves
 * for STALL_MS. Work runs in `race(work)`; `fed` is how many bytes the unzip has taken.
 */
export class GuardedFeed {
  readonly stream: Readable;
  fed = 0;
  /** Bumped by the caller for each row read: progress the stall watchdog sees. */
  rows = 0;
  private fail: (error: Error) => void = () => undefined;
  private readonly failed: Promise<never>;

  constructor(bytes: Buffer) {
    this.failed = new Promise<never>((_, reject) => {
      this.fail = reject;
    });
    // Breathing between slices lets progress polls through while exceljs inflates and parses
    // parts that yield no rows (a large shared-strings table comes before the first row).
    const slices = async function* (this: GuardedFeed): AsyncGenerator<Buffer> {
      for (let at = 0; at < bytes.length; at += SLICE_BYTES) {
        if (at > 0) await breathe();
        this.fed = Math.min(bytes.length, at + SLICE_BYTES);
        yield bytes.subarray(at, this.fed);
      }
    };
    this.stream = Readable.from(slices.call(this), { objectMode: false });
    const pipe = this.stream.pipe.bind(this.stream);
    this.stream.pipe = <T extends NodeJS.WritableStream>(destination: T, options?: { end?: boolean }): T => {
      (destination as unknown as Writable).on('error', (error: Error) => this.fail(error));
      return pipe(destination, options);
    };
  }

  /** Runs work until it settles or the unzip fails or stalls; the stream is destroyed either way. */
  async race<T>(work: Promise<T>): Promise<T> {
    let seen = -1;
    const watchdog = setInterval(() => {
      const now = this.fed + this.rows;
      if (now === seen) this.fail(new Error('reading stalled'));
      seen = now;
    }, STALL_MS);
    try {
      return await Promise.race([work, this.failed]);
    } finally {
      clearInterval(watchdog);
      this.stream.destroy();
    }
  }
}
