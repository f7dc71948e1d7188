import { int } from './format';

/**
 * Progress on stderr, so stdout stays clean for the result. On a terminal one line is redrawn at
 * most ten times a second; in a log (not a TTY) a line is written at most every five seconds.
 */
export class Progress {
  private last = 0;
  private shown = false;
  private readonly tty: boolean;

  constructor(
    private readonly label: string,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {
    this.tty = stream.isTTY === true;
  }

  /** `label` replaces the constructor's, for work done in phases. */
  update(done: number, total: number, label: string = this.label): void {
    const now = Date.now();
    if (now - this.last < (this.tty ? 100 : 5000)) return;
    this.last = now;
    const pct = total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : 0;
    const text = `${label}: ${pct}% (${int(done)} of ${int(total)})`;
    if (this.tty) this.stream.write(`\r\x1b[2K${text}`);
    else this.stream.write(`${text}\n`);
    this.shown = true;
  }

  /** A line of its own (a phase without a count). */
  note(text: string): void {
    this.end();
    this.stream.write(`${text}\n`);
  }

  /** Clears the redrawn line so the result starts on a clean one. */
  end(): void {
    if (this.tty && this.shown) this.stream.write('\r\x1b[2K');
    this.shown = false;
  }
}
