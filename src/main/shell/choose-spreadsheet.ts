/**
 * "Choose a spreadsheet…" for an import of existing registers: the system's open dialog for one
 * CSV or XLSX file, whose path is then granted to core (which reads no other path for an import).
 * No 'electron' import (the dialog is passed in), so vitest and the Playwright bridge run this code.
 */
import { SPREADSHEET_EXTENSIONS } from '../../shared/domain/spreadsheet';
import type { AskOpenPaths, ImportGrants } from './choose-snapshots';

export async function chooseSpreadsheet(ask: AskOpenPaths, grants: ImportGrants): Promise<{ paths: string[] }> {
  const chosen = await ask({ folder: false, filters: [{ name: 'CSV, XLSX', extensions: [...SPREADSHEET_EXTENSIONS] }] });
  const path = chosen?.[0];
  if (path === undefined) return { paths: [] };
  grants.grantImportPaths([path]);
  return { paths: [path] };
}
