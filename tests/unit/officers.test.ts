import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { localToday } from '../../src/shared/domain/weapon';
import { refused } from './support/ammunition';
import { dumpProjections, events, replay } from './support/db';
import { addStaff, disposeHarnesses, Template, TestClock, type Harness } from './support/harness';
import { authorise, officerInput, registerOfficer } from './support/officers';
import { weaponInput } from './support/weapons';

const DAY = 86_400_000;
let template: Template;

beforeAll(async () => {
  template = await Template.build(async (h) => {
    const staff = await addStaff(h);
    const diarra = await registerOfficer(h, { serviceNumber: 'GN-2011-0457', name: 'Adjudant Diarra', unit: 'Escadron 3' });
    const kone = await registerOfficer(h, { serviceNumber: 'MLP-100_%', name: 'Brigadier Koné', unit: 'Brigade 50% nord' });
    const sangare = await registerOfficer(h, { serviceNumber: 'PN-77-31', name: 'Agent Sangaré', unit: 'Commissariat du 4e' });
    return { ...staff, diarra: diarra.id, kone: kone.id, sangare: sangare.id };
  });
});
afterAll(() => template.dispose());
afterEach(disposeHarnesses);

const info = (key: string): number => template.info[key] ?? expect.fail(`template has no ${key}`);

async function as(role: 'manager' | 'storekeeper' | 'auditor', clock?: TestClock): Promise<Harness> {
  const h = template.copy(clock ? { clock } : {});
  await h.login(role);
  return h;
}

const names = (rows: { name: string }[]) => rows.map((r) => r.name);

describe('registering and updating officers', () => {
  it('registers an active officer with no authorisation and nothing out', async () => {
    const h = await as('storekeeper');
    const row = await registerOfficer(h, { serviceNumber: '  mlp-9001 ', name: 'Caporal Touré', rank: 'Caporal', unit: 'GMI 2', agency: 'gendarmerie' });
    expect(row).toMatchObject({ serviceNumber: 'mlp-9001', name: 'Caporal Touré', rank: 'Caporal', unit: 'GMI 2', agency: 'gendarmerie', status: 'active', authorisations: [], weaponsOut: 0 });
    expect(row.id).toBe(h.head().seq);
    expect(events(h.db).at(-1)).toMatchObject({ type: 'officer.registered', data: { serviceNumber: 'mlp-9001', name: 'Caporal Touré' } });
    expect(await h.ok('officers.lookup', { serviceNumber: 'MLP-9001\r' })).toEqual(row);
  });

  it('refuses a service number already taken, compared normalized, on register and on update', async () => {
    const h = await as('storekeeper');
    const diarra = info('diarra');
    for (const serviceNumber of ['GN-2011-0457', 'gn-2011-0457', ' GN-2011-0457\t', 'GN-2011-0457\u200e']) {
      const e = await refused(h, 'officers.register', officerInput({ serviceNumber }), 'service_number_taken');
      expect(e.kind).toBe('conflict');
      expect(e.fields?.serviceNumber).toEqual({ code: 'service_number_taken', params: { value: serviceNumber.trim().replace('\u200e', ''), officerId: diarra } });
    }
    const e = await refused(h, 'officers.update', { id: info('kone'), ...officerInput({ serviceNumber: 'gn-2011-0457' }) }, 'service_number_taken');
    expect(e.params).toEqual({ value: 'gn-2011-0457', officerId: diarra });
    // an officer keeps their own number, in another spelling
    const row = await h.ok('officers.update', { id: diarra, serviceNumber: 'gn-2011-0457', name: 'Adjudant-chef Diarra', rank: 'Adjudant-chef', unit: 'Escadron 1', agency: 'gendarmerie' });
    expect(row).toMatchObject({ serviceNumber: 'gn-2011-0457', name: 'Adjudant-chef Diarra', unit: 'Escadron 1', agency: 'gendarmerie', status: 'active' });
    expect((await h.ok('officers.list', { search: 'escadron 1' })).rows.map((r) => r.id)).toEqual([diarra]);
    expect((await h.ok('officers.list', { search: 'escadron 3' })).total).toBe(0);
  });

  it('refuses unknown officers', async () => {
    const h = await as('manager');
    expect((await refused(h, 'officers.get', { id: 9_999 }, 'officer_not_found')).kind).toBe('not_found');
    await refused(h, 'officers.update', { id: 9_999, ...officerInput() }, 'officer_not_found');
    await refused(h, 'officers.setStatus', { id: 9_999, status: 'left', reason: 'Retraite' }, 'officer_not_found');
    await refused(h, 'officers.authorise', { id: 9_999, weaponType: 'pistol', expires: '2099-01-01', reference: 'HAB-1' }, 'officer_not_found');
    await refused(h, 'officers.withdrawAuthorisation', { id: 9_999, weaponType: 'pistol', reason: 'Erreur' }, 'officer_not_found');
    const e = await refused(h, 'officers.lookup', { serviceNumber: 'XX-404' }, 'officer_not_found');
    expect(e.fields?.serviceNumber).toEqual({ code: 'officer_not_found' });
    await refused(h, 'officers.lookup', { serviceNumber: '' }, 'officer_not_found');
  });

  it('lets only managers change a status or an authorisation, and auditors only read', async () => {
    const sk = await as('storekeeper');
    const id = info('kone');
    await refused(sk, 'officers.setStatus', { id, status: 'suspended', reason: 'Enquête' }, 'forbidden');
    await refused(sk, 'officers.authorise', { id, weaponType: 'pistol', expires: '2099-01-01', reference: 'HAB-1' }, 'forbidden');
    await refused(sk, 'officers.withdrawAuthorisation', { id, weaponType: 'pistol', reason: 'Erreur' }, 'forbidden');
    await sk.ok('officers.update', { id, ...officerInput({ serviceNumber: 'MLP-100_%' }) });
    const au = await as('auditor');
    await refused(au, 'officers.register', officerInput(), 'forbidden');
    await refused(au, 'officers.update', { id, ...officerInput() }, 'forbidden');
    await refused(au, 'officers.setStatus', { id, status: 'left', reason: 'Retraite' }, 'forbidden');
    expect((await au.ok('officers.list', {})).total).toBe(3);
    expect((await au.ok('officers.get', { id })).officer.id).toBe(id);
  });

  it('changes status and keeps the officer, with the history of every change', async () => {
    const h = await as('manager');
    const id = info('sangare');
    expect((await h.ok('officers.setStatus', { id, status: 'suspended', reason: 'Enquête administrative' })).status).toBe('suspended');
    expect((await h.ok('officers.setStatus', { id, status: 'left', reason: 'Mutation hors armurerie' })).status).toBe('left');
    await authorise(h, id, 'pistol');
    await h.ok('officers.withdrawAuthorisation', { id, weaponType: 'pistol', reason: 'Départ' });
    const dossier = await h.ok('officers.get', { id });
    expect(dossier.officer.status).toBe('left');
    expect(dossier.out).toEqual([]);
    expect(dossier.history.map((e) => e.type)).toEqual([
      'officer.registered', 'officer.status_changed', 'officer.status_changed', 'officer.authorised', 'officer.authorisation_withdrawn',
    ]);
    expect(dossier.history[1]).toMatchObject({ actor: { username: 'chef' }, data: { officerId: id, status: 'suspended', reason: 'Enquête administrative' } });
    expect((await h.ok('officers.list', { status: 'left' })).rows.map((r) => r.id)).toEqual([id]);
    expect((await h.ok('officers.list', { status: 'active' })).total).toBe(2);
  });
});

describe('authorisations', () => {
  it('are current until their expiry date included, by the local date of the clock', async () => {
    const clock = new TestClock();
    const h = await as('manager', clock);
    const id = info('diarra');
    const today = localToday(clock.now());
    const yesterday = localToday(new Date(clock.t - DAY));
    await authorise(h, id, 'pistol', today, 'HAB-P');
    const row = await authorise(h, id, 'assault_rifle', yesterday, 'HAB-F');
    expect(row.authorisations).toEqual([
      { weaponType: 'assault_rifle', expires: yesterday, reference: 'HAB-F', current: false },
      { weaponType: 'pistol', expires: today, reference: 'HAB-P', current: true },
    ]);
    clock.advance(DAY);
    await h.login('manager');
    expect((await h.ok('officers.get', { id })).officer.authorisations.map((a) => a.current)).toEqual([false, false]);
    // renewing replaces the earlier authorisation for that type
    const renewed = await authorise(h, id, 'assault_rifle', '2099-06-30', 'HAB-F2');
    expect(renewed.authorisations[0]).toEqual({ weaponType: 'assault_rifle', expires: '2099-06-30', reference: 'HAB-F2', current: true });
    expect(renewed.authorisations).toHaveLength(2);
  });

  it('withdraws one the officer holds and refuses one they do not', async () => {
    const h = await as('manager');
    const id = info('kone');
    await authorise(h, id, 'pistol');
    const e = await refused(h, 'officers.withdrawAuthorisation', { id, weaponType: 'shotgun', reason: 'Erreur' }, 'authorisation_not_found');
    expect(e.fields?.weaponType).toEqual({ code: 'authorisation_not_found' });
    const row = await h.ok('officers.withdrawAuthorisation', { id, weaponType: 'pistol', reason: 'Échec au tir de contrôle' });
    expect(row.authorisations).toEqual([]);
    await refused(h, 'officers.withdrawAuthorisation', { id, weaponType: 'pistol', reason: 'Encore' }, 'authorisation_not_found');
  });
});

describe('the personnel register list', () => {
  it('finds partial service numbers, names and units, in any case, ordered by name', async () => {
    const h = await as('auditor');
    const search = async (text: string) => names((await h.ok('officers.list', { search: text })).rows);
    expect(await search('')).toEqual(['Adjudant Diarra', 'Agent Sangaré', 'Brigadier Koné']);
    expect(await search('2011-04')).toEqual(['Adjudant Diarra']);
    expect(await search('sangaré')).toEqual(['Agent Sangaré']);
    expect(await search('  KONÉ ')).toEqual(['Brigadier Koné']);
    expect(await search('commissariat du 4')).toEqual(['Agent Sangaré']);
    expect(await search('a')).toHaveLength(3);
    expect(await search('zzz')).toEqual([]);
  });

  it('takes % and _ literally', async () => {
    const h = await as('auditor');
    const search = async (text: string) => names((await h.ok('officers.list', { search: text })).rows);
    expect(await search('%')).toEqual(['Brigadier Koné']);
    expect(await search('_')).toEqual(['Brigadier Koné']);
    expect(await search('50%')).toEqual(['Brigadier Koné']);
    expect(await search('100_')).toEqual(['Brigadier Koné']);
    expect(await search('PN_77')).toEqual([]);
    expect(await search('\\')).toEqual([]);
  });

  it('pages with a total and filters by status', async () => {
    const h = await as('storekeeper');
    for (let i = 0; i < 5; i++) await registerOfficer(h, { name: `Zadi ${i}`, unit: 'Peloton Z' });
    const page = await h.ok('officers.list', { search: 'peloton z', offset: 2, limit: 2 });
    expect(page.total).toBe(5);
    expect(names(page.rows)).toEqual(['Zadi 2', 'Zadi 3']);
    expect((await h.ok('officers.list', { limit: 500 })).total).toBe(8);
    expect((await h.ok('officers.list', { status: 'suspended' })).total).toBe(0);
  });
});

describe('weapons out', () => {
  it('counts the weapons an officer holds, and the dossier lists them with the vouchers', async () => {
    const h = await as('manager');
    const id = info('diarra');
    await authorise(h, id, 'assault_rifle');
    const weapons = [await h.ok('weapons.register', weaponInput()), await h.ok('weapons.register', weaponInput())];
    const voucher = await h.ok('custody.issue', {
      kind: 'checkout', officerId: id, weapons: weapons.map((w) => ({ weaponId: w.id, magazines: 2 })), duty: 'Patrouille de nuit',
      expectedReturn: new Date(h.clock.t + 8 * 3_600_000).toISOString(), acknowledgement: 'GN-2011-0457',
    });
    expect((await h.ok('officers.lookup', { serviceNumber: 'GN-2011-0457' })).weaponsOut).toBe(2);
    expect((await h.ok('officers.list', { search: 'diarra' })).rows[0]?.weaponsOut).toBe(2);
    expect((await h.ok('officers.list', { search: 'koné' })).rows[0]?.weaponsOut).toBe(0);
    const dossier = await h.ok('officers.get', { id });
    expect(dossier.officer.weaponsOut).toBe(2);
    expect(dossier.out.map((o) => o.weapon.id).sort()).toEqual(weapons.map((w) => w.id).sort());
    expect(dossier.vouchers.map((v) => v.id)).toEqual([voucher.id]);
    expect(dossier.history.map((e) => e.type)).toEqual(['officer.registered', 'officer.authorised', 'custody.issued']);
  });
});

describe('replay', () => {
  it('rebuilds officers and authorisations exactly', async () => {
    const h = await as('manager');
    const id = info('diarra');
    await authorise(h, id, 'pistol', '2030-01-01');
    await authorise(h, id, 'pistol', '2031-01-01', 'HAB-R');
    await authorise(h, id, 'rifle', '2031-01-01');
    await h.ok('officers.withdrawAuthorisation', { id, weaponType: 'rifle', reason: 'Erreur de saisie' });
    await h.ok('officers.update', { id, ...officerInput({ serviceNumber: 'GN-2011-0458', name: 'Adjudant Diarra B.' }) });
    await h.ok('officers.setStatus', { id: info('kone'), status: 'suspended', reason: 'Enquête en cours' });
    const rebuilt = replay(h.db);
    expect(dumpProjections(rebuilt)).toEqual(dumpProjections(h.db));
    rebuilt.close();
  });
});
