import type { ColumnMapping } from '../../../src/shared/domain/spreadsheet';
import type { Harness } from './harness';

/**
 * Registers as armouries keep them in French Excel, for the import tests: a title line above the
 * headers, French headers, dd/mm/yyyy dates, register words for coded values, serials with
 * leading zeros, accents and Windows-1252 punctuation (’ œ €).
 */

export const WEAPON_HEADERS = [
  'N° national', 'N° de série', 'Marque', 'Modèle', 'Type d’arme', 'Calibre', 'Pays de fabrication', 'Année',
  'Emplacement du marquage', 'Service', 'Emplacement', 'Date d’acquisition', 'Mode d’acquisition', 'Provenance', 'Observations',
];

export const TITLE = 'Registre des armes – Commissariat central de Kayes (état au 31/12/2023)';

/** The weapon in row `i` (1-based): national code and serial unique per `prefix` and i. */
export function weaponRow(i: number, prefix = 'KY'): string[] {
  const n = String(i).padStart(6, '0');
  const pistol = i % 3 === 0;
  return [
    `ML-PN-${prefix}${n}`, `00${n}`, pistol ? 'Beretta' : 'Norinco', pistol ? '92 FS' : 'Type 56', pistol ? 'Pistolet automatique' : 'Fusil d’assaut',
    pistol ? '9 mm' : '7,62x39', pistol ? 'Italie' : 'Chine', pistol ? '1998' : '1985', 'Boîte de culasse, côté gauche',
    i % 5 === 0 ? 'Eaux et Forêts' : 'Police nationale', `Râtelier ${String.fromCharCode(65 + (i % 4))} / ${i}`,
    `${String((i % 28) + 1).padStart(2, '0')}/03/2015`, 'Dotation', 'Dépôt central’s œuvre – 5 €', i % 7 === 0 ? 'Crosse fêlée' : '',
  ];
}

/** Title line, blank line, headers, then `count` weapons. */
export function weaponRegister(count: number, prefix = 'KY', first = 1): string[][] {
  return [[TITLE], [''], WEAPON_HEADERS, ...Array.from({ length: count }, (_, k) => weaponRow(first + k, prefix))];
}

/** Spreadsheet line of weapon row k (0-based) of weaponRegister: title 1, blank 2, headers 3. */
export const weaponLine = (k: number) => k + 4;

export const OFFICER_HEADERS = ['Matricule', 'Nom et prénoms', 'Grade', 'Unité', 'Corps'];

export function officerRegister(count: number, prefix = 'KY'): string[][] {
  const rows = Array.from({ length: count }, (_, k) => [
    `0${prefix}-${String(k + 1).padStart(4, '0')}`, `Traoré Aminata ${k + 1}`, k % 2 ? 'Sergent-chef' : 'Brigadier', 'Brigade de Kayes-Nord',
    k % 3 ? 'Police nationale' : 'Gendarmerie',
  ]);
  return [OFFICER_HEADERS, ...rows];
}

export const LOT_HEADERS = [
  'N° de lot', 'Désignation', 'Calibre', 'Fabricant', 'Pays', 'Année', 'Division de risque', 'Groupe de compatibilité', 'N° ONU', 'NEQ par coup',
  'Coups par boîte', 'Boîtes par caisse', 'Périodicité d’inspection', 'Magasin', 'Travée', 'Quantité', 'Date de réception', 'Provenance',
  'Bon de livraison',
];

/** Lots of small-arms ball (1.4S) received into the store named `store` (its code or name), bay A1. */
export function lotRegister(count: number, store: string, prefix = 'L'): string[][] {
  const rows = Array.from({ length: count }, (_, k) => [
    `${prefix}-${String(k + 1).padStart(3, '0')}`, 'Cartouche 7,62x39 mm ordinaire', '7,62x39', 'Norinco', 'Chine', '2015', '1.4', 'S', '12',
    '0,001', '20', '50', '12', store, 'A1', String(1000 * (k + 1)), '15/01/2024', 'Dépôt central', `BL-${k + 1}`,
  ]);
  return [LOT_HEADERS, ...rows];
}

/** Inspects through the router and returns the detected mapping (the path must be granted). */
export async function detectedMapping(h: Harness, path: string, kind: 'weapons' | 'officers' | 'lots'): Promise<ColumnMapping> {
  return (await h.ok('imports.inspect', { path, kind })).mapping;
}
