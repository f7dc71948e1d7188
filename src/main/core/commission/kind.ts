import type { OperationName } from '../../../shared/contract';
import type { GardienApp } from '../app';
import { AppError } from '../errors';

/**
 * Which kind of database an operation needs. An armoury and the commission share the schema and
 * the shared operations (sessions, accounts, settings, journal); the rest belongs to one side.
 * Decided here, by operation name, and applied once by the router after the access check.
 */
const COMMISSION_PREFIXES = ['commission.'];
const ARMOURY_PREFIXES = [
  'weapons.', 'stores.', 'lots.', 'ammo.', 'officers.', 'custody.', 'cases.', 'handover.', 'keys.', 'stockchecks.',
  'reports.', 'snapshots.', 'imports.', 'exports.',
];

export function requiredKind(op: OperationName): 'armoury' | 'commission' | null {
  if (COMMISSION_PREFIXES.some((p) => op.startsWith(p))) return 'commission';
  if (ARMOURY_PREFIXES.some((p) => op.startsWith(p))) return 'armoury';
  return null;
}

/** Refuses an armoury operation on the commission's database and the other way round. */
export function assertDatabaseKind(app: GardienApp, op: OperationName): void {
  const needed = requiredKind(op);
  if (!needed) return;
  const kind = app.databaseKind();
  if (kind !== null && kind !== needed) {
    throw new AppError('wrong_database_kind', `${op} needs ${needed === 'armoury' ? 'an armoury' : 'the commission'} database, this one is ${kind === 'armoury' ? 'an armoury' : 'the commission'}'s`, {
      params: { needed, found: kind },
    });
  }
}
