import { columnMapping, type ColumnMapping, type ImportKind, type ImportRecord } from '../../../../shared/domain/spreadsheet';
import type { Statements } from '../../db/statements';

/** The mapping last used for this kind and shape of file (import_mappings), or null. */
export function savedMapping(s: Statements, kind: ImportKind, shape: string): ColumnMapping | null {
  const row = s.sql('SELECT mapping FROM import_mappings WHERE kind = ? AND shape = ?').get(kind, shape) as { mapping: string } | undefined;
  if (!row) return null;
  // Saved by an older version or edited by hand: a mapping that no longer parses is simply not offered.
  const parsed = columnMapping.safeParse(JSON.parse(row.mapping));
  return parsed.success ? parsed.data : null;
}

/** The latest import of this exact file (same SHA-256), for "already imported on …". */
export function previousImport(s: Statements, fileSha256: string): { at: string; imported: number } | null {
  const row = s.sql('SELECT at, imported FROM imports WHERE file_sha256 = ? ORDER BY id DESC LIMIT 1').get(fileSha256) as
    | { at: string; imported: number }
    | undefined;
  return row ?? null;
}

interface ImportRow {
  id: number;
  at: string;
  actor: string;
  kind: ImportRecord['kind'];
  fileName: string;
  fileSha256: string;
  rows: number;
  imported: number;
  skipped: number;
}

/** Every import, newest first, with the actor's full name (or username). */
export function listImports(s: Statements): ImportRecord[] {
  return s
    .sql(
      `SELECT i.id, i.at, COALESCE(NULLIF(u.full_name, ''), u.username, CAST(i.actor AS TEXT)) AS actor, i.kind, i.file_name AS fileName,
         i.file_sha256 AS fileSha256, i.rows, i.imported, i.skipped
       FROM imports i LEFT JOIN users u ON u.id = i.actor ORDER BY i.id DESC`,
    )
    .all() as ImportRow[];
}
