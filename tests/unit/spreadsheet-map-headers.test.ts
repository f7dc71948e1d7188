import { describe, expect, it } from 'vitest';
import enAmmunition from '../../locales/en/ammunition.json';
import enOfficers from '../../locales/en/officers.json';
import enRegister from '../../locales/en/register.json';
import frAmmunition from '../../locales/fr/ammunition.json';
import frOfficers from '../../locales/fr/officers.json';
import frRegister from '../../locales/fr/register.json';
import { HEADER_SYNONYMS } from '../../src/main/core/spreadsheet/map/header-synonyms';
import { detectHeaderRow, matchHeader, normalizeHeader, shapeOf, suggestMapping } from '../../src/main/core/spreadsheet/map/headers';
import type { Cell } from '../../src/main/core/spreadsheet/read/table';
import { IMPORT_FIELDS, IMPORT_KINDS, type ImportKind } from '../../src/shared/domain/spreadsheet';

const LABELS: Record<ImportKind, Record<'en' | 'fr', Record<string, string>>> = {
  weapons: { en: enRegister.field, fr: frRegister.field },
  officers: { en: enOfficers.field, fr: frOfficers.field },
  lots: { en: enAmmunition.field, fr: frAmmunition.field },
};
const label = (kind: ImportKind, lang: 'en' | 'fr', field: string): string => LABELS[kind][lang][field] ?? expect.fail(`${lang} has no label for ${kind}.${field}`);
const stripAccents = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '');

/** The variants the issue and registers use, per field (the issue's own list first). */
const REGISTER_HEADERS: Record<ImportKind, Record<string, string[]>> = {
  weapons: {
    serial: ['N° de série', 'Numéro de série', 'No série', 'N° série', 'Num serie', 'Serial number', 'Serial No', 'S/N', 'Nº de série', 'N°série', 'No. de série', 'Serial #'],
    manufacturer: ['Marque', 'Fabricant', 'Manufacturer', 'Make'],
    type: ['Type d\'arme', 'Type', 'Catégorie', 'Weapon type', 'TYPE D’ARME'],
    nationalCode: ['Marquage national', 'Code national', 'N° de marquage', 'Marquage', 'National code', 'Marking code'],
    calibre: ['Calibre', 'Caliber', 'Cal.', 'Calibre (mm)'],
    agency: ['Service', 'Service détenteur', 'Corps', 'Agency', 'Unit/Service'],
    countryOfManufacture: ['Pays de fabrication', 'Pays', 'Origine', 'Country of manufacture'],
    yearOfManufacture: ['Année', 'Année de fabrication', 'Year'],
    acquisitionDate: ['Date d\'acquisition', 'Date d\'entrée', 'Date de réception', 'Acquisition date', 'Date d\'acquisition (jj/mm/aaaa)'],
    location: ['Emplacement', 'Magasin', 'Râtelier', 'Location'],
    notes: ['Observations', 'Remarques', 'Notes', 'Obs.'],
    model: ['Modèle', 'Model'],
    condition: ['État', 'Etat', 'Condition'],
    acquisitionMode: ['Mode d\'acquisition', 'Origine de l\'arme', 'Acquisition mode'],
    markingLocation: ['Emplacement du marquage', 'Location of marking'],
    marksIllegible: ['Marquage effacé', 'Marks illegible'],
  },
  officers: {
    serviceNumber: ['Matricule', 'N° matricule', 'Service number', 'Matricule de l\'agent'],
    name: ['Nom', 'Nom et prénom', 'Nom et prénom(s)', 'Noms & Prénoms', 'Name', 'Full name'],
    rank: ['Grade', 'Rank'],
    unit: ['Unité', 'Unit', 'Affectation'],
    agency: ['Service', 'Corps', 'Agency'],
  },
  lots: {
    lotNumber: ['N° de lot', 'Lot', 'Numéro de lot', 'Lot number', 'Lot n°'],
    nature: ['Nature', 'Désignation'],
    quantity: ['Quantité', 'Nombre de coups', 'Qté'],
    store: ['Magasin', 'Dépôt'],
    bay: ['Travée', 'Pile'],
    date: ['Date de réception', 'Date'],
    unNumber: ['N° ONU', 'UN number'],
    hazardDivision: ['Division de risque', 'Hazard division'],
    compatibilityGroup: ['Groupe de compatibilité', 'Compatibility group'],
  },
};

describe('normalizeHeader', () => {
  it('folds case, accents, punctuation, spaces and the ways of writing "number"', () => {
    const forms = ['N° de série', 'Nº de série', 'n° DE SERIE', '  N°  de   série ', 'N °de série', '# de série', 'N°-de-série'];
    expect(new Set(forms.map(normalizeHeader))).toEqual(new Set([normalizeHeader(forms[0] ?? '')]));
    expect(normalizeHeader('Type d’arme')).toBe(normalizeHeader("TYPE D'ARME"));
    expect(normalizeHeader('Pays de fabrication')).toBe('pays de fabrication');
  });
});

describe('matching headers to fields', () => {
  it.each(IMPORT_KINDS)('maps Gardien’s own %s labels, in both languages, and the field names', (kind) => {
    for (const field of IMPORT_FIELDS[kind]) {
      for (const lang of ['en', 'fr'] as const) {
        // The lots' receipt fields take the labels of neighbouring fields on other screens.
        const own = LABELS[kind][lang][field] ?? LABELS[kind][lang][field === 'source' ? 'supplier' : 'receiptDate'];
        expect(own, `${kind}.${field} ${lang}`).toBeDefined();
        expect(matchHeader(own ?? '', kind)?.field, `${own}`).toBe(field);
      }
      expect(matchHeader(field, kind)?.field).toBe(field);
    }
  });

  it.each(IMPORT_KINDS)('maps every %s synonym to its field, whatever its case, accents and spacing', (kind) => {
    for (const [field, synonyms] of Object.entries(HEADER_SYNONYMS[kind])) {
      expect(IMPORT_FIELDS[kind]).toContain(field);
      for (const raw of synonyms) {
        const synonym = raw.replace(/^=/, '');
        for (const form of [synonym, synonym.toUpperCase(), stripAccents(synonym).toLowerCase(), ` ${synonym.replace(/ /g, '  ')} :`]) {
          expect(matchHeader(form, kind)?.field, `${kind}: "${form}"`).toBe(field);
        }
      }
    }
  });

  it.each(IMPORT_KINDS)('maps the %s headers registers use', (kind) => {
    for (const [field, headers] of Object.entries(REGISTER_HEADERS[kind])) {
      for (const header of headers) expect(matchHeader(header, kind)?.field, `"${header}"`).toBe(field);
    }
  });

  it('leaves a row-number column and unrelated headers alone', () => {
    for (const header of ['N°', 'N° d’ordre', 'No', 'Ordre', 'Photo', '', 'Signature du chef']) {
      expect(matchHeader(header, 'weapons'), header).toBeNull();
    }
    expect(matchHeader('Prénom', 'officers')).toBeNull();
    expect(matchHeader('Prénom(s)', 'officers')).toBeNull();
  });
});

describe('suggestMapping', () => {
  it.each(IMPORT_KINDS.flatMap((kind) => (['en', 'fr'] as const).map((lang) => [kind, lang] as const)))(
    'maps a Gardien %s export in %s back column by column',
    (kind, lang) => {
      const fields = IMPORT_FIELDS[kind];
      const ownLabel = (field: string) => LABELS[kind][lang][field] ?? label(kind, lang, field === 'source' ? 'supplier' : 'receiptDate');
      // Exports carry columns an import does not fill (status), placed first to shift the indexes.
      const headers = [LABELS[kind][lang].status ?? 'Status', ...fields.map(ownLabel)];
      const mapping = suggestMapping(headers, kind);
      expect(mapping.columns).toEqual(Object.fromEntries(fields.map((field, i) => [field, i + 1])));
      expect(mapping).toMatchObject({ constants: {}, values: {} });
    },
  );

  it('maps "Nom" to the name and leaves "Prénom" unmapped', () => {
    const headers = ['Matricule', 'Nom', 'Prénom', 'Grade', 'Unité', 'Service'];
    expect(suggestMapping(headers, 'officers').columns).toEqual({ serviceNumber: 0, name: 1, rank: 3, unit: 4, agency: 5 });
  });

  it('gives each field one column (the surest, then the leftmost) and each column one field', () => {
    const headers = ['Calibre', 'Calibre (mm)', 'CALIBRE', 'Marque', 'Fabricant', 'N° de série', 'Numéro de série'];
    const { columns } = suggestMapping(headers, 'weapons');
    expect(columns).toEqual({ calibre: 0, manufacturer: 4, serial: 6 });
    // Gardien's own label ("Fabricant", "Numéro de série") beats a register word for the same field.
    const used = Object.values(columns);
    expect(new Set(used).size).toBe(used.length);
  });

  it('maps a French register with its usual headers', () => {
    const headers = ['N°', 'Marquage national', 'N° série', 'Marque', 'Modèle', 'Type d\'arme', 'Cal.', 'Pays', 'Année', 'Service', 'Date d\'entrée', 'Origine de l\'arme', 'État', 'Râtelier', 'Observations'];
    const expected = ['nationalCode', 'serial', 'manufacturer', 'model', 'type', 'calibre', 'countryOfManufacture', 'yearOfManufacture', 'agency', 'acquisitionDate', 'acquisitionMode', 'condition', 'location', 'notes'];
    expect(suggestMapping(headers, 'weapons').columns).toEqual(Object.fromEntries(expected.map((field, i) => [field, i + 1])));
  });
});

describe('detectHeaderRow', () => {
  const title: Cell[] = ['REGISTRE DES ARMES — POLICE NATIONALE, COMMISSARIAT CENTRAL DE BAMAKO (mis à jour le 12/03/2024)'];
  const frHeaders: Cell[] = ['N°', 'N° de série', 'Marque', 'Modèle', 'Type d’arme', 'Calibre', 'Service'];
  const enHeaders: Cell[] = ['No', 'Serial number', 'Make', 'Model', 'Weapon type', 'Caliber', 'Agency'];
  const data = (n: number): Cell[] => [n, `00${n}`, 'Norinco', 'Type 56', 'Fusil d’assaut', '7,62x39', 'Police'];

  it.each([['French', frHeaders], ['English', enHeaders]])('finds the %s header row under a title line or two', (_lang, headers) => {
    expect(detectHeaderRow([headers, data(1), data(2)], 'weapons')).toBe(0);
    expect(detectHeaderRow([title, headers, data(1)], 'weapons')).toBe(1);
    expect(detectHeaderRow([title, ['Armurerie : Kati', null, 'Date : 01/02/2024'], headers, data(1), data(2)], 'weapons')).toBe(2);
  });

  it('finds the header row only among the first 20 rows', () => {
    const rows = [...Array.from({ length: 20 }, () => title), frHeaders];
    expect(detectHeaderRow(rows, 'weapons')).toBe(-1);
    expect(detectHeaderRow(rows.slice(1), 'weapons')).toBe(19);
  });

  it('answers -1 for a file without a header row, or one naming a single field', () => {
    expect(detectHeaderRow([data(1), data(2), data(3)], 'weapons')).toBe(-1);
    expect(detectHeaderRow([['Calibre', 'Photo', 'Divers'], data(1)], 'weapons')).toBe(-1);
    expect(detectHeaderRow([], 'weapons')).toBe(-1);
  });

  it('finds officers and lots headers', () => {
    expect(detectHeaderRow([['LISTE DU PERSONNEL'], ['Matricule', 'Nom', 'Prénom', 'Grade', 'Unité'], ['PN-1', 'Diarra', 'Awa', 'Sergent', 'CIAT']], 'officers')).toBe(1);
    expect(detectHeaderRow([['Fiche de stock'], ['N° de lot', 'Désignation', 'Quantité', 'Magasin', 'Date de réception']], 'lots')).toBe(1);
  });
});

describe('shapeOf', () => {
  it('is the normalized headers joined by "|"', () => {
    const headers = ['N° de série', 'Marque', 'Type d’arme'];
    expect(shapeOf(headers)).toBe(headers.map(normalizeHeader).join('|'));
  });

  it('is the same for the same headers typed differently, and for trailing empty headers', () => {
    const shape = shapeOf(['N° de série', 'Marque', 'Type d’arme']);
    expect(shapeOf(['  n° de SERIE', 'MARQUE ', "Type d'arme"])).toBe(shape);
    expect(shapeOf(['N° de série', 'Marque', 'Type d’arme', '', ''])).toBe(shape);
  });

  it('differs for other headers or another order', () => {
    const shape = shapeOf(['N° de série', 'Marque', 'Type d’arme']);
    expect(shapeOf(['Marque', 'N° de série', 'Type d’arme'])).not.toBe(shape);
    expect(shapeOf(['N° de série', 'Marque', 'Type'])).not.toBe(shape);
    expect(shapeOf(['N° de série', '', 'Marque', 'Type d’arme'])).not.toBe(shape);
  });
});
