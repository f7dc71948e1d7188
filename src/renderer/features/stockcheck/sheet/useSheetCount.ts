import { useCallback, useRef, useState } from 'react';
import type { CheckRow, CountSheet, SheetLot, SheetWeapon } from '../../../../shared/contract/stockcheck';
import { normalizeKey } from '../../../../shared/domain/normalize';
import type { AppErrorShape } from '../../../../shared/result';
import { call } from '../../../lib/client';
import { indexByCode, type ScanOutcome } from '../../custody/handover/useCount';

type Place = Pick<SheetLot, 'lotId' | 'storeId' | 'bay'>;
export const lotKey = (l: Place) => `${l.lotId}:${l.storeId}:${l.bay}`;

/** Said under the scan box besides the scan's own outcome. */
export type SheetNote = { kind: 'notInSpot'; code: string } | { kind: 'noUncount' } | null;

/** Counts typed or scanned and not yet accepted by core. */
interface Pending {
  weapons: Set<number>;
  unknown: Set<string>;
  lots: Map<string, Place & { quantity: number }>;
}
const emptyPending = (): Pending => ({ weapons: new Set(), unknown: new Set(), lots: new Map() });
const size = (p: Pending) => p.weapons.size + p.unknown.size + p.lots.size;

/** A batch that failed goes back in front of what was typed meanwhile (the later lot count wins). */
function merge(older: Pending, newer: Pending): Pending {
  return {
    weapons: new Set([...older.weapons, ...newer.weapons]),
    unknown: new Set([...older.unknown, ...newer.unknown]),
    lots: new Map([...older.lots, ...newer.lots]),
  };
}

const countedIds = (weapons: readonly SheetWeapon[]) => weapons.filter((w) => w.counted).map((w) => w.id);
const lotCountsOf = (lots: readonly SheetLot[]) => new Map(lots.flatMap((l) => (l.counted === null ? [] : [[lotKey(l), l.counted] as const])));

/**
 * The counting of one open check. Every scan, tick or lot count shows at once and is sent to core
 * straight away (stockchecks.count); what arrives while a batch is on its way goes in the next one,
 * so a scanner's burst costs few calls and a crash loses at most the entry not yet sent. Codes are
 * looked up on the sheet first (synchronous: a burst is never reordered); only an unknown one asks
 * core. Core never un-counts, so a tick cannot be taken back.
 */
export function useSheetCount(initial: CountSheet) {
  const checkId = initial.check.id;
  const [check, setCheck] = useState<CheckRow>(initial.check);
  const [weapons, setWeapons] = useState<readonly SheetWeapon[]>(initial.weapons);
  const [counted, setCounted] = useState<ReadonlySet<number>>(() => new Set(countedIds(initial.weapons)));
  const [unknown, setUnknown] = useState<readonly string[]>(initial.unknown);
  const [lotCounts, setLotCounts] = useState<ReadonlyMap<string, number>>(() => lotCountsOf(initial.lots));
  const [last, setLast] = useState<ScanOutcome | null>(null);
  const [note, setNote] = useState<SheetNote>(null);
  const [saving, setSaving] = useState(false);
  const [unsaved, setUnsaved] = useState(0);
  const [failure, setFailure] = useState<AppErrorShape | null>(null);

  // The latest state for scans that arrive before React re-renders.
  const weaponsRef = useRef(weapons);
  const byCode = useRef(indexByCode(initial.weapons));
  const countedRef = useRef(counted);
  const unknownRef = useRef(unknown);
  const lotsRef = useRef(lotCounts);
  const pending = useRef<Pending>(emptyPending());
  const inFlight = useRef(false);

  const putWeapons = useCallback((list: readonly SheetWeapon[]) => {
    weaponsRef.current = list;
    byCode.current = indexByCode(list);
    setWeapons(list);
  }, []);
  const putCounted = useCallback((next: ReadonlySet<number>) => {
    countedRef.current = next;
    setCounted(next);
  }, []);
  const putUnknown = useCallback((next: readonly string[]) => {
    unknownRef.current = next;
    setUnknown(next);
  }, []);
  const putLots = useCallback((next: ReadonlyMap<string, number>) => {
    lotsRef.current = next;
    setLotCounts(next);
  }, []);

  /** What core answered, with what is still waiting to be sent laid over it. */
  const apply = useCallback(
    (sheet: CountSheet) => {
      setCheck(sheet.check);
      // The list changes only when a weapon found outside the sheet was added: keep it otherwise.
      if (sheet.weapons.length !== weaponsRef.current.length) putWeapons(sheet.weapons);
      putCounted(new Set([...countedRef.current, ...countedIds(sheet.weapons)]));
      putUnknown([...new Set([...unknownRef.current, ...sheet.unknown])]);
      const lots = lotCountsOf(sheet.lots);
      for (const [key, l] of pending.current.lots) lots.set(key, l.quantity);
      putLots(lots);
    },
    [putWeapons, putCounted, putUnknown, putLots],
  );

  /** Sends what is waiting, batch after batch, until nothing is left or core refuses. */
  const flush = useCallback(async () => {
    setUnsaved(size(pending.current));
    if (inFlight.current) return; // the batch on its way will be followed by what came meanwhile
    while (size(pending.current) > 0) {
      const batch = pending.current;
      pending.current = emptyPending();
      inFlight.current = true;
      setSaving(true);
      const r = await call('stockchecks.count', { checkId, weapons: [...batch.weapons], unknown: [...batch.unknown], lots: [...batch.lots.values()] });
      inFlight.current = false;
      if (!r.ok) {
        pending.current = merge(batch, pending.current);
        setFailure(r.error);
        break;
      }
      setFailure(null);
      apply(r.value);
    }
    setSaving(false);
    setUnsaved(size(pending.current));
  }, [checkId, apply]);

  const mark = useCallback(
    (ids: readonly number[]) => {
      const next = new Set(countedRef.current);
      for (const id of ids) {
        if (next.has(id)) continue;
        next.add(id);
        pending.current.weapons.add(id);
      }
      if (next.size === countedRef.current.size) return;
      putCounted(next);
      void flush();
    },
    [putCounted, flush],
  );

  const toggle = useCallback(
    (id: number, on: boolean) => {
      setNote(on ? null : { kind: 'noUncount' });
      if (on) mark([id]);
    },
    [mark],
  );

  const scan = useCallback(
    async (raw: string) => {
      const code = normalizeKey(raw);
      if (!code) return;
      setNote(null);
      const matches = byCode.current.get(code);
      if (matches) {
        // Two makers may share a serial: each scan counts the next one not yet counted.
        const next = matches.find((w) => !countedRef.current.has(w.id));
        if (next) mark([next.id]);
        setLast({ kind: next ? 'ticked' : 'already', weapon: next ?? (matches[0] as SheetWeapon) });
        return;
      }
      const r = await call('custody.check', { code });
      if (!r.ok) return setLast({ kind: 'failed', code, error: r.error });
      if (r.value.length === 0) {
        if (unknownRef.current.includes(code)) return setLast({ kind: 'repeat', code });
        putUnknown([...unknownRef.current, code]);
        pending.current.unknown.add(code);
        void flush();
        return setLast({ kind: 'unexpected', item: { code, weapon: null } });
      }
      for (const { weapon } of r.value) {
        const onSheet = weaponsRef.current.find((w) => w.id === weapon.id);
        if (onSheet) {
          mark([weapon.id]);
          setLast({ kind: 'ticked', weapon: onSheet });
        } else if (check.scope === 'spot') {
          // A spot check counts what it drew: another weapon is not part of it.
          setNote({ kind: 'notInSpot', code });
        } else {
          const { id, nationalCode, serial, type, manufacturer, model, calibre, location, status } = weapon;
          putWeapons([...weaponsRef.current, { id, nationalCode, serial, type, manufacturer, model, calibre, location, counted: true }]);
          mark([id]);
          setLast({ kind: 'unexpected', item: { code, weapon: { id, nationalCode, serial, type, model, location, status } } });
        }
      }
    },
    [check.scope, mark, putUnknown, putWeapons, flush],
  );

  const setLot = useCallback(
    (lot: Place, quantity: number) => {
      const key = lotKey(lot);
      if (lotsRef.current.get(key) === quantity) return;
      putLots(new Map(lotsRef.current).set(key, quantity));
      pending.current.lots.set(key, { lotId: lot.lotId, storeId: lot.storeId, bay: lot.bay, quantity });
      void flush();
    },
    [putLots, flush],
  );

  return { check, weapons, counted, unknown, lotCounts, last, note, saving, unsaved, failure, scan, toggle, tickAll: mark, setLot, flush };
}
export type SheetCount = ReturnType<typeof useSheetCount>;
