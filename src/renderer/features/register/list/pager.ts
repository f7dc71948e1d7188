import type { RegisterPage, RegisterQuery } from '../../../../shared/contract/register';
import type { WeaponRow } from '../../../../shared/domain/weapon';
import type { AppErrorShape, Result } from '../../../../shared/result';
import { call } from '../../../lib/client';

export const PAGE_SIZE = 100;
/** Pages kept in memory; at 1M rows the register must never try to hold everything. */
const MAX_PAGES = 40;
/** Requests in flight at once: enough to fill a screen, few enough that a fast drag queues nothing stale. */
const MAX_IN_FLIGHT = 2;

export type ListQuery = Omit<RegisterQuery, 'offset' | 'limit'>;
type Fetch = (query: ListQuery, offset: number) => Promise<Result<RegisterPage>>;

const defaultFetch: Fetch = (query, offset) => call('weapons.list', { ...query, offset, limit: PAGE_SIZE });

/**
 * The register's rows for one query (filters, search, sort), fetched page by page on demand.
 * The table says which rows it shows (`want`); only pages in that range are fetched, so dragging
 * the scrollbar across a million rows asks for the pages where it stops, not every page it passes.
 */
export class RegisterPager {
  private readonly pages = new Map<number, WeaponRow[]>(); // insertion order doubles as LRU order
  private readonly inFlight = new Set<number>();
  private wanted = { first: 0, last: 0 };
  private listeners = new Set<() => void>();
  total: number | null = null;
  capped = false;
  error: AppErrorShape | null = null;
  version = 0;

  constructor(
    readonly query: ListQuery,
    private readonly fetch: Fetch = defaultFetch,
  ) {
    this.pump();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getVersion = (): number => this.version;

  row(index: number): WeaponRow | undefined {
    return this.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];
  }

  /** The rows on screen (first..last, inclusive); fetches the pages missing among them. */
  want(firstRow: number, lastRow: number): void {
    const first = Math.floor(Math.max(0, firstRow) / PAGE_SIZE);
    const last = Math.floor(Math.max(firstRow, lastRow) / PAGE_SIZE);
    if (first === this.wanted.first && last === this.wanted.last) return;
    this.wanted = { first, last };
    this.pump();
  }

  private pump(): void {
    for (let p = this.wanted.first; p <= this.wanted.last && this.inFlight.size < MAX_IN_FLIGHT; p++) {
      if (this.pages.has(p) || this.inFlight.has(p)) continue;
      if (this.total !== null && p * PAGE_SIZE >= this.total && p > 0) break;
      void this.load(p);
    }
  }

  private async load(page: number): Promise<void> {
    this.inFlight.add(page);
    const r = await this.fetch(this.query, page * PAGE_SIZE);
    this.inFlight.delete(page);
    if (r.ok) {
      this.error = null;
      this.pages.delete(page);
      this.pages.set(page, r.value.rows);
      this.total = r.value.total;
      this.capped = r.value.capped;
      this.evict();
    } else {
      this.error = r.error;
      this.total ??= 0;
    }
    this.version++;
    for (const l of this.listeners) l();
    if (r.ok) this.pump();
  }

  private evict(): void {
    for (const page of this.pages.keys()) {
      if (this.pages.size <= MAX_PAGES) return;
      if (page < this.wanted.first || page > this.wanted.last) this.pages.delete(page);
    }
  }
}
