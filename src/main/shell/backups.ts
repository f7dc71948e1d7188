/**
 * Automatic backups, driven by the shell: one a day while the app runs, and one when it closes.
 * Pure (no 'electron'): index.ts passes core's backup runner and the "Backing up…" notice, so
 * vitest runs this code with real timers or fake ones.
 */
import type { BackupReason, BackupStatus, BackupSummary } from '../../shared/domain/backup';

export type AutomaticReason = Exclude<BackupReason, 'manual'>;

/** What core offers the shell for backups nobody asked for on screen (no session needed). */
export interface BackupRunner {
  /** Core's view now; null when no armoury is open (first run, the commission, a startup error). */
  status(): BackupStatus | null;
  run(reason: AutomaticReason): Promise<BackupSummary>;
}

/** Shows "Backing up…" while the close waits; returns what takes it down again. */
export type BusyNotice = () => () => void;

export interface AutomaticBackupOptions {
  runner: BackupRunner;
  /** How often the daily check runs while the app is open (default every 10 minutes). */
  checkEveryMs?: number;
  /** The first check, shortly after start (default 1 minute: the window is up and the user working). */
  firstCheckMs?: number;
  /** The longest the close waits for its backup before quitting anyway (default 2 minutes). */
  closeTimeoutMs?: number;
  log?: (message: string, error?: unknown) => void;
}

const MINUTE = 60_000;

class TimedOut extends Error {
  constructor(ms: number) {
    super(`no answer after ${ms} ms`);
  }
}

/** The promise, or a TimedOut rejection after `ms`; the timer never keeps Node alive. */
function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new TimedOut(ms)), ms);
    timer.unref?.();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * One backup at a time: the daily check skips while one runs, and the close waits for it (the
 * data it copies may have changed since, so the close makes its own afterwards).
 */
export class AutomaticBackups {
  private readonly runner: BackupRunner;
  private readonly checkEveryMs: number;
  private readonly firstCheckMs: number;
  private readonly closeTimeoutMs: number;
  private readonly log: (message: string, error?: unknown) => void;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<unknown> | null = null;
  private closing: 'open' | 'backing-up' | 'done' = 'open';

  constructor(options: AutomaticBackupOptions) {
    this.runner = options.runner;
    this.checkEveryMs = options.checkEveryMs ?? 10 * MINUTE;
    this.firstCheckMs = options.firstCheckMs ?? MINUTE;
    this.closeTimeoutMs = options.closeTimeoutMs ?? 2 * MINUTE;
    this.log = options.log ?? ((message, error) => console.error(`[gardien] ${message}`, error ?? ''));
  }

  /** Starts the daily checks (at most one timer). */
  startDaily(): void {
    if (this.timer || this.closing !== 'open') return;
    const tick = (delay: number) => {
      this.timer = setTimeout(() => {
        void this.checkDaily().finally(() => {
          if (this.timer) tick(this.checkEveryMs);
        });
      }, delay);
      this.timer.unref?.();
    };
    tick(this.firstCheckMs);
  }

  stopDaily(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /**
   * Runs the daily backup when core says one is due, unless another backup is under way or the
   * app is closing. A failure (stick pulled, folder gone) is logged; core records nothing good,
   * so the next check tries again and the dashboard goes on warning.
   */
  async checkDaily(): Promise<BackupSummary | null> {
    if (this.running || this.closing !== 'open') return null;
    let status: BackupStatus | null;
    try {
      status = this.runner.status();
    } catch (error) {
      this.log('reading the backup status failed', error);
      return null;
    }
    if (!status?.dailyDue) return null;
    return this.track(this.runner.run('daily')).catch((error: unknown) => {
      this.log('the daily backup failed', error);
      return null;
    });
  }

  /**
   * For the window's 'close' and the app's 'before-quit'. False: nothing to wait for, let it close
   * (no backup on close wanted, or it is done). True: the caller prevents this close; the backup
   * runs under the notice, bounded by closeTimeoutMs, and `proceed` is called once, whether it
   * succeeded, failed or timed out, to quit for good.
   */
  interceptClose(notice: BusyNotice, proceed: () => void): boolean {
    if (this.closing === 'done') return false;
    if (this.closing === 'backing-up') return true;
    this.stopDaily();
    if (!this.wantsCloseBackup()) {
      this.closing = 'done';
      return false;
    }
    this.closing = 'backing-up';
    void this.closeBackup(notice).finally(() => {
      this.closing = 'done';
      proceed();
    });
    return true;
  }

  /** Decided synchronously, so a close with nothing to back up is never delayed. */
  private wantsCloseBackup(): boolean {
    try {
      const status = this.runner.status();
      return status !== null && status.configured && status.settings.onClose;
    } catch (error) {
      this.log('reading the backup status failed', error);
      return false;
    }
  }

  private async closeBackup(notice: BusyNotice): Promise<void> {
    let hide: (() => void) | null = null;
    try {
      hide = notice();
    } catch (error) {
      this.log('showing the backup notice failed', error);
    }
    try {
      const earlier = this.running;
      const backup = (async () => {
        if (earlier) await earlier.catch(() => undefined);
        return this.track(this.runner.run('close'));
      })();
      // Not left unhandled when the timeout wins the race.
      void backup.catch(() => undefined);
      await within(backup, this.closeTimeoutMs);
    } catch (error) {
      this.log(error instanceof TimedOut ? 'the backup on close took too long; quitting without it' : 'the backup on close failed', error);
    } finally {
      try {
        hide?.();
      } catch (error) {
        this.log('closing the backup notice failed', error);
      }
    }
  }

  private track<T>(promise: Promise<T>): Promise<T> {
    const tracked = promise.finally(() => {
      if (this.running === tracked) this.running = null;
    });
    this.running = tracked;
    return tracked;
  }
}
