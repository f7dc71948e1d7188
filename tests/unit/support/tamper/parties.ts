import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GardienApp } from '../../../../src/main/core/app';
import { importSnapshots } from '../../../../src/main/core/commission/import';
import { exportSnapshot } from '../../../../src/main/core/snapshot/export';
import { importSigningKey, parsePublicKey, type SigningKey } from '../../../../src/main/core/snapshot/minisign';
import type { Store } from '../../../../src/main/core/store';
import type { OpInput, OpOutput, OperationName } from '../../../../src/shared/contract';
import type { ImportResult } from '../../../../src/shared/contract/commission';
import { localToday } from '../../../../src/shared/domain/weapon';
import { weaponInput } from '../weapons';

/**
 * Armouries and a commission driven through the router, as the app drives them, without vitest
 * (scripts/make-snapshot-corpus.ts uses these too). Every party shares one clock that moves a
 * second per operation (sessions lock after idle minutes), so event times and snapshot dates increase.
 */
export class SharedClock {
  constructor(public t: number) {}
  readonly now = (): Date => new Date(this.t);
  tick(ms = 1000): void {
    this.t += ms;
  }
}

export const MANAGER = { username: 'chef', fullName: 'Awa Traoré', password: 'chef-mot-de-passe-1' } as const;

export class Party {
  readonly app: GardienApp;

  constructor(
    readonly dir: string,
    readonly clock: SharedClock,
  ) {
    this.app = new GardienApp({ dataDir: dir, clock: clock.now, sleep: async () => undefined, log: () => undefined }).start();
  }

  get store(): Store {
    return this.app.store ?? fail('no database open');
  }

  async ok<K extends OperationName>(op: K, input: OpInput<K>): Promise<OpOutput<K>> {
    this.clock.tick();
    const r = await this.app.router.call(op, input);
    if (!r.ok) throw new Error(`${op} failed: ${JSON.stringify(r.error)}`);
    return r.value as OpOutput<K>;
  }

  dispose(): void {
    this.app.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

function fail(message: string): never {
  throw new Error(message);
}

const manager = { ...MANAGER, passwordConfirm: MANAGER.password };

export function tempFolder(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export async function newCommission(clock: SharedClock): Promise<Party> {
  const c = new Party(tempFolder('gardien-tamper-c-'), clock);
  await c.ok('app.setupCommission', { commission: { code: 'ML-CNC', name: 'Commission nationale de contrôle', language: 'fr' }, manager });
  return c;
}

export class Armoury extends Party {
  readonly exports: string;
  constructor(
    readonly code: string,
    clock: SharedClock,
  ) {
    super(tempFolder(`gardien-tamper-${code}-`), clock);
    this.exports = join(this.dir, 'out');
  }

  static async create(code: string, clock: SharedClock): Promise<Armoury> {
    const a = new Armoury(code, clock);
    await a.ok('app.setup', { armoury: { code, name: `Armurerie ${code}`, agency: 'police', region: 'Bamako', language: 'fr' }, manager });
    return a;
  }

  async weapons(n: number): Promise<number[]> {
    const ids: number[] = [];
    for (let i = 0; i < n; i++) ids.push((await this.ok('weapons.register', weaponInput())).id);
    return ids;
  }

  async loss(weaponId: number): Promise<void> {
    await this.ok('weapons.reportLoss', { weaponId, date: localToday(this.clock.now()), circumstances: 'Perdue en patrouille', reference: 'PV-12' });
  }

  /** A store and one lot received into it (the state's lots file then holds a line). */
  async lot(lotNumber: string): Promise<void> {
    const licence = { maxNeqKg: { '1.4': 1000 }, authority: 'Direction du matériel', reference: 'LIC-1', expiry: '2099-12-31' };
    const store = await this.ok('stores.create', { code: `MAG-${lotNumber}`, name: 'Magasin central', bays: ['A1'], licence });
    const lot = {
      lotState: 'numbered', lotNumber, nature: 'Cartouche 7,62x39 mm ordinaire', calibre: '7.62x39mm', manufacturer: 'Norinco', country: 'CN',
      yearOfManufacture: 2015, hazardDivision: '1.4', compatibilityGroup: 'S', unNumber: '0012', neqPerUnitKg: 0.001, roundsPerBox: 20,
      boxesPerCase: 50, inspectionIntervalMonths: 12,
    } as const;
    await this.ok('ammo.receiveNewLot', {
      lot, place: { storeId: store.id, bay: 'A1' }, quantity: 1000, date: localToday(this.clock.now()), source: 'Dotation centrale', document: 'BL-7',
    });
  }

  async rotate(): Promise<void> {
    await this.ok('snapshots.rotateKey', { reason: 'Rotation annuelle' });
  }

  /** A real export (full, or since the last one): its bytes. */
  async export(full = false): Promise<{ name: string; bytes: Buffer }> {
    this.clock.tick();
    mkdirSync(this.exports, { recursive: true });
    const summary = await exportSnapshot(this.store, { full, dir: this.exports, now: this.clock.now() });
    return { name: summary.fileName, bytes: readFileSync(join(this.exports, summary.fileName)) };
  }

  /** The armoury's signing keys with their private halves, as an insider holding the database has them. */
  keys(): { current: SigningKey; all: Map<string, SigningKey> } {
    const rows = this.store.s.sql('SELECT k.key_id, k.public_key, k.state, s.private_key FROM signing_keys k JOIN signing_secrets s USING (key_id)').all() as {
      key_id: string;
      public_key: string;
      state: string;
      private_key: Buffer;
    }[];
    const all = new Map<string, SigningKey>();
    let current: SigningKey | null = null;
    for (const r of rows) {
      const pub = parsePublicKey(r.public_key) ?? fail(`bad public key ${r.key_id}`);
      const key = importSigningKey(r.private_key, pub.keyId);
      all.set(r.key_id, key);
      if (r.state === 'current') current = key;
    }
    return { current: current ?? fail('no current key'), all };
  }

  /** The journal's stored bodies, seq order (what an insider with the database reads). */
  journal(): Buffer[] {
    return (this.store.s.sql('SELECT body FROM events ORDER BY seq').all() as { body: Buffer }[]).map((r) => r.body);
  }

  currentKey(): { keyId: string; publicKey: string; fingerprint: string } {
    return this.store.s.sql("SELECT key_id AS keyId, public_key AS publicKey, fingerprint FROM signing_keys WHERE state = 'current'").get() as {
      keyId: string;
      publicKey: string;
      fingerprint: string;
    };
  }
}

/** Enrols `a` at `c` with its current key, as typed from its certificate. */
export async function enrol(c: Party, a: Armoury): Promise<void> {
  const key = a.currentKey();
  await c.ok('commission.enrol', { armoury: a.code, name: `Armurerie ${a.code}`, publicKey: key.publicKey, fingerprint: key.fingerprint });
}

/** Imports through the core function the router's commission.import calls (files in memory, no dialog grant). */
export async function importInto(c: Party, files: readonly { name: string; bytes: Buffer }[]): Promise<ImportResult[]> {
  c.clock.tick();
  return importSnapshots(c.store, files, c.app.session?.userId ?? 1);
}
