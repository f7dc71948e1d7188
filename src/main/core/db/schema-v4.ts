/**
 * Schema 4: stock checks. A check's sheet and its book at the start are projections of
 * stockcheck.started (the book is copied from the projections as they stand at that event, so a
 * replay copies the same), counts of stockcheck.counted, the result of stockcheck.closed.
 */
export const schemaV4 = /* sql */ `
-- id = seq of stockcheck.started
CREATE TABLE stock_checks (
  id          INTEGER PRIMARY KEY,
  scope       TEXT    NOT NULL,
  store_id    INTEGER REFERENCES stores (id),
  status      TEXT    NOT NULL,
  counter     INTEGER NOT NULL REFERENCES users (id),
  witness     INTEGER REFERENCES users (id),
  started_at  TEXT    NOT NULL,
  closed_at   TEXT    NOT NULL,
  note        TEXT    NOT NULL,
  close_note  TEXT    NOT NULL,
  updated_seq INTEGER NOT NULL
) STRICT;
CREATE INDEX stock_checks_by_scope ON stock_checks (scope, status, closed_at);

-- weapons of a check: book = 1 when on the shelves by the book at the start (on the sheet),
-- 0 when counted without being on the sheet (unexpected); counted = 0 or 1
CREATE TABLE stock_check_weapons (
  check_id  INTEGER NOT NULL REFERENCES stock_checks (id),
  weapon_id INTEGER NOT NULL REFERENCES weapons (id),
  book      INTEGER NOT NULL CHECK (book IN (0, 1)),
  counted   INTEGER NOT NULL CHECK (counted IN (0, 1)),
  PRIMARY KEY (check_id, weapon_id)
) STRICT, WITHOUT ROWID;

-- lots and places of a check: the book quantity at the start (all conditions together: a count
-- does not see conditions), and the last quantity counted (NULL until counted)
CREATE TABLE stock_check_lots (
  check_id INTEGER NOT NULL REFERENCES stock_checks (id),
  lot_id   INTEGER NOT NULL REFERENCES lots (id),
  store_id INTEGER NOT NULL REFERENCES stores (id),
  bay      TEXT    NOT NULL,
  book     INTEGER NOT NULL,
  counted  INTEGER,
  PRIMARY KEY (check_id, lot_id, store_id, bay)
) STRICT, WITHOUT ROWID;

-- codes counted that match no weapon of the register: recorded for investigation
CREATE TABLE stock_check_unknown (
  check_id INTEGER NOT NULL REFERENCES stock_checks (id),
  code     TEXT    NOT NULL,
  PRIMARY KEY (check_id, code)
) STRICT, WITHOUT ROWID;
`;
