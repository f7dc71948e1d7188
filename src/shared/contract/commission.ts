import { fullName, language, newPassword, username, type SessionInfo } from '../domain/accounts';
import { COUNTRY_CODES } from '../domain/countries';
import { cleanText } from '../domain/normalize';
import type { RejectionReason } from '../domain/snapshot';
import { AGENCIES, WEAPON_STATUSES, WEAPON_TYPES, type Agency, type WeaponStatus, type WeaponType } from '../domain/enums';
import { z } from '../validation';
import { op } from './define';

const empty = z.object({}).strict();
const code = z
  .string()
  .transform((v) => cleanText(v).toUpperCase())
  .pipe(z.string().min(2).max(20).regex(/^[A-Z0-9-]+$/, 'code_chars'));
/** Typed from paper: spaces, dashes and case do not matter; core compares the 64 hex digits. */
const fingerprint = z.string().transform((v) => v.replace(/[\s:-]/g, '').toLowerCase()).pipe(z.string().regex(/^[0-9a-f]{64}$/, 'fingerprint_format'));
/** The key line (`-P`) or the whole minisign public key file. */
const publicKey = z.string().trim().min(40).max(400);

/** The commission's own identity: it has no agency or region of an armoury. */
export const commissionSetupInput = z
  .object({
    commission: z.object({ code, name: z.string().transform(cleanText).pipe(z.string().min(2).max(120)), language }),
    manager: z.object({ username, fullName, password: newPassword, passwordConfirm: z.string() }),
  })
  .refine((v) => v.manager.password === v.manager.passwordConfirm, { message: 'passwords_differ', path: ['manager', 'passwordConfirm'] });

export type KeyState = 'active' | 'announced' | 'retired' | 'revoked';

export interface RegistryKey {
  keyId: string;
  publicKey: string;
  fingerprint: string;
  state: KeyState;
  since: string;
  /** When it stopped being active (retired or revoked), and why (revoked). */
  until: string | null;
  reason: string;
}

export interface NationalArmoury {
  code: string;
  name: string;
  agency: Agency | null;
  region: string;
  enrolledAt: string;
  keys: RegistryKey[];
  /** The last accepted snapshot: its number, the armoury's journal size and head, when it was made and imported. */
  lastNumber: number | null;
  lastSeq: number;
  lastHead: string;
  lastCreated: string | null;
  lastImportedAt: string | null;
  weapons: number;
  /** Days since the last snapshot was made (null before the first). */
  silentDays: number | null;
}

export type ImportOutcome = 'accepted' | 'duplicate' | 'rejected';

export interface ImportResult {
  fileName: string;
  fileSha256: string;
  outcome: ImportOutcome;
  reason: RejectionReason | null;
  /** Where the check failed (entry, line, seq), in English technical words; the reason is what is translated. */
  detail: string;
  armoury: string | null;
  number: number | null;
  eventsAdded: number;
  weapons: number;
}

export interface ImportLogRow extends ImportResult {
  id: number;
  at: string;
  actor: string;
  /** The reason suggests tampering (see TAMPER_REASONS). */
  tamper: boolean;
}

export interface NationalWeapon {
  armoury: string;
  /** The weapon's id in its armoury's journal (the seq of its registration). */
  id: number;
  nationalCode: string;
  serial: string;
  manufacturer: string;
  model: string;
  type: WeaponType;
  calibre: string;
  agency: Agency;
  status: WeaponStatus;
  countryOfManufacture: string;
  yearOfManufacture: number | null;
  registeredAt: string;
}

export interface NationalEvent {
  armoury: string;
  seq: number;
  type: string;
  at: string;
  hash: string;
  /** The event's data as the armoury recorded it. */
  data: unknown;
  /** A transfer out's matching transfer in at the receiving armoury, and the other way round. */
  link: { armoury: string; seq: number } | null;
}

export interface WeaponHistory {
  /** The same weapon in every armoury that held it (matched by national code, then make + serial), oldest first. */
  records: NationalWeapon[];
  /** Its events across those armouries in time order; a transfer out is followed by the matching transfer in. */
  events: NationalEvent[];
}

export type AlertKind = 'active_in_two_armouries' | 'unmatched_transfer' | 'silent_armoury' | 'lost_or_stolen' | 'tampered_import';

export interface Alert {
  kind: AlertKind;
  armoury: string;
  /** What the alert is about: a national code, a file name, an armoury code. */
  subject: string;
  since: string;
  /** Values for the translated message (days, other armoury, reason...). */
  params: Record<string, string | number>;
  weapon: { armoury: string; id: number } | null;
}

/**
 * A trace returns at most this many records (national code order): enough to find a weapon, and
 * a 1,000,000-weapon register answers in about a millisecond. More hits: the text needs refining.
 */
export const TRACE_CAP = 200;

const page = { offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(100) };

export const nationalQuery = z
  .object({
    armoury: code.optional(),
    agency: z.enum(AGENCIES).optional(),
    type: z.enum(WEAPON_TYPES).optional(),
    status: z.enum(WEAPON_STATUSES).optional(),
    ...page,
  })
  .strict();

export const commissionOps = {
  'app.setupCommission': op<SessionInfo>()('public', commissionSetupInput),
  'commission.armouries': op<NationalArmoury[]>()('read', empty),
  'commission.enrol': op<NationalArmoury>()(
    'manage',
    z.object({ armoury: code, name: z.string().transform(cleanText).pipe(z.string().min(2).max(120)), publicKey, fingerprint }).strict(),
  ),
  'commission.revokeKey': op<NationalArmoury>()('manage', z.object({ keyId: z.string().regex(/^[0-9A-F]{16}$/i), reason: z.string().trim().min(3).max(300) }).strict()),
  'commission.acceptRotation': op<NationalArmoury>()('manage', z.object({ keyId: z.string().regex(/^[0-9A-F]{16}$/i), fingerprint }).strict()),
  /** Paths granted by the shell's file dialog only (core refuses any other path). */
  'commission.import': op<ImportResult[]>()('write', z.object({ paths: z.array(z.string().min(1).max(4096)).min(1).max(1000) }).strict()),
  'commission.imports': op<{ rows: ImportLogRow[]; total: number }>()('read', z.object(page).strict()),
  'commission.weapons': op<{ rows: NationalWeapon[]; total: number }>()('read', nationalQuery),
  'commission.trace': op<NationalWeapon[]>()('read', z.object({ q: z.string().trim().min(1).max(60) }).strict()),
  'commission.history': op<WeaponHistory>()('read', z.object({ armoury: code, weaponId: z.number().int().positive() }).strict()),
  'commission.alerts': op<Alert[]>()('read', empty),
  /** Writes the iARMS CSV of lost and stolen weapons into the exports folder; the shell copies it out. */
  'commission.lostStolenCsv': op<{ fileName: string; rows: number }>()(
    'read',
    /** The reporting country (ISO 3166-1 alpha-2); by default the commission code's prefix when it is one (ML-CNC -> ML). */
    z.object({ reportingCountry: z.enum(COUNTRY_CODES).optional() }).strict(),
  ),
};
