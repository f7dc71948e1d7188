/**
 * Gardien's command line over core (no Electron): `npm run cli -- <command>`.
 * Commands live in ./cli/, one file each; see ./cli/main.ts for the list.
 */
import { main } from './cli/main';

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
