import { schemaV1 } from '../src/main/core/db/schema-v1';
import { schemaV2 } from '../src/main/core/db/schema-v2';

/**
 * The statements of one of the app's schemas matching `wanted`, in order: the raw baselines take
 * their tables and indexes from the app's own schema so the two can never drift apart.
 */
export function pickStatements(schema: string, wanted: readonly RegExp[], name: string): string {
  const statements = schema
    .replace(/--[^\n]*/g, '')
    .split(';')
    .map((chunk) => chunk.trim())
    .filter((sql) => wanted.some((re) => re.test(sql)));
  for (const re of wanted) {
    if (!statements.some((sql) => re.test(sql))) throw new Error(`bench: ${name} has no statement matching ${re}`);
  }
  return `${statements.join(';\n')};`;
}

/** The weapons baseline: the weapons table, its indexes and the FTS5 trigram table. */
export const RAW_SCHEMA = pickStatements(
  schemaV1,
  [/^CREATE TABLE weapons \(/, /^CREATE (UNIQUE )?INDEX \w+ ON weapons /, /^CREATE VIRTUAL TABLE weapon_search /],
  'schema-v1',
);

/**
 * The ammunition baseline: the journal's table without its guard triggers (no hash chain either),
 * and the stores, lots, balances and outstanding tables with their indexes.
 */
export const RAW_AMMO_SCHEMA = [
  pickStatements(schemaV1, [/^CREATE TABLE events \(/], 'schema-v1'),
  pickStatements(
    schemaV2,
    [/^CREATE TABLE (stores|lots|ammo_balances|lot_outstanding) \(/, /^CREATE (UNIQUE )?INDEX \w+ ON (lots|ammo_balances) /],
    'schema-v2',
  ),
].join('\n');
