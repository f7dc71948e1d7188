/**
 * Schema 1. `events` is the journal (the record); every other table but the local security state
 * (credentials, login_failures, user_prefs) is a projection that a replay of the journal rebuilds.
 */
export const schemaV1 = /* sql */ `
CREATE TABLE events (
  seq   INTEGER PRIMARY KEY,
  type  TEXT    NOT NULL,
  at    TEXT    NOT NULL,
  actor INTEGER NOT NULL,
  body  BLOB    NOT NULL,
  hash  BLOB    NOT NULL
) STRICT;
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
  BEGIN SELECT RAISE(ABORT, 'journal is append-only'); END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
  BEGIN SELECT RAISE(ABORT, 'journal is append-only'); END;
CREATE TRIGGER events_no_gap BEFORE INSERT ON events
  WHEN NEW.seq IS NOT COALESCE((SELECT MAX(seq) FROM events), 0) + 1
  BEGIN SELECT RAISE(ABORT, 'journal seq must follow the head'); END;

-- which events concern which record ("w:12", "u:3"): the dossier's history
CREATE TABLE event_refs (
  ref TEXT    NOT NULL,
  seq INTEGER NOT NULL,
  PRIMARY KEY (ref, seq)
) STRICT, WITHOUT ROWID;

CREATE TABLE armoury (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  code       TEXT NOT NULL,
  name       TEXT NOT NULL,
  agency     TEXT NOT NULL,
  region     TEXT NOT NULL,
  language   TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE users (
  id           INTEGER PRIMARY KEY,
  username     TEXT    NOT NULL,
  username_key TEXT    NOT NULL UNIQUE,
  full_name    TEXT    NOT NULL,
  role         TEXT    NOT NULL,
  active       INTEGER NOT NULL,
  created_at   TEXT    NOT NULL
) STRICT;

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE weapons (
  id                   INTEGER PRIMARY KEY,
  national_code        TEXT    NOT NULL,
  national_code_key    TEXT    NOT NULL,
  serial               TEXT    NOT NULL,
  serial_key           TEXT    NOT NULL,
  manufacturer         TEXT    NOT NULL,
  manufacturer_key     TEXT    NOT NULL,
  model                TEXT    NOT NULL,
  model_key            TEXT    NOT NULL,
  country              TEXT    NOT NULL,
  year                 INTEGER,
  type                 TEXT    NOT NULL,
  calibre              TEXT    NOT NULL,
  marking_location     TEXT    NOT NULL,
  agency               TEXT    NOT NULL,
  location             TEXT    NOT NULL,
  acquisition_date     TEXT    NOT NULL,
  acquisition_mode     TEXT    NOT NULL,
  acquisition_source   TEXT    NOT NULL,
  acquisition_document TEXT    NOT NULL,
  condition            TEXT    NOT NULL,
  status               TEXT    NOT NULL,
  import_country       TEXT    NOT NULL,
  import_year          INTEGER,
  importer             TEXT    NOT NULL,
  other_marks          TEXT    NOT NULL,
  marks_illegible      INTEGER NOT NULL,
  marking_date         TEXT    NOT NULL,
  marking_operator     TEXT    NOT NULL,
  marking_machine      TEXT    NOT NULL,
  notes                TEXT    NOT NULL,
  registered_at        TEXT    NOT NULL,
  updated_seq          INTEGER NOT NULL
) STRICT;
CREATE UNIQUE INDEX weapons_by_national_code ON weapons (national_code_key);
CREATE UNIQUE INDEX weapons_by_identity ON weapons (manufacturer_key, model_key, serial_key);
CREATE INDEX weapons_by_serial ON weapons (serial_key);
CREATE INDEX weapons_by_status ON weapons (status);
CREATE INDEX weapons_by_type ON weapons (type);
CREATE INDEX weapons_by_agency ON weapons (agency);
CREATE INDEX weapons_by_calibre ON weapons (calibre);
CREATE INDEX weapons_by_location ON weapons (location);

-- counts per status kept by the projector: the register header never scans
CREATE TABLE weapon_status_counts (
  status TEXT PRIMARY KEY,
  n      INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

-- substring search on national code and serial (3+ characters); rowid = weapons.id.
-- The app writes it itself: an FTS trigger would flush per row and halve bulk speed.
CREATE VIRTUAL TABLE weapon_search USING fts5(
  keys, content = '', contentless_delete = 1, tokenize = 'trigram'
);

-- local security state, deliberately outside the journal (never exported, not replayed)
CREATE TABLE credentials (
  user_id    INTEGER PRIMARY KEY REFERENCES users (id),
  params     TEXT NOT NULL,
  salt       BLOB NOT NULL,
  hash       BLOB NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE TABLE login_failures (
  username_key TEXT PRIMARY KEY,
  count        INTEGER NOT NULL,
  last_at      TEXT NOT NULL
) STRICT;
CREATE TABLE user_prefs (
  user_id  INTEGER PRIMARY KEY REFERENCES users (id),
  language TEXT
) STRICT;
`;
