import { normalizeKey } from '../../../../shared/domain/normalize';
import type { ImportKind } from '../../../../shared/domain/spreadsheet';
import type { Coded } from '../../../../shared/result';
import type { Statements } from '../../db/statements';

/**
 * The identifiers a row must not share with another row of the file nor with the register:
 *  - weapons: the national code alone, and manufacturer + model + serial together (DOMAIN.md,
 *    exactly as assertNoDuplicate), each its own error;
 *  - officers: the service number;
 *  - lots: lot number + calibre + manufacturer, for numbered lots. A lot number is the
 *    manufacturer's, repeated across its product lines and by other makers, so the number alone
 *    would refuse real lots; the nature is free text written differently from one register to
 *    the next, so it would let the same lot through twice.
 * Keys are normalized (normalizeKey) from the converted row, before its own validation, so a row
 * with another error still shows as the twin of a row like it.
 */
export interface RowKey {
  /** The field the error lands on. */
  field: string;
  /** Which identifier: the register lookup to make. */
  kind: 'code' | 'identity' | 'serviceNumber' | 'lot';
  key: string;
}

const text = (v: unknown): string => (typeof v === 'string' ? normalizeKey(v) : typeof v === 'number' ? normalizeKey(String(v)) : '');
/** A value the kind's schema has already cleaned (cleanText): its key is its upper case, no need to clean it again. */
const cleaned = (v: unknown): string => (typeof v === 'string' ? v.toUpperCase() : '');

/**
 * A row's identifiers (empty parts mean the row's own validation refuses it: no key). `parsed`
 * says the row is the schema's output, its text already cleaned.
 */
export function rowKeys(kind: ImportKind, value: object, parsed = false): RowKey[] {
  const row = value as Record<string, unknown>;
  const key = parsed ? cleaned : text;
  if (kind === 'weapons') {
    const out: RowKey[] = [];
    const code = key(row.nationalCode);
    if (code) out.push({ field: 'nationalCode', kind: 'code', key: code });
    const serial = key(row.serial);
    const manufacturer = key(row.manufacturer);
    const model = key(row.model);
    if (serial && manufacturer && model) out.push({ field: 'serial', kind: 'identity', key: `${manufacturer}\u0000${model}\u0000${serial}` });
    return out;
  }
  if (kind === 'officers') {
    const number = key(row.serviceNumber);
    return number ? [{ field: 'serviceNumber', kind: 'serviceNumber', key: number }] : [];
  }
  const lot = (typeof row.lot === 'object' && row.lot !== null ? row.lot : row) as Record<string, unknown>;
  if (lot.lotState !== undefined && lot.lotState !== 'numbered') return [];
  const number = key(lot.lotNumber);
  return number ? [{ field: 'lotNumber', kind: 'lot', key: lotKey(number, key(lot.calibre), key(lot.manufacturer)) }] : [];
}

const lotKey = (number: string, calibre: string, manufacturer: string) => `${number}\u0000${calibre}\u0000${manufacturer}`;

/** First line of the file holding each key: later rows are duplicate_in_file {line}. */
export class FileKeys {
  private readonly first: Record<RowKey['kind'], Map<string, number>> = { code: new Map(), identity: new Map(), serviceNumber: new Map(), lot: new Map() };

  /** The line that already holds the key, or undefined (and the key is now this line's). */
  seen(k: RowKey, line: number): number | undefined {
    const map = this.first[k.kind];
    const first = map.get(k.key);
    if (first === undefined) map.set(k.key, line);
    return first;
  }
}

type Held = { id: number; value: string };

/**
 * Who in the register already holds an identifier. A register no larger than about twice the
 * file is read once into maps (one pass beats a lookup per row); a larger one is asked one
 * indexed lookup per key. Lots have no index on their number and are few: always read once.
 */
type KeyMaps = Record<RowKey['kind'], Map<string, Held>>;

export class RegisterKeys {
  private readonly maps: KeyMaps | null;

  constructor(
    private readonly s: Statements,
    private readonly kind: ImportKind,
    rows: number,
  ) {
    this.maps = kind === 'lots' || registerSize(s, kind) <= 2 * rows + 1000 ? this.load() : null;
  }

  /** The refusal for a key the register holds, as its form would show it. */
  taken(k: RowKey): Coded | null {
    const held = this.maps ? this.maps[k.kind].get(k.key) : this.lookup(k);
    if (!held) return null;
    switch (k.kind) {
      case 'code':
        return { code: 'duplicate_national_code', params: { weaponId: held.id, value: held.value } };
      case 'identity':
        return { code: 'duplicate_serial', params: { weaponId: held.id, value: held.value } };
      case 'serviceNumber':
        return { code: 'service_number_taken', params: { officerId: held.id, value: held.value } };
      case 'lot':
        return { code: 'lot_number_taken', params: { lotId: held.id, value: held.value } };
    }
  }

  private lookup(k: RowKey): Held | undefined {
    const s = this.s;
    if (k.kind === 'code') return s.sql('SELECT id, national_code AS value FROM weapons WHERE national_code_key = ?').get(k.key) as Held | undefined;
    if (k.kind === 'identity') {
      const [manufacturer, model, serial] = k.key.split('\u0000');
      return s.sql('SELECT id, national_code AS value FROM weapons WHERE manufacturer_key = ? AND model_key = ? AND serial_key = ?').get(manufacturer, model, serial) as
        | Held
        | undefined;
    }
    if (k.kind === 'serviceNumber') return s.sql('SELECT id, service_number AS value FROM officers WHERE service_number_key = ?').get(k.key) as Held | undefined;
    return undefined;
  }

  private load(): KeyMaps {
    const maps: KeyMaps = { code: new Map(), identity: new Map(), serviceNumber: new Map(), lot: new Map() };
    const s = this.s;
    if (this.kind === 'weapons') {
      const rows = s.sql('SELECT id, national_code, national_code_key, manufacturer_key, model_key, serial_key FROM weapons').raw().iterate() as IterableIterator<
        [number, string, string, string, string, string]
      >;
      for (const [id, code, codeKey, manufacturer, model, serial] of rows) {
        maps.code.set(codeKey, { id, value: code });
        maps.identity.set(`${manufacturer}\u0000${model}\u0000${serial}`, { id, value: code });
      }
    } else if (this.kind === 'officers') {
      const rows = s.sql('SELECT id, service_number, service_number_key FROM officers').raw().iterate() as IterableIterator<[number, string, string]>;
      for (const [id, number, key] of rows) maps.serviceNumber.set(key, { id, value: number });
    } else {
      const rows = s.sql("SELECT id, lot_number, calibre, manufacturer FROM lots WHERE lot_state = 'numbered'").raw().iterate() as IterableIterator<
        [number, string, string, string]
      >;
      for (const [id, number, calibre, manufacturer] of rows) {
        maps.lot.set(lotKey(normalizeKey(number), normalizeKey(calibre), normalizeKey(manufacturer)), { id, value: number });
      }
    }
    return maps;
  }
}

function registerSize(s: Statements, kind: ImportKind): number {
  if (kind === 'weapons') return (s.sql('SELECT COALESCE(SUM(n), 0) AS n FROM weapon_status_counts').get() as { n: number }).n;
  if (kind === 'officers') return (s.sql('SELECT COUNT(*) AS n FROM officers').get() as { n: number }).n;
  return (s.sql('SELECT COUNT(*) AS n FROM lots').get() as { n: number }).n;
}
