import { contract, type OperationName } from '../../../../shared/contract';
import type { WeaponAction } from '../../../../shared/domain/lifecycle';
import type { WeaponRecord } from '../../../../shared/domain/weapon';
import { today } from '../fields';

export type InputKind = 'text' | 'longtext' | 'date' | 'condition' | 'method';

export interface ActionField {
  /** Form path, as the contract names it (`witnesses.0` for the first witness). */
  name: string;
  kind: InputKind;
  /** Key under register:actionField (defaults to the name). */
  label?: string;
}

export interface ActionSpec {
  op: OperationName;
  fields: readonly ActionField[];
}

const date: ActionField = { name: 'date', kind: 'date' };
const reason: ActionField = { name: 'reason', kind: 'longtext' };
const reference: ActionField = { name: 'reference', kind: 'text' };
const circumstances: ActionField = { name: 'circumstances', kind: 'longtext' };
const condition: ActionField = { name: 'condition', kind: 'condition' };

/** What each dossier action asks for. Validation is the contract's own schema for `op`. */
export const ACTION_SPECS: Record<Exclude<WeaponAction, 'correct'>, ActionSpec> = {
  move: { op: 'weapons.move', fields: [{ name: 'location', kind: 'text', label: 'newLocation' }, { ...reason, label: 'reasonOptional' }] },
  maintenance_out: { op: 'weapons.maintenanceOut', fields: [{ name: 'workshop', kind: 'text' }, reason] },
  maintenance_back: { op: 'weapons.maintenanceBack', fields: [{ ...condition, label: 'conditionOnReturn' }, { name: 'note', kind: 'longtext' }] },
  condition: { op: 'weapons.changeCondition', fields: [{ ...condition, label: 'newCondition' }, reason] },
  loss: { op: 'weapons.reportLoss', fields: [{ ...date, label: 'lossDate' }, circumstances, { ...reference, label: 'reportReference' }] },
  theft: { op: 'weapons.reportTheft', fields: [{ ...date, label: 'theftDate' }, circumstances, { ...reference, label: 'reportReference' }] },
  recovery: { op: 'weapons.recover', fields: [{ ...date, label: 'recoveryDate' }, circumstances, reference, { name: 'location', kind: 'text', label: 'newLocation' }] },
  surplus: { op: 'weapons.declareSurplus', fields: [reason, reference] },
  destruction: {
    op: 'weapons.destroy',
    fields: [
      { ...date, label: 'destructionDate' },
      { name: 'method', kind: 'method' },
      { name: 'certificate', kind: 'text', label: 'destructionCertificate' },
      { name: 'witnesses.0', kind: 'text', label: 'witness1' },
      { name: 'witnesses.1', kind: 'text', label: 'witness2' },
    ],
  },
  deactivation: { op: 'weapons.deactivate', fields: [{ ...date, label: 'deactivationDate' }, { name: 'certificate', kind: 'text', label: 'deactivationCertificate' }] },
  transfer_out: {
    op: 'weapons.transferOut',
    fields: [{ ...date, label: 'transferDate' }, { name: 'transferId', kind: 'text' }, { name: 'toArmoury', kind: 'text' }, { name: 'document', kind: 'text', label: 'transferDocument' }],
  },
};

/** Required when the contract refuses "nothing" for it (witnesses are always required). */
export function isActionFieldRequired(op: OperationName, name: string): boolean {
  const shape = (contract[op].input as unknown as { shape?: Record<string, { safeParse: (v: unknown) => { success: boolean } }> }).shape;
  const schema = shape?.[name];
  return schema ? !schema.safeParse(undefined).success : true;
}

/** Starting values: today for dates, the weapon's condition for condition pickers, blanks elsewhere. */
export function actionDefaults(spec: ActionSpec, weapon: WeaponRecord, twoPerson: boolean): Record<string, unknown> {
  const values: Record<string, unknown> = { weaponId: weapon.id };
  for (const f of spec.fields) {
    if (f.name.startsWith('witnesses.')) values.witnesses = ['', ''];
    else values[f.name] = f.kind === 'date' ? today() : f.kind === 'condition' ? weapon.condition : '';
  }
  if (twoPerson) values.approver = { username: '', password: '' };
  return values;
}
