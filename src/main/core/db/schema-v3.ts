/**
 * Schema 3: custody. The personnel register and its authorisations, issue vouchers with their
 * weapon and rounds lines, the weapons out now, discrepancy cases, shift handovers and the key
 * register. All are projections of officer.*, custody.*, case.*, handover.* and key.* events.
 */
export const schemaV3 = /* sql */ `
CREATE TABLE officers (
  id                 INTEGER PRIMARY KEY,
  service_number     TEXT    NOT NULL,
  service_number_key TEXT    NOT NULL UNIQUE,
  name               TEXT    NOT NULL,
  rank               TEXT    NOT NULL,
  unit               TEXT    NOT NULL,
  agency             TEXT    NOT NULL,
  status             TEXT    NOT NULL,
  -- normalized service number, name and unit joined by line feeds: the list's substring search
  search_key         TEXT    NOT NULL,
  created_at         TEXT    NOT NULL,
  updated_seq        INTEGER NOT NULL
) STRICT;
CREATE INDEX officers_by_name ON officers (name);

CREATE TABLE officer_authorisations (
  officer_id  INTEGER NOT NULL REFERENCES officers (id),
  weapon_type TEXT    NOT NULL,
  expires     TEXT    NOT NULL,
  reference   TEXT    NOT NULL,
  seq         INTEGER NOT NULL,
  PRIMARY KEY (officer_id, weapon_type)
) STRICT, WITHOUT ROWID;

-- one issue voucher (bon de perception); id = seq of its custody.issued event
CREATE TABLE vouchers (
  id              INTEGER PRIMARY KEY,
  number          TEXT    NOT NULL UNIQUE,
  kind            TEXT    NOT NULL,
  officer_id      INTEGER NOT NULL REFERENCES officers (id),
  duty            TEXT    NOT NULL,
  -- an instant (ISO 8601, UTC); '' for an assignment
  expected_return TEXT    NOT NULL,
  issued_at       TEXT    NOT NULL,
  issuer          INTEGER NOT NULL REFERENCES users (id),
  countersigner   INTEGER REFERENCES users (id),
  override_by     INTEGER REFERENCES users (id),
  override_reason TEXT    NOT NULL,
  acknowledgement TEXT    NOT NULL,
  note            TEXT    NOT NULL,
  magazines       INTEGER NOT NULL,
  magazines_returned INTEGER NOT NULL,
  reference       TEXT    NOT NULL,
  -- the return that reconciled rounds and magazines, and the event that closed the last weapon line
  settled_seq     INTEGER,
  closed_seq      INTEGER
) STRICT;
CREATE INDEX vouchers_by_officer ON vouchers (officer_id, id);
CREATE INDEX vouchers_open ON vouchers (id) WHERE closed_seq IS NULL;
CREATE INDEX vouchers_overridden ON vouchers (id) WHERE override_by IS NOT NULL;

CREATE TABLE voucher_weapons (
  voucher_id   INTEGER NOT NULL REFERENCES vouchers (id),
  weapon_id    INTEGER NOT NULL REFERENCES weapons (id),
  magazines    INTEGER NOT NULL,
  -- out, missing (declared not returned: a case is open), returned, lost
  outcome      TEXT    NOT NULL,
  condition    TEXT    NOT NULL,
  returned_seq INTEGER,
  PRIMARY KEY (voucher_id, weapon_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX voucher_weapons_by_weapon ON voucher_weapons (weapon_id);

CREATE TABLE voucher_rounds (
  voucher_id  INTEGER NOT NULL REFERENCES vouchers (id),
  lot_id      INTEGER NOT NULL REFERENCES lots (id),
  store_id    INTEGER NOT NULL REFERENCES stores (id),
  bay         TEXT    NOT NULL,
  issued      INTEGER NOT NULL CHECK (issued > 0),
  returned    INTEGER NOT NULL,
  expended    INTEGER NOT NULL,
  unaccounted INTEGER NOT NULL,
  PRIMARY KEY (voucher_id, lot_id, store_id, bay),
  CHECK (returned + expended + unaccounted <= issued)
) STRICT, WITHOUT ROWID;

-- every weapon out with an officer now, one row each: the "weapons out" register and overdue list
CREATE TABLE custody_out (
  weapon_id       INTEGER PRIMARY KEY REFERENCES weapons (id),
  voucher_id      INTEGER NOT NULL REFERENCES vouchers (id),
  officer_id      INTEGER NOT NULL REFERENCES officers (id),
  kind            TEXT    NOT NULL,
  expected_return TEXT    NOT NULL,
  case_id         INTEGER
) STRICT;
CREATE INDEX custody_out_by_due ON custody_out (expected_return) WHERE kind = 'checkout';
CREATE INDEX custody_out_by_officer ON custody_out (officer_id);

-- discrepancy cases; id = seq of case.opened
CREATE TABLE cases (
  id          INTEGER PRIMARY KEY,
  source      TEXT    NOT NULL,
  subject     TEXT    NOT NULL,
  weapon_id   INTEGER REFERENCES weapons (id),
  lot_id      INTEGER REFERENCES lots (id),
  quantity    INTEGER NOT NULL,
  voucher_id  INTEGER REFERENCES vouchers (id),
  handover_id INTEGER,
  officer_id  INTEGER REFERENCES officers (id),
  owner       INTEGER NOT NULL REFERENCES users (id),
  -- an instant (ISO 8601, UTC)
  deadline    TEXT    NOT NULL,
  status      TEXT    NOT NULL,
  explanation TEXT    NOT NULL,
  outcome     TEXT    NOT NULL,
  opened_at   TEXT    NOT NULL,
  closed_at   TEXT    NOT NULL,
  approver    INTEGER REFERENCES users (id),
  updated_seq INTEGER NOT NULL
) STRICT;
CREATE INDEX cases_by_status ON cases (status, deadline);
CREATE INDEX cases_by_weapon ON cases (weapon_id) WHERE weapon_id IS NOT NULL;
CREATE INDEX cases_by_voucher ON cases (voucher_id) WHERE voucher_id IS NOT NULL;

-- shift handovers; id = seq of handover.recorded
CREATE TABLE handovers (
  id         INTEGER PRIMARY KEY,
  at         TEXT    NOT NULL,
  outgoing   INTEGER NOT NULL REFERENCES users (id),
  incoming   INTEGER NOT NULL REFERENCES users (id),
  expected   INTEGER NOT NULL,
  counted    INTEGER NOT NULL,
  missing    INTEGER NOT NULL,
  unexpected INTEGER NOT NULL,
  keys       INTEGER NOT NULL,
  note       TEXT    NOT NULL
) STRICT;

-- the key register (registre des clés); id = seq of key.registered
CREATE TABLE armoury_keys (
  id          INTEGER PRIMARY KEY,
  code        TEXT    NOT NULL,
  code_key    TEXT    NOT NULL UNIQUE,
  opens       TEXT    NOT NULL,
  holder      INTEGER REFERENCES users (id),
  since       TEXT    NOT NULL,
  updated_seq INTEGER NOT NULL
) STRICT;
`;
