import { confirmApprover } from '../accounts/approver';
import type { Ctx } from '../context';
import type { Handlers } from '../router';
import { today } from './dates';
import { recordInspection } from './inspection';
import { getLot } from './lots';
import {
  adjust, adjustableCase, changeCondition, expend, issue, move, receive, receiveNewLot, returnUnexpended, takeOut, transferIn, type MovementCtx,
} from './movements';
import { dashboard, holdings, listLots, listStores, lotDossier, storeView, suggestLots } from './queries';
import { addBay, changeLicence, createStore, getStore, recordOverride } from './stores';

/** What a movement needs from the call: the store, who acts, and the store clock's today. */
const mc = (ctx: Ctx): MovementCtx => ({ store: ctx.store, actor: ctx.session.userId, today: today(ctx.now) });
const view = (ctx: Ctx, id: number) => storeView(ctx.store.s, getStore(ctx.store.s, id), today(ctx.now));

export const ammunitionHandlers: Pick<
  Handlers,
  | 'stores.list' | 'stores.holdings' | 'stores.create' | 'stores.updateLicence' | 'stores.addBay' | 'stores.recordOverride'
  | 'lots.list' | 'lots.get' | 'lots.suggest' | 'ammo.dashboard'
  | 'ammo.receiveNewLot' | 'ammo.receive' | 'ammo.transferIn' | 'ammo.issue' | 'ammo.return' | 'ammo.expend' | 'ammo.move'
  | 'ammo.transferOut' | 'ammo.reportLoss' | 'ammo.destroy' | 'ammo.adjust' | 'ammo.changeCondition' | 'ammo.recordInspection'
> = {
  'stores.list': (ctx) => listStores(ctx.store.s, today(ctx.now)),
  'stores.holdings': (ctx, { storeId }) => holdings(ctx.store.s, storeId, today(ctx.now)),
  'stores.create': (ctx, fields) => view(ctx, createStore(ctx.store, ctx.session.userId, fields)),
  'stores.updateLicence': (ctx, { storeId, licence }) => {
    changeLicence(ctx.store, ctx.session.userId, storeId, licence);
    return view(ctx, storeId);
  },
  'stores.addBay': (ctx, { storeId, bay }) => {
    addBay(ctx.store, ctx.session.userId, storeId, bay);
    return view(ctx, storeId);
  },
  'stores.recordOverride': (ctx, input) => {
    recordOverride(ctx.store, ctx.session.userId, input);
    return view(ctx, input.storeId);
  },

  'lots.list': (ctx, query) => listLots(ctx.store.s, query, today(ctx.now)),
  'lots.get': (ctx, { id }) => lotDossier(ctx.store.s, id, today(ctx.now)),
  'lots.suggest': (ctx, query) => suggestLots(ctx.store.s, query, today(ctx.now)),
  'ammo.dashboard': (ctx) => dashboard(ctx.store, ctx.session.userId, today(ctx.now)),

  'ammo.receiveNewLot': (ctx, input) => receiveNewLot(mc(ctx), input),
  'ammo.receive': (ctx, input) => receive(mc(ctx), input),
  'ammo.transferIn': (ctx, input) => transferIn(mc(ctx), input),
  'ammo.issue': (ctx, input) => issue(mc(ctx), input),
  'ammo.return': (ctx, input) => returnUnexpended(mc(ctx), input),
  'ammo.expend': (ctx, input) => expend(mc(ctx), input),
  'ammo.move': (ctx, input) => move(mc(ctx), input),
  'ammo.transferOut': (ctx, input) => takeOut(mc(ctx), 'ammo.transferred_out', input),
  'ammo.reportLoss': (ctx, input) => takeOut(mc(ctx), 'ammo.lost', input),
  'ammo.destroy': async (ctx, { approver, ...input }) => {
    // Nothing to approve for a lot that does not exist: refuse before asking for a password.
    getLot(ctx.store.s, input.lotId);
    const approverId = await confirmApprover(ctx, approver);
    return takeOut(mc(ctx), 'ammo.destroyed', input, approverId);
  },
  'ammo.adjust': async (ctx, { approver, ...input }) => {
    getLot(ctx.store.s, input.lotId);
    // a case the adjustment cannot name is refused before a password is asked for (and again in the write)
    if (input.caseId !== undefined) adjustableCase(ctx.store.s, input.caseId, input.lotId, input.place);
    const approverId = await confirmApprover(ctx, approver);
    return adjust(mc(ctx), input, approverId);
  },
  'ammo.changeCondition': (ctx, input) => changeCondition(mc(ctx), input),
  'ammo.recordInspection': (ctx, input) => recordInspection(mc(ctx), input),
};
