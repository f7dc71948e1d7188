import type { VoucherView } from '../../../../shared/contract/custody';
import type { WeaponCondition } from '../../../../shared/domain/enums';
import { countOf } from './labels';

export interface ReturnValues {
  weapons: { weaponId: number; returned: boolean; condition: WeaponCondition }[];
  magazinesReturned: string;
  rounds: { returned: string; expended: string }[];
  reference: string;
  note: string;
}

/** Weapons still out on the voucher: the lines a settling return must list. */
export const outLines = (v: VoucherView) => v.weapons.filter((w) => w.outcome === 'out');

export function returnDefaults(v: VoucherView, scanned: ReadonlySet<number>): ReturnValues {
  return {
    weapons: outLines(v).map((w) => ({ weaponId: w.weapon.id, returned: scanned.has(w.weapon.id), condition: 'serviceable' })),
    // Counted, not assumed: an empty box is none back, and the reconciliation says so.
    magazinesReturned: '',
    rounds: v.rounds.map(() => ({ returned: '', expended: '' })),
    reference: '',
    note: '',
  };
}

export function returnInput(v: VoucherView, values: ReturnValues) {
  return {
    voucherId: v.id,
    weapons: values.weapons.map((w) => ({ weaponId: w.weaponId, returned: w.returned, condition: w.condition })),
    magazinesReturned: values.magazinesReturned,
    rounds: v.rounds.map((r, i) => ({
      lotId: r.lotId,
      storeId: r.storeId,
      bay: r.bay,
      returned: values.rounds[i]?.returned ?? '',
      expended: values.rounds[i]?.expended ?? '',
    })),
    reference: values.reference,
    note: values.note,
  };
}

/** issued = expended + returned + unaccounted, per rounds line; negative means more counted than issued. */
export interface Reconciled {
  lotId: number;
  lotNumber: string;
  issued: number;
  returned: number;
  expended: number;
  unaccounted: number;
}

export function reconcile(v: VoucherView, values: ReturnValues) {
  const rounds: Reconciled[] = v.rounds.map((r, i) => {
    const returned = countOf(values.rounds[i]?.returned);
    const expended = countOf(values.rounds[i]?.expended);
    return { lotId: r.lotId, lotNumber: r.lotNumber, issued: r.issued, returned, expended, unaccounted: r.issued - returned - expended };
  });
  const magazinesReturned = countOf(values.magazinesReturned);
  const lines = outLines(v);
  const notReturned = lines.filter((w, i) => !values.weapons[i]?.returned);
  return {
    rounds,
    magazines: { issued: v.magazines, returned: magazinesReturned, unaccounted: v.magazines - magazinesReturned },
    notReturned,
    expended: rounds.some((r) => r.expended > 0),
    /** Anything a case will be opened for. */
    unaccounted: notReturned.length > 0 || rounds.some((r) => r.unaccounted > 0) || v.magazines - magazinesReturned > 0,
    /** More counted back than went out: core refuses it. */
    over: rounds.some((r) => r.unaccounted < 0) || magazinesReturned > v.magazines,
  };
}
