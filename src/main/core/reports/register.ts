import { PRINT_MAX_ROWS, type RegisterPrint } from '../../../shared/contract/reports';
import type { registerQuery } from '../../../shared/contract/register';
import type { z } from '../../../shared/validation';
import { listWeapons } from '../register/queries';
import type { Store } from '../store';
import { inOneRead, readHead } from './read';

type PrintQuery = Omit<z.output<typeof registerQuery>, 'offset' | 'limit'>;

/**
 * The register as printed: the screen's own query (same search, filters and sort), every row up
 * to PRINT_MAX_ROWS. Past the cap, or when a search stopped at its own cap (the paper would not be
 * the whole list), no rows: the screen asks for a filter.
 */
export function registerPrint(store: Store, q: PrintQuery, now: Date): RegisterPrint {
  return inOneRead(store, () => {
    // one row first: the count (and a search's cap) without reading a register too long to print
    const probe = listWeapons(store.s, { ...q, offset: 0, limit: 1 });
    const capped = probe.capped || probe.total > PRINT_MAX_ROWS;
    const rows = capped || probe.total === 0 ? [] : listWeapons(store.s, { ...q, offset: 0, limit: PRINT_MAX_ROWS }).rows;
    return { rows, total: probe.total, capped, head: readHead(store.s), at: now.toISOString() };
  });
}
