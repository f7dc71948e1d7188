import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { contract, OPERATIONS, type OperationName } from '../../src/shared/contract';
import type { Access } from '../../src/shared/contract/define';
import type { Result } from '../../src/shared/result';
import { requiredKind } from '../../src/main/core/commission/kind';
import { dumpProjections } from './support/db';
import { CommissionTemplate } from './support/commission';
import { Harness, Template, addStaff, disposeHarnesses, USERS } from './support/harness';
import { lotInput, newStore, receiveNew } from './support/ammunition';
import { today, weaponInput } from './support/weapons';

let template: Template;
let commission: CommissionTemplate;

beforeAll(async () => {
  template = await Template.build(async (h) => {
    const staff = await addStaff(h);
    const weapon = await h.ok('weapons.register', weaponInput());
    const storeId = await newStore(h);
    const lotId = await receiveNew(h, storeId, 100);
    const records = await custodyRecords(h, storeId, lotId);
    return { ...staff, weaponId: weapon.id, storeId, lotId, ...records, ...(await stockCheckRecords(h)) };
  });
});
afterAll(() => template.dispose());

// The national commission's register: its operations are refused on an armoury (wrong_database_kind).
beforeAll(async () => {
  commission = await CommissionTemplate.build();
});
afterAll(() => commission.dispose());

/**
 * An officer authorised for rifles, a weapon for the sample issue, a voucher returned with two
 * rounds missing (so a case is open) and a key held by the storekeeper: every read has a record.
 */
async function custodyRecords(h: Harness, storeId: number, lotId: number): Promise<Record<string, number>> {
  const officer = await h.ok('officers.register', { serviceNumber: 'MLP-PERM-1', name: 'Sergent Permis', rank: 'Sergent', unit: 'CSP Kati', agency: 'police' });
  await h.ok('officers.authorise', { id: officer.id, weaponType: 'assault_rifle', expires: '2099-12-31', reference: 'HAB-1' });
  const out = await h.ok('weapons.register', weaponInput({ type: 'assault_rifle' }));
  const spare = await h.ok('weapons.register', weaponInput({ type: 'assault_rifle' }));
  const voucher = await h.ok('custody.issue', {
    kind: 'checkout', officerId: officer.id, weapons: [{ weaponId: out.id, magazines: 1 }], rounds: [{ lotId, storeId, bay: 'A1', quantity: 10 }],
    duty: 'Patrouille', expectedReturn: new Date(Date.now() + 3_600_000).toISOString(), acknowledgement: 'MLP-PERM-1',
  });
  const returned = await h.ok('custody.return', {
    voucherId: voucher.id, weapons: [{ weaponId: out.id, returned: true, condition: 'serviceable' }], magazinesReturned: 1,
    rounds: [{ lotId, storeId, bay: 'A1', returned: 8, expended: 0 }],
  });
  const caseId = returned.cases[0]?.id ?? expect.fail('no case opened');
  const storekeeper = (await h.ok('users.list', {})).find((u) => u.role === 'storekeeper')?.id ?? expect.fail('no storekeeper');
  const key = await h.ok('keys.register', { code: 'CLE-1', opens: 'Armurerie, porte principale', holderId: storekeeper });
  return { officerId: officer.id, spareWeaponId: spare.id, voucherId: voucher.id, caseId, keyId: key.id };
}
afterEach(disposeHarnesses);

/** A stock check still open (sheet, count, close) and one closed (its report), started by the manager. */
async function stockCheckRecords(h: Harness): Promise<Record<string, number>> {
  const closed = await h.ok('stockchecks.start', { scope: 'weapons' });
  await h.ok('stockchecks.close', { checkId: closed.id, witness: { username: USERS.storekeeper.username, password: USERS.storekeeper.password } });
  const open = await h.ok('stockchecks.start', { scope: 'full' });
  return { openCheckId: open.id, closedCheckId: closed.id };
}

const info = (key: string): number => template.info[key] ?? expect.fail(`template has no ${key}`);

/** A valid input for every operation that needs a session (so a refusal is never a validation error). */
function samples(): Partial<Record<OperationName, unknown>> {
  const weaponId = info('weaponId');
  const userId = info('storekeeper');
  const approver = { username: USERS.manager.username, password: USERS.manager.password };
  const date = today();
  return {
    'auth.logout': {}, 'auth.lock': {}, 'auth.unlock': { password: 'quelconque' }, 'auth.setLanguage': { language: 'en' },
    'auth.changePassword': { current: 'ancien-mot', next: 'nouveau-mot-de-passe', confirm: 'nouveau-mot-de-passe' },
    'users.list': {},
    'users.create': { username: 'nouveau', fullName: 'Nouveau Venu', role: 'storekeeper', password: 'mot-de-passe-long' },
    'users.setRole': { userId, role: 'manager' },
    'users.resetPassword': { userId, password: 'autre-mot-de-passe' },
    'users.disable': { userId, reason: 'Mutation' },
    'users.enable': { userId },
    'settings.get': {}, 'settings.update': { idleLockMinutes: 5 }, 'journal.head': {},
    'weapons.register': weaponInput(),
    'weapons.list': { search: 'QX0' }, 'weapons.counts': {}, 'weapons.get': { id: weaponId }, 'weapons.lookup': { code: 'QX000001Z' },
    'weapons.correct': { weaponId, field: 'notes', value: 'Note corrigée', reason: 'Erreur de saisie' },
    'weapons.move': { weaponId, location: 'Râtelier B / 2', reason: 'Rangement' },
    'weapons.maintenanceOut': { weaponId, workshop: 'Atelier', reason: 'Révision' },
    'weapons.maintenanceBack': { weaponId, condition: 'serviceable' },
    'weapons.changeCondition': { weaponId, condition: 'repairable', reason: 'Usure du canon' },
    'weapons.reportLoss': { weaponId, date, circumstances: 'Disparue du râtelier' },
    'weapons.reportTheft': { weaponId, date, circumstances: 'Volée au poste' },
    'weapons.recover': { weaponId, date, circumstances: 'Retrouvée au poste' },
    'weapons.declareSurplus': { weaponId, reason: 'Modèle réformé', approver },
    'weapons.destroy': { weaponId, date, method: 'cutting', certificate: 'PVD-1', witnesses: ['Capitaine Coulibaly', 'M. Touré'], approver },
    'weapons.deactivate': { weaponId, date, certificate: 'NEUT-1', approver },
    'weapons.transferOut': { weaponId, date, transferId: 'TR-1', toArmoury: 'ML-GAO-01' },
    'weapons.transferIn': { ...weaponInput(), transferId: 'TR-2', fromArmoury: 'ML-KYS-01' },
    ...ammunitionSamples(date, approver),
    ...custodySamples(approver),
    ...stockCheckSamples(approver),
    'reports.monthly': { year: 2026, month: 1 }, 'reports.register': { filters: { type: 'assault_rifle' }, sort: 'serial' }, 'reports.holdings': {},
    'snapshots.keys': {}, 'snapshots.list': {}, 'snapshots.export': { full: false }, 'snapshots.rotateKey': { reason: 'Rotation annuelle' },
    'jobs.progress': {},
    'imports.inspect': { path: '/nonexistent/register.csv', kind: 'weapons' },
    'imports.preview': { path: '/nonexistent/register.csv', kind: 'weapons', mapping: {} },
    'imports.check': { path: '/nonexistent/register.csv', kind: 'weapons', mapping: {} },
    'imports.run': { path: '/nonexistent/register.csv', kind: 'weapons', mapping: {}, skipInvalid: false },
    'imports.cancel': {},
    'imports.list': {},
    'exports.spreadsheet': { kind: 'weapons', query: {}, format: 'csv' },
    'audit.list': { kind: 'two_person', limit: 20 },
    'backups.status': {}, 'backups.configure': { daily: true }, 'backups.run': { reason: 'manual' },
    'backups.inspect': { path: '/nonexistent/backup.gbak', passphrase: 'phrase secrète' },
    'backups.restore': { path: '/nonexistent/backup.gbak', passphrase: 'phrase secrète' },
  };
}

function custodySamples(approver: { username: string; password: string }): Partial<Record<OperationName, unknown>> {
  const id = info('officerId');
  const officer = { serviceNumber: 'MLP-PERM-2', name: 'Agent Nouveau', rank: 'Agent', unit: 'CSP Kati', agency: 'police' };
  return {
    'officers.list': {}, 'officers.get': { id }, 'officers.lookup': { serviceNumber: 'MLP-PERM-1' },
    'officers.register': officer,
    'officers.update': { id, serviceNumber: 'MLP-PERM-1', name: 'Sergent Permis', rank: 'Sergent-chef', unit: 'CSP Kati', agency: 'police' },
    'officers.setStatus': { id, status: 'suspended', reason: 'Enquête administrative' },
    'officers.authorise': { id, weaponType: 'pistol', expires: '2099-12-31', reference: 'HAB-2' },
    'officers.withdrawAuthorisation': { id, weaponType: 'assault_rifle', reason: 'Fin de mission' },
    'custody.check': { code: 'QX000001Z' }, 'custody.voucher': { id: info('voucherId') }, 'custody.vouchers': {},
    'custody.out': {}, 'custody.dashboard': {},
    'custody.issue': {
      kind: 'assignment', officerId: id, weapons: [{ weaponId: info('spareWeaponId'), magazines: 2 }], duty: 'Garde du poste',
      acknowledgement: 'MLP-PERM-1',
    },
    'custody.return': { voucherId: info('voucherId'), weapons: [{ weaponId: info('spareWeaponId'), returned: true }] },
    'cases.list': {}, 'cases.get': { id: info('caseId') },
    'cases.update': { id: info('caseId'), explanation: 'Deux cartouches tirées sans compte rendu' },
    'cases.close': { id: info('caseId'), outcome: 'expended', explanation: 'Tirées lors d’un incident', reference: 'CR-12', approver },
    'handover.expected': {}, 'handover.list': {}, 'keys.list': {},
    'handover.record': { counted: [], keys: [], incoming: approver },
    'keys.register': { code: 'CLE-PERM', opens: 'Râtelier B', holderId: info('storekeeper') },
  };
}

function stockCheckSamples(approver: { username: string; password: string }): Partial<Record<OperationName, unknown>> {
  const checkId = info('openCheckId');
  return {
    'stockchecks.list': {}, 'stockchecks.schedule': {}, 'stockchecks.sheet': { id: checkId }, 'stockchecks.report': { id: info('closedCheckId') },
    'stockchecks.start': { scope: 'store', storeId: info('storeId') },
    'stockchecks.count': { checkId, weapons: [info('weaponId')], lots: [{ lotId: info('lotId'), storeId: info('storeId'), bay: 'A1', quantity: 90 }] },
    'stockchecks.close': { checkId, witness: approver, note: 'Inventaire sans écart' },
  };
}

function ammunitionSamples(date: string, approver: { username: string; password: string }): Partial<Record<OperationName, unknown>> {
  const storeId = info('storeId');
  const lotId = info('lotId');
  const place = { storeId, bay: 'A1' };
  const licence = { maxNeqKg: { '1.4': 500 }, authority: 'Direction du matériel', reference: 'LIC-9', expiry: '2099-12-31' };
  return {
    'stores.list': {}, 'stores.holdings': { storeId }, 'lots.list': {}, 'lots.get': { id: lotId }, 'lots.suggest': {}, 'ammo.dashboard': {},
    'stores.create': { code: 'MAG-PERM', name: 'Magasin annexe', licence },
    'stores.updateLicence': { storeId, licence },
    'stores.addBay': { storeId, bay: 'B7' },
    'stores.recordOverride': { storeId, groupA: 'G', groupB: 'F', authority: 'Autorité technique', reference: 'DER-1', date },
    'ammo.receiveNewLot': { lot: lotInput(), place, quantity: 10, date, source: 'Dotation' },
    'ammo.receive': { lotId, place, quantity: 10, date, source: 'Dotation' },
    'ammo.transferIn': { lot: lotInput(), place, quantity: 10, date, transferId: 'TR-3', fromArmoury: 'ML-KYS-01' },
    'ammo.issue': { lotId, place, quantity: 5, recipient: { kind: 'unit', name: 'Peloton 1' } },
    'ammo.return': { lotId, place, quantity: 1, from: 'Peloton 1' },
    'ammo.expend': { lotId, quantity: 1, purpose: 'training', reference: 'TIR-1' },
    'ammo.move': { lotId, from: place, to: { storeId, bay: 'A2' }, condition: 'serviceable', quantity: 1 },
    'ammo.transferOut': { lotId, place, condition: 'serviceable', quantity: 1, date, transferId: 'TR-4', toArmoury: 'ML-GAO-01' },
    'ammo.reportLoss': { lotId, place, condition: 'serviceable', quantity: 1, date, circumstances: 'Boîte manquante' },
    'ammo.destroy': { lotId, place, condition: 'serviceable', quantity: 1, date, method: 'Brûlage', certificate: 'PVD-2', approver },
    'ammo.adjust': { lotId, place, condition: 'serviceable', delta: -1, reason: 'Écart d’inventaire', approver },
    'ammo.changeCondition': { lotId, place, from: 'serviceable', to: 'repairable', quantity: 1, reason: 'Corrosion' },
    'ammo.recordInspection': { lotId, date, result: 'serviceable', nextDue: '2099-01-01' },
    ...(commission.samples as Partial<Record<OperationName, unknown>>),
  };
}

/** Operations an armoury's database answers (the commission's are checked on their own register below). */
function opsWith(...access: Access[]): OperationName[] {
  return allOpsWith(...access).filter((op) => requiredKind(op) !== 'commission');
}

function allOpsWith(...access: Access[]): OperationName[] {
  return OPERATIONS.filter((op) => access.includes(contract[op].access));
}

function commissionOpsWith(...access: Access[]): OperationName[] {
  return allOpsWith(...access).filter((op) => requiredKind(op) === 'commission');
}

async function callAll(h: Harness, ops: OperationName[]): Promise<[OperationName, Result<unknown>][]> {
  const all = samples();
  const out: [OperationName, Result<unknown>][] = [];
  for (const op of ops) out.push([op, await h.app.router.call(op, all[op])]);
  return out;
}

const codes = (results: [OperationName, Result<unknown>][]) =>
  Object.fromEntries(results.map(([op, r]) => [op, r.ok ? 'ok' : `${r.error.kind}/${r.error.code}`]));

describe('the samples', () => {
  it('cover every operation that needs a session, and each one passes its contract schema', () => {
    const all = samples();
    for (const op of allOpsWith('session', 'read', 'write', 'manage')) {
      expect(all[op], op).toBeDefined();
      const parsed = contract[op].input.safeParse(all[op]);
      expect(parsed.success, `${op}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
    }
    expect(opsWith('manage').length).toBeGreaterThanOrEqual(7);
    expect(opsWith('write').length).toBeGreaterThanOrEqual(14);
  });
});

describe('permissions are checked in core, through the router', () => {
  it('refuses every manager-only operation to a storekeeper, writing nothing', async () => {
    const h = template.copy();
    await h.login('storekeeper');
    const head = h.head();
    const before = dumpProjections(h.db);
    const manage = opsWith('manage');
    expect(manage).toEqual(expect.arrayContaining(['users.create', 'users.setRole', 'users.disable', 'users.enable', 'users.resetPassword', 'settings.update']));
    const results = await callAll(h, manage);
    expect(codes(results)).toEqual(Object.fromEntries(manage.map((op) => [op, 'forbidden/forbidden'])));
    expect(h.head()).toEqual(head);
    expect(dumpProjections(h.db)).toEqual(before);
  });

  it('refuses every write and manager operation to an auditor, writing nothing', async () => {
    const h = template.copy();
    await h.login('auditor');
    const head = h.head();
    const before = dumpProjections(h.db);
    const ops = opsWith('write', 'manage');
    expect(ops).toEqual(expect.arrayContaining(['weapons.register', 'weapons.reportLoss', 'weapons.destroy', 'weapons.correct']));
    const results = await callAll(h, ops);
    expect(codes(results)).toEqual(Object.fromEntries(ops.map((op) => [op, 'forbidden/forbidden'])));
    expect(h.head()).toEqual(head);
    expect(dumpProjections(h.db)).toEqual(before);
  });

  it('refuses the audit view to a storekeeper (a read restricted to managers and auditors)', async () => {
    const h = template.copy();
    await h.login('storekeeper');
    expect(codes(await callAll(h, ['audit.list']))).toEqual({ 'audit.list': 'forbidden/forbidden' });
  });

  it('lets an auditor read', async () => {
    const h = template.copy();
    await h.login('auditor');
    const reads = opsWith('read').filter((op) => op !== 'auth.changePassword');
    const results = await callAll(h, reads);
    expect(codes(results)).toEqual(Object.fromEntries(reads.map((op) => [op, 'ok'])));
  });

  it('answers auth_required to every operation without a session, writing nothing', async () => {
    const h = template.copy();
    const head = h.head();
    const ops = opsWith('session', 'read', 'write', 'manage');
    const results = await callAll(h, ops);
    expect(codes(results)).toEqual(Object.fromEntries(ops.map((op) => [op, 'forbidden/auth_required'])));
    expect(h.head()).toEqual(head);
  });

  it('lets a storekeeper through the permission check of every write operation', async () => {
    const h = template.copy();
    await h.login('storekeeper');
    // The spreadsheet imports read only files chosen in the open dialog (a missing file: spreadsheet_not_found).
    h.app.grantImportPaths([(samples()['imports.inspect'] as { path: string }).path]);
    const results = await callAll(h, opsWith('write'));
    const refusedForRole = results.filter(([, r]) => !r.ok && r.error.kind === 'forbidden');
    expect(codes(refusedForRole)).toEqual({});
    expect(results.filter(([, r]) => r.ok).length).toBeGreaterThan(0);
  });

  it('lets a manager through the permission check of every manager operation', async () => {
    const h = template.copy();
    await h.login('manager');
    const results = await callAll(h, opsWith('manage'));
    // Backups need a folder and a passphrase set, and a file chosen in the dialog: refused for that, not for the role.
    expect(codes(results.filter(([, r]) => !r.ok))).toEqual({
      'backups.run': 'conflict/backup_not_configured', 'backups.inspect': 'forbidden/backup_path_not_granted',
      'backups.restore': 'forbidden/backup_path_not_granted',
    });
  });

  it('rejects an unknown operation name', async () => {
    const h = template.copy();
    await h.login('manager');
    const r = await h.app.router.call('users.delete', { userId: 1 });
    expect(r.ok ? 'ok' : r.error.code).toBe('unknown_operation');
  });
});

describe('permissions on the commission register', () => {
  it('refuses its manager operations to a storekeeper and its writes to an auditor, writing nothing', async () => {
    for (const [role, ops] of [['storekeeper', commissionOpsWith('manage')], ['auditor', commissionOpsWith('write', 'manage')]] as const) {
      const h = commission.copy();
      await h.login(role);
      const head = h.head();
      const before = dumpProjections(h.db);
      expect(ops).toEqual(expect.arrayContaining(['commission.enrol', 'commission.revokeKey', 'commission.acceptRotation']));
      const results = await callAll(h, ops);
      expect(codes(results)).toEqual(Object.fromEntries(ops.map((op) => [op, 'forbidden/forbidden'])));
      expect(h.head()).toEqual(head);
      expect(dumpProjections(h.db)).toEqual(before);
    }
  });

  it('lets an auditor read, a storekeeper import and a manager manage', async () => {
    const reader = commission.copy();
    await reader.login('auditor');
    const reads = commissionOpsWith('read');
    expect(reads.length).toBeGreaterThanOrEqual(7);
    expect(codes(await callAll(reader, reads))).toEqual(Object.fromEntries(reads.map((op) => [op, 'ok'])));
    const importer = commission.copy();
    await importer.login('storekeeper');
    importer.app.grantImportPaths((samples()['commission.import'] as { paths: string[] }).paths);
    expect(codes(await callAll(importer, commissionOpsWith('write')))).toEqual({ 'commission.import': 'ok' });
    const manager = commission.copy();
    await manager.login('manager');
    const manage = commissionOpsWith('manage');
    expect(codes(await callAll(manager, manage))).toEqual(Object.fromEntries(manage.map((op) => [op, 'ok'])));
  });

  it('answers auth_required without a session, and wrong_database_kind on an armoury', async () => {
    const h = commission.copy();
    const ops = commissionOpsWith('read', 'write', 'manage');
    expect(codes(await callAll(h, ops))).toEqual(Object.fromEntries(ops.map((op) => [op, 'forbidden/auth_required'])));
    const armoury = template.copy();
    await armoury.login('manager');
    const head = armoury.head();
    expect(codes(await callAll(armoury, ops))).toEqual(Object.fromEntries(ops.map((op) => [op, 'conflict/wrong_database_kind'])));
    expect(armoury.head()).toEqual(head);
  });
});
