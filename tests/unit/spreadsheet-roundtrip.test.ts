import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { OFFICER_IMPORT_FIELDS } from '../../src/shared/domain/spreadsheet';
import { WEAPON_FIELD_NAMES, type WeaponFieldsInput, type WeaponRecord } from '../../src/shared/domain/weapon';
import type { OfficerRow } from '../../src/shared/contract/custody';
import type { Language } from '../../src/shared/domain/enums';
import { disposeHarnesses, type Harness, Template } from './support/harness';
import { officerInput } from './support/officers';
import { weaponInput } from './support/weapons';

/**
 * Export then import gives the same register: every field of every weapon (and officer), through
 * CSV in both languages and XLSX in both, with no manual mapping. The register holds what
 * spreadsheets damage: accents, leading zeros, formula-like identifiers, every optional field.
 */
const WEAPONS: Partial<WeaponFieldsInput>[] = [
  { serial: '007', nationalCode: 'ML-PN-000123', manufacturer: 'Manufacture d’armes de Saint-Étienne', model: 'MAS 49/56', countryOfManufacture: 'FR', type: 'rifle', calibre: '7,5x54mm' },
  { serial: '-0012', type: 'pistol', agency: 'gendarmerie', acquisitionMode: 'seizure', condition: 'repairable', yearOfManufacture: null },
  { serial: '=A1', markingLocation: '=HYPERLINK("http://exemple.test";"clic")', agency: 'water_forestry', acquisitionMode: 'donation' },
  { serial: '+33612345678', type: 'submachine_gun', agency: 'customs', acquisitionMode: 'transfer_in', condition: 'unserviceable' },
  { serial: '@x', type: 'craft_made', agency: 'national_guard', acquisitionMode: 'recovered', countryOfManufacture: 'ML', location: '' },
  {
    serial: '000045',
    type: 'shotgun',
    agency: 'armed_forces',
    importCountry: 'BE',
    importYear: 2001,
    importer: 'Société Générale d’Armement',
    otherMarks: 'Poinçon d’épreuve « ÉL » ; marque « Ø »',
    marksIllegible: true,
    markingDate: '2020-01-15',
    markingOperator: 'Adjudant Kéïta',
    markingMachine: 'Marqueuse n° 2',
    notes: 'Dit "le vieux" – crosse fêlée; 3 chargeurs',
  },
  { type: 'light_machine_gun', agency: 'other', notes: 'Œuvre de l’armurier, 5 €' },
];

const OFFICERS = [
  officerInput({ serviceNumber: '007', name: 'Adjudant-chef Aïssata Maïga', rank: 'Adjudant-chef', unit: 'Brigade de Ségou', agency: 'gendarmerie' }),
  officerInput({ serviceNumber: '-0042', name: 'Agent Hélène Dembélé', unit: 'Poste des Eaux et Forêts', agency: 'water_forestry' }),
  officerInput({ serviceNumber: '+22370000000', name: 'Sergent Œdipe Traoré', agency: 'customs' }),
  officerInput({ serviceNumber: '=B2', name: 'Caporal N’Diaye', agency: 'national_guard' }),
  officerInput({ serviceNumber: '@MLP-1', name: 'Lieutenant Keïta', agency: 'armed_forces' }),
];

let source: Template;
let empty: Template;

beforeAll(async () => {
  source = await Template.build(async (h) => {
    for (const w of WEAPONS) await h.ok('weapons.register', weaponInput(w));
    for (const o of OFFICERS) await h.ok('officers.register', o);
    // A weapon that changed after registration: its current condition and notes go out.
    const last = await h.ok('weapons.register', weaponInput({ serial: '0', type: 'carbine' }));
    await h.ok('weapons.changeCondition', { weaponId: last.id, condition: 'repairable', reason: 'Usure du canon' });
  });
  empty = await Template.build(async () => undefined);
});
afterAll(() => {
  source.dispose();
  empty.dispose();
});
afterEach(disposeHarnesses);

async function signedIn(template: Template, language: Language): Promise<Harness> {
  const h = template.copy();
  await h.login('manager');
  await h.ok('auth.setLanguage', { language });
  return h;
}

async function weaponsOf(h: Harness): Promise<Map<string, Record<string, unknown>>> {
  const page = await h.ok('weapons.list', { limit: 500 });
  const out = new Map<string, Record<string, unknown>>();
  for (const row of page.rows) {
    const w: WeaponRecord = (await h.ok('weapons.get', { id: row.id })).weapon;
    out.set(w.nationalCode, Object.fromEntries(WEAPON_FIELD_NAMES.map((f) => [f, w[f]])));
  }
  return out;
}

async function officersOf(h: Harness): Promise<Map<string, Record<string, unknown>>> {
  const { rows } = await h.ok('officers.list', { limit: 500 });
  return new Map(rows.map((o: OfficerRow) => [o.serviceNumber, Object.fromEntries(OFFICER_IMPORT_FIELDS.map((f) => [f, o[f]]))]));
}

const VARIANTS = [
  { format: 'csv', language: 'fr' },
  { format: 'csv', language: 'en' },
  { format: 'xlsx', language: 'fr' },
  { format: 'xlsx', language: 'en' },
] as const;

/** Exports `kind` from the source register and imports the file into a fresh armoury with the detected mapping. */
async function roundTrip(kind: 'weapons' | 'officers', format: 'csv' | 'xlsx', language: Language) {
  const from = await signedIn(source, language);
  const exported = await from.ok('exports.spreadsheet', { kind, query: {}, format });
  const path = join(from.dir, 'exports', exported.fileName);

  const to = await signedIn(empty, language);
  to.app.grantImportPaths([path]);
  const shape = await to.ok('imports.inspect', { path, kind });
  expect(shape.missingRequired, JSON.stringify(shape.mapping)).toEqual([]);
  expect(shape.rows).toBe(exported.rows);
  const preview = await to.ok('imports.preview', { path, kind, mapping: shape.mapping });
  expect(preview.unknown).toEqual([]);
  expect(preview.rows.flatMap((r) => r.errors)).toEqual([]);
  const result = await to.ok('imports.run', { path, kind, mapping: shape.mapping });
  expect(result).toMatchObject({ imported: exported.rows, skipped: 0 });
  return { from, to, shape };
}

describe('export then import gives the same register', () => {
  for (const { format, language } of VARIANTS) {
    it(`weapons through ${format.toUpperCase()} in ${language === 'fr' ? 'French' : 'English'}`, async () => {
      const { from, to, shape } = await roundTrip('weapons', format, language);
      // Every field of the registration form found its column by its header alone.
      expect(Object.keys(shape.mapping.columns).sort()).toEqual([...WEAPON_FIELD_NAMES].sort());
      const before = await weaponsOf(from);
      const after = await weaponsOf(to);
      expect(before.size).toBe(WEAPONS.length + 1);
      expect(after).toEqual(before);
    });

    it(`officers through ${format.toUpperCase()} in ${language === 'fr' ? 'French' : 'English'}`, async () => {
      const { from, to, shape } = await roundTrip('officers', format, language);
      expect(Object.keys(shape.mapping.columns).sort()).toEqual([...OFFICER_IMPORT_FIELDS].sort());
      const before = await officersOf(from);
      const after = await officersOf(to);
      expect(before.size).toBe(OFFICERS.length);
      expect(after).toEqual(before);
    });
  }
});
