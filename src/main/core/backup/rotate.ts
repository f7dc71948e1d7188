import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_HEADER_BYTES, parseHeader } from './format';
import { isBackupNameOf } from './names';
import { fileSource } from './read';

/**
 * Deletes this armoury's oldest backups in `folder` beyond `keep`, newest kept. Only files whose
 * name has this armoury's pattern and whose header names this armoury (read without the
 * passphrase) are candidates: a foreign or unreadable file is never deleted. `justWritten` is
 * always kept. Returns the names deleted.
 */
export function rotateBackups(folder: string, code: string, keep: number, justWritten: string): string[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const ours: { name: string; createdAt: string }[] = [];
  for (const name of names) {
    if (!isBackupNameOf(code, name)) continue;
    const header = headerOf(join(folder, name));
    if (header?.armoury.code !== code) continue;
    ours.push({ name, createdAt: header.createdAt });
  }
  ours.sort((a, b) => (a.createdAt === b.createdAt ? b.name.localeCompare(a.name) : b.createdAt.localeCompare(a.createdAt)));
  // The one just written, and the keep - 1 newest others (not relying on the clock to make it the newest).
  const others = ours.filter((f) => f.name !== justWritten).slice(0, Math.max(0, keep - 1));
  const kept = new Set([justWritten, ...others.map((f) => f.name)]);
  const deleted: string[] = [];
  for (const f of ours) {
    if (kept.has(f.name)) continue;
    try {
      rmSync(join(folder, f.name));
      deleted.push(f.name);
    } catch {
      // A file that cannot be deleted now (read-only, in use) is tried again at the next backup.
    }
  }
  return deleted;
}

function headerOf(path: string) {
  try {
    const source = fileSource(path);
    try {
      const parsed = parseHeader(source.read(0, MAX_HEADER_BYTES + 200));
      return parsed.ok ? parsed.header : null;
    } finally {
      source.close();
    }
  } catch {
    return null;
  }
}
