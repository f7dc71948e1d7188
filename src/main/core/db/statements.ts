import type { Statement } from 'better-sqlite3';
import type { Db } from './open';

/** Prepared statements, compiled once per connection and reused: the only way core runs SQL. */
export class Statements {
  private readonly cache = new Map<string, Statement>();

  constructor(readonly db: Db) {}

  sql(source: string): Statement {
    let stmt = this.cache.get(source);
    if (!stmt) {
      stmt = this.db.prepare(source);
      this.cache.set(source, stmt);
    }
    return stmt;
  }
}

/** Escapes LIKE wildcards so that a user's `%` or `_` matches itself (use with ESCAPE '\'). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Quotes user text as one FTS5 phrase, so operators (AND, NEAR, *, ^, :) are just characters. */
export function ftsPhrase(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}
