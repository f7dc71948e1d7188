/**
 * Crash-test child: signed snapshots exported through the router (snapshots.export) into the
 * app's exports folder, `count` of them in a row (full, then the events since, alternately): each
 * is written under a temporary name, fsynced, renamed, then recorded by snapshot.exported.
 */
import { call, openApp, runChild, say, type ChildArgs } from './child-kit';

export interface ExportArgs extends ChildArgs {
  count: number;
}

async function main(args: ExportArgs): Promise<unknown> {
  const app = openApp(args.dataDir);
  say('ready');
  const files: string[] = [];
  for (let i = 0; i < args.count; i++) files.push((await call(app, 'snapshots.export', { full: i % 2 === 0 })).fileName);
  app.close();
  return { files };
}

runChild(main);
