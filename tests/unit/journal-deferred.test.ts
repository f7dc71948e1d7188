import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyDatabase } from '../../src/main/core/journal/verify';
import { Store } from '../../src/main/core/store';

// Journal.write inserts its event rows together just before it ends (FTS5 flushes its pending
// terms at each insert into the triggered events table). These pin down what must not change.
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function store(): Store {
  const dir = mkdtempSync(join(tmpdir(), 'gardien-journal-'));
  dirs.push(dir);
  return Store.open(join(dir, 'j.sqlite'), { create: true });
}

const setting = (value: number) => ({ type: 'settings.changed', actor: 1, data: { key: 'idleLockMinutes', value } });
const seqs = (s: Store) => (s.db.prepare('SELECT seq FROM events ORDER BY seq').all() as { seq: number }[]).map((r) => r.seq);

describe('journal writes', () => {
  it('keep the outer rows when a nested write fails and is caught', () => {
    const s = store();
    try {
      s.journal.write(() => {
        s.journal.append(setting(10));
        expect(() =>
          s.journal.write(() => {
            s.journal.append(setting(11));
            throw new Error('refused');
          }),
        ).toThrow('refused');
        s.journal.write(() => s.journal.append(setting(12)));
        s.journal.append(setting(13));
      });
      expect(seqs(s)).toEqual([1, 2, 3]);
      expect(s.journal.getHead().seq).toBe(3);
      expect(verifyDatabase(s.db).problems).toEqual([]);
    } finally {
      s.close();
    }
  });

  it('write nothing when the outer write fails', () => {
    const s = store();
    try {
      s.journal.write(() => s.journal.append(setting(10)));
      expect(() =>
        s.journal.write(() => {
          s.journal.append(setting(11));
          s.journal.write(() => s.journal.append(setting(12)));
          throw new Error('refused');
        }),
      ).toThrow('refused');
      expect(seqs(s)).toEqual([1]);
      s.journal.write(() => s.journal.append(setting(14)));
      expect(seqs(s)).toEqual([1, 2]);
      expect(verifyDatabase(s.db).ok).toBe(true);
    } finally {
      s.close();
    }
  });

  it('insert at once when appending inside a plain transaction of the caller', () => {
    const s = store();
    try {
      s.db.transaction(() => {
        s.journal.append(setting(10));
        expect(seqs(s)).toEqual([1]);
      })();
      expect(verifyDatabase(s.db).ok).toBe(true);
    } finally {
      s.close();
    }
  });
});
