import { z } from '../validation';
import { COUNTRY_CODES } from './countries';
import {
  ACQUISITION_MODES, AGENCIES, DESTRUCTION_METHODS, MIN_MANUFACTURE_YEAR, WEAPON_CONDITIONS,
  WEAPON_STATUSES, WEAPON_TYPES,
} from './enums';
import { cleanText } from './normalize';

const text = (min: number, max: number) => z.string().transform(cleanText).pipe(z.string().min(min).max(max));
const optionalText = (max: number) => z.string().transform(cleanText).pipe(z.string().max(max)).default('');
const thisYear = () => new Date().getFullYear();

/** Empty form inputs mean "unknown". */
const emptyToNull = (v: unknown) => (v === '' || v === undefined || v === null ? null : typeof v === 'string' ? Number(v) : v);
const year = () =>
  z.preprocess(emptyToNull, z.number().int().min(MIN_MANUFACTURE_YEAR).refine((y) => y <= thisYear(), 'year_in_future').nullable());

/**
 * Today as a calendar date in the PC's own time zone: in Niamey or N'Djamena (UTC+1) a UTC date
 * would refuse today's date for the first hour after midnight.
 */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), 'invalid_date');
export const pastDate = isoDate.refine((d) => d <= localToday(), 'date_in_future');
const optionalPastDate = z.union([z.literal(''), pastDate]).default('');

export const countryCode = z.enum(COUNTRY_CODES);
export const weaponType = z.enum(WEAPON_TYPES);
export const weaponStatus = z.enum(WEAPON_STATUSES);
export const weaponCondition = z.enum(WEAPON_CONDITIONS);
export const agency = z.enum(AGENCIES);

/** The firearm record (ISACS/MOSAIC 05.30): what a registration captures. */
export const weaponFields = z.object({
  nationalCode: text(3, 40),
  serial: text(1, 60),
  manufacturer: text(1, 80),
  model: text(1, 80),
  countryOfManufacture: countryCode,
  yearOfManufacture: year(),
  type: weaponType,
  calibre: text(1, 40),
  markingLocation: text(1, 200),
  agency,
  location: optionalText(80),
  acquisitionDate: pastDate,
  acquisitionMode: z.enum(ACQUISITION_MODES),
  acquisitionSource: optionalText(120),
  acquisitionDocument: optionalText(120),
  condition: weaponCondition.default('serviceable'),
  importCountry: z.union([z.literal(''), countryCode]).default(''),
  importYear: year().default(null),
  importer: optionalText(120),
  otherMarks: optionalText(300),
  marksIllegible: z.boolean().default(false),
  markingDate: optionalPastDate,
  markingOperator: optionalText(80),
  markingMachine: optionalText(80),
  notes: optionalText(1000),
});
export type WeaponFields = z.output<typeof weaponFields>;
export type WeaponFieldsInput = z.input<typeof weaponFields>;
export type WeaponField = keyof WeaponFields;
export const WEAPON_FIELD_NAMES = Object.keys(weaponFields.shape) as WeaponField[];

/** A weapon as the register shows it. */
export const weaponRow = z.object({
  id: z.number().int(),
  nationalCode: z.string(),
  serial: z.string(),
  manufacturer: z.string(),
  model: z.string(),
  type: weaponType,
  calibre: z.string(),
  agency,
  location: z.string(),
  status: weaponStatus,
  condition: weaponCondition,
});
export type WeaponRow = z.output<typeof weaponRow>;

export const weaponRecord = weaponFields.extend({
  id: z.number().int(),
  status: weaponStatus,
  registeredAt: z.string(),
  updatedSeq: z.number().int(),
});
export type WeaponRecord = z.output<typeof weaponRecord>;

export const destructionMethod = z.enum(DESTRUCTION_METHODS);
