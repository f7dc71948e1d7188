import { schemaV1 } from '../src/main/core/db/schema-v1';

/**
 * The raw baseline's schema: the weapons table, its indexes and the FTS5 trigram table, taken
 * statement by statement from the app's own schema so the two can never drift apart.
 */
function rawSchema(): string {
  const wanted = [/^CREATE TABLE weapons \(/, /^CREATE (UNIQUE )?INDEX \w+ ON weapons /, /^CREATE VIRTUAL TABLE weapon_search /];
  const statements = schemaV1
    .replace(/--[^\n]*/g, '')
    .split(';')
    .map((chunk) => chunk.trim())
    .filter((sql) => wanted.some((re) => re.test(sql)));
  for (const re of wanted) {
    if (!statements.some((sql) => re.test(sql))) throw new Error(`bench: schema-v1 has no statement matching ${re}`);
  }
  return `${statements.join(';\n')};`;
}

export const RAW_SCHEMA = rawSchema();
