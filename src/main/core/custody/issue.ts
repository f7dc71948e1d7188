import type { VoucherView } from '../../../shared/contract/custody';
import { authenticateOn, confirmSecondPerson } from '../accounts/approver';
import { readSettings } from '../armoury/settings';
import type { Ctx } from '../context';
import { AppError } from '../errors';
import type { Store } from '../store';
import { planIssue, type IssueParsed } from './checks';
import type { Issued } from './events';
import { voucherView } from './voucher';

type Credentials = { username: string; password: string };

/** Only a manager overrides a missing authorisation (the signed-in manager re-entering their own password will do). */
async function overrider(ctx: Ctx, credentials: Credentials): Promise<number> {
  const user = await authenticateOn(ctx, credentials, 'override');
  if (user.role !== 'manager') {
    throw new AppError('override_needs_manager', `${user.username} is not a manager`, { fields: { 'override.username': { code: 'override_needs_manager' } } });
  }
  return user.id;
}

/**
 * Issues one voucher. Everything that needs no password is checked first (no one types a
 * password for a voucher that would be refused anyway); then the override and the
 * countersignature; then every check runs again inside the write, after those awaits, so that
 * two calls in a row can never issue one weapon twice.
 */
export async function issueVoucher(ctx: Ctx, input: IssueParsed): Promise<VoucherView> {
  const { store } = ctx;
  const actor = ctx.session.userId;
  const first = planIssue(store.s, input, ctx.now, readSettings(store.s), {
    override: input.override !== undefined, countersigner: input.countersigner !== undefined,
  });
  const overrideBy = first.uncovered.length > 0 && input.override ? await overrider(ctx, input.override) : undefined;
  const approver = input.countersigner ? await confirmSecondPerson(ctx, input.countersigner, 'countersigner') : undefined;

  const id = appendIssue(store, actor, ctx.now, input, { ...(overrideBy !== undefined ? { overrideBy } : {}), ...(approver !== undefined ? { approver } : {}) });
  return voucherView(store.s, id, ctx.now, store.journal.getHead());
}

/**
 * Checks and appends one custody.issued for accounts already authenticated (the override's
 * manager, the countersigner); returns the voucher id. Inside a caller's write (the demo, the
 * benchmark's history) it joins that transaction.
 */
export function appendIssue(store: Store, actor: number, now: Date, input: IssueParsed, signed: { overrideBy?: number; approver?: number }): number {
  const { overrideBy, approver } = signed;
  return store.journal.write(() => {
    // An authorisation withdrawn while the passwords were typed is refused here unless a manager did override.
    const plan = planIssue(store.s, input, now, readSettings(store.s), { override: overrideBy !== undefined, countersigner: approver !== undefined });
    const data: Issued = {
      ...plan.data,
      ...(plan.uncovered.length > 0 && overrideBy !== undefined && input.override
        ? { override: { by: overrideBy, reason: input.override.reason, weaponTypes: plan.uncovered } }
        : {}),
    };
    return store.journal.append({ type: 'custody.issued', actor, ...(approver !== undefined ? { approver } : {}), data }).seq;
  });
}
