/**
 * Where the armoury's data lives. Pure plus node:fs (no 'electron'), so it is unit-tested.
 * Default: the realpath of Electron's userData. Override (tests, or an armoury that keeps its
 * data on a chosen disk): `--data-dir=PATH`, else the GARDIEN_DATA_DIR environment variable.
 */
import { mkdirSync, realpathSync } from 'node:fs';
import { resolve } from 'node:path';

export const DATA_DIR_ARG = '--data-dir=';
export const DATA_DIR_ENV = 'GARDIEN_DATA_DIR';

export interface DataDirChoice {
  dir: string;
  source: 'argument' | 'environment' | 'default';
}

/**
 * Picks the folder without touching the disk. An explicit but empty `--data-dir=` is an error
 * rather than a silent fall back to the default folder, which could be another armoury's data.
 */
export function chooseDataDir(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  defaultDir: string,
  cwd: string,
): DataDirChoice {
  const args = argv.filter((a) => a.startsWith(DATA_DIR_ARG)).map((a) => a.slice(DATA_DIR_ARG.length));
  const fromArg = args.at(-1);
  if (fromArg !== undefined) {
    if (fromArg.trim() === '') throw new Error(`${DATA_DIR_ARG} was given without a folder`);
    return { dir: resolve(cwd, fromArg), source: 'argument' };
  }
  const fromEnv = env[DATA_DIR_ENV];
  if (fromEnv !== undefined && fromEnv.trim() !== '') return { dir: resolve(cwd, fromEnv), source: 'environment' };
  return { dir: resolve(defaultDir), source: 'default' };
}

/**
 * Creates the folder if needed (never empties or deletes anything) and returns its real path, so
 * a symlinked or differently-cased path names one database, and one single-instance lock.
 */
export function prepareDataDir(dir: string): string {
  mkdirSync(dir, { recursive: true });
  return realpathSync.native(dir);
}
