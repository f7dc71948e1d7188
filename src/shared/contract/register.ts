import { approverCredentials } from '../domain/accounts';
import { cleanText } from '../domain/normalize';
import {
  agency, destructionMethod, pastDate, weaponCondition, weaponFields, weaponStatus, weaponType,
  type WeaponRecord, type WeaponRow,
} from '../domain/weapon';
import type { WeaponStatus } from '../domain/enums';
import { z } from '../validation';
import { op } from './define';

const weaponId = z.number().int().positive();
const reason = z.string().transform(cleanText).pipe(z.string().min(3).max(500));
const shortText = (min: number, max: number) => z.string().transform(cleanText).pipe(z.string().min(min).max(max));
const optional = (max: number) => z.string().transform(cleanText).pipe(z.string().max(max)).default('');

export const REGISTER_SORTS = ['nationalCode', 'serial', 'type', 'status', 'agency', 'calibre', 'registered'] as const;
export type RegisterSort = (typeof REGISTER_SORTS)[number];

/** Longest search text accepted; a scanner never sends more. */
export const SEARCH_MAX = 60;
/** Searches need three characters: the trigram index answers nothing shorter. */
export const SEARCH_MIN = 3;
/** A search shows at most this many matches, then asks for more characters. */
export const SEARCH_CAP = 1000;

export const registerQuery = z.object({
  search: z.string().max(SEARCH_MAX).default(''),
  filters: z
    .object({
      type: weaponType.optional(),
      status: weaponStatus.optional(),
      agency: agency.optional(),
      calibre: z.string().max(40).optional(),
      location: z.string().max(80).optional(),
    })
    .default({}),
  sort: z.enum(REGISTER_SORTS).default('registered'),
  dir: z.enum(['asc', 'desc']).default('asc'),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});
export type RegisterQuery = z.input<typeof registerQuery>;

export interface RegisterPage {
  rows: WeaponRow[];
  /** Rows matching the filters and search (at most SEARCH_CAP + 1 when searching). */
  total: number;
  capped: boolean;
}

export interface RegisterCounts {
  total: number;
  byStatus: Partial<Record<WeaponStatus, number>>;
}

export interface ActorRef {
  id: number;
  username: string;
  fullName: string;
}

export interface HistoryEntry {
  seq: number;
  at: string;
  type: string;
  actor: ActorRef;
  approver: ActorRef | null;
  data: Record<string, unknown>;
  hash: string;
}

export interface WeaponDossier {
  weapon: WeaponRecord;
  history: HistoryEntry[];
}

/** Fields a correction may change (status and history change through their own events). */
export const CORRECTABLE_FIELDS = Object.keys(weaponFields.shape).filter((f) => f !== 'condition') as Exclude<
  keyof typeof weaponFields.shape,
  'condition'
>[];

const base = { weaponId };
const dated = { ...base, date: pastDate };
const approver = approverCredentials;

export const transferInInput = weaponFields.extend({
  transferId: shortText(1, 60),
  fromArmoury: shortText(2, 60),
  document: optional(120),
});

export const registerOps = {
  'weapons.register': op<WeaponRecord>()('write', weaponFields),
  'weapons.list': op<RegisterPage>()('read', registerQuery),
  'weapons.counts': op<RegisterCounts>()('read', z.object({}).strict()),
  'weapons.get': op<WeaponDossier>()('read', z.object({ id: weaponId })),
  'weapons.lookup': op<WeaponRow[]>()('read', z.object({ code: z.string().max(SEARCH_MAX) })),
  'weapons.correct': op<WeaponRecord>()(
    'write',
    z.object({ ...base, field: z.enum(CORRECTABLE_FIELDS), value: z.unknown(), reason }),
  ),
  'weapons.move': op<WeaponRecord>()('write', z.object({ ...base, location: shortText(1, 80), reason: optional(500) })),
  'weapons.maintenanceOut': op<WeaponRecord>()('write', z.object({ ...base, workshop: optional(120), reason })),
  'weapons.maintenanceBack': op<WeaponRecord>()('write', z.object({ ...base, condition: weaponCondition, note: optional(500) })),
  'weapons.changeCondition': op<WeaponRecord>()('write', z.object({ ...base, condition: weaponCondition, reason })),
  'weapons.reportLoss': op<WeaponRecord>()('write', z.object({ ...dated, circumstances: reason, reference: optional(120) })),
  'weapons.reportTheft': op<WeaponRecord>()('write', z.object({ ...dated, circumstances: reason, reference: optional(120) })),
  'weapons.recover': op<WeaponRecord>()(
    'write',
    z.object({ ...dated, circumstances: reason, reference: optional(120), location: optional(80) }),
  ),
  'weapons.declareSurplus': op<WeaponRecord>()('write', z.object({ ...base, reason, reference: optional(120), approver })),
  'weapons.destroy': op<WeaponRecord>()(
    'write',
    z.object({
      ...dated,
      method: destructionMethod,
      certificate: shortText(1, 120),
      witnesses: z.tuple([shortText(2, 80), shortText(2, 80)]),
      approver,
    }),
  ),
  'weapons.deactivate': op<WeaponRecord>()('write', z.object({ ...dated, certificate: shortText(1, 120), approver })),
  'weapons.transferOut': op<WeaponRecord>()(
    'write',
    z.object({ ...dated, transferId: shortText(1, 60), toArmoury: shortText(2, 60), document: optional(120) }),
  ),
  'weapons.transferIn': op<WeaponRecord>()('write', transferInInput),
};
