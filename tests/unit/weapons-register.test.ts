import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MIN_MANUFACTURE_YEAR } from '../../src/shared/domain/enums';
import { normalizeKey } from '../../src/shared/domain/normalize';
import type { WeaponFieldsInput } from '../../src/shared/domain/weapon';
import { count } from './support/db';
import { Harness, Template, addStaff, disposeHarnesses } from './support/harness';
import { nextNumber, weaponInput } from './support/weapons';

let template: Template;
beforeAll(async () => {
  template = await Template.build(async (h) => addStaff(h));
});
afterAll(() => template.dispose());
afterEach(disposeHarnesses);

async function storekeeper(): Promise<Harness> {
  const h = template.copy();
  await h.login('storekeeper');
  return h;
}

/** DOMAIN.md's required fields of the firearm record (year may be unknown; place and source optional). */
const REQUIRED = [
  'nationalCode', 'serial', 'manufacturer', 'model', 'countryOfManufacture', 'type', 'calibre', 'markingLocation',
  'agency', 'acquisitionDate', 'acquisitionMode',
] as const;

const without = (field: keyof WeaponFieldsInput): WeaponFieldsInput => {
  const w: Partial<WeaponFieldsInput> = weaponInput();
  delete w[field];
  return w as WeaponFieldsInput;
};

describe('registration validates the record', () => {
  it('names every missing required field, and writes nothing', async () => {
    const h = await storekeeper();
    const head = h.head();
    const all = await h.fail('weapons.register', {} as WeaponFieldsInput);
    expect([all.kind, all.code]).toEqual(['validation', 'invalid_input']);
    for (const f of REQUIRED) expect(all.fields?.[f], f).toEqual({ code: 'required' });

    for (const f of REQUIRED) {
      const e = await h.fail('weapons.register', without(f));
      expect(Object.keys(e.fields ?? {}), f).toEqual([f]);
    }
    for (const blank of ['', '   ', '\u200b\u200e', '\r\n\t']) {
      const e = await h.fail('weapons.register', weaponInput({ serial: blank, markingLocation: blank }));
      expect(e.fields).toEqual({ serial: { code: 'required' }, markingLocation: { code: 'required' } });
    }
    expect(h.head()).toEqual(head);
    expect(count(h.db, 'weapons')).toBe(0);
  });

  it('accepts years from the minimum to this year or unknown, and refuses the rest', async () => {
    const h = await storekeeper();
    const thisYear = new Date().getUTCFullYear();
    for (const year of [MIN_MANUFACTURE_YEAR, thisYear, null, '' as unknown as null, String(thisYear - 3) as unknown as number]) {
      await h.ok('weapons.register', weaponInput({ yearOfManufacture: year }));
    }
    const early = await h.fail('weapons.register', weaponInput({ yearOfManufacture: MIN_MANUFACTURE_YEAR - 1 }));
    expect(early.fields?.yearOfManufacture).toEqual({ code: 'too_small', params: { min: MIN_MANUFACTURE_YEAR } });
    const future = await h.fail('weapons.register', weaponInput({ yearOfManufacture: thisYear + 1 }));
    expect(future.fields?.yearOfManufacture?.code).toBe('year_in_future');
    expect((await h.fail('weapons.register', weaponInput({ yearOfManufacture: 1990.5 }))).fields).toHaveProperty('yearOfManufacture');
    expect((await h.fail('weapons.register', weaponInput({ importYear: thisYear + 1 }))).fields?.importYear?.code).toBe('year_in_future');
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    expect((await h.fail('weapons.register', weaponInput({ acquisitionDate: tomorrow }))).fields?.acquisitionDate?.code).toBe('date_in_future');
    expect(count(h.db, 'weapons')).toBe(5);
  });

  it('refuses unknown countries, types, agencies and acquisition modes', async () => {
    const h = await storekeeper();
    const cases: [keyof WeaponFieldsInput, string][] = [
      ['countryOfManufacture', 'XX'], ['countryOfManufacture', 'fr'], ['countryOfManufacture', 'FRA'],
      ['type', 'bazooka'], ['agency', 'army'], ['acquisitionMode', 'gift'], ['condition', 'broken'],
    ];
    for (const [field, value] of cases) {
      const e = await h.fail('weapons.register', weaponInput({ [field]: value }));
      expect(e.fields, `${field}=${value}`).toEqual({ [field]: { code: 'not_in_list' } });
    }
    // importCountry is "'' or a country": a union, so its code is the generic one, on the right field
    expect(Object.keys((await h.fail('weapons.register', weaponInput({ importCountry: 'ZZ' as never }))).fields ?? {})).toEqual(['importCountry']);
    expect(count(h.db, 'weapons')).toBe(0);
    const ok = await h.ok('weapons.register', weaponInput({ countryOfManufacture: 'ML', importCountry: 'SN' }));
    expect([ok.countryOfManufacture, ok.importCountry, ok.status]).toEqual(['ML', 'SN', 'in_store']);
  });
});

/** Ways a person or a scanner types the same identifier differently. */
function variants(base: string): string[] {
  const nfd = base.normalize('NFD');
  expect(nfd).not.toBe(base);
  return [
    base.toLowerCase(),
    nfd,
    nfd.toLowerCase(),
    `${base.slice(0, 3)}\u200b${base.slice(3)}`,
    `\u200e${base}\u202e`,
    `\u202e${base.slice(0, 2)}\u200f${base.slice(2)}`,
    `${base}\r`,
    `\r\n${base}\t`,
    `   ${base}  `,
    base.replace(' ', '   '),
    base.replace(' ', '\u00a0'),
  ];
}

describe('duplicates', () => {
  it('are refused on the normalized national code, naming the field and the existing weapon', async () => {
    const h = await storekeeper();
    const first = await h.ok('weapons.register', weaponInput({ nationalCode: 'ML-PN É0042' }));
    const head = h.head();
    for (const v of variants('ML-PN É0042')) {
      expect(normalizeKey(v)).toBe(normalizeKey(first.nationalCode));
      const e = await h.fail('weapons.register', weaponInput({ nationalCode: v }));
      expect([e.kind, e.code, e.params?.weaponId], JSON.stringify(v)).toEqual(['conflict', 'duplicate_national_code', first.id]);
      expect(e.fields?.nationalCode).toEqual({ code: 'duplicate_national_code', params: { weaponId: first.id, value: first.nationalCode } });
    }
    const viaTransfer = await h.fail('weapons.transferIn', { ...weaponInput({ nationalCode: 'ml-pn é0042' }), transferId: 'T-1', fromArmoury: 'ML-GAO' });
    expect(viaTransfer.code).toBe('duplicate_national_code');
    expect(h.head()).toEqual(head);
  });

  it('are refused on normalized manufacturer + model + serial, naming the serial and the existing weapon', async () => {
    const h = await storekeeper();
    const first = await h.ok('weapons.register', weaponInput({ manufacturer: 'Heckler & Koch', model: 'G3 A3', serial: 'AB É1234' }));
    const head = h.head();
    const attempts: Partial<WeaponFieldsInput>[] = [
      ...variants('AB É1234').map((serial) => ({ serial, manufacturer: 'Heckler & Koch', model: 'G3 A3' })),
      { serial: 'ab é1234', manufacturer: 'HECKLER  &  koch', model: ' g3\u200b a3 ' },
      { serial: 'AB É1234', manufacturer: '\u200eheckler & koch\r', model: 'G3   A3' },
    ];
    for (const a of attempts) {
      const e = await h.fail('weapons.register', weaponInput(a));
      expect([e.kind, e.code, e.params?.weaponId], JSON.stringify(a)).toEqual(['conflict', 'duplicate_serial', first.id]);
      expect(Object.keys(e.fields ?? {})).toEqual(['serial']);
      expect(e.fields?.serial?.params?.weaponId).toBe(first.id);
    }
    expect(h.head()).toEqual(head);
  });

  it('allow the same serial with a different model or manufacturer, and keep distinct serials distinct', async () => {
    const h = await storekeeper();
    const serial = `ZK${nextNumber()}`;
    await h.ok('weapons.register', weaponInput({ serial, manufacturer: 'Zastava', model: 'M70' }));
    await h.ok('weapons.register', weaponInput({ serial, manufacturer: 'Zastava', model: 'M70 AB2' }));
    await h.ok('weapons.register', weaponInput({ serial, manufacturer: 'Norinco', model: 'M70' }));
    await h.ok('weapons.register', weaponInput({ serial: `${serial}-1`, manufacturer: 'Zastava', model: 'M70' }));
    await h.ok('weapons.register', weaponInput({ serial: serial.replace('ZK', 'ZK '), manufacturer: 'Zastava', model: 'M70' }));
    expect((await h.ok('weapons.lookup', { code: serial })).map((w) => [w.manufacturer, w.model])).toEqual([
      ['Zastava', 'M70'], ['Zastava', 'M70 AB2'], ['Norinco', 'M70'],
    ]);
  });

  it('store the cleaned text: no invisible characters, no outer or repeated spaces, case kept', async () => {
    const h = await storekeeper();
    const w = await h.ok('weapons.register', weaponInput({ serial: '\u200bak-47\u00a0 n°\u202e12\r', nationalCode: '  ML-GN   0009 ', model: 'E\u0301lite' }));
    expect([w.serial, w.nationalCode, w.model]).toEqual(['ak-47 n°12', 'ML-GN 0009', 'Élite']);
    const stored = h.db.prepare('SELECT serial_key, national_code_key, model_key FROM weapons WHERE id = ?').get(w.id);
    expect(stored).toEqual({ serial_key: 'AK-47 N°12', national_code_key: 'ML-GN 0009', model_key: 'ÉLITE' });
  });
});
