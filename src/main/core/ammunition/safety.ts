import { aggregateGroups, compatibility, HAZARD_DIVISIONS, type HazardDivision } from '../../../shared/domain/ammunition';
import type { ErrorCode } from '../../../shared/errors';
import type { Coded } from '../../../shared/result';
import type { Statements } from '../db/statements';
import { AppError } from '../errors';
import { toMicrograms, UG_PER_KG } from './balances';
import type { LotRecord } from './lots';
import { hasOverride, type StoreRecord } from './stores';

/**
 * The storage safety rules. They read the per-store aggregates the projector keeps (store_neq,
 * store_groups, store_lots: a few rows by primary key), never the store's balances, so a receipt
 * costs the same in a store of ten lots or of a thousand.
 */

/** NEQ present per division in a store, in micrograms (divisions with at least one lot). */
export function storeNeq(s: Statements, storeId: number): Partial<Record<HazardDivision, number>> {
  const rows = s.sql('SELECT division, neq_ug AS ug FROM store_neq WHERE store_id = ?').all(storeId) as { division: HazardDivision; ug: number }[];
  return Object.fromEntries(rows.map((r) => [r.division, r.ug]));
}

/** Compatibility groups with stock in a store, leaving out the lot `except` itself. */
export function storeGroups(s: Statements, storeId: number, except?: Pick<LotRecord, 'id' | 'compatibilityGroup'>): string[] {
  const rows = s.sql('SELECT grp, lots FROM store_groups WHERE store_id = ? ORDER BY grp').all(storeId) as { grp: string; lots: number }[];
  const inStore = except !== undefined && s.sql('SELECT 1 FROM store_lots WHERE store_id = ? AND lot_id = ?').get(storeId, except.id) !== undefined;
  return rows.filter((r) => r.lots - (inStore && r.grp === except.compatibilityGroup ? 1 : 0) > 0).map((r) => r.grp);
}

const kg = (ug: number) => ug / UG_PER_KG;

/** How a division stands against its licence limit (an absent division has limit 0); exact integer arithmetic. */
export function neqStatus(division: HazardDivision, presentUg: number, incomingUg: number, limitKg: number | undefined): Coded | null {
  const limitUg = toMicrograms(limitKg ?? 0);
  const totalUg = presentUg + incomingUg;
  const params = { division, present: kg(presentUg), incoming: kg(incomingUg), total: kg(totalUg), limit: kg(limitUg) };
  // A sum past exact integers is beyond any licence: refused even where a rule only warns.
  if (totalUg > limitUg || !Number.isSafeInteger(totalUg)) return { code: 'neq_limit_exceeded', params };
  if (limitUg > 0 && totalUg * 10 >= limitUg * 9) return { code: 'neq_near_limit', params };
  return null;
}

/**
 * The storage rule for a group joining the groups already in a store: N anywhere refuses; C needs
 * that store's recorded override. The mixture's aggregate groups (N with C/D/E counts as D; C, D
 * and E count as E) are checked too, so an edited table cannot let a mixture slip through.
 */
export function compatibilityProblem(s: Statements, storeId: number, incoming: string, present: readonly string[]): Coded | null {
  const aggregate = aggregateGroups(present).filter((g) => !present.includes(g));
  let conditional: Coded | null = null;
  for (const group of [...present, ...aggregate]) {
    const rule = compatibility(incoming, group);
    if (rule === 'N') return { code: 'incompatible_groups', params: { incoming, present: group } };
    if (rule === 'C' && !conditional && !hasOverride(s, storeId, incoming, group)) {
      conditional = { code: 'compatibility_override_required', params: { incoming, present: group } };
    }
  }
  return conditional;
}

export function licenceWarning(store: StoreRecord, today: string): Coded | null {
  return store.licence.expiry < today ? { code: 'licence_expired', params: { store: store.code, expiry: store.licence.expiry } } : null;
}

/**
 * Checks a quantity of a lot arriving in a store. `enforce` (receipt, transfer-in, move) refuses
 * what breaks a rule; `warn` (a return, a count that found more) records what is physically
 * there and reports the same findings as warnings. Returns the warnings of an accepted movement.
 */
export function assessIncoming(
  s: Statements,
  store: StoreRecord,
  lot: Pick<LotRecord, 'id' | 'compatibilityGroup' | 'hazardDivision' | 'neqPerUnitKg'>,
  quantity: number,
  today: string,
  mode: 'enforce' | 'warn',
): Coded[] {
  const found: Coded[] = [];
  const mixing = compatibilityProblem(s, store.id, lot.compatibilityGroup, storeGroups(s, store.id, lot));
  if (mixing) found.push(mixing);
  const division = lot.hazardDivision;
  const present = storeNeq(s, store.id)[division] ?? 0;
  const incoming = quantity * toMicrograms(lot.neqPerUnitKg);
  const neq = neqStatus(division, present, incoming, store.licence.maxNeqKg[division]);
  if (neq) found.push(neq);
  const refusal = found.find((c) => c.code !== 'neq_near_limit');
  if (refusal && (mode === 'enforce' || !Number.isSafeInteger(present + incoming))) {
    throw new AppError(refusal.code as ErrorCode, `store ${store.code}: ${refusal.code}`, { params: { ...refusal.params, store: store.code } });
  }
  const expired = licenceWarning(store, today);
  return expired ? [...found, expired] : found;
}

/** Warnings a store shows wherever it appears: expired licence, divisions near or over their limit. */
export function storeWarnings(store: StoreRecord, neqUg: Partial<Record<HazardDivision, number>>, today: string): Coded[] {
  const out: Coded[] = [];
  const expired = licenceWarning(store, today);
  if (expired) out.push(expired);
  for (const division of HAZARD_DIVISIONS) {
    const present = neqUg[division];
    if (present === undefined) continue;
    const status = neqStatus(division, present, 0, store.licence.maxNeqKg[division]);
    if (status) out.push(status);
  }
  return out;
}
