import type { Database } from 'better-sqlite3';
import { schemaV1 } from './schema-v1';
import { schemaV2 } from './schema-v2';
import { schemaV3 } from './schema-v3';
import { schemaV4 } from './schema-v4';
import { backfillCaseFacts, schemaV5 } from './schema-v5';
import { schemaV6 } from './schema-v6';
import { schemaV7 } from './schema-v7';
import { schemaV8 } from './schema-v8';
import { schemaV9 } from './schema-v9';

export interface Migration {
  version: number;
  up: (db: Database) => void;
}

/** Ordered, numbered, never edited once released: add a new entry instead. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, up: (db) => db.exec(schemaV1) },
  { version: 2, up: (db) => db.exec(schemaV2) },
  { version: 3, up: (db) => db.exec(schemaV3) },
  { version: 4, up: (db) => db.exec(schemaV4) },
  {
    version: 5,
    up: (db) => {
      db.exec(schemaV5);
      backfillCaseFacts(db);
    },
  },
  { version: 6, up: (db) => db.exec(schemaV6) },
  { version: 7, up: (db) => db.exec(schemaV7) },
  { version: 8, up: (db) => db.exec(schemaV8) },
  { version: 9, up: (db) => db.exec(schemaV9) },
];

export const LATEST_VERSION = MIGRATIONS.at(-1)?.version ?? 0;

MIGRATIONS.forEach((m, i) => {
  if (m.version !== i + 1) throw new Error(`migration ${m.version} out of order at position ${i}`);
});
