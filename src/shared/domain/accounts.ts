import { z } from '../validation';
import { AGENCIES, LANGUAGES, ROLES } from './enums';
import { cleanText } from './normalize';

export const role = z.enum(ROLES);
export const language = z.enum(LANGUAGES);

export const username = z
  .string()
  .transform(cleanText)
  .pipe(z.string().min(3).max(32).regex(/^[\p{L}\p{N}._-]+$/u, 'username_chars'));

/** Long enough to resist guessing at a shared PC; no composition rules that people write down. */
export const newPassword = z.string().min(8).max(128);
export const password = z.string().min(1).max(128);

export const fullName = z.string().transform(cleanText).pipe(z.string().min(2).max(80));

export const newUser = z.object({ username, fullName, role, password: newPassword });

export const armouryIdentity = z.object({
  code: z
    .string()
    .transform((v) => cleanText(v).toUpperCase())
    .pipe(z.string().min(2).max(20).regex(/^[A-Z0-9-]+$/, 'code_chars')),
  name: z.string().transform(cleanText).pipe(z.string().min(2).max(120)),
  agency: z.enum(AGENCIES),
  region: z.string().transform(cleanText).pipe(z.string().min(2).max(80)),
  language,
});
export type ArmouryIdentity = z.output<typeof armouryIdentity>;

export const setupInput = z
  .object({
    armoury: armouryIdentity,
    manager: z.object({ username, fullName, password: newPassword, passwordConfirm: z.string() }),
  })
  .refine((v) => v.manager.password === v.manager.passwordConfirm, {
    message: 'passwords_differ',
    path: ['manager', 'passwordConfirm'],
  });

/** A second account confirming a two-person action in the same dialog. */
export const approverCredentials = z.object({ username, password });

export const settingsShape = z.object({
  idleLockMinutes: z.coerce.number().int().min(1).max(240),
  /** How long a discrepancy case may stay open before it is overdue. */
  caseDeadlineHours: z.coerce.number().int().min(1).max(720),
  /** Whether every issue needs a second account's countersignature. */
  countersignIssues: z.boolean(),
  /** How often a full inventory is due, and a spot check. */
  fullInventoryMonths: z.coerce.number().int().min(1).max(24),
  spotCheckDays: z.coerce.number().int().min(1).max(365),
  /** Commission alerts: days a transfer out may wait for its transfer in, and an armoury without a snapshot. */
  transferMatchDays: z.coerce.number().int().min(1).max(365),
  silentArmouryDays: z.coerce.number().int().min(1).max(365),
});
export type Settings = z.output<typeof settingsShape>;
export const DEFAULT_SETTINGS: Settings = {
  idleLockMinutes: 15, caseDeadlineHours: 72, countersignIssues: false, fullInventoryMonths: 3, spotCheckDays: 30,
  transferMatchDays: 30, silentArmouryDays: 45,
};

export interface SessionInfo {
  userId: number;
  username: string;
  fullName: string;
  role: z.output<typeof role>;
  language: z.output<typeof language>;
  idleLockMinutes: number;
  locked: boolean;
}

export interface UserRow {
  id: number;
  username: string;
  fullName: string;
  role: z.output<typeof role>;
  active: boolean;
  createdAt: string;
}
