import type { AuditKind } from '../../../shared/contract/audit';

/**
 * Every journal event type the audit view reads. The partial index `events_audit` (schema 9)
 * covers exactly these; a two-person event type added later needs its own index migration.
 */
export const AUDITED_TYPES = [
  'session.login', 'session.logout', 'store.override_recorded', 'custody.issued',
  'weapon.surplus_declared', 'weapon.destroyed', 'weapon.deactivated', 'weapon.loss_reported',
  'ammo.destroyed', 'ammo.adjusted', 'case.closed', 'handover.recorded', 'stockcheck.closed',
] as const;
export type AuditedType = (typeof AUDITED_TYPES)[number];

/** The event types that may carry an `approver` (a second person who signed with their password). */
export const TWO_PERSON_TYPES: readonly AuditedType[] = [
  'custody.issued', 'weapon.surplus_declared', 'weapon.destroyed', 'weapon.deactivated', 'weapon.loss_reported',
  'ammo.destroyed', 'ammo.adjusted', 'case.closed', 'handover.recorded', 'stockcheck.closed',
];

/** Which event types each kind of the audit view reads (a failed sign-in is no event). */
export const TYPES_OF_KIND: Record<AuditKind, readonly AuditedType[]> = {
  logins: ['session.login', 'session.logout'],
  failed_logins: [],
  overrides: ['store.override_recorded', 'custody.issued'],
  two_person: TWO_PERSON_TYPES,
};

/** The SQL list for `type IN (…)`, written exactly as in the index so SQLite can use it. */
export const AUDITED_TYPES_SQL = AUDITED_TYPES.map((t) => `'${t}'`).join(', ');
