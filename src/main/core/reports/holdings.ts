import type { HoldingsReport } from '../../../shared/contract/reports';
import { holdings } from '../ammunition/queries';
import { allStores } from '../ammunition/stores';
import type { Store } from '../store';
import { inOneRead, readHead } from './read';

/** Ammunition holdings of every store (stores by code, then lot and bay as stores.holdings lists them), with totals. */
export function holdingsReport(store: Store, today: string, now: Date): HoldingsReport {
  const s = store.s;
  return inOneRead(store, () => {
    const stores = allStores(s).map((record) => {
      const { store: view, holdings: lines } = holdings(s, record.id, today);
      return {
        store: view,
        lines,
        totalRounds: lines.reduce((n, l) => n + l.quantity, 0),
        totalNeqKg: lines.reduce((n, l) => n + l.neqKg, 0),
      };
    });
    return { stores, totalRounds: stores.reduce((n, st) => n + st.totalRounds, 0), head: readHead(s), at: now.toISOString() };
  });
}
