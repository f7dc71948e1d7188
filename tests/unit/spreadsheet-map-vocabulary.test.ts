import { describe, expect, it } from 'vitest';
import enEnums from '../../locales/en/enums.json';
import enRegister from '../../locales/en/register.json';
import frEnums from '../../locales/fr/enums.json';
import frRegister from '../../locales/fr/register.json';
import { ALPHA3 } from '../../src/main/core/spreadsheet/map/country-alpha3';
import { matchValue, VOCABULARY_CODES, VOCABULARY_NAMES, type VocabularyName } from '../../src/main/core/spreadsheet/map/vocabulary';
import { COUNTRY_WORDS, REGISTER_WORDS } from '../../src/main/core/spreadsheet/map/vocabulary-words';
import { COMPATIBILITY_GROUPS, HAZARD_DIVISIONS, LOT_STATES } from '../../src/shared/domain/ammunition';
import { COUNTRY_CODES } from '../../src/shared/domain/countries';
import { ACQUISITION_MODES, AGENCIES, WEAPON_CONDITIONS, WEAPON_TYPES } from '../../src/shared/domain/enums';

const stripAccents = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '');
/** How the same word arrives from different hands: shouted, unaccented, padded, punctuated otherwise. */
const variants = (word: string) => [word, word.toUpperCase(), stripAccents(word).toLowerCase(), `  ${word.replace(/ /g, '   ')} `, word.replace(/[’']/g, ' ')];

const LABELLED: [VocabularyName, readonly string[], Record<string, string>, Record<string, string>][] = [
  ['weaponType', WEAPON_TYPES, enRegister.type, frRegister.type],
  ['agency', AGENCIES, enEnums.agency, frEnums.agency],
  ['acquisitionMode', ACQUISITION_MODES, enRegister.acquisitionMode, frRegister.acquisitionMode],
  ['weaponCondition', WEAPON_CONDITIONS, enRegister.condition, frRegister.condition],
];

describe('VOCABULARY_CODES', () => {
  it('lists the codes each vocabulary records', () => {
    const expected: Record<VocabularyName, readonly string[]> = {
      weaponType: WEAPON_TYPES, agency: AGENCIES, country: COUNTRY_CODES, acquisitionMode: ACQUISITION_MODES,
      weaponCondition: WEAPON_CONDITIONS, hazardDivision: HAZARD_DIVISIONS, compatibilityGroup: COMPATIBILITY_GROUPS,
      lotState: LOT_STATES, boolean: ['true', 'false'],
    };
    for (const name of VOCABULARY_NAMES) expect(VOCABULARY_CODES(name)).toEqual(expected[name]);
  });

  it.each(VOCABULARY_NAMES)('%s understands each of its codes, in any case', (name) => {
    for (const code of VOCABULARY_CODES(name)) {
      for (const form of [code, code.toUpperCase(), code.toLowerCase()]) expect(matchValue(name, form), form).toBe(code);
    }
  });
});

describe('labels and register words', () => {
  it.each(LABELLED)('%s understands Gardien’s labels in both languages, however typed', (name, codes, en, fr) => {
    for (const code of codes) {
      for (const labels of [en, fr]) {
        const label = labels[code] ?? expect.fail(`no label for ${code}`);
        for (const form of variants(label)) expect(matchValue(name, form), form).toBe(code);
      }
    }
  });

  it.each(Object.keys(REGISTER_WORDS))('%s understands the words registers use', (name) => {
    const vocabulary = name as VocabularyName;
    for (const [code, words] of Object.entries(REGISTER_WORDS[name] ?? {})) {
      expect(VOCABULARY_CODES(vocabulary)).toContain(code);
      for (const word of words) for (const form of variants(word)) expect(matchValue(vocabulary, form), `${name}: "${form}"`).toBe(code);
    }
  });

  it('reads the issue’s own examples', () => {
    const cases: [VocabularyName, string, string][] = [
      ['weaponType', 'Fusil d\'assaut', 'assault_rifle'], ['weaponType', 'FA', 'assault_rifle'], ['weaponType', 'Kalachnikov', 'assault_rifle'],
      ['weaponType', 'AK', 'assault_rifle'], ['weaponType', 'Pistolet mitrailleur', 'submachine_gun'], ['weaponType', 'PM', 'submachine_gun'],
      ['weaponType', 'Fusil mitrailleur', 'light_machine_gun'], ['weaponType', 'FM', 'light_machine_gun'], ['weaponType', 'Pistolet automatique', 'pistol'],
      ['weaponType', 'PA', 'pistol'], ['weaponType', 'Fusil de chasse', 'shotgun'], ['weaponType', 'Calibre 12', 'shotgun'],
      ['weaponType', 'Lance-roquettes', 'rocket_launcher'], ['weaponType', 'RPG', 'rocket_launcher'], ['weaponType', 'Mortier', 'mortar'],
      ['weaponType', 'Arme artisanale', 'craft_made'], ['weaponType', 'Fabrication locale', 'craft_made'],
      ['agency', 'Eaux et Forêts', 'water_forestry'], ['agency', 'Eaux & Forêts', 'water_forestry'], ['agency', 'EAUX ET FORETS', 'water_forestry'],
      ['agency', 'Garde nationale', 'national_guard'], ['agency', 'Gendarmerie nationale', 'gendarmerie'], ['agency', 'Police nationale', 'police'],
      ['agency', 'Douanes', 'customs'], ['agency', 'Armée', 'armed_forces'], ['agency', 'FAMa', 'armed_forces'], ['agency', 'Forces armées', 'armed_forces'],
      ['acquisitionMode', 'Achat', 'procurement'], ['acquisitionMode', 'Dotation', 'transfer_in'], ['acquisitionMode', 'Saisie', 'seizure'],
      ['acquisitionMode', 'Don', 'donation'], ['acquisitionMode', 'Cession', 'transfer_in'],
      ['weaponCondition', 'Bon', 'serviceable'], ['weaponCondition', 'Bon état', 'serviceable'], ['weaponCondition', 'BE', 'serviceable'],
      ['weaponCondition', 'Réparable', 'repairable'], ['weaponCondition', 'HS', 'unserviceable'], ['weaponCondition', 'Hors service', 'unserviceable'],
      ['weaponCondition', 'Hors d\'usage', 'unserviceable'],
    ];
    for (const [name, text, code] of cases) expect(matchValue(name, text), text).toBe(code);
  });

  it('reads a type or an agency that runs on into a model or a unit, and bracketed details', () => {
    expect(matchValue('weaponType', 'PA MAC 50')).toBe('pistol');
    expect(matchValue('weaponType', 'Fusil d’assaut AK-47')).toBe('assault_rifle');
    expect(matchValue('weaponType', 'Pistolet-mitrailleur Uzi')).toBe('submachine_gun');
    expect(matchValue('weaponType', 'Fusil d’assaut (Type 56)')).toBe('assault_rifle');
    expect(matchValue('agency', 'Gendarmerie nationale - Brigade de Kati')).toBe('gendarmerie');
    expect(matchValue('country', 'Russie (URSS)')).toBe('RU');
    // Conditions are not read by their first word: "Bon à réformer" is not "Bon".
    expect(matchValue('weaponCondition', 'Bon à réformer')).toBeNull();
  });

  it('answers null for words it does not know, and for empty text', () => {
    for (const name of VOCABULARY_NAMES) {
      expect(matchValue(name, 'Arbalète de collection')).toBeNull();
      expect(matchValue(name, '')).toBeNull();
      expect(matchValue(name, ' - ')).toBeNull();
    }
  });
});

describe('countries', () => {
  const names = (lang: string) => new Intl.DisplayNames([lang], { type: 'region' });

  it('understands every country by alpha-2 code, alpha-3 code, and name in French and English', () => {
    for (const code of COUNTRY_CODES) {
      const alpha3 = ALPHA3.get(code) ?? expect.fail(`no alpha-3 for ${code}`);
      const forms = [code, code.toLowerCase(), alpha3, alpha3.toLowerCase(), names('fr').of(code) ?? '', names('en').of(code) ?? ''];
      for (const form of forms) expect(matchValue('country', form), form).toBe(code);
      expect(matchValue('country', stripAccents(names('fr').of(code) ?? '').toUpperCase())).toBe(code);
    }
    expect(new Set(ALPHA3.values()).size).toBe(COUNTRY_CODES.length);
  });

  it('understands the names registers use, former states included', () => {
    for (const [code, words] of Object.entries(COUNTRY_WORDS)) {
      for (const word of words) for (const form of variants(word)) expect(matchValue('country', form), form).toBe(code);
    }
    const decided: [string, string][] = [
      ['URSS', 'RU'], ['USSR', 'RU'], ['Tchécoslovaquie', 'CZ'], ['Yougoslavie', 'RS'], ['Chine', 'CN'], ['Russie', 'RU'],
      ['Belgique', 'BE'], ['Etats-Unis', 'US'], ['Côte d\'Ivoire', 'CI'], ['COTE D IVOIRE', 'CI'], ['RDA', 'DE'],
    ];
    for (const [text, code] of decided) expect(matchValue('country', text), text).toBe(code);
  });
});

describe('ammunition codes and booleans', () => {
  it('reads hazard divisions with a point or a comma, a prefix, or with their group', () => {
    for (const division of HAZARD_DIVISIONS) {
      const digit = division.slice(2);
      for (const form of [division, `1,${digit}`, `1 . ${digit}`, `Div. 1.${digit}`, `DR 1.${digit}`, `1.${digit}S`, `1.${digit} G`]) {
        expect(matchValue('hazardDivision', form), form).toBe(division);
      }
    }
    for (const form of ['1.7', '2.1', '1', '11', 'S']) expect(matchValue('hazardDivision', form), form).toBeNull();
  });

  it('reads compatibility groups in either case, alone, after "groupe", or out of a classification code', () => {
    for (const group of COMPATIBILITY_GROUPS) {
      for (const form of [group, group.toLowerCase(), `Groupe ${group}`, `1.4${group}`, `1,1 ${group.toLowerCase()}`]) {
        expect(matchValue('compatibilityGroup', form), form).toBe(group);
      }
    }
    for (const letter of 'IMOPQRTUVWXYZ') expect(matchValue('compatibilityGroup', letter), letter).toBeNull();
  });

  it('reads yes and no in both languages', () => {
    for (const word of ['oui', 'OUI', 'Yes', 'x', 'X', 'vrai', 'TRUE', '1', '✓']) expect(matchValue('boolean', word), word).toBe('true');
    for (const word of ['non', 'No', 'faux', 'False', '0']) expect(matchValue('boolean', word), word).toBe('false');
    expect(matchValue('boolean', 'peut-être')).toBeNull();
  });
});
