import type { ImportCompleted } from '../../../shared/domain/spreadsheet';
import type { Statements } from '../db/statements';
import type { StoredEvent } from '../journal/event';

/** import.completed -> imports, import_mappings. */
export function projectImports(s: Statements, e: StoredEvent): boolean {
  if (e.type !== 'import.completed') return false;
  const d = e.data as ImportCompleted;
  s.sql(
    `INSERT INTO imports (id, at, actor, kind, file_name, file_sha256, size, rows, imported, skipped, first_seq, last_seq)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(e.seq, e.at, e.actor, d.kind, d.fileName, d.fileSha256, d.size, d.rows, d.imported, d.skipped, d.firstSeq, d.lastSeq);
  s.sql(
    `INSERT INTO import_mappings (kind, shape, mapping, seq) VALUES (?, ?, ?, ?)
     ON CONFLICT (kind, shape) DO UPDATE SET mapping = excluded.mapping, seq = excluded.seq`,
  ).run(d.kind, d.shape, JSON.stringify(d.mapping), e.seq);
  return true;
}
