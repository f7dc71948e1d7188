import type { OfficerDossier } from '../../../shared/contract/custody';
import { localToday } from '../../../shared/domain/weapon';
import type { Ctx } from '../context';
import { outRows, voucherSummaries } from '../custody/queries';
import { AppError } from '../errors';
import { history } from '../register/queries';
import type { Handlers } from '../router';
import { authoriseOfficer, registerOfficer, setOfficerStatus, updateOfficer, withdrawAuthorisation } from './officers';
import { findOfficerByServiceNumber, listOfficers, officerRow } from './queries';

/** The latest vouchers a dossier shows; the full list is custody.vouchers. */
const DOSSIER_VOUCHERS = 50;

const row = (ctx: Ctx, id: number) => officerRow(ctx.store.s, id, localToday(ctx.now), 'id');

function dossier(ctx: Ctx, id: number): OfficerDossier {
  const officer = row(ctx, id);
  const s = ctx.store.s;
  return {
    officer,
    out: outRows(s, { officerId: id }, ctx.now),
    vouchers: voucherSummaries(s, { officerId: id, limit: DOSSIER_VOUCHERS, offset: 0 }),
    history: history(s, `o:${id}`),
  };
}

export const officerHandlers: Pick<
  Handlers,
  | 'officers.list' | 'officers.get' | 'officers.lookup' | 'officers.register' | 'officers.update' | 'officers.setStatus'
  | 'officers.authorise' | 'officers.withdrawAuthorisation'
> = {
  'officers.list': (ctx, query) => listOfficers(ctx.store.s, query, localToday(ctx.now)),
  'officers.get': (ctx, { id }) => dossier(ctx, id),
  'officers.lookup': (ctx, { serviceNumber }) => {
    const id = findOfficerByServiceNumber(ctx.store.s, serviceNumber);
    if (id === undefined) {
      throw new AppError('officer_not_found', `no officer with service number ${serviceNumber}`, {
        params: { value: serviceNumber }, fields: { serviceNumber: { code: 'officer_not_found' } },
      });
    }
    return row(ctx, id);
  },
  'officers.register': (ctx, fields) => row(ctx, registerOfficer(ctx.store, ctx.session.userId, fields)),
  'officers.update': (ctx, { id, ...fields }) => {
    updateOfficer(ctx.store, ctx.session.userId, id, fields);
    return row(ctx, id);
  },
  'officers.setStatus': (ctx, { id, status, reason }) => {
    setOfficerStatus(ctx.store, ctx.session.userId, id, status, reason);
    return row(ctx, id);
  },
  'officers.authorise': (ctx, { id, weaponType, expires, reference }) => {
    authoriseOfficer(ctx.store, ctx.session.userId, { officerId: id, weaponType, expires, reference });
    return row(ctx, id);
  },
  'officers.withdrawAuthorisation': (ctx, { id, weaponType, reason }) => {
    withdrawAuthorisation(ctx.store, ctx.session.userId, id, weaponType, reason);
    return row(ctx, id);
  },
};
