import { afterAll, beforeAll, expect, it } from 'vitest';
import { trace } from '../../src/main/core/commission/queries';
import type { Statements } from '../../src/main/core/db/statements';
import { registerMany } from '../../src/main/core/register/service';
import { TRACE_CAP, type NationalWeapon } from '../../src/shared/contract/commission';
import { SEARCH_MIN } from '../../src/shared/contract/register';
import { normalizeKey } from '../../src/shared/domain/normalize';
import { weaponFields } from '../../src/shared/domain/weapon';
import { disposeHarnesses, scratchDir, type Harness } from './support/harness';
import { armouryNamed, enrolArmouryOf, exportFrom, freshCommission, importFiles } from './support/commission';
import { weaponInput } from './support/weapons';

/**
 * commission.trace under three characters: the start of the national code or of the serial, read
 * from each key's index up to the cap, merged and cut (docs/commission.md, Views). Checked
 * against a plain filter of every record, on a register made by real imports where short
 * prefixes match far more records than the cap.
 */
let c: Harness;
let s: Statements;
let all: (NationalWeapon & { codeKey: string; serialKey: string })[];

/** Codes and serials that share short prefixes across armouries, and characters LIKE and FTS5 would treat specially. */
const PREFIXES = ['ML', 'MA', 'NE', '1', '12', '%', '_', '"'];

beforeAll(async () => {
  c = await freshCommission();
  const files = [];
  for (const [k, code] of ['ML-TRA-01', 'ML-TRB-02', 'NE-TRC-03'].entries()) {
    const a = await armouryNamed(code);
    const list = Array.from({ length: 300 }, (_, i) =>
      weaponFields.parse(
        weaponInput({
          nationalCode: `${PREFIXES[(i + k) % 3]}-${k}${String(i).padStart(4, '0')}`,
          serial: `${PREFIXES[3 + ((i * 7 + k) % 5)]}${String((i * 37 + k * 11) % 1000).padStart(3, '0')}-${k}-${i}`,
        }),
      ),
    );
    registerMany(a.app.store ?? expect.fail('no store'), a.app.session?.userId ?? 1, list);
    await enrolArmouryOf(c, a);
    files.push(await exportFrom(a, scratchDir()));
  }
  expect((await importFiles(c, files)).map((r) => r.outcome)).toEqual(['accepted', 'accepted', 'accepted']);
  s = c.app.store?.s ?? expect.fail('no store');
  const pages = [(await c.ok('commission.weapons', { limit: 500 })).rows, (await c.ok('commission.weapons', { offset: 500, limit: 500 })).rows];
  all = pages.flat().map((w) => ({ ...w, codeKey: normalizeKey(w.nationalCode), serialKey: normalizeKey(w.serial) }));
  expect(all).toHaveLength(900);
}, 60_000);
afterAll(disposeHarnesses);

type Row = (typeof all)[number];
const byBytes = (a: string, b: string) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
const order = (key: (w: Row) => string) => (a: Row, b: Row) => byBytes(key(a), key(b)) || byBytes(a.armoury, b.armoury) || a.id - b.id;
const ref = (w: { armoury: string; id: number }) => `${w.armoury}:${w.id}`;

/** The documented rule, by a plain filter: the first `cap` code matches by code, the first `cap` serial matches by serial, merged by code, cut. */
function expected(q: string, cap: number): string[] {
  const key = normalizeKey(q);
  const byCode = all.filter((w) => w.codeKey.startsWith(key)).sort(order((w) => w.codeKey)).slice(0, cap);
  const bySerial = all.filter((w) => w.serialKey.startsWith(key)).sort(order((w) => w.serialKey)).slice(0, cap);
  const merged = new Map([...byCode, ...bySerial].map((w) => [ref(w), w]));
  return [...merged.values()].sort(order((w) => w.codeKey)).slice(0, cap).map(ref);
}

it.each(['M', 'ML', 'ma', 'N', '1', '12', '%', '_', '"', '%1', '_2', '"1', 'Q', 'Z9'])('traces the short prefix %j from both indexes, merged and cut at the cap', (q) => {
  expect(normalizeKey(q).length).toBeLessThan(SEARCH_MIN);
  const hits = all.filter((w) => w.codeKey.startsWith(normalizeKey(q)) || w.serialKey.startsWith(normalizeKey(q))).length;
  for (const cap of [TRACE_CAP, 25, 3]) {
    const got = trace(s, q, cap);
    expect(got.map(ref), `cap ${cap}`).toEqual(expected(q, cap));
    expect(got.length).toBe(Math.min(hits, cap));
    // Every record returned starts with the text in one of its keys, literally.
    for (const w of got) expect(normalizeKey(w.nationalCode).startsWith(normalizeKey(q)) || normalizeKey(w.serial).startsWith(normalizeKey(q))).toBe(true);
  }
});

it('returns every match, in national code order, when there are no more than the cap', () => {
  for (const q of ['12', '"1', 'NE']) {
    const key = normalizeKey(q);
    const matches = all.filter((w) => w.codeKey.startsWith(key) || w.serialKey.startsWith(key));
    if (matches.length > TRACE_CAP) continue;
    expect(trace(s, q).map(ref)).toEqual([...matches].sort(order((w) => w.codeKey)).map(ref));
  }
  // 'ML' matches more than the cap: at most TRACE_CAP records come back.
  expect(trace(s, 'ML')).toHaveLength(TRACE_CAP);
});

it('stays fast at 200,000 records (printed, not asserted)', () => {
  const db = c.db;
  const insert = db.prepare(
    `INSERT INTO national_weapons (armoury, id, national_code, national_code_key, serial, serial_key, manufacturer, manufacturer_key, model, type,
       calibre, agency, status, country, year, registered_at, updated_seq, status_at)
     VALUES ('BN-200K', ?, ?, ?, ?, ?, 'NORINCO', 'NORINCO', 'Type 56', 'assault_rifle', '7.62x39mm', 'police', 'in_store', 'CN', 1985,
       '2025-01-15T00:00:00.000Z', ?, '2025-01-15T00:00:00.000Z')`,
  );
  db.transaction(() => {
    for (let i = 1; i <= 200_000; i++) {
      const code = `ML-BN-${String(i).padStart(7, '0')}`;
      const serial = `${(i * 7919) % 9_999_991}-${i % 10}`;
      insert.run(i, code, code, serial, serial, i);
    }
  })();
  const times: Record<string, number[]> = {};
  for (let round = 0; round < 20; round++) {
    for (const q of ['M', 'ML', '1', '12']) {
      const t = performance.now();
      const n = trace(s, q).length;
      (times[q] ??= []).push(performance.now() - t);
      expect(n).toBe(TRACE_CAP);
    }
  }
  const line = Object.entries(times).map(([q, t]) => {
    const sorted = [...t].sort((a, b) => a - b);
    return `${q} p50 ${sorted[10]?.toFixed(2)} ms, max ${sorted.at(-1)?.toFixed(2)} ms`;
  });
  console.log(`trace, 1-2 characters, 200,900 records: ${line.join('; ')}`);
}, 60_000);
