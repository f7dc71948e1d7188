import { weaponFields, type WeaponFields } from '../../../shared/domain/weapon';
import { issuesToFields } from '../../../shared/validation';
import { confirmApprover } from '../accounts/approver';
import type { Ctx } from '../context';
import { AppError } from '../errors';
import type { Handlers } from '../router';
import { history, lastSetterOf, listWeapons, lookupWeapons, registerCounts } from './queries';
import { actOnWeapon, assertNoDuplicate, getWeapon, registerWeapon } from './service';
import type { WeaponAction } from '../../../shared/domain/lifecycle';

/** Handlers for simple lifecycle events: the input minus weaponId is the event's data. */
const simple =
  (action: WeaponAction) =>
  (ctx: Ctx, { weaponId, ...data }: { weaponId: number } & Record<string, unknown>) =>
    actOnWeapon(ctx.store, action, weaponId, ctx.session.userId, data);

/** Two-person lifecycle events: the approver's credentials are checked, then dropped from the data. */
const twoPerson =
  (action: WeaponAction) =>
  async (ctx: Ctx, { weaponId, approver, ...data }: { weaponId: number; approver: { username: string; password: string } } & Record<string, unknown>) => {
    getWeapon(ctx.store.s, weaponId);
    const approverId = await confirmApprover(ctx, approver);
    return actOnWeapon(ctx.store, action, weaponId, ctx.session.userId, data, approverId);
  };

export const registerHandlers: Pick<
  Handlers,
  | 'weapons.register' | 'weapons.list' | 'weapons.counts' | 'weapons.get' | 'weapons.lookup' | 'weapons.correct'
  | 'weapons.move' | 'weapons.maintenanceOut' | 'weapons.maintenanceBack' | 'weapons.changeCondition'
  | 'weapons.reportLoss' | 'weapons.reportTheft' | 'weapons.recover' | 'weapons.declareSurplus'
  | 'weapons.destroy' | 'weapons.deactivate' | 'weapons.transferOut' | 'weapons.transferIn'
> = {
  'weapons.register': (ctx, fields) => registerWeapon(ctx.store, ctx.session.userId, fields),
  'weapons.list': (ctx, query) => listWeapons(ctx.store.s, query),
  'weapons.counts': (ctx) => registerCounts(ctx.store.s),
  'weapons.get': (ctx, { id }) => ({ weapon: getWeapon(ctx.store.s, id), history: history(ctx.store.s, `w:${id}`) }),
  'weapons.lookup': (ctx, { code }) => lookupWeapons(ctx.store.s, code),

  'weapons.correct': (ctx, { weaponId, field, value, reason }) => {
    const { store, session } = ctx;
    const weapon = getWeapon(store.s, weaponId);
    const parsed = weaponFields.shape[field].safeParse(value);
    if (!parsed.success) {
      const first = issuesToFields(parsed.error.issues)._;
      throw new AppError('invalid_input', `invalid value for ${field}`, { fields: { value: first ?? { code: 'invalid' } } });
    }
    const to = parsed.data as WeaponFields[typeof field];
    const from = weapon[field];
    if (to === from) throw new AppError('correction_no_change', 'the new value equals the current one', { fields: { value: { code: 'correction_no_change' } } });
    if (field === 'nationalCode' || field === 'serial' || field === 'manufacturer' || field === 'model') {
      try {
        assertNoDuplicate(store.s, { ...weapon, [field]: to }, weaponId);
      } catch (error) {
        if (error instanceof AppError && error.fields) throw new AppError(error.code, error.message, { ...(error.params ? { params: error.params } : {}), fields: { value: Object.values(error.fields)[0] ?? { code: error.code } } });
        throw error;
      }
    }
    const corrects = lastSetterOf(store.s, weaponId, field);
    return actOnWeapon(store, 'correct', weaponId, session.userId, { field, from, to, corrects, reason });
  },

  'weapons.move': simple('move'),
  'weapons.maintenanceOut': simple('maintenance_out'),
  'weapons.maintenanceBack': simple('maintenance_back'),
  'weapons.changeCondition': simple('condition'),
  'weapons.reportLoss': simple('loss'),
  'weapons.reportTheft': simple('theft'),
  'weapons.recover': simple('recovery'),
  'weapons.transferOut': simple('transfer_out'),
  'weapons.declareSurplus': twoPerson('surplus'),
  'weapons.destroy': twoPerson('destruction'),
  'weapons.deactivate': twoPerson('deactivation'),

  'weapons.transferIn': (ctx, { transferId, fromArmoury, document, ...fields }) =>
    registerWeapon(ctx.store, ctx.session.userId, { ...fields, acquisitionMode: 'transfer_in' }, 'weapon.transferred_in', {
      transferId, fromArmoury, document,
    }),
};
