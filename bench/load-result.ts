import { existsSync, statSync } from 'node:fs';

export interface LoadResult {
  weapons: number;
  /** Time spent in the database work only (generation excluded), in seconds. */
  seconds: number;
  rate: number;
  /** Time spent generating the rows, in seconds (the same for both loads). */
  generateSeconds: number;
  /** Main file + WAL after a TRUNCATE checkpoint. */
  bytes: number;
}

export function fileBytes(path: string): number {
  const size = (p: string) => (existsSync(p) ? statSync(p).size : 0);
  return size(path) + size(`${path}-wal`);
}
