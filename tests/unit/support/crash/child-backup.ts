/**
 * Crash-test child: encrypted backups made through the router (backups.run) into a folder of the
 * kill's own, `count` of them in a row. The template already holds the passphrase's derived key;
 * the folder is chosen here (settings.changed), as a manager does in the backup screen. Each
 * backup copies the database beside it (SQLite's backup API), verifies the copy, encrypts it into
 * the folder through a temporary name, reads it back, then records backup.made.
 */
import { mkdirSync } from 'node:fs';
import { call, openApp, runChild, say, type ChildArgs } from './child-kit';

export interface BackupArgs extends ChildArgs {
  folder: string;
  count: number;
}

async function main(args: BackupArgs): Promise<unknown> {
  // The stick is in: backups never create their folder (that would put them on the PC).
  mkdirSync(args.folder, { recursive: true });
  const app = openApp(args.dataDir);
  app.grantBackupPaths([args.folder]);
  await call(app, 'backups.configure', { folder: args.folder });
  say('ready');
  const files: string[] = [];
  for (let i = 0; i < args.count; i++) files.push((await call(app, 'backups.run', { reason: 'manual' })).fileName);
  app.close();
  return { files };
}

runChild(main);
