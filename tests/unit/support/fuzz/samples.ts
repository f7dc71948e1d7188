import { expect } from 'vitest';
import type { OperationName } from '../../../../src/shared/contract';
import { lotInput, newStore, receiveNew } from '../ammunition';
import { addStaff, type Harness, USERS } from '../harness';
import { today, weaponInput } from '../weapons';

/**
 * The armoury the contract fuzz starts every operation from (built once per file): staff, weapons,
 * a store with a lot, an officer with a returned voucher and its open case, a key, an open and a
 * closed stock check; and a valid input for every armoury operation, as in permissions.test.ts
 * (mutations of a valid input reach the handlers, not only the schemas). The approver is the
 * storekeeper: with the manager signed in, a two-person action can go through.
 */
export async function buildArmoury(h: Harness): Promise<Record<string, number>> {
  const staff = await addStaff(h);
  const weapon = await h.ok('weapons.register', weaponInput());
  const storeId = await newStore(h);
  const lotId = await receiveNew(h, storeId, 100);
  const officer = await h.ok('officers.register', { serviceNumber: 'MLP-FUZZ-1', name: 'Sergent Fuzz', rank: 'Sergent', unit: 'CSP Kati', agency: 'police' });
  await h.ok('officers.authorise', { id: officer.id, weaponType: 'assault_rifle', expires: '2099-12-31', reference: 'HAB-1' });
  const out = await h.ok('weapons.register', weaponInput({ type: 'assault_rifle' }));
  const spare = await h.ok('weapons.register', weaponInput({ type: 'assault_rifle' }));
  const voucher = await h.ok('custody.issue', {
    kind: 'checkout', officerId: officer.id, weapons: [{ weaponId: out.id, magazines: 1 }], rounds: [{ lotId, storeId, bay: 'A1', quantity: 10 }],
    duty: 'Patrouille', expectedReturn: new Date(Date.now() + 3_600_000).toISOString(), acknowledgement: 'MLP-FUZZ-1',
  });
  const returned = await h.ok('custody.return', {
    voucherId: voucher.id, weapons: [{ weaponId: out.id, returned: true, condition: 'serviceable' }], magazinesReturned: 1,
    rounds: [{ lotId, storeId, bay: 'A1', returned: 8, expended: 0 }],
  });
  const caseId = returned.cases[0]?.id ?? expect.fail('no case opened');
  const key = await h.ok('keys.register', { code: 'CLE-1', opens: 'Armurerie, porte principale', holderId: staff.storekeeper });
  const closed = await h.ok('stockchecks.start', { scope: 'weapons' });
  await h.ok('stockchecks.close', { checkId: closed.id, witness: { username: USERS.storekeeper.username, password: USERS.storekeeper.password } });
  const open = await h.ok('stockchecks.start', { scope: 'full' });
  return {
    ...staff, weaponId: weapon.id, storeId, lotId, officerId: officer.id, spareWeaponId: spare.id, voucherId: voucher.id, caseId,
    keyId: key.id, openCheckId: open.id, closedCheckId: closed.id,
  };
}

/** A valid input for every armoury and shared operation, given the ids buildArmoury returned. */
export function armourySamples(info: Record<string, number>): Partial<Record<OperationName, unknown>> {
  const id = (key: string): number => info[key] ?? expect.fail(`template has no ${key}`);
  const weaponId = id('weaponId');
  const userId = id('storekeeper');
  const storeId = id('storeId');
  const lotId = id('lotId');
  const officerId = id('officerId');
  const checkId = id('openCheckId');
  const approver = { username: USERS.storekeeper.username, password: USERS.storekeeper.password };
  const date = today();
  const place = { storeId, bay: 'A1' };
  const licence = { maxNeqKg: { '1.4': 500 }, authority: 'Direction du matériel', reference: 'LIC-9', expiry: '2099-12-31' };
  const manager = USERS.manager;
  const spreadsheet = { path: '/nonexistent/register.csv', kind: 'weapons' };
  return {
    'app.status': {}, 'app.openDemo': {}, 'app.openArmoury': {},
    'app.setup': {
      armoury: { code: 'ML-FUZ-02', name: 'Armurerie', agency: 'police', region: 'Kayes', language: 'fr' },
      manager: { username: 'autre', fullName: 'Autre Chef', password: manager.password, passwordConfirm: manager.password },
    },
    'app.setupCommission': {
      commission: { code: 'ML-CNC', name: 'Commission nationale', language: 'fr' },
      manager: { username: 'autre', fullName: 'Autre Chef', password: manager.password, passwordConfirm: manager.password },
    },
    'auth.login': { username: USERS.auditor.username, password: 'pas-le-bon-mot' },
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
    'stores.list': {}, 'stores.holdings': { storeId }, 'lots.list': {}, 'lots.get': { id: lotId }, 'lots.suggest': {}, 'ammo.dashboard': {},
    'stores.create': { code: 'MAG-FUZZ', name: 'Magasin annexe', licence },
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
    'officers.list': {}, 'officers.get': { id: officerId }, 'officers.lookup': { serviceNumber: 'MLP-FUZZ-1' },
    'officers.register': { serviceNumber: 'MLP-FUZZ-2', name: 'Agent Nouveau', rank: 'Agent', unit: 'CSP Kati', agency: 'police' },
    'officers.update': { id: officerId, serviceNumber: 'MLP-FUZZ-1', name: 'Sergent Fuzz', rank: 'Sergent-chef', unit: 'CSP Kati', agency: 'police' },
    'officers.setStatus': { id: officerId, status: 'suspended', reason: 'Enquête administrative' },
    'officers.authorise': { id: officerId, weaponType: 'pistol', expires: '2099-12-31', reference: 'HAB-2' },
    'officers.withdrawAuthorisation': { id: officerId, weaponType: 'assault_rifle', reason: 'Fin de mission' },
    'custody.check': { code: 'QX000001Z' }, 'custody.voucher': { id: id('voucherId') }, 'custody.vouchers': {},
    'custody.out': {}, 'custody.dashboard': {},
    'custody.issue': {
      kind: 'assignment', officerId, weapons: [{ weaponId: id('spareWeaponId'), magazines: 2 }], duty: 'Garde du poste', acknowledgement: 'MLP-FUZZ-1',
    },
    'custody.return': { voucherId: id('voucherId'), weapons: [{ weaponId: id('spareWeaponId'), returned: true }] },
    'cases.list': {}, 'cases.get': { id: id('caseId') },
    'cases.update': { id: id('caseId'), explanation: 'Deux cartouches tirées sans compte rendu' },
    'cases.close': { id: id('caseId'), outcome: 'expended', explanation: 'Tirées lors d’un incident', reference: 'CR-12', approver },
    'handover.expected': {}, 'handover.list': {}, 'keys.list': {},
    'handover.record': { counted: [], keys: [], incoming: approver },
    'keys.register': { code: 'CLE-FUZZ', opens: 'Râtelier B', holderId: userId },
    'stockchecks.list': {}, 'stockchecks.schedule': {}, 'stockchecks.sheet': { id: checkId }, 'stockchecks.report': { id: id('closedCheckId') },
    'stockchecks.start': { scope: 'store', storeId },
    'stockchecks.count': { checkId, weapons: [weaponId], lots: [{ lotId, storeId, bay: 'A1', quantity: 90 }] },
    'stockchecks.close': { checkId, witness: approver, note: 'Inventaire sans écart' },
    'reports.monthly': { year: 2026, month: 1 }, 'reports.register': { filters: { type: 'assault_rifle' }, sort: 'serial' }, 'reports.holdings': {},
    'snapshots.keys': {}, 'snapshots.list': {}, 'snapshots.export': { full: false }, 'snapshots.rotateKey': { reason: 'Rotation annuelle' },
    'jobs.progress': {},
    'imports.inspect': spreadsheet,
    'imports.preview': { ...spreadsheet, mapping: {} },
    'imports.check': { ...spreadsheet, mapping: {} },
    'imports.run': { ...spreadsheet, mapping: {}, skipInvalid: false },
    'imports.cancel': {},
    'imports.list': {},
    'exports.spreadsheet': { kind: 'weapons', query: {}, format: 'csv' },
    'audit.list': { kind: 'failed_logins', limit: 20 },
    'backups.status': {},
    'backups.configure': { daily: true, onClose: false, keep: 5, warnAfterDays: 3 },
    'backups.run': { reason: 'manual' },
    'backups.inspect': { path: '/nonexistent/armoury.gbak', passphrase: 'phrase de passe longue' },
    'backups.restore': { path: '/nonexistent/armoury.gbak', passphrase: 'phrase de passe longue', allowOtherArmoury: false },
  };
}
