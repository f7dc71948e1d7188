import { useCallback, useMemo, useRef, useState } from 'react';
import type { HandoverWeapon } from '../../../../shared/contract/custody';
import { normalizeKey } from '../../../../shared/domain/normalize';
import type { AppErrorShape } from '../../../../shared/result';
import { call } from '../../../lib/client';

/** Something counted that the book does not put on the shelves; `weapon` null when no weapon has that code. */
export interface UnexpectedItem {
  code: string;
  weapon: (HandoverWeapon & { status: string }) | null;
}

/** What the last scan did, said under the scan box (and to screen readers). */
export type ScanOutcome =
  | { kind: 'ticked' | 'already'; weapon: HandoverWeapon }
  | { kind: 'unexpected'; item: UnexpectedItem }
  | { kind: 'repeat'; code: string }
  | { kind: 'failed'; code: string; error: AppErrorShape };

/** Weapons by what a scanner may send for them (serial or national code, normalized). */
export function indexByCode<W extends HandoverWeapon>(weapons: readonly W[]): Map<string, W[]> {
  const map = new Map<string, W[]>();
  for (const w of weapons) {
    for (const code of new Set([normalizeKey(w.serial), normalizeKey(w.nationalCode)])) {
      const list = map.get(code);
      if (list) list.push(w);
      else map.set(code, [w]);
    }
  }
  return map;
}

/**
 * The count of a shift handover: which expected weapons were ticked, what was found that the book
 * does not expect, and the scan that ticks by serial or national code. The expected list is
 * looked up locally (synchronous, so a scanner's burst of codes is never reordered); only a code
 * that is not on it asks core.
 */
export function useCount(weapons: readonly HandoverWeapon[]) {
  const [counted, setCounted] = useState<ReadonlySet<number>>(() => new Set());
  const [unexpected, setUnexpected] = useState<UnexpectedItem[]>([]);
  const [last, setLast] = useState<ScanOutcome | null>(null);
  // The latest ticks for scans that arrive before React re-renders.
  const countedRef = useRef(counted);
  const unexpectedRef = useRef(unexpected);

  const byCode = useMemo(() => indexByCode(weapons), [weapons]);
  const expectedIds = useMemo(() => new Set(weapons.map((w) => w.id)), [weapons]);

  const update = useCallback((next: ReadonlySet<number>) => {
    countedRef.current = next;
    setCounted(next);
  }, []);

  const toggle = useCallback(
    (id: number, on: boolean) => {
      const next = new Set(countedRef.current);
      if (on) next.add(id);
      else next.delete(id);
      update(next);
    },
    [update],
  );

  const tickAll = useCallback(
    (ids: readonly number[]) => {
      const next = new Set(countedRef.current);
      for (const id of ids) next.add(id);
      update(next);
    },
    [update],
  );

  const addUnexpected = useCallback((item: UnexpectedItem) => {
    const list = unexpectedRef.current;
    const same = list.some((u) => (item.weapon && u.weapon ? u.weapon.id === item.weapon.id : u.code === item.code));
    if (same) return false;
    unexpectedRef.current = [...list, item];
    setUnexpected(unexpectedRef.current);
    return true;
  }, []);

  const removeUnexpected = useCallback((code: string) => {
    unexpectedRef.current = unexpectedRef.current.filter((u) => u.code !== code);
    setUnexpected(unexpectedRef.current);
  }, []);

  const scan = useCallback(
    async (raw: string) => {
      const code = normalizeKey(raw);
      if (!code) return;
      const matches = byCode.get(code);
      if (matches) {
        // Two makers may share a serial: each scan ticks the next one not yet counted.
        const next = matches.find((w) => !countedRef.current.has(w.id));
        if (next) toggle(next.id, true);
        setLast({ kind: next ? 'ticked' : 'already', weapon: next ?? (matches[0] as HandoverWeapon) });
        return;
      }
      const r = await call('custody.check', { code });
      if (!r.ok) {
        setLast({ kind: 'failed', code, error: r.error });
        return;
      }
      if (r.value.length === 0) {
        const item = { code, weapon: null };
        setLast(addUnexpected(item) ? { kind: 'unexpected', item } : { kind: 'repeat', code });
        return;
      }
      for (const { weapon } of r.value) {
        if (expectedIds.has(weapon.id)) {
          toggle(weapon.id, true);
          const w = weapons.find((x) => x.id === weapon.id);
          if (w) setLast({ kind: 'ticked', weapon: w });
          continue;
        }
        const item: UnexpectedItem = {
          code,
          weapon: { id: weapon.id, nationalCode: weapon.nationalCode, serial: weapon.serial, type: weapon.type, model: weapon.model, location: weapon.location, status: weapon.status },
        };
        setLast(addUnexpected(item) ? { kind: 'unexpected', item } : { kind: 'repeat', code });
      }
    },
    [byCode, expectedIds, weapons, toggle, addUnexpected],
  );

  /** What core is told was counted: every ticked weapon and every registered weapon found unexpectedly. */
  const countedIds = useMemo(
    () => [...counted, ...unexpected.flatMap((u) => (u.weapon ? [u.weapon.id] : []))],
    [counted, unexpected],
  );
  const missing = useMemo(() => weapons.filter((w) => !counted.has(w.id)), [weapons, counted]);

  return { counted, unexpected, last, scan, toggle, tickAll, removeUnexpected, countedIds, missing };
}
export type Count = ReturnType<typeof useCount>;
