import { afterEach, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { GardienApp } from '../../src/main/core/app';
import { verifyDatabase } from '../../src/main/core/journal/verify';
import { DEFAULT_SETTINGS } from '../../src/shared/domain/accounts';
import { count, dumpProjections, events } from './support/db';
import { disposeHarnesses, freshArmoury, USERS } from './support/harness';
import { COMMISSION, freshCommission, paperKey } from './support/commission';
import { weaponInput } from './support/weapons';

afterEach(disposeHarnesses);

describe('the national commission register', () => {
  it('is created by app.setupCommission: kind commission, no signing key, its manager signed in', async () => {
    const h = await freshCommission();
    const status = await h.ok('app.status', {});
    expect(status).toMatchObject({ state: 'ready', database: 'commission', kind: 'commission', armoury: { code: COMMISSION.code, agency: 'other', region: '' } });
    expect(status.session).toMatchObject({ username: USERS.manager.username, role: 'manager' });
    expect(existsSync(h.app.path('commission'))).toBe(true);
    expect(existsSync(h.app.path('armoury'))).toBe(false);
    expect(count(h.db, 'signing_keys')).toBe(0);
    expect(count(h.db, 'signing_secrets')).toBe(0);
    const first = events(h.db)[0];
    expect(first).toMatchObject({ type: 'armoury.created', data: { kind: 'commission', code: COMMISSION.code } });
    expect(events(h.db).map((e) => e.type)).not.toContain('signing_key.created');
  });

  it('is reopened by a new app at start', async () => {
    const h = await freshCommission();
    h.close();
    const again = new GardienApp({ dataDir: h.dir, log: () => undefined }).start();
    try {
      expect(again.status()).toMatchObject({ state: 'ready', kind: 'commission', database: 'commission' });
    } finally {
      again.close();
    }
  });

  it('refuses a second setup of either kind on the same PC', async () => {
    const h = await freshCommission();
    const m = USERS.manager;
    const manager = { username: 'autre', fullName: 'Autre Personne', password: m.password, passwordConfirm: m.password };
    expect((await h.fail('app.setupCommission', { commission: { ...COMMISSION }, manager })).code).toBe('armoury_exists');
    const a = await freshArmoury();
    expect((await a.fail('app.setupCommission', { commission: { ...COMMISSION }, manager })).code).toBe('armoury_exists');
    // And the other way: no armoury is created beside a commission's register.
    const armoury = { code: 'ML-X-01', name: 'Armurerie X', agency: 'police', region: 'Kayes', language: 'fr' } as const;
    expect((await h.fail('app.setup', { armoury, manager })).code).toBe('armoury_exists');
    expect(existsSync(join(h.dir, 'armoury.sqlite'))).toBe(false);
  });

  it('has the commission alert settings, with their defaults', async () => {
    const h = await freshCommission();
    const settings = await h.ok('settings.get', {});
    expect(settings).toMatchObject({ transferMatchDays: 30, silentArmouryDays: 45 });
    expect(DEFAULT_SETTINGS).toMatchObject({ transferMatchDays: 30, silentArmouryDays: 45 });
    expect(await h.ok('settings.update', { silentArmouryDays: 10 })).toMatchObject({ silentArmouryDays: 10, transferMatchDays: 30 });
    expect((await h.fail('settings.update', { transferMatchDays: 0 })).fields).toHaveProperty('transferMatchDays');
  });
});

describe('database kinds', () => {
  it('refuses armoury operations on the commission register, writing nothing', async () => {
    const h = await freshCommission();
    const head = h.head();
    for (const [op, input] of [
      ['weapons.register', weaponInput()], ['weapons.list', {}], ['custody.dashboard', {}], ['snapshots.export', {}], ['reports.holdings', {}],
    ] as const) {
      const error = await h.fail(op, input as never);
      expect(error, op).toMatchObject({ kind: 'conflict', code: 'wrong_database_kind' });
    }
    expect(h.head()).toEqual(head);
    // Shared operations work on both.
    expect((await h.ok('users.list', {})).length).toBe(1);
    expect((await h.ok('journal.head', {})).seq).toBe(head.seq);
  });

  it('refuses commission operations on an armoury, writing nothing', async () => {
    const h = await freshArmoury();
    const head = h.head();
    const before = dumpProjections(h.db);
    const key = paperKey();
    for (const [op, input] of [
      ['commission.armouries', {}], ['commission.alerts', {}], ['commission.trace', { q: 'ABC' }],
      ['commission.enrol', { armoury: 'ML-X-01', name: 'X', publicKey: key.line, fingerprint: key.fingerprint }],
    ] as const) {
      expect(await h.fail(op, input as never), op).toMatchObject({ code: 'wrong_database_kind' });
    }
    expect(h.head()).toEqual(head);
    expect(dumpProjections(h.db)).toEqual(before);
  });
});

describe('the key registry', () => {
  it('enrols an armoury when the fingerprint typed from paper matches, in any grouping or case', async () => {
    const h = await freshCommission();
    const key = paperKey();
    const typed = key.fingerprint.toLowerCase().replace(/ /g, '-');
    const enrolled = await h.ok('commission.enrol', { armoury: 'ml-bko-01', name: 'Armurerie de Bamako', publicKey: key.file, fingerprint: typed });
    expect(enrolled).toMatchObject({ code: 'ML-BKO-01', name: 'Armurerie de Bamako', lastNumber: null, lastSeq: 0, weapons: 0, silentDays: null });
    expect(enrolled.keys).toEqual([
      { keyId: key.keyId, publicKey: key.line, fingerprint: key.fingerprint, state: 'active', since: expect.any(String), until: null, reason: '' },
    ]);
    expect(events(h.db).at(-1)).toMatchObject({
      type: 'commission.armoury_enrolled', data: { armoury: 'ML-BKO-01', keyId: key.keyId, publicKey: key.line, fingerprint: key.fingerprint },
    });
    expect(await h.ok('commission.armouries', {})).toEqual([enrolled]);
  });

  it('refuses a fingerprint that does not match, on the fingerprint field, writing nothing', async () => {
    const h = await freshCommission();
    const key = paperKey();
    const other = paperKey();
    const head = h.head();
    const error = await h.fail('commission.enrol', { armoury: 'ML-BKO-01', name: 'Bamako', publicKey: key.line, fingerprint: other.fingerprint });
    expect(error).toMatchObject({ code: 'fingerprint_mismatch', fields: { fingerprint: { code: 'fingerprint_mismatch' } } });
    // One digit off is as wrong as another key.
    const last = key.fingerprint.at(-1) === '0' ? '1' : '0';
    const typo = `${key.fingerprint.slice(0, -1)}${last}`;
    expect((await h.fail('commission.enrol', { armoury: 'ML-BKO-01', name: 'Bamako', publicKey: key.line, fingerprint: typo })).code).toBe('fingerprint_mismatch');
    expect((await h.fail('commission.enrol', { armoury: 'ML-BKO-01', name: 'Bamako', publicKey: key.line, fingerprint: 'abc' })).fields).toMatchObject({
      fingerprint: { code: 'fingerprint_format' },
    });
    expect((await h.fail('commission.enrol', { armoury: 'ML-BKO-01', name: 'Bamako', publicKey: `${key.line.slice(0, -4)}AAAA`.replace(/^RW/, 'XX'), fingerprint: key.fingerprint })).fields).toMatchObject({
      publicKey: { code: 'public_key_invalid' },
    });
    expect(h.head()).toEqual(head);
    expect(await h.ok('commission.armouries', {})).toEqual([]);
  });

  it('refuses a key already enrolled, and a second key for an armoury that has an active one', async () => {
    const h = await freshCommission();
    const key = paperKey();
    await h.ok('commission.enrol', { armoury: 'ML-BKO-01', name: 'Bamako', publicKey: key.line, fingerprint: key.fingerprint });
    expect(await h.fail('commission.enrol', { armoury: 'ML-KTI-02', name: 'Kati', publicKey: key.line, fingerprint: key.fingerprint })).toMatchObject({
      code: 'key_already_enrolled', fields: { publicKey: { code: 'key_already_enrolled' } },
    });
    const second = paperKey();
    expect(await h.fail('commission.enrol', { armoury: 'ML-BKO-01', name: 'Bamako', publicKey: second.line, fingerprint: second.fingerprint })).toMatchObject({
      code: 'armoury_already_enrolled', fields: { armoury: { code: 'armoury_already_enrolled' } },
    });
  });

  it('revokes a key with its reason; a revoked armoury may be enrolled again with a new key', async () => {
    const h = await freshCommission();
    const key = paperKey();
    await h.ok('commission.enrol', { armoury: 'ML-BKO-01', name: 'Bamako', publicKey: key.line, fingerprint: key.fingerprint });
    const revoked = await h.ok('commission.revokeKey', { keyId: key.keyId.toLowerCase(), reason: 'Clé USB perdue' });
    expect(revoked.keys[0]).toMatchObject({ keyId: key.keyId, state: 'revoked', reason: 'Clé USB perdue', until: expect.any(String) });
    expect((await h.fail('commission.revokeKey', { keyId: key.keyId, reason: 'Encore' })).code).toBe('key_already_revoked');
    expect((await h.fail('commission.revokeKey', { keyId: '0123456789ABCDEF', reason: 'Inconnue' })).code).toBe('registry_key_not_found');
    const next = paperKey();
    const again = await h.ok('commission.enrol', { armoury: 'ML-BKO-01', name: 'Armurerie de Bamako', publicKey: next.line, fingerprint: next.fingerprint });
    expect(again.keys.map((k) => [k.keyId, k.state])).toEqual(expect.arrayContaining([[key.keyId, 'revoked'], [next.keyId, 'active']]));
    expect(again.name).toBe('Armurerie de Bamako');
    expect((await h.fail('commission.acceptRotation', { keyId: next.keyId, fingerprint: next.fingerprint })).code).toBe('key_not_announced');
  });

  it('is restricted by role: an auditor reads, only a manager enrols or revokes', async () => {
    const h = await freshCommission();
    const auditor = await h.ok('users.create', { username: USERS.auditor.username, fullName: USERS.auditor.fullName, role: 'auditor', password: USERS.auditor.password });
    expect(auditor.role).toBe('auditor');
    await h.login('auditor');
    expect(await h.ok('commission.armouries', {})).toEqual([]);
    const key = paperKey();
    expect((await h.fail('commission.enrol', { armoury: 'ML-BKO-01', name: 'Bamako', publicKey: key.line, fingerprint: key.fingerprint })).code).toBe('forbidden');
  });

  it('keeps its projections replayable (verifyDatabase)', async () => {
    const h = await freshCommission();
    const a = paperKey();
    const b = paperKey();
    await h.ok('commission.enrol', { armoury: 'ML-BKO-01', name: 'Bamako', publicKey: a.line, fingerprint: a.fingerprint });
    await h.ok('commission.enrol', { armoury: 'ML-KTI-02', name: 'Kati', publicKey: b.line, fingerprint: b.fingerprint });
    await h.ok('commission.revokeKey', { keyId: b.keyId, reason: 'Compromise' });
    const report = verifyDatabase(h.db);
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
  });
});
