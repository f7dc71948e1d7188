import type { CaseDossier, CaseRow } from '../../../shared/contract/custody';
import { outcomesFor } from '../../../shared/domain/custody';
import type { Ctx } from '../context';
import { AppError } from '../errors';
import { history } from '../register/queries';
import type { Handlers } from '../router';
import { closeCase } from './close';
import type { CaseUpdated } from './events';
import { caseRow, caseRows } from './queries';

function dossier(ctx: Ctx, id: number): CaseDossier {
  const row = caseRow(ctx.store.s, id, ctx.now);
  return {
    case: row,
    // A closed case offers nothing more to close it with.
    outcomes: row.status === 'open' ? [...outcomesFor(row.source, row.subject)] : [],
    history: history(ctx.store.s, `c:${id}`),
  };
}

function assertActiveUser(ctx: Ctx, id: number): void {
  const user = ctx.store.s.sql('SELECT active FROM users WHERE id = ?').get(id) as { active: number } | undefined;
  if (!user?.active) {
    throw new AppError('user_not_found', `no active user ${id}`, { params: { id }, fields: { ownerId: { code: 'user_not_found' } } });
  }
}

/**
 * A new owner (any active account) and the explanation found so far. An empty explanation leaves
 * the current one (a form may send only the owner); nothing changed writes nothing.
 */
function updateCase(ctx: Ctx, input: { id: number; explanation: string; ownerId?: number | undefined }): CaseRow {
  const { store } = ctx;
  store.journal.write(() => {
    const row = caseRow(store.s, input.id, ctx.now);
    if (row.status !== 'open') throw new AppError('case_closed', `case ${row.id} is already closed`, { params: { id: row.id } });
    if (input.ownerId !== undefined) assertActiveUser(ctx, input.ownerId);
    const data: CaseUpdated = { caseId: row.id };
    if (input.explanation && input.explanation !== row.explanation) data.explanation = input.explanation;
    if (input.ownerId !== undefined && input.ownerId !== row.owner.id) data.owner = input.ownerId;
    if (data.explanation === undefined && data.owner === undefined) return;
    store.journal.append({ type: 'case.updated', actor: ctx.session.userId, data });
  });
  return caseRow(store.s, input.id, ctx.now);
}

export const caseHandlers: Pick<Handlers, 'cases.list' | 'cases.get' | 'cases.update' | 'cases.close'> = {
  'cases.list': (ctx, query) => caseRows(ctx.store.s, query, ctx.now),
  'cases.get': (ctx, { id }) => dossier(ctx, id),
  'cases.update': (ctx, input) => updateCase(ctx, input),
  'cases.close': (ctx, input) => closeCase(ctx, input),
};
