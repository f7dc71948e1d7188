import type { JobProgress } from '../../shared/contract/snapshot';

const IDLE: JobProgress = { job: null, done: 0, total: 0, item: '' };

/**
 * The one long job core runs at a time (a snapshot export or an import) and how far it is: the
 * screen polls jobs.progress while its call is pending. Work yields between batches (see
 * `breathe`) so the poll is answered.
 */
export class Jobs {
  private current: JobProgress = IDLE;
  private cancelled = false;

  get progress(): JobProgress {
    return this.current;
  }

  /** Runs `work` as the current job; a second job while one runs is refused by the caller's lock. */
  async run<T>(job: NonNullable<JobProgress['job']>, total: number, work: (step: (done: number, item?: string) => void) => Promise<T>): Promise<T> {
    this.current = { job, done: 0, total, item: '' };
    this.cancelled = false;
    try {
      return await work((done, item) => {
        this.current = { job, done, total, item: item ?? this.current.item };
      });
    } finally {
      this.current = IDLE;
    }
  }

  /** Asks the running job to stop at its next batch (jobs that can be cancelled check `cancelRequested`). */
  requestCancel(): boolean {
    if (!this.busy) return false;
    this.cancelled = true;
    return true;
  }

  get cancelRequested(): boolean {
    return this.cancelled;
  }

  get busy(): boolean {
    return this.current.job !== null;
  }
}

/** Lets the event loop answer other calls (the progress poll) between batches of synchronous work. */
export function breathe(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
