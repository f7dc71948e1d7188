import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { decodeEvent } from '../../src/main/core/journal/event';
import { eventRows } from './support/db';
import { Harness, Template, addStaff, disposeHarnesses } from './support/harness';
import { weaponInput } from './support/weapons';

let template: Template;
beforeAll(async () => {
  template = await Template.build(async (h) => addStaff(h));
});
afterAll(() => template.dispose());
afterEach(disposeHarnesses);

const REASON = 'Erreur de saisie relevée au contrôle';

async function storekeeper(): Promise<Harness> {
  const h = template.copy();
  await h.login('storekeeper');
  return h;
}

interface CorrectionData {
  weaponId: number;
  field: string;
  from: unknown;
  to: unknown;
  corrects: number;
  reason: string;
}

function corrections(h: Harness, weaponId: number): (CorrectionData & { seq: number })[] {
  return eventRows(h.db)
    .filter((r) => r.type === 'weapon.corrected')
    .map((r) => ({ seq: r.seq, ...(decodeEvent(r.body).data as CorrectionData) }))
    .filter((d) => d.weaponId === weaponId);
}

describe('a correction', () => {
  it('requires a reason of at least three characters', async () => {
    const h = await storekeeper();
    const w = await h.ok('weapons.register', weaponInput());
    const head = h.head();
    const missing = await h.fail('weapons.correct', { weaponId: w.id, field: 'serial', value: 'NEW-1' } as never);
    expect(missing.fields?.reason?.code).toBe('required');
    for (const reason of ['', '   ', '\u200b\u200b\u200b\u200b']) {
      expect((await h.fail('weapons.correct', { weaponId: w.id, field: 'serial', value: 'NEW-1', reason })).fields?.reason?.code).toBe('required');
    }
    expect((await h.fail('weapons.correct', { weaponId: w.id, field: 'serial', value: 'NEW-1', reason: 'ab' })).fields?.reason).toEqual({
      code: 'too_short', params: { min: 3 },
    });
    expect(h.head()).toEqual(head);
  });

  it('validates the new value with the field’s own rule, on the value field', async () => {
    const h = await storekeeper();
    const w = await h.ok('weapons.register', weaponInput());
    const head = h.head();
    const cases: [string, unknown, string][] = [
      ['yearOfManufacture', 1700, 'too_small'],
      ['yearOfManufacture', new Date().getUTCFullYear() + 1, 'year_in_future'],
      ['countryOfManufacture', 'XX', 'not_in_list'],
      ['type', 'bazooka', 'not_in_list'],
      ['serial', ' \u200b ', 'required'],
      ['nationalCode', 'AB', 'too_short'],
    ];
    for (const [field, value, code] of cases) {
      const e = await h.fail('weapons.correct', { weaponId: w.id, field: field as 'serial', value, reason: REASON });
      expect([e.kind, Object.keys(e.fields ?? {}), e.fields?.value?.code], `${field}=${String(value)}`).toEqual(['validation', ['value'], code]);
    }
    for (const field of ['condition', 'status', 'id']) {
      const e = await h.fail('weapons.correct', { weaponId: w.id, field: field as 'serial', value: 'x', reason: REASON });
      expect(Object.keys(e.fields ?? {})).toEqual(['field']);
    }
    const same = await h.fail('weapons.correct', { weaponId: w.id, field: 'serial', value: ` ${w.serial}\r`, reason: REASON });
    expect(same.code).toBe('correction_no_change');
    expect((await h.fail('weapons.correct', { weaponId: 999_999, field: 'serial', value: 'X', reason: REASON })).code).toBe('weapon_not_found');
    expect(h.head()).toEqual(head);
  });

  it('records from, to, the reason and the event it corrects: the registration, then the previous correction of that field', async () => {
    const h = await storekeeper();
    const w = await h.ok('weapons.register', weaponInput({ yearOfManufacture: 1980 }));
    const fixed1 = await h.ok('weapons.correct', { weaponId: w.id, field: 'serial', value: 'SN-FIX-1', reason: REASON });
    await h.ok('weapons.move', { weaponId: w.id, location: 'Râtelier D / 4', reason: 'Rangement' });
    await h.ok('weapons.correct', { weaponId: w.id, field: 'yearOfManufacture', value: '1982', reason: REASON });
    const fixed2 = await h.ok('weapons.correct', { weaponId: w.id, field: 'serial', value: 'SN-FIX-2', reason: `${REASON} (bis)` });
    await h.ok('weapons.correct', { weaponId: w.id, field: 'yearOfManufacture', value: null, reason: 'Année illisible' });

    const list = corrections(h, w.id);
    const [s1, y1, s2, y2] = list;
    if (!s1 || !y1 || !s2 || !y2) expect.fail(`expected four corrections, got ${list.length}`);
    expect(s1).toMatchObject({ field: 'serial', from: w.serial, to: 'SN-FIX-1', corrects: w.id, reason: REASON });
    expect(y1).toMatchObject({ field: 'yearOfManufacture', from: 1980, to: 1982, corrects: w.id });
    expect(s2).toMatchObject({ field: 'serial', from: 'SN-FIX-1', to: 'SN-FIX-2', corrects: s1.seq });
    expect(y2).toMatchObject({ field: 'yearOfManufacture', from: 1982, to: null, corrects: y1.seq });
    expect([fixed1.serial, fixed2.serial, fixed2.updatedSeq]).toEqual(['SN-FIX-1', 'SN-FIX-2', s2.seq]);

    const registration = eventRows(h.db).find((r) => r.seq === w.id) ?? expect.fail('no registration');
    expect((decodeEvent(registration.body).data as { serial: string }).serial).toBe(w.serial);
    const dossier = await h.ok('weapons.get', { id: w.id });
    expect(dossier.weapon).toMatchObject({ serial: 'SN-FIX-2', yearOfManufacture: null });
    expect(dossier.history.map((e) => e.type)).toEqual([
      'weapon.registered', 'weapon.corrected', 'weapon.moved', 'weapon.corrected', 'weapon.corrected', 'weapon.corrected',
    ]);
    expect((await h.ok('weapons.lookup', { code: w.serial })).map((x) => x.id)).toEqual([]);
    expect((await h.ok('weapons.lookup', { code: 'sn-fix-2' })).map((x) => x.id)).toEqual([w.id]);
    expect((await h.ok('weapons.list', { search: 'FIX-2' })).rows.map((x) => x.id)).toEqual([w.id]);
  });

  it('of a weapon transferred in corrects the transfer-in event', async () => {
    const h = await storekeeper();
    const w = await h.ok('weapons.transferIn', { ...weaponInput(), transferId: 'TR-77', fromArmoury: 'ML-KYS-01' });
    await h.ok('weapons.correct', { weaponId: w.id, field: 'calibre', value: '7.62x51mm', reason: REASON });
    const [c] = corrections(h, w.id);
    expect(c).toMatchObject({ corrects: w.id, from: w.calibre, to: '7.62x51mm' });
    expect(eventRows(h.db).find((r) => r.seq === w.id)?.type).toBe('weapon.transferred_in');
  });

  it('re-checks both duplicates, naming the existing weapon, but never against the weapon itself', async () => {
    const h = await storekeeper();
    const a = await h.ok('weapons.register', weaponInput({ manufacturer: 'Zastava', model: 'M70', serial: 'ZA-100' }));
    const b = await h.ok('weapons.register', weaponInput({ manufacturer: 'Zastava', model: 'M70 B1', serial: 'ZA-100' }));
    const c = await h.ok('weapons.register', weaponInput({ manufacturer: 'Zastava', model: 'M70', serial: 'ZA-200' }));
    const head = h.head();
    const attempts: [number, 'nationalCode' | 'serial' | 'model' | 'manufacturer', string, string][] = [
      [b.id, 'nationalCode', ` ${a.nationalCode.toLowerCase()}\u200b`, 'duplicate_national_code'],
      [c.id, 'serial', 'za-100\r', 'duplicate_serial'],
      [b.id, 'model', 'm70', 'duplicate_serial'],
    ];
    for (const [weaponId, field, value, code] of attempts) {
      const e = await h.fail('weapons.correct', { weaponId, field, value, reason: REASON });
      expect([e.kind, e.code, e.params?.weaponId, Object.keys(e.fields ?? {})], `${field}=${value}`).toEqual(['conflict', code, a.id, ['value']]);
      expect(e.fields?.value?.params?.weaponId).toBe(a.id);
    }
    expect(h.head()).toEqual(head);
    const recased = await h.ok('weapons.correct', { weaponId: a.id, field: 'serial', value: 'za-100', reason: 'Casse du marquage' });
    expect(recased.serial).toBe('za-100');
    await h.ok('weapons.correct', { weaponId: a.id, field: 'nationalCode', value: a.nationalCode.toLowerCase(), reason: 'Casse' });
  });
});
