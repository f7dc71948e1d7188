/**
 * Schema 7: spreadsheet imports. Both tables are projections of import.completed, so a replay
 * rebuilds them: the list of imports (which file, when, how many rows) and, per shape of file
 * (its header row), the mapping last used, offered again for the next file of that shape.
 */
export const schemaV7 = /* sql */ `
CREATE TABLE imports (
  id          INTEGER PRIMARY KEY, -- seq of import.completed
  at          TEXT    NOT NULL,
  actor       INTEGER NOT NULL,
  kind        TEXT    NOT NULL CHECK (kind IN ('weapons', 'officers', 'lots')),
  file_name   TEXT    NOT NULL,
  file_sha256 TEXT    NOT NULL,
  size        INTEGER NOT NULL,
  rows        INTEGER NOT NULL,
  imported    INTEGER NOT NULL,
  skipped     INTEGER NOT NULL,
  first_seq   INTEGER NOT NULL,
  last_seq    INTEGER NOT NULL
) STRICT;
CREATE INDEX imports_by_file ON imports (file_sha256);

CREATE TABLE import_mappings (
  kind    TEXT    NOT NULL,
  shape   TEXT    NOT NULL,
  mapping TEXT    NOT NULL, -- JSON ColumnMapping
  seq     INTEGER NOT NULL,
  PRIMARY KEY (kind, shape)
) STRICT;
`;
