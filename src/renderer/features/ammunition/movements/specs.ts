import type { OperationName } from '../../../../shared/contract';
import type { LotRow } from '../../../../shared/contract/ammunition';
import { addMonths, today } from '../labels';
import type { Balance } from '../PlaceFields';
import { storeIdOf } from '../useAmmoForm';

/** Every movement on one lot, except the issue (IssueDialog: it starts from a suggestion). */
export const MOVEMENTS = ['receive', 'return', 'expend', 'move', 'transferOut', 'loss', 'destroy', 'adjust', 'condition', 'inspection'] as const;
export type Movement = (typeof MOVEMENTS)[number];
export const TWO_PERSON: readonly Movement[] = ['destroy', 'adjust'];

/**
 * How a field is entered: `balance` picks a line of the lot's stock (place + condition),
 * `destination` a store and bay, `quantity` rounds or cases/boxes/rounds; the rest are plain.
 */
export type Kind = 'balance' | 'destination' | 'quantity' | 'text' | 'longtext' | 'date' | 'anyDate' | 'purpose' | 'condition' | 'result' | 'direction';

export interface SpecField {
  name: string;
  kind: Kind;
  /** Key under ammunition:field (defaults to the name). */
  label?: string;
  required?: boolean;
  /** Contract paths whose errors show on this field (defaults to the name). */
  paths?: string[];
}

export type Values = Record<string, unknown> & { balance?: string; dest?: { storeId: string; bay: string } };

export interface Context {
  lot: LotRow;
  balances: Balance[];
}

export interface MovementSpec {
  op: OperationName;
  fields: readonly SpecField[];
  toInput: (v: Values, ctx: Context) => unknown;
  check?: (v: Values) => Record<string, string>;
}

const picked = (v: Values, ctx: Context): Balance | undefined => (v.balance === '' || v.balance === undefined ? undefined : ctx.balances[Number(v.balance)]);
const placeOf = (b: Balance | undefined) => (b ? { storeId: b.storeId, bay: b.bay } : undefined);
const dest = (v: Values) => ({ storeId: storeIdOf(v.dest?.storeId), bay: v.dest?.bay ?? '' });

const balance = (paths: string[]): SpecField => ({ name: 'balance', kind: 'balance', label: 'fromStock', required: true, paths });
const destination = (paths: string[], label = 'toPlace'): SpecField => ({ name: 'dest', kind: 'destination', label, required: true, paths });
const quantity: SpecField = { name: 'quantity', kind: 'quantity', required: true };
const date = (label = 'date'): SpecField => ({ name: 'date', kind: 'date', label, required: true });
const text = (name: string, required: boolean, label?: string): SpecField => ({ name, kind: 'text', required, ...(label ? { label } : {}) });
const document = text('document', false);
const PLACE = ['place.storeId', 'place.bay', 'place'];
const FROM = ['from.storeId', 'from.bay', 'from'];

export const SPECS: Record<Movement, MovementSpec> = {
  receive: {
    op: 'ammo.receive',
    fields: [destination(PLACE, 'intoPlace'), quantity, date('receiptDate'), text('source', true, 'supplier'), document],
    toInput: (v, c) => ({ lotId: c.lot.id, place: dest(v), quantity: v.quantity, date: v.date, source: v.source, document: v.document }),
  },
  return: {
    op: 'ammo.return',
    fields: [text('from', true, 'returnedBy'), destination(PLACE, 'intoPlace'), quantity, document],
    toInput: (v, c) => ({ lotId: c.lot.id, place: dest(v), quantity: v.quantity, from: v.from, document: v.document }),
  },
  expend: {
    op: 'ammo.expend',
    fields: [quantity, { name: 'purpose', kind: 'purpose', required: true }, text('reference', true, 'expendReference')],
    toInput: (v, c) => ({ lotId: c.lot.id, quantity: v.quantity, purpose: v.purpose, reference: v.reference }),
  },
  move: {
    op: 'ammo.move',
    fields: [balance([...FROM, 'condition']), destination(['to.storeId', 'to.bay', 'to']), quantity, document],
    toInput: (v, c) => {
      const b = picked(v, c);
      return { lotId: c.lot.id, from: placeOf(b), to: dest(v), condition: b?.condition, quantity: v.quantity, document: v.document };
    },
  },
  transferOut: {
    op: 'ammo.transferOut',
    fields: [balance([...PLACE, 'condition']), quantity, date('transferDate'), text('transferId', true), text('toArmoury', true), document],
    toInput: (v, c) => {
      const b = picked(v, c);
      const { balance: _b, dest: _d, ...rest } = v;
      return { ...rest, lotId: c.lot.id, place: placeOf(b), condition: b?.condition };
    },
  },
  loss: {
    op: 'ammo.reportLoss',
    fields: [balance([...PLACE, 'condition']), quantity, date('lossDate'), { name: 'circumstances', kind: 'longtext', required: true }, text('document', false, 'reportReference')],
    toInput: (v, c) => {
      const b = picked(v, c);
      return { lotId: c.lot.id, place: placeOf(b), condition: b?.condition, quantity: v.quantity, date: v.date, circumstances: v.circumstances, document: v.document };
    },
  },
  destroy: {
    op: 'ammo.destroy',
    fields: [balance([...PLACE, 'condition']), quantity, date('destructionDate'), text('method', true), text('certificate', true), document],
    toInput: (v, c) => {
      const b = picked(v, c);
      const { balance: _b, dest: _d, ...rest } = v;
      return { ...rest, lotId: c.lot.id, place: placeOf(b), condition: b?.condition };
    },
  },
  adjust: {
    op: 'ammo.adjust',
    fields: [
      destination(PLACE, 'adjustPlace'),
      { name: 'condition', kind: 'condition', required: true },
      { name: 'direction', kind: 'direction', required: true },
      { ...quantity, label: 'adjustQuantity', paths: ['delta', 'quantity'] },
      { name: 'reason', kind: 'longtext', required: true },
      text('caseReference', false),
    ],
    // The sign comes from the direction chosen, so nobody has to type a minus sign.
    toInput: (v, c) => {
      const q = String(v.quantity ?? '').trim();
      const delta = q === '' ? '' : v.direction === 'decrease' ? `-${q}` : q;
      return { lotId: c.lot.id, place: dest(v), condition: v.condition, delta, reason: v.reason, caseReference: v.caseReference, approver: v.approver };
    },
    check: (v) => (v.direction === 'increase' || v.direction === 'decrease' ? {} : { direction: 'required' }),
  },
  condition: {
    op: 'ammo.changeCondition',
    fields: [balance([...PLACE, 'from']), { name: 'to', kind: 'condition', label: 'newCondition', required: true }, quantity, { name: 'reason', kind: 'longtext', required: true }],
    toInput: (v, c) => {
      const b = picked(v, c);
      return { lotId: c.lot.id, place: placeOf(b), from: b?.condition, to: v.to, quantity: v.quantity, reason: v.reason };
    },
  },
  inspection: {
    op: 'ammo.recordInspection',
    fields: [date('inspectionDate'), { name: 'result', kind: 'result', required: true }, { name: 'nextDue', kind: 'anyDate', required: true }, { name: 'notes', kind: 'longtext' }],
    toInput: (v, c) => ({ lotId: c.lot.id, date: v.date, result: v.result, nextDue: v.nextDue, notes: v.notes }),
  },
};

/** Starting values: today for dates, the only stock line when there is one, the lot's own store. */
export function movementDefaults(m: Movement, ctx: Context): Values {
  const values: Values = {};
  const only = ctx.balances.length === 1 ? '0' : '';
  for (const f of SPECS[m].fields) {
    if (f.kind === 'balance') values.balance = only;
    else if (f.kind === 'destination') values.dest = { storeId: ctx.balances[0] ? String(ctx.balances[0].storeId) : '', bay: ctx.balances[0]?.bay ?? '' };
    else if (f.kind === 'date') values[f.name] = today();
    else values[f.name] = '';
  }
  if (m === 'adjust') values.condition = 'serviceable';
  if (m === 'inspection') values.nextDue = addMonths(today(), ctx.lot.inspectionIntervalMonths);
  if (TWO_PERSON.includes(m)) values.approver = { username: '', password: '' };
  return values;
}
