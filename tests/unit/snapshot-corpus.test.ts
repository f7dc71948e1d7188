import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { verifyDatabase } from '../../src/main/core/journal/verify';
import { REJECTION_REASONS, type RejectionReason } from '../../src/shared/domain/snapshot';
import { importInto, newCommission, SharedClock, type Party } from './support/tamper/parties';
import { registerDigest } from './support/tamper/run';

/**
 * The fixed corpus of bad snapshots (tests/fixtures/snapshots, made by
 * scripts/make-snapshot-corpus.ts and committed): a fresh commission rebuilds the registry the
 * manifest describes (enrolments with the armouries' public keys, the valid snapshots it
 * accepted, a revocation, an accepted rotation), then imports every bad file in order. Each must
 * be refused with its reason and leave nothing but its log line; a valid file imported last is
 * still accepted.
 */
const DIR = resolve(import.meta.dirname, '..', 'fixtures', 'snapshots');

type Step =
  | { op: 'enrol'; armoury: string; name: string; publicKey: string; fingerprint: string }
  | { op: 'import'; file: string; expect: 'accepted' }
  | { op: 'revoke'; keyId: string; reason: string }
  | { op: 'acceptRotation'; keyId: string; fingerprint: string };

interface Manifest {
  registry: Step[];
  bad: { file: string; reason: RejectionReason; description: string }[];
  after: { file: string; expect: 'accepted'; description: string }[];
}

const manifest = JSON.parse(readFileSync(join(DIR, 'manifest.json'), 'utf8')) as Manifest;
const read = (file: string) => readFileSync(join(DIR, file));
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

let commission: Party | null = null;
afterEach(() => {
  commission?.dispose();
  commission = null;
});

it('holds at least one bad snapshot for every rejection reason, each a few KB', () => {
  const covered = new Set(manifest.bad.map((b) => b.reason));
  expect(REJECTION_REASONS.filter((r) => !covered.has(r))).toEqual([]);
  for (const b of manifest.bad) expect(read(b.file).length, b.file).toBeLessThanOrEqual(16 * 1024);
});

it('refuses every bad snapshot of the corpus with its reason, against the registry it was made for', async () => {
  const c = await newCommission(new SharedClock(Date.UTC(2025, 2, 3, 8, 0, 0)));
  commission = c;
  for (const step of manifest.registry) {
    if (step.op === 'enrol') await c.ok('commission.enrol', { armoury: step.armoury, name: step.name, publicKey: step.publicKey, fingerprint: step.fingerprint });
    if (step.op === 'revoke') await c.ok('commission.revokeKey', { keyId: step.keyId, reason: step.reason });
    if (step.op === 'acceptRotation') await c.ok('commission.acceptRotation', { keyId: step.keyId, fingerprint: step.fingerprint });
    if (step.op === 'import') {
      const [r] = await importInto(c, [{ name: step.file, bytes: read(step.file) }]);
      expect(`${r?.outcome} ${r?.detail}`, step.file).toBe(`${step.expect} `);
    }
  }

  const register = registerDigest(c.store);
  const lastSeq = () => (c.store.db.prepare('SELECT MAX(seq) AS seq FROM events').get() as { seq: number }).seq;
  const got: string[] = [];
  for (const bad of manifest.bad) {
    const bytes = read(bad.file);
    const before = lastSeq();
    const [r] = await importInto(c, [{ name: bad.file, bytes }]);
    got.push(`${bad.file}: ${r?.outcome}/${r?.reason}${r?.reason === bad.reason ? '' : ` (${r?.detail})`}`);
    // Its rejection, and nothing else, is written.
    const written = c.store.db.prepare('SELECT type, body FROM events WHERE seq > ?').all(before) as { type: string; body: Buffer }[];
    expect(written.map((e) => e.type), bad.file).toEqual(['snapshot.rejected']);
    expect(JSON.parse(written[0]?.body.toString('utf8') ?? '{}').data, bad.file).toMatchObject({ fileSha256: sha256(bytes), reason: bad.reason });
  }
  expect(got).toEqual(manifest.bad.map((b) => `${b.file}: rejected/${b.reason}`));
  expect(registerDigest(c.store)).toBe(register);

  for (const good of manifest.after) {
    const [r] = await importInto(c, [{ name: good.file, bytes: read(good.file) }]);
    expect(`${r?.outcome} ${r?.detail}`, good.file).toBe(`${good.expect} `);
  }
  expect(verifyDatabase(c.store.db).problems).toEqual([]);
});
