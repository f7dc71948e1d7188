/**
 * Crash-test child: one spreadsheet import through the router (imports.run), as the wizard's last
 * step does it: every row validated again, then every row and import.completed in ONE journal write.
 */
import type { ColumnMapping } from '../../../../src/shared/domain/spreadsheet';
import { call, openApp, runChild, say, type ChildArgs } from './child-kit';

export interface ImportArgs extends ChildArgs {
  /** The register to import (a CSV the parent wrote once). */
  path: string;
  /** What imports.inspect proposed for it (computed once by the parent). */
  mapping: ColumnMapping;
}

async function main(args: ImportArgs): Promise<unknown> {
  const app = openApp(args.dataDir);
  app.grantImportPaths([args.path]);
  say('ready');
  const result = await call(app, 'imports.run', { path: args.path, kind: 'weapons', mapping: args.mapping, skipInvalid: false });
  app.close();
  return { imported: result.imported, importId: result.importId };
}

runChild(main);
