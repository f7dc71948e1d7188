/**
 * Schema 6: signed snapshots (armoury side) and the national register (commission side). One
 * schema for both kinds of database, so that accounts, the journal and verification are the same
 * code; a commission simply has no weapons of its own, an armoury no national tables in use.
 *
 * Three kinds of table, as before: projections of the journal (rebuilt by a replay), local state
 * beside it (never in the journal nor in a snapshot), and, at the commission only, the data its
 * imports brought in (the armouries' own events and registers, checked but not replayable from
 * the commission's journal alone).
 */
export const schemaV6 = /* sql */ `
-- Projection: 'armoury' or 'commission', from armoury.created.
ALTER TABLE armoury ADD COLUMN kind TEXT NOT NULL DEFAULT 'armoury' CHECK (kind IN ('armoury', 'commission'));

-- Local state: the private halves of the signing keys (PKCS#8 DER). Like credentials, never
-- journaled, never exported: only main reads them, to sign.
CREATE TABLE signing_secrets (
  key_id      TEXT PRIMARY KEY,
  private_key BLOB NOT NULL,
  created_at  TEXT NOT NULL
) STRICT;

-- Projection: the armoury's public keys, as signing_key.created / signing_key.rotated announced
-- them; 'next' becomes 'current' with the first export that carries its announcement.
CREATE TABLE signing_keys (
  key_id      TEXT    PRIMARY KEY,
  public_key  TEXT    NOT NULL,
  fingerprint TEXT    NOT NULL,
  created_seq INTEGER NOT NULL,
  created_at  TEXT    NOT NULL,
  state       TEXT    NOT NULL CHECK (state IN ('current', 'next', 'retired')),
  retired_seq INTEGER
) STRICT;
CREATE UNIQUE INDEX signing_keys_one_current ON signing_keys (state) WHERE state IN ('current', 'next');

-- Projection: the snapshots this armoury exported (snapshot.exported).
CREATE TABLE snapshots (
  number      INTEGER PRIMARY KEY,
  seq         INTEGER NOT NULL,
  full        INTEGER NOT NULL,
  from_seq    INTEGER NOT NULL,
  to_seq      INTEGER NOT NULL,
  head        TEXT    NOT NULL,
  weapons     INTEGER NOT NULL,
  lots        INTEGER NOT NULL,
  key_id      TEXT    NOT NULL,
  file_name   TEXT    NOT NULL,
  file_sha256 TEXT    NOT NULL,
  size        INTEGER NOT NULL,
  at          TEXT    NOT NULL
) STRICT;

-- Commission. Projection: enrolled armouries and the last snapshot accepted from each.
CREATE TABLE national_armouries (
  code                TEXT    PRIMARY KEY,
  name                TEXT    NOT NULL,
  agency              TEXT,
  region              TEXT    NOT NULL DEFAULT '',
  enrolled_seq        INTEGER NOT NULL,
  enrolled_at         TEXT    NOT NULL,
  last_number         INTEGER,
  last_seq            INTEGER NOT NULL DEFAULT 0,
  last_head           TEXT    NOT NULL DEFAULT '',
  last_checkpoint     TEXT    NOT NULL DEFAULT '',
  last_created        TEXT,
  last_imported_at    TEXT,
  weapons             INTEGER NOT NULL DEFAULT 0
) STRICT;

-- Projection: the key registry.
CREATE TABLE national_keys (
  key_id      TEXT    PRIMARY KEY,
  armoury     TEXT    NOT NULL REFERENCES national_armouries (code),
  public_key  TEXT    NOT NULL,
  fingerprint TEXT    NOT NULL,
  state       TEXT    NOT NULL CHECK (state IN ('active', 'announced', 'retired', 'revoked')),
  since       TEXT    NOT NULL,
  until       TEXT,
  reason      TEXT    NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX national_keys_by_armoury ON national_keys (armoury);

-- Projection: every import attempt that changed something (accepted) or was refused (rejected);
-- a byte-identical re-import changes nothing and is not logged.
CREATE TABLE national_imports (
  id            INTEGER PRIMARY KEY,
  at            TEXT    NOT NULL,
  actor         INTEGER NOT NULL,
  file_name     TEXT    NOT NULL,
  file_sha256   TEXT    NOT NULL,
  outcome       TEXT    NOT NULL CHECK (outcome IN ('accepted', 'rejected')),
  reason        TEXT,
  detail        TEXT    NOT NULL DEFAULT '',
  armoury       TEXT,
  number        INTEGER,
  events_added  INTEGER NOT NULL DEFAULT 0,
  weapons       INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX national_imports_by_sha ON national_imports (file_sha256);

-- Imported: every armoury's journal as accepted, event by event (exact bytes and hash).
CREATE TABLE national_events (
  armoury TEXT    NOT NULL,
  seq     INTEGER NOT NULL,
  hash    BLOB    NOT NULL,
  type    TEXT    NOT NULL,
  at      TEXT    NOT NULL,
  body    BLOB    NOT NULL,
  PRIMARY KEY (armoury, seq)
) STRICT, WITHOUT ROWID;

-- Imported: which events concern which weapon (from the events' data), for histories.
CREATE TABLE national_weapon_events (
  armoury   TEXT    NOT NULL,
  weapon_id INTEGER NOT NULL,
  seq       INTEGER NOT NULL,
  PRIMARY KEY (armoury, weapon_id, seq)
) STRICT, WITHOUT ROWID;

-- Imported: each armoury's register at its last accepted snapshot.
CREATE TABLE national_weapons (
  armoury           TEXT    NOT NULL,
  id                INTEGER NOT NULL,
  national_code     TEXT    NOT NULL,
  national_code_key TEXT    NOT NULL,
  serial            TEXT    NOT NULL,
  serial_key        TEXT    NOT NULL,
  manufacturer      TEXT    NOT NULL,
  manufacturer_key  TEXT    NOT NULL,
  model             TEXT    NOT NULL,
  type              TEXT    NOT NULL,
  calibre           TEXT    NOT NULL,
  agency            TEXT    NOT NULL,
  status            TEXT    NOT NULL,
  country           TEXT    NOT NULL,
  year              INTEGER,
  registered_at     TEXT    NOT NULL,
  -- the seq of the weapon's last event (the state's updatedSeq) and when it happened
  updated_seq       INTEGER NOT NULL,
  status_at         TEXT    NOT NULL,
  PRIMARY KEY (armoury, id)
) STRICT;
CREATE INDEX national_weapons_by_code ON national_weapons (national_code_key);
CREATE INDEX national_weapons_by_serial ON national_weapons (serial_key, manufacturer_key);
CREATE INDEX national_weapons_by_status ON national_weapons (status, armoury);
-- Partial serial or national code search across every armoury, as in the armoury's register:
-- rowid = national_weapons.rowid, keys = the normalised national code and serial.
CREATE VIRTUAL TABLE national_search USING fts5 (keys, content = '', contentless_delete = 1, tokenize = 'trigram');
`;
