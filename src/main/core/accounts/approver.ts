import type { Ctx } from '../context';
import { AppError } from '../errors';
import type { UserRow } from '../../../shared/domain/accounts';
import { authenticate } from './authenticate';

/**
 * Two-person rule: a second, different, active account confirms with its own password in the
 * same dialog, and at least one of the two is a manager. Auditors are read-only and cannot approve. Returns the approver's user id.
 */
export async function confirmApprover(ctx: Ctx, credentials: { username: string; password: string }): Promise<number> {
  const approver = await authenticate(ctx.store.s, credentials.username, credentials.password, {
    sleep: ctx.app.sleep,
    now: ctx.now,
    failureCode: 'approver_bad_credentials',
  });
  if (approver.id === ctx.session.userId) {
    throw new AppError('approver_same_person', 'the second person must use their own account', {
      fields: { 'approver.username': { code: 'approver_same_person' } },
    });
  }
  if (approver.role === 'auditor') {
    throw new AppError('approver_read_only', 'an auditor account cannot approve an action', {
      fields: { 'approver.username': { code: 'approver_read_only' } },
    });
  }
  if (approver.role !== 'manager' && ctx.session.role !== 'manager') {
    throw new AppError('approver_needs_manager', 'one of the two accounts must be a manager', {
      fields: { 'approver.username': { code: 'approver_needs_manager' } },
    });
  }
  return approver.id;
}

/** Checks credentials typed for a second role in a dialog; a failure lands on `<field>.username`. */
export async function authenticateOn(ctx: Ctx, credentials: { username: string; password: string }, field: string): Promise<UserRow> {
  try {
    return await authenticate(ctx.store.s, credentials.username, credentials.password, {
      sleep: ctx.app.sleep, now: ctx.now, failureCode: 'approver_bad_credentials',
    });
  } catch (error) {
    if (error instanceof AppError && !error.fields) {
      throw new AppError(error.code, error.message, {
        ...(error.params ? { params: error.params } : {}), fields: { [`${field}.username`]: { code: error.code } },
      });
    }
    throw error;
  }
}

/**
 * A second person signing in the same dialog (a countersignature, the incoming storekeeper, a
 * stock check's witness): an active account other than the signed-in one, and not an auditor.
 * Every refusal lands on `<field>.username`. Returns their user id.
 */
export async function confirmSecondPerson(ctx: Ctx, credentials: { username: string; password: string }, field: string): Promise<number> {
  const at = `${field}.username`;
  const user = await authenticateOn(ctx, credentials, field);
  if (user.id === ctx.session.userId) {
    throw new AppError('approver_same_person', 'the second person must use their own account', { fields: { [at]: { code: 'approver_same_person' } } });
  }
  if (user.role === 'auditor') {
    throw new AppError('approver_read_only', 'an auditor account cannot sign for a second person', { fields: { [at]: { code: 'approver_read_only' } } });
  }
  return user.id;
}
