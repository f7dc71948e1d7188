import { z } from '../validation';
import { approverCredentials } from './accounts';
import { cleanText } from './normalize';

/**
 * Stock checks (ISACS 05.20, IATG 03.10): what is counted, blind, against the book as it stood when
 * the check started. Codes are stable English words; labels live in the locales.
 */
export const CHECK_SCOPES = ['full', 'weapons', 'ammunition', 'store', 'spot'] as const;
export type CheckScope = (typeof CHECK_SCOPES)[number];

/** A spot check counts this many items at most (weapons and lots together). */
export const SPOT_MAX = 500;

const id = z.number().int().positive();
const optionalText = (max: number) => z.string().transform(cleanText).pipe(z.string().max(max)).default('');
const count = z.preprocess((v) => (typeof v === 'string' ? (v === '' ? 0 : Number(v)) : v), z.number().int().min(0).max(1_000_000_000));

export const startCheckInput = z
  .object({
    scope: z.enum(CHECK_SCOPES),
    /** The store a 'store' check counts (its lots only: weapons are not kept in ammunition stores). */
    storeId: id.optional(),
    /** How many items a spot check draws at random (weapons by serial, and lots). */
    spotSize: z.number().int().min(1).max(SPOT_MAX).optional(),
    note: optionalText(500),
  })
  .refine((v) => v.scope !== 'store' || v.storeId !== undefined, { message: 'required', path: ['storeId'] })
  .refine((v) => v.scope !== 'spot' || v.spotSize !== undefined, { message: 'required', path: ['spotSize'] });

/**
 * One batch of counting (scanned, ticked, or typed from the paper sheet). Weapons found are ids of
 * the register; codes that match no weapon are recorded as unknown for investigation; a lot's
 * quantity replaces any earlier count of that lot at that place.
 */
export const countInput = z.object({
  checkId: id,
  weapons: z.array(id).max(200_000).default([]),
  unknown: z.array(z.string().transform(cleanText).pipe(z.string().min(1).max(60))).max(1000).default([]),
  lots: z.array(z.object({ lotId: id, storeId: id, bay: optionalText(40), quantity: count })).max(10_000).default([]),
});

/** Closing: the counter (signed in) and a witness with their own account. */
export const closeCheckInput = z.object({ checkId: id, witness: approverCredentials, note: optionalText(500) });
