/**
 * Schema 2: ammunition. Stores (magasins) with their licence, lots, balances per lot, place and
 * condition, and quantities issued but not yet returned or expended. All are projections of the
 * journal (store.* and ammo.* events); a replay rebuilds them exactly.
 */
export const schemaV2 = /* sql */ `
CREATE TABLE stores (
  id          INTEGER PRIMARY KEY,
  code        TEXT    NOT NULL UNIQUE,
  name        TEXT    NOT NULL,
  bays        TEXT    NOT NULL,
  licence     TEXT    NOT NULL,
  created_at  TEXT    NOT NULL,
  updated_seq INTEGER NOT NULL
) STRICT;

-- approved overrides for conditional (C) pairs, one per store and pair, group_a <= group_b
CREATE TABLE store_overrides (
  store_id  INTEGER NOT NULL REFERENCES stores (id),
  group_a   TEXT    NOT NULL,
  group_b   TEXT    NOT NULL,
  authority TEXT    NOT NULL,
  reference TEXT    NOT NULL,
  date      TEXT    NOT NULL,
  seq       INTEGER NOT NULL,
  PRIMARY KEY (store_id, group_a, group_b),
  CHECK (group_a <= group_b)
) STRICT, WITHOUT ROWID;

CREATE TABLE lots (
  id                         INTEGER PRIMARY KEY,
  lot_state                  TEXT    NOT NULL,
  lot_number                 TEXT    NOT NULL,
  nature                     TEXT    NOT NULL,
  calibre                    TEXT    NOT NULL,
  calibre_key                TEXT    NOT NULL,
  manufacturer               TEXT    NOT NULL,
  country                    TEXT    NOT NULL,
  year_of_manufacture        INTEGER,
  hazard_division            TEXT    NOT NULL,
  compatibility_group        TEXT    NOT NULL,
  un_number                  TEXT    NOT NULL,
  neq_per_unit_kg            REAL    NOT NULL,
  -- the same in micrograms, so that the NEQ sums below are exact integers
  neq_per_unit_ug            INTEGER NOT NULL,
  rounds_per_box             INTEGER NOT NULL,
  boxes_per_case             INTEGER NOT NULL,
  inspection_interval_months INTEGER NOT NULL,
  last_inspection            TEXT    NOT NULL,
  next_inspection            TEXT    NOT NULL,
  shelf_life_end             TEXT    NOT NULL,
  -- the day after which an unsuspended lot is suspended automatically ('' never)
  suspend_after              TEXT    NOT NULL,
  suspended                  INTEGER NOT NULL CHECK (suspended IN (0, 1)),
  suspension_reason          TEXT    NOT NULL,
  received_at                TEXT    NOT NULL,
  updated_seq                INTEGER NOT NULL
) STRICT;
CREATE INDEX lots_by_next_inspection ON lots (next_inspection);
CREATE INDEX lots_by_suspend_after ON lots (suspend_after);
CREATE INDEX lots_by_calibre ON lots (calibre_key);

-- quantity on hand per lot, store, bay and condition; a row that reaches 0 is removed
CREATE TABLE ammo_balances (
  lot_id    INTEGER NOT NULL REFERENCES lots (id),
  store_id  INTEGER NOT NULL REFERENCES stores (id),
  bay       TEXT    NOT NULL,
  condition TEXT    NOT NULL,
  quantity  INTEGER NOT NULL CHECK (quantity > 0),
  PRIMARY KEY (lot_id, store_id, bay, condition)
) STRICT, WITHOUT ROWID;
CREATE INDEX ammo_balances_by_store ON ammo_balances (store_id);

-- per store and lot: the total on hand there (all bays and conditions); a row that reaches 0 is removed
CREATE TABLE store_lots (
  store_id INTEGER NOT NULL REFERENCES stores (id),
  lot_id   INTEGER NOT NULL REFERENCES lots (id),
  quantity INTEGER NOT NULL CHECK (quantity > 0),
  PRIMARY KEY (store_id, lot_id)
) STRICT, WITHOUT ROWID;

-- what the safety rules read on every receipt, kept by the projector so a check never scans a
-- store: per hazard division the lots present and their NEQ in micrograms (exact), and per
-- compatibility group the lots present
CREATE TABLE store_neq (
  store_id INTEGER NOT NULL REFERENCES stores (id),
  division TEXT    NOT NULL,
  lots     INTEGER NOT NULL CHECK (lots > 0),
  neq_ug   INTEGER NOT NULL CHECK (neq_ug >= 0),
  PRIMARY KEY (store_id, division)
) STRICT, WITHOUT ROWID;
CREATE TABLE store_groups (
  store_id INTEGER NOT NULL REFERENCES stores (id),
  grp      TEXT    NOT NULL,
  lots     INTEGER NOT NULL CHECK (lots > 0),
  PRIMARY KEY (store_id, grp)
) STRICT, WITHOUT ROWID;

-- issued and not yet returned or reported expended, per lot; a row that reaches 0 is removed
CREATE TABLE lot_outstanding (
  lot_id   INTEGER PRIMARY KEY REFERENCES lots (id),
  quantity INTEGER NOT NULL CHECK (quantity > 0)
) STRICT;
`;
