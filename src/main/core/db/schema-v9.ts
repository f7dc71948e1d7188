/**
 * Schema 9: the audit view. `failed_logins` is local security state like `login_failures` (which
 * only counts consecutive failures for the delay): one row per failed password check, with the
 * name as typed, why and where it failed, never the password; not in the journal, never exported.
 * `events_audit` is a partial index over the journal's audited event types (sessions, overrides,
 * two-person actions) by time, so the audit view pages without scanning the journal. The list is
 * AUDITED_TYPES (core/audit/types.ts); the query repeats it word for word so SQLite uses the index.
 */
export const schemaV9 = /* sql */ `
CREATE TABLE failed_logins (
  id           INTEGER PRIMARY KEY,
  at           TEXT NOT NULL,
  username     TEXT NOT NULL,
  username_key TEXT NOT NULL,
  reason       TEXT NOT NULL CHECK (reason IN ('unknown_user', 'wrong_password', 'account_disabled')),
  place        TEXT NOT NULL CHECK (place IN ('login', 'unlock', 'second_person', 'password_change'))
) STRICT;
CREATE INDEX failed_logins_by_at ON failed_logins (at, id);

CREATE INDEX events_audit ON events (at, seq) WHERE type IN (
  'session.login', 'session.logout', 'store.override_recorded', 'custody.issued',
  'weapon.surplus_declared', 'weapon.destroyed', 'weapon.deactivated', 'weapon.loss_reported',
  'ammo.destroyed', 'ammo.adjusted', 'case.closed', 'handover.recorded', 'stockcheck.closed'
);
`;
