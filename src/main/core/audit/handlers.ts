import { AppError } from '../errors';
import type { Handlers } from '../router';
import { listAudit } from './queries';

export const auditHandlers: Pick<Handlers, 'audit.list'> = {
  // Read access, but the audit view is for managers and auditors: a storekeeper is refused here.
  'audit.list': (ctx, query) => {
    const { role } = ctx.session;
    if (role !== 'manager' && role !== 'auditor') throw new AppError('forbidden', `role ${role} may not read the audit view`);
    return listAudit(ctx.store.s, query);
  },
};
