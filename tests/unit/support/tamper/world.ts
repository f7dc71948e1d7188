import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateSigningKey, type SigningKey } from '../../../../src/main/core/snapshot/minisign';
import type { ImportResult } from '../../../../src/shared/contract/commission';
import { Armoury, enrol, importInto, MANAGER, newCommission, Party, SharedClock, tempFolder } from './parties';
import { NAMES, parseBase, sha256, type Base } from './snapshot';

/**
 * The register every tamper variant is checked against, built with the real app: armouries that
 * export real snapshots, a commission that enrols, revokes, accepts a rotation and imports.
 *
 *   ALPHA    snapshot 1 imported; snapshot 2 (since-last) exported, not imported: the base of most variants
 *   BRAVO    snapshots 1 and 2 (both full) exported, only 2 imported: 1 is a replay
 *   CHARLIE  snapshot 1 imported, then its key revoked; snapshot 2 signed by the revoked key
 *   DELTA    1 imported, key rotated, 2 (announcing) imported, rotation accepted; 3 signed by the new key, not imported
 *   FOXTROT  1 imported, key rotated, 2 (announcing) imported, rotation NOT accepted; 3 signed by the announced key
 *   ECHO     not enrolled; its snapshot 1
 */
export const CODES = { alpha: 'ML-ALP-01', bravo: 'ML-BRV-01', charlie: 'ML-CHL-01', delta: 'ML-DLT-01', foxtrot: 'ML-FOX-01', echo: 'ML-ECH-01' } as const;

export type KeyState = 'active' | 'announced' | 'retired' | 'revoked';

/** What the register holds, as the world knows it from the files it imported (never read back from the code under test). */
export interface RegisterModel {
  keys: Map<string, { armoury: string; state: KeyState }>;
  armouries: Map<string, { lastNumber: number | null; lastSeq: number; lastCheckpoint: string | null; hashes: Map<number, string> }>;
  /** File SHA-256 of every accepted import (a byte-identical re-import is a duplicate). */
  accepted: Set<string>;
}

/** What the commission did to build its register, in order: enough to rebuild it elsewhere (the fixed corpus does). */
export type Step =
  | { op: 'enrol'; armoury: string; name: string; keyId: string; publicKey: string; fingerprint: string }
  | { op: 'import'; file: string; bytes: Buffer }
  | { op: 'revoke'; keyId: string; reason: string }
  | { op: 'acceptRotation'; keyId: string; fingerprint: string };

export interface World {
  clock: SharedClock;
  steps: Step[];
  commission: Party;
  armouries: Record<keyof typeof CODES, Armoury>;
  bases: {
    alpha1: Base; alpha2: Base; bravo1: Base; bravo2: Base; charlie1: Base; charlie2: Base;
    delta1: Base; delta2: Base; delta3: Base; foxtrot1: Base; foxtrot2: Base; foxtrot3: Base; echo1: Base;
  };
  keys: {
    alpha: SigningKey; bravo: SigningKey; charlie: SigningKey; deltaOld: SigningKey; deltaNew: SigningKey; foxtrotOld: SigningKey;
    foxtrotNew: SigningKey; echo: SigningKey; unknown: SigningKey;
  };
  /** ALPHA's whole journal (bodies, seq order) at the time of its snapshot 2: an insider's copy. */
  alphaJournal: Buffer[];
  register: RegisterModel;
  dispose(): void;
}

function record(model: RegisterModel, base: Base): void {
  const a = model.armouries.get(base.armoury);
  if (!a) throw new Error(`${base.armoury} is not in the model`);
  for (const body of base.events) a.hashes.set(JSON.parse(body.toString('utf8')).seq as number, sha256(body));
  a.lastNumber = base.number;
  a.lastSeq = base.toSeq;
  a.lastCheckpoint = sha256(base.entries.get(NAMES.checkpoint) ?? Buffer.alloc(0));
  model.accepted.add(sha256(base.file));
}

function expectAccepted(results: ImportResult[], what: string): void {
  const bad = results.filter((r) => r.outcome !== 'accepted');
  if (bad.length > 0) throw new Error(`world: ${what} not accepted: ${JSON.stringify(bad)}`);
}

/** `small`: fewer ALPHA events, for the committed corpus's few-KB files. */
export async function buildWorld(options: { small?: boolean; start?: number } = {}): Promise<World> {
  const clock = new SharedClock(options.start ?? Date.UTC(2025, 2, 3, 8, 0, 0));
  const small = options.small ?? false;
  const c = await newCommission(clock);
  const made: Party[] = [c];
  try {
    const armoury = async (code: string) => {
      const a = await Armoury.create(code, clock);
      made.push(a);
      return a;
    };
    const alpha = await armoury(CODES.alpha);
    const bravo = await armoury(CODES.bravo);
    const charlie = await armoury(CODES.charlie);
    const delta = await armoury(CODES.delta);
    const foxtrot = await armoury(CODES.foxtrot);
    const echo = await armoury(CODES.echo);
    const model: RegisterModel = { keys: new Map(), armouries: new Map(), accepted: new Set() };
    const steps: Step[] = [];
    const enrolled = async (a: Armoury) => {
      await enrol(c, a);
      steps.push({ op: 'enrol', armoury: a.code, name: `Armurerie ${a.code}`, ...a.currentKey() });
      model.keys.set(a.currentKey().keyId, { armoury: a.code, state: 'active' });
      model.armouries.set(a.code, { lastNumber: null, lastSeq: 0, lastCheckpoint: null, hashes: new Map() });
    };
    const take = async (bases: Base[], what: string) => {
      expectAccepted(await importInto(c, bases.map((b) => ({ name: `${b.label}.gsnap`, bytes: b.file }))), what);
      for (const b of bases) {
        record(model, b);
        steps.push({ op: 'import', file: `${b.label}.gsnap`, bytes: b.file });
      }
    };
    const snap = async (a: Armoury, label: string, full = false) => parseBase(label, (await a.export(full)).bytes);

    // ALPHA: weapons, a loss, a lot; snapshot 1 imported; more of each in snapshot 2.
    const ids = await alpha.weapons(small ? 2 : 4);
    await alpha.loss(ids[0] ?? 0);
    await alpha.lot('LOT-A1');
    await enrolled(alpha);
    const alpha1 = await snap(alpha, 'alpha1');
    await take([alpha1], 'ALPHA 1');
    await alpha.weapons(small ? 1 : 3);
    if (!small) await alpha.lot('LOT-A2');
    await alpha.loss(ids[1] ?? 0);
    const alpha2 = await snap(alpha, 'alpha2');
    const alphaKey = alpha.keys().current;

    await bravo.weapons(2);
    const bravo1 = await snap(bravo, 'bravo1');
    await bravo.weapons(1);
    const bravo2 = await snap(bravo, 'bravo2', true);
    await enrolled(bravo);
    await take([bravo2], 'BRAVO 2');

    await charlie.weapons(2);
    await enrolled(charlie);
    const charlie1 = await snap(charlie, 'charlie1');
    await take([charlie1], 'CHARLIE 1');
    await charlie.weapons(1);
    const charlie2 = await snap(charlie, 'charlie2');
    const charlieKey = charlie.currentKey().keyId;
    await c.ok('commission.revokeKey', { keyId: charlieKey, reason: 'Ordinateur volé' });
    steps.push({ op: 'revoke', keyId: charlieKey, reason: 'Ordinateur volé' });
    model.keys.set(charlieKey, { armoury: charlie.code, state: 'revoked' });

    const rotated = async (a: Armoury, label: string, accept: boolean) => {
      await a.weapons(2);
      await enrolled(a);
      const first = await snap(a, `${label}1`);
      await take([first], `${label} 1`);
      const oldId = a.currentKey().keyId;
      const old = a.keys().current;
      await a.rotate();
      await a.weapons(1);
      const second = await snap(a, `${label}2`);
      await take([second], `${label} 2`);
      const next = a.currentKey();
      model.keys.set(next.keyId, { armoury: a.code, state: 'announced' });
      if (accept) {
        await c.ok('commission.acceptRotation', { keyId: next.keyId, fingerprint: next.fingerprint });
        steps.push({ op: 'acceptRotation', keyId: next.keyId, fingerprint: next.fingerprint });
        model.keys.set(next.keyId, { armoury: a.code, state: 'active' });
        model.keys.set(oldId, { armoury: a.code, state: 'retired' });
      }
      await a.weapons(1);
      const third = await snap(a, `${label}3`);
      return { first, second, third, old, next: a.keys().current };
    };
    const d = await rotated(delta, 'delta', true);
    const f = await rotated(foxtrot, 'foxtrot', false);

    await echo.weapons(2);
    const echo1 = await snap(echo, 'echo1');

    const world: World = {
      clock, steps, commission: c,
      armouries: { alpha, bravo, charlie, delta, foxtrot, echo },
      bases: {
        alpha1, alpha2, bravo1, bravo2, charlie1, charlie2, delta1: d.first, delta2: d.second, delta3: d.third,
        foxtrot1: f.first, foxtrot2: f.second, foxtrot3: f.third, echo1,
      },
      keys: {
        alpha: alphaKey, bravo: bravo.keys().current, charlie: charlie.keys().current, deltaOld: d.old, deltaNew: d.next,
        foxtrotOld: f.old, foxtrotNew: f.next, echo: echo.keys().current, unknown: generateSigningKey(),
      },
      alphaJournal: alpha.journal().slice(0, alpha2.toSeq),
      register: model,
      dispose: () => {
        for (const p of made) p.dispose();
      },
    };
    return world;
  } catch (error) {
    for (const p of made) p.dispose();
    throw error;
  }
}

/** A copy of the world's commission register, its manager signed in: for tests that change it. */
export async function copyCommission(w: World): Promise<Party> {
  w.commission.store.db.pragma('wal_checkpoint(TRUNCATE)');
  const dir = tempFolder('gardien-tamper-copy-');
  copyFileSync(w.commission.app.path('commission'), join(dir, 'commission.sqlite'));
  const copy = new Party(dir, w.clock);
  await copy.ok('auth.login', { username: MANAGER.username, password: MANAGER.password });
  return copy;
}
