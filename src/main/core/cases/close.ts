import type { CaseRow } from '../../../shared/contract/custody';
import type { UserRow } from '../../../shared/domain/accounts';
import type { AmmoCondition } from '../../../shared/domain/ammunition';
import { outcomesFor, type CaseOutcome } from '../../../shared/domain/custody';
import type { WeaponStatus } from '../../../shared/domain/enums';
import type { ErrorCode } from '../../../shared/errors';
import { actionAllowed } from '../../../shared/domain/lifecycle';
import { localToday } from '../../../shared/domain/weapon';
import { authenticate } from '../accounts/authenticate';
import type { Ctx } from '../context';
import type { Statements } from '../db/statements';
import { AppError } from '../errors';
import type { Store } from '../store';
import type { CaseClosed } from './events';
import { caseRow } from './queries';

export interface CloseInput {
  id: number;
  outcome: CaseOutcome;
  explanation: string;
  reference: string;
  approver: { username: string; password: string };
}

/** A closing whose manager is already known (their credentials checked, or the demo's history). */
export type ClosingInput = Omit<CloseInput, 'approver'>;

/** What closing a case writes besides case.closed: a loss report, and where returned rounds go. */
interface Plan {
  reportLoss: boolean;
  place?: CaseClosed['place'];
}

type LineOutcome = 'out' | 'missing' | 'returned' | 'lost';

const fieldError = (code: ErrorCode, message: string, field: string, params?: Record<string, string | number>) =>
  new AppError(code, message, { ...(params ? { params } : {}), fields: { [field]: { code, ...(params ? { params } : {}) } } });

/** A weapon not returned on a voucher: 'returned' once its line is back, 'loss' while it is still out. */
function custodyWeaponPlan(s: Statements, c: CaseRow, outcome: CaseOutcome): Plan {
  const line = s
    .sql('SELECT outcome FROM voucher_weapons WHERE voucher_id = ? AND weapon_id = ?')
    .get(c.voucherId, c.weapon?.id) as { outcome: LineOutcome } | undefined;
  const still = line?.outcome === 'out' || line?.outcome === 'missing';
  if (outcome === 'returned') {
    if (still) throw fieldError('case_weapon_still_out', `weapon ${c.weapon?.nationalCode} is still out`, 'outcome');
    // A weapon written off meanwhile (loss or theft reported from its dossier) did not come back.
    if (line?.outcome !== 'returned') throw fieldError('case_outcome_invalid', 'the weapon was not returned', 'outcome');
    return { reportLoss: false };
  }
  if (line?.outcome === 'returned') throw fieldError('case_weapon_back', `weapon ${c.weapon?.nationalCode} is back`, 'outcome');
  // Already reported lost or stolen from its dossier: the case records the conclusion only.
  return { reportLoss: still };
}

/** A weapon missing at a count: 'found' changes nothing; 'loss' reports it lost unless it already is. */
function countedWeaponPlan(s: Statements, c: CaseRow, outcome: CaseOutcome): Plan {
  if (outcome !== 'loss') return { reportLoss: false };
  const { status } = s.sql('SELECT status FROM weapons WHERE id = ?').get(c.weapon?.id) as { status: WeaponStatus };
  if (status === 'lost' || status === 'stolen') return { reportLoss: false };
  if (!actionAllowed('loss', status)) {
    throw new AppError('status_transition', `cannot report a weapon that is ${status} lost`, { params: { action: 'loss', status } });
  }
  return { reportLoss: true };
}

/** A lot difference closes as adjusted once a two-person ammo.adjusted names the case (its c: reference). */
function adjustedFor(s: Statements, caseId: number): boolean {
  return s
    .sql("SELECT 1 FROM event_refs r JOIN events e ON e.seq = r.seq WHERE r.ref = ? AND e.type = 'ammo.adjusted' LIMIT 1")
    .get(`c:${caseId}`) !== undefined;
}

/**
 * Rounds issued on a voucher and not accounted for: returned rounds go back to the store and bay
 * they were issued from, suspended if the lot is now suspended. Fixed here, in the event, so that a
 * replay does not depend on the lot's state at that point. A stock check's lot difference has no
 * stock effect on closing: 'found' leaves the book as it was, 'adjusted' needs the adjustment first.
 */
function roundsPlan(s: Statements, c: CaseRow, outcome: CaseOutcome, reference: string): Plan {
  if (outcome === 'expended' && !reference) throw fieldError('reference_required', 'expended rounds need a reference', 'reference');
  if (outcome === 'adjusted' && !adjustedFor(s, c.id)) {
    throw fieldError('case_not_adjusted', `no adjustment names case ${c.id} yet`, 'outcome');
  }
  if (outcome !== 'returned' || c.voucherId === null || c.lot === null) return { reportLoss: false };
  const line = s
    .sql('SELECT store_id AS storeId, bay FROM voucher_rounds WHERE voucher_id = ? AND lot_id = ? ORDER BY unaccounted < ?, store_id, bay LIMIT 1')
    .get(c.voucherId, c.lot.id, c.quantity) as { storeId: number; bay: string } | undefined;
  if (!line) throw new Error(`case ${c.id}: voucher ${c.voucherId} has no rounds of lot ${c.lot.id}`);
  const { suspended } = s.sql('SELECT suspended FROM lots WHERE id = ?').get(c.lot.id) as { suspended: number };
  const condition: AmmoCondition = suspended ? 'suspended' : 'serviceable';
  return { reportLoss: false, place: { ...line, condition } };
}

/** Every rule a closing must meet, read from the current state; run before and again inside the write. */
export function closingPlan(s: Statements, input: ClosingInput, now: Date): { row: CaseRow; plan: Plan } {
  const row = caseRow(s, input.id, now);
  if (row.status !== 'open') throw new AppError('case_closed', `case ${row.id} is already closed`, { params: { id: row.id } });
  if (!outcomesFor(row.source, row.subject).includes(input.outcome)) {
    throw fieldError('case_outcome_invalid', `${input.outcome} does not fit a ${row.subject} case`, 'outcome');
  }
  if (row.subject === 'rounds') return { row, plan: roundsPlan(s, row, input.outcome, input.reference) };
  if (row.subject === 'magazines' || row.weapon === null) return { row, plan: { reportLoss: false } };
  const plan = row.source === 'custody' ? custodyWeaponPlan(s, row, input.outcome) : countedWeaponPlan(s, row, input.outcome);
  return { row, plan };
}

/** Any active manager account approves, the actor included when they re-enter their password. */
async function confirmManager(ctx: Ctx, credentials: { username: string; password: string }): Promise<number> {
  let user: UserRow;
  try {
    user = await authenticate(ctx.store.s, credentials.username, credentials.password, {
      sleep: ctx.app.sleep,
      now: ctx.now,
      failureCode: 'approver_bad_credentials',
    });
  } catch (error) {
    // wrong credentials or a disabled account: shown on the dialog's username field
    if (error instanceof AppError && !error.fields) throw fieldError(error.code, error.message, 'approver.username', error.params);
    throw error;
  }
  if (user.role !== 'manager') {
    throw fieldError('close_needs_manager', `${user.username} is not a manager`, 'approver.username');
  }
  return user.id;
}

/**
 * Closes a case with a manager's approval. The rules are checked first (no password asked for a
 * closing that cannot happen), then the credentials (async), then every rule again inside the
 * write, since another write may have run while the password was being checked.
 */
export async function closeCase(ctx: Ctx, input: CloseInput): Promise<CaseRow> {
  const { store } = ctx;
  const actor = ctx.session.userId;
  closingPlan(store.s, input, ctx.now);
  const approver = await confirmManager(ctx, input.approver);
  appendCaseClosing(store, actor, approver, ctx.now, input);
  return caseRow(store.s, input.id, ctx.now);
}

/**
 * Appends a closing approved by `approver` (a manager whose credentials were checked, or the
 * demo's history), joining a caller's write. Every rule is checked again inside the write, since
 * another write may have run while a password was being checked.
 */
export function appendCaseClosing(store: Store, actor: number, approver: number, now: Date, input: ClosingInput): void {
  store.journal.write(() => {
    const { row, plan } = closingPlan(store.s, input, now);
    if (plan.reportLoss && row.weapon) {
      store.journal.append({
        type: 'weapon.loss_reported',
        actor,
        approver,
        data: { weaponId: row.weapon.id, date: localToday(now), circumstances: input.explanation, reference: `case ${row.id}` },
      });
    }
    const data: CaseClosed = {
      caseId: row.id,
      outcome: input.outcome,
      explanation: input.explanation,
      reference: input.reference,
      ...(plan.place ? { place: plan.place } : {}),
    };
    store.journal.append({ type: 'case.closed', actor, approver, data });
  });
}
