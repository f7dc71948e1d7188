import table from '../data/compatibility-groups.json';
import { z } from '../validation';
import { COUNTRY_CODES } from './countries';
import { cleanText } from './normalize';
import { isoDate, pastDate } from './weapon';

/** UN hazard divisions of class 1, most hazardous first (IATG 02.20 precedence) [check]. */
export const HAZARD_DIVISIONS = ['1.1', '1.5', '1.2', '1.3', '1.6', '1.4'] as const;
export type HazardDivision = (typeof HAZARD_DIVISIONS)[number];

export const COMPATIBILITY_GROUPS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'J', 'K', 'L', 'N', 'S'] as const;
export type CompatibilityGroup = (typeof COMPATIBILITY_GROUPS)[number];

/** A lot is identified by its number, or explicitly has none, is a mix, or is unknown. */
export const LOT_STATES = ['numbered', 'none', 'mixed', 'unknown'] as const;
export const AMMO_CONDITIONS = ['serviceable', 'repairable', 'suspended', 'awaiting_disposal'] as const;
export type AmmoCondition = (typeof AMMO_CONDITIONS)[number];
/** Only this condition may be issued. */
export const ISSUABLE: AmmoCondition = 'serviceable';
export const EXPENDITURE_PURPOSES = ['training', 'operation', 'other'] as const;
export const INSPECTION_RESULTS = ['serviceable', 'repairable', 'suspended', 'awaiting_disposal'] as const;

/** Versioned reference data: which groups may share a store (Y, C conditional, N forbidden). */
export const COMPATIBILITY_TABLE = { id: table.id, status: table.status } as const;
export type Compatibility = 'Y' | 'C' | 'N';

export function compatibility(a: string, b: string): Compatibility {
  const row = (table.matrix as Record<string, Record<string, string> | undefined>)[a];
  const cell = row?.[b];
  return cell === 'Y' || cell === 'C' ? cell : 'N';
}

/**
 * The group a store's mixture counts as (IATG): N mixed with C, D or E counts as D; C, D and E
 * together (any two or more of them, with or without N) count as E. Returns the groups after
 * aggregation. Both rules look at the groups as given: applying them in turn would make N+C
 * (N counted as D, then C+D) come out as E, contradicting the first.
 */
export function aggregateGroups(groups: Iterable<string>): string[] {
  const set = new Set(groups);
  const cde = ['C', 'D', 'E'].filter((g) => set.has(g));
  if (cde.length >= 2) {
    cde.forEach((g) => set.delete(g));
    set.delete('N');
    set.add('E');
  } else if (cde.length === 1 && set.has('N')) {
    cde.forEach((g) => set.delete(g));
    set.delete('N');
    set.add('D');
  }
  return [...set].sort();
}

/** The most hazardous division among those present, or null for an empty store. */
export function mostHazardous(divisions: Iterable<string>): HazardDivision | null {
  const present = new Set(divisions);
  return HAZARD_DIVISIONS.find((d) => present.has(d)) ?? null;
}

/** Quantities are integers in rounds (or items); shown also as cases, boxes and loose rounds. */
export function splitQuantity(rounds: number, roundsPerBox: number, boxesPerCase: number) {
  const perCase = roundsPerBox * boxesPerCase;
  const cases = perCase > 0 ? Math.floor(rounds / perCase) : 0;
  const rest = rounds - cases * perCase;
  const boxes = roundsPerBox > 0 ? Math.floor(rest / roundsPerBox) : 0;
  return { cases, boxes, rounds: rest - boxes * roundsPerBox };
}

const text = (min: number, max: number) => z.string().transform(cleanText).pipe(z.string().min(min).max(max));
const optionalText = (max: number) => z.string().transform(cleanText).pipe(z.string().max(max)).default('');
const emptyToNull = (v: unknown) => (v === '' || v === undefined || v === null ? null : typeof v === 'string' ? Number(v) : v);
const count = z.preprocess((v) => (typeof v === 'string' && v !== '' ? Number(v) : v), z.number().int().min(1).max(1_000_000));
export const quantity = z.preprocess((v) => (typeof v === 'string' && v !== '' ? Number(v) : v), z.number().int().min(1).max(1_000_000_000));
const neq = z.preprocess((v) => (typeof v === 'string' && v !== '' ? Number(v.replace(',', '.')) : v), z.number().min(0).max(10_000));

export const hazardDivision = z.enum(HAZARD_DIVISIONS);
export const compatibilityGroup = z.enum(COMPATIBILITY_GROUPS);
export const ammoCondition = z.enum(AMMO_CONDITIONS);

/** The lot record (IATG 03.10): what a first receipt captures. */
export const lotFields = z
  .object({
    lotState: z.enum(LOT_STATES).default('numbered'),
    lotNumber: optionalText(60),
    nature: text(3, 120),
    calibre: text(1, 40),
    manufacturer: optionalText(80),
    country: z.union([z.literal(''), z.enum(COUNTRY_CODES)]).default(''),
    yearOfManufacture: z.preprocess(emptyToNull, z.number().int().min(1900).refine((y) => y <= new Date().getFullYear(), 'year_in_future').nullable()).default(null),
    hazardDivision,
    compatibilityGroup,
    unNumber: z.string().regex(/^\d{4}$/, 'un_number'),
    /** Net explosive quantity per round or item, in kilograms. */
    neqPerUnitKg: neq,
    roundsPerBox: count,
    boxesPerCase: count,
    inspectionIntervalMonths: count,
    lastInspection: z.union([z.literal(''), pastDate]).default(''),
    nextInspection: z.union([z.literal(''), isoDate]).default(''),
    shelfLifeEnd: z.union([z.literal(''), isoDate]).default(''),
  })
  .refine((l) => l.lotState !== 'numbered' || l.lotNumber.length > 0, { message: 'required', path: ['lotNumber'] });
export type LotFields = z.output<typeof lotFields>;

/** An Explosives Limit Licence: maximum NEQ (kg) per hazard division; an absent division is not licensed. */
export const licence = z.object({
  maxNeqKg: z.partialRecord(hazardDivision, neq),
  authority: text(2, 120),
  reference: text(1, 60),
  expiry: isoDate,
});
export type Licence = z.output<typeof licence>;

export const storeFields = z.object({
  code: z.string().transform((v) => cleanText(v).toUpperCase()).pipe(z.string().min(1).max(20)),
  name: text(2, 120),
  bays: z.array(text(1, 40)).max(200).default([]),
  licence,
});
export type StoreFields = z.output<typeof storeFields>;

export const compatibilityOverride = z.object({
  groupA: compatibilityGroup,
  groupB: compatibilityGroup,
  authority: text(2, 120),
  reference: text(1, 60),
  date: pastDate,
});

/** Where a quantity sits: a store and, optionally, a bay or stack inside it. */
export const place = z.object({ storeId: z.number().int().positive(), bay: optionalText(40) });

export { text as ammoText, optionalText as ammoOptionalText };
