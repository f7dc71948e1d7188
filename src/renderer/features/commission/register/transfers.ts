import type { NationalEvent } from '../../../../shared/contract/commission';

export interface TransferLink {
  direction: 'out' | 'in';
  /** The matching event at the other armoury, or null while it has not been reported. */
  other: NationalEvent | null;
}

const transferId = (e: NationalEvent): string => {
  const data = e.data as { transferId?: unknown } | null;
  return typeof data?.transferId === 'string' ? data.transferId : '';
};

/**
 * Pairs each transfer out with the transfer in that names the same transfer id at another armoury,
 * keyed by `cm-ev-<armoury>-<seq>` of each side.
 */
export function transferLinks(events: NationalEvent[]): Map<string, TransferLink> {
  const key = (e: NationalEvent) => `cm-ev-${e.armoury}-${e.seq}`;
  const ins = new Map<string, NationalEvent>();
  for (const e of events) if (e.type === 'weapon.transferred_in' && transferId(e)) ins.set(transferId(e), e);
  const links = new Map<string, TransferLink>();
  const matched = new Set<NationalEvent>();
  for (const e of events) {
    if (e.type !== 'weapon.transferred_out') continue;
    const id = transferId(e);
    const other = (id && ins.get(id)) || null;
    const found = other && other.armoury !== e.armoury ? other : null;
    links.set(key(e), { direction: 'out', other: found });
    if (found) {
      matched.add(found);
      links.set(key(found), { direction: 'in', other: e });
    }
  }
  for (const e of ins.values()) if (!matched.has(e)) links.set(key(e), { direction: 'in', other: null });
  return links;
}
