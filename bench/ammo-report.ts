import { bytes, duration, int } from '../src/main/cli/format';
import type { AmmoLoadResult } from './ammo-load-core';
import type { AmmoTimes } from './ammo-queries';
import type { AmmoBenchSize } from './ammo-rows';

export interface AmmoResult {
  size: AmmoBenchSize;
  core: AmmoLoadResult;
  raw: AmmoLoadResult;
  times: AmmoTimes;
}

const ms = (v: number) => (v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : v.toFixed(0));
const KIND_NAMES = { new: 'new lots', receive: 'receipts', issue: 'issues', return: 'returns', expend: 'expended', move: 'moves' } as const;

/** The ammunition figures, printed once known (the weapons' format is left as it was). */
export function ammoSection(a: AmmoResult): string {
  const { core, raw, times: t } = a;
  const kinds = (Object.keys(KIND_NAMES) as (keyof typeof KIND_NAMES)[]).map((k) => `${KIND_NAMES[k]} ${int(core.kinds[k] ?? 0)}`).join(', ');
  return [
    `== ammunition: ${int(a.size.movements)} movements over ${int(a.size.lots)} lots in ${int(a.size.stores)} stores`,
    `mix        ${kinds}`,
    `core path  ${int(core.movements)} in ${duration(core.seconds * 1000)}: ${int(Math.round(core.rate))} movements/s, database ${bytes(core.bytes)}`,
    `raw insert ${int(raw.movements)} in ${duration(raw.seconds * 1000)}: ${int(Math.round(raw.rate))} movements/s, database ${bytes(raw.bytes)} (events row + balance/outstanding upserts, no chain, no checks)`,
    `ratio      ${(core.rate / raw.rate).toFixed(2)} (row generation, ${duration(core.generateSeconds * 1000)} per load, excluded)`,
    `receipt    p50 ${ms(t.receipt.p50)} ms, p95 ${ms(t.receipt.p95)} ms, max ${ms(t.receipt.max)} ms over ${t.receipt.count} (router, safety checks, one transaction each; aim: p95 < 10 ms)`,
    `holdings   p50 ${ms(t.holdings.p50)} ms, p95 ${ms(t.holdings.p95)} ms, max ${ms(t.holdings.max)} ms over ${t.holdings.count} stores (mean ${Math.round(t.holdings.meanRows)} rows)`,
    `dashboard  p50 ${ms(t.dashboard.p50)} ms, max ${ms(t.dashboard.max)} ms over ${t.dashboard.count}`,
    `stock card p50 ${ms(t.stockCard.p50)} ms, p95 ${ms(t.stockCard.p95)} ms, max ${ms(t.stockCard.max)} ms over ${t.stockCard.count} lots (mean ${Math.round(t.stockCard.meanLines)} lines)`,
  ].join('\n');
}
