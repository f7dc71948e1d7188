/**
 * The names of every operation, kept free of zod so the sandboxed preload can allowlist them
 * without bundling schemas. contract/index.ts must declare exactly these (checked by its types).
 */
export const OPERATIONS = [
  'app.status', 'app.setup', 'app.openDemo', 'app.openArmoury',
  'auth.login', 'auth.logout', 'auth.lock', 'auth.unlock', 'auth.changePassword', 'auth.setLanguage',
  'users.list', 'users.create', 'users.setRole', 'users.resetPassword', 'users.disable', 'users.enable',
  'settings.get', 'settings.update', 'journal.head',
  'weapons.register', 'weapons.list', 'weapons.counts', 'weapons.get', 'weapons.lookup', 'weapons.correct',
  'weapons.move', 'weapons.maintenanceOut', 'weapons.maintenanceBack', 'weapons.changeCondition',
  'weapons.reportLoss', 'weapons.reportTheft', 'weapons.recover', 'weapons.declareSurplus',
  'weapons.destroy', 'weapons.deactivate', 'weapons.transferOut', 'weapons.transferIn',
  'stores.list', 'stores.holdings', 'stores.create', 'stores.updateLicence', 'stores.addBay', 'stores.recordOverride',
  'lots.list', 'lots.get', 'lots.suggest', 'ammo.dashboard',
  'ammo.receiveNewLot', 'ammo.receive', 'ammo.transferIn', 'ammo.issue', 'ammo.return', 'ammo.expend', 'ammo.move',
  'ammo.transferOut', 'ammo.reportLoss', 'ammo.destroy', 'ammo.adjust', 'ammo.changeCondition', 'ammo.recordInspection',
  'officers.list', 'officers.get', 'officers.lookup', 'officers.register', 'officers.update', 'officers.setStatus',
  'officers.authorise', 'officers.withdrawAuthorisation',
  'custody.check', 'custody.issue', 'custody.voucher', 'custody.vouchers', 'custody.return', 'custody.out', 'custody.dashboard',
  'cases.list', 'cases.get', 'cases.update', 'cases.close',
  'handover.expected', 'handover.record', 'handover.list', 'keys.list', 'keys.register',
  'stockchecks.list', 'stockchecks.start', 'stockchecks.sheet', 'stockchecks.count', 'stockchecks.close', 'stockchecks.report',
  'stockchecks.schedule',
  'reports.monthly', 'reports.register', 'reports.holdings',
  'snapshots.keys', 'snapshots.list', 'snapshots.export', 'snapshots.rotateKey', 'jobs.progress',
  'app.setupCommission', 'commission.armouries', 'commission.enrol', 'commission.revokeKey', 'commission.acceptRotation',
  'commission.import', 'commission.imports', 'commission.weapons', 'commission.trace', 'commission.history', 'commission.alerts',
  'commission.lostStolenCsv',
  'imports.inspect', 'imports.preview', 'imports.check', 'imports.run', 'imports.cancel', 'imports.list', 'exports.spreadsheet',
  'audit.list',
  'backups.status', 'backups.configure', 'backups.run', 'backups.inspect', 'backups.restore',
] as const;

export type OperationName = (typeof OPERATIONS)[number];

export function isOperationName(name: unknown): name is OperationName {
  return typeof name === 'string' && (OPERATIONS as readonly string[]).includes(name);
}
