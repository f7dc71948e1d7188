import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { OPERATIONS } from '../../src/shared/contract';
import { eventRows } from './support/db';
import { disposeHarnesses, freshArmoury, Harness, USERS } from './support/harness';
import { today, weaponInput } from './support/weapons';

afterEach(disposeHarnesses);

interface CredentialRow {
  user_id: number;
  params: string;
  salt: Buffer;
  hash: Buffer;
}

function credentials(h: Harness): CredentialRow[] {
  return h.db.prepare('SELECT user_id, params, salt, hash FROM credentials ORDER BY user_id').all() as CredentialRow[];
}

/** Every way a secret could have leaked into bytes: as text, hex, base64 or raw. */
function forms(secret: string | Buffer): Buffer[] {
  const raw = typeof secret === 'string' ? Buffer.from(secret, 'utf8') : secret;
  return [raw, Buffer.from(raw.toString('hex')), Buffer.from(raw.toString('base64')), Buffer.from(JSON.stringify(raw.toJSON().data))];
}

describe('credentials', () => {
  it('use scrypt with memory-hard parameters and a per-user salt', async () => {
    const h = await freshArmoury();
    const same = 'le-meme-mot-de-passe';
    const a = await h.ok('users.create', { username: 'agent.a', fullName: 'Agent A', role: 'storekeeper', password: same });
    const b = await h.ok('users.create', { username: 'agent.b', fullName: 'Agent B', role: 'storekeeper', password: same });
    const rows = credentials(h);
    const ca = rows.find((r) => r.user_id === a.id) ?? expect.fail('no credentials for a');
    const cb = rows.find((r) => r.user_id === b.id) ?? expect.fail('no credentials for b');
    expect(ca.salt.length).toBeGreaterThanOrEqual(16);
    expect(ca.salt.equals(cb.salt)).toBe(false);
    expect(ca.hash.equals(cb.hash)).toBe(false);
    const params = JSON.parse(ca.params) as { N: number; r: number; p: number; keylen: number };
    expect(params.N).toBeGreaterThanOrEqual(2 ** 14);
    expect(params.N * params.r * 128).toBeGreaterThanOrEqual(16 * 1024 * 1024);
    expect(ca.hash.length).toBe(params.keylen);
    expect(new Set(rows.map((r) => r.salt.toString('hex'))).size).toBe(rows.length);
    await h.ok('auth.logout', {});
    await h.ok('auth.login', { username: 'agent.a', password: same });
    await h.ok('auth.logout', {});
    await h.ok('auth.login', { username: 'AGENT.B', password: same });
  });

  it('never appear in the journal, nor anywhere in the file', async () => {
    const h = await freshArmoury();
    const secrets = [USERS.manager.password, USERS.storekeeper.password, 'reinitialise-42', 'change-moi-vite', 'essai-rate-007'];
    const sk = await h.ok('users.create', { ...USERS.storekeeper, role: 'storekeeper' });
    await h.ok('users.resetPassword', { userId: sk.id, password: 'reinitialise-42' });
    const w = await h.ok('weapons.register', weaponInput());
    await h.ok('auth.logout', {});
    await h.fail('auth.login', { username: USERS.storekeeper.username, password: 'essai-rate-007' });
    await h.ok('auth.login', { username: USERS.storekeeper.username, password: 'reinitialise-42' });
    await h.ok('auth.changePassword', { current: 'reinitialise-42', next: 'change-moi-vite', confirm: 'change-moi-vite' });
    await h.ok('weapons.destroy', {
      weaponId: w.id, date: today(), method: 'crushing', certificate: 'PVD-7', witnesses: ['Témoin Un', 'Témoin Deux'],
      approver: { username: USERS.manager.username, password: USERS.manager.password },
    });
    await h.ok('auth.lock', {});
    await h.ok('auth.unlock', { password: 'change-moi-vite' });

    const creds = credentials(h);
    expect(creds).toHaveLength(2);
    const needles = [...secrets.flatMap((s) => forms(s)), ...creds.flatMap((c) => [...forms(c.hash), ...forms(c.salt)])];
    const rows = eventRows(h.db);
    const types = rows.map((r) => r.type);
    expect(types).toEqual(expect.arrayContaining(['user.password_reset', 'user.password_changed', 'weapon.destroyed']));
    for (const row of rows) {
      for (const needle of needles) expect(row.body.includes(needle), `event ${row.seq} (${row.type})`).toBe(false);
    }
    const destroyed = rows.find((r) => r.type === 'weapon.destroyed') ?? expect.fail('no destruction');
    expect(JSON.parse(destroyed.body.toString('utf8')).data).not.toHaveProperty('approver');

    const path = h.path;
    h.close();
    const file = readFileSync(path);
    for (const secret of secrets) expect(file.includes(Buffer.from(secret, 'utf8')), secret).toBe(false);
  });

  it('change: the old password stops working, the new one works', async () => {
    const h = await freshArmoury();
    const wrong = await h.fail('auth.changePassword', { current: 'pas-le-bon', next: 'tout-nouveau-mot', confirm: 'tout-nouveau-mot' });
    expect([wrong.code, Object.keys(wrong.fields ?? {})]).toEqual(['wrong_password', ['current']]);
    const differ = await h.fail('auth.changePassword', { current: USERS.manager.password, next: 'tout-nouveau-mot', confirm: 'autre-chose-x' });
    expect(differ.fields?.confirm?.code).toBe('passwords_differ');
    await h.ok('auth.changePassword', { current: USERS.manager.password, next: 'tout-nouveau-mot', confirm: 'tout-nouveau-mot' });
    await h.ok('auth.logout', {});
    expect((await h.fail('auth.login', { username: USERS.manager.username, password: USERS.manager.password })).code).toBe('auth_bad_credentials');
    await h.ok('auth.login', { username: USERS.manager.username, password: 'tout-nouveau-mot' });
  });
});

describe('users', () => {
  it('are never deleted: a disabled account keeps its row, its history and its name on past events', async () => {
    const h = await freshArmoury();
    expect(OPERATIONS.filter((op) => /delete|remove|purge/i.test(op))).toEqual([]);
    const sk = await h.ok('users.create', { ...USERS.storekeeper, role: 'storekeeper' });
    await h.ok('auth.logout', {});
    await h.login('storekeeper');
    const w = await h.ok('weapons.register', weaponInput());
    await h.ok('auth.logout', {});
    await h.login('manager');
    const historyBefore = h.db.prepare("SELECT seq FROM event_refs WHERE ref = ? ORDER BY seq").all(`u:${sk.id}`);

    const disabled = await h.ok('users.disable', { userId: sk.id, reason: 'Mutation' });
    expect(disabled).toEqual({ ...sk, active: false });
    const list = await h.ok('users.list', {});
    expect(list.find((u) => u.id === sk.id)).toEqual({ ...sk, active: false });
    const historyAfter = h.db.prepare("SELECT seq FROM event_refs WHERE ref = ? ORDER BY seq").all(`u:${sk.id}`);
    expect(historyAfter.slice(0, historyBefore.length)).toEqual(historyBefore);
    expect(historyAfter.length).toBe(historyBefore.length + 1);

    const dossier = await h.ok('weapons.get', { id: w.id });
    expect(dossier.history[0]?.actor).toEqual({ id: sk.id, username: sk.username, fullName: sk.fullName });
    expect((await h.fail('users.create', { ...USERS.storekeeper, role: 'auditor' })).code).toBe('username_taken');
  });

  it('usernames are unique whatever their case or stray spaces', async () => {
    const h = await freshArmoury();
    await h.ok('users.create', { username: 'Sergent.K', fullName: 'Sergent K', role: 'storekeeper', password: 'mot-de-passe-long' });
    const dup = await h.fail('users.create', { username: ' sergent.k\u200b ', fullName: 'Autre', role: 'auditor', password: 'mot-de-passe-long' });
    expect([dup.kind, dup.code, dup.fields?.username?.code]).toEqual(['conflict', 'username_taken', 'username_taken']);
  });
});
