import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * A file written in pieces under a temporary name beside its final one, then synced and renamed:
 * a crash, a full disk or an error leaves the final name absent (or as it was), never half a file.
 */
export class AtomicFile {
  private open = true;

  private constructor(
    readonly path: string,
    readonly temp: string,
    readonly fd: number,
  ) {}

  static create(path: string): AtomicFile {
    const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
    return new AtomicFile(path, temp, openSync(temp, 'wx', 0o644));
  }

  write(data: string | Uint8Array): void {
    writeFileSync(this.fd, data);
  }

  /** Syncs, closes and renames onto the final name, then syncs the folder where the system allows. */
  commit(): void {
    fsyncSync(this.fd);
    this.close();
    renameSync(this.temp, this.path);
    try {
      const dir = openSync(dirname(this.path), 'r');
      try {
        fsyncSync(dir);
      } finally {
        closeSync(dir);
      }
    } catch {
      // Windows cannot open a folder for syncing; the rename itself is done.
    }
  }

  /** Drops the temporary file (after an error); the final name is left untouched. */
  abort(): void {
    this.close();
    rmSync(this.temp, { force: true });
  }

  private close(): void {
    if (!this.open) return;
    this.open = false;
    closeSync(this.fd);
  }
}
