import type { CountryCode } from '../../../shared/domain/countries';
import type { CompatibilityGroup, HazardDivision } from '../../../shared/domain/ammunition';

/** The demo's three stores: groups S and G share nothing with D (G+D is C in the table), so D has its own. */
export type DemoStoreKey = 'A' | 'B' | 'C';

export const DEMO_STORES: Record<DemoStoreKey, { code: string; name: string; bays: string[]; licenceNo: string; maxNeqKg: Partial<Record<HazardDivision, number>> }> = {
  A: { code: 'MAG-A', name: "Magasin A — munitions d'armes légères", bays: ['Travée 1', 'Travée 2', 'Travée 3', 'Travée 4'], licenceNo: '031', maxNeqKg: { '1.4': 600 } },
  B: { code: 'MAG-B', name: 'Magasin B — artifices et grenades lacrymogènes', bays: ['Travée 1', 'Travée 2', 'Casier 3'], licenceNo: '032', maxNeqKg: { '1.3': 85, '1.4': 200 } },
  C: { code: 'MAG-C', name: 'Magasin C — grenades à fragmentation', bays: ['Caisson 1', 'Caisson 2'], licenceNo: '033', maxNeqKg: { '1.1': 50, '1.2': 20, '1.4': 40 } },
};

export const LICENCE_AUTHORITY = 'Direction du matériel, Ministère de la Sécurité';

/**
 * What the history does with a lot: `transfer` arrives from another armoury long overdue for
 * inspection and is suspended automatically; `misfire` is suspended by a condition change;
 * `dispose` is declassified and destroyed; `damp` partly turns repairable.
 */
export type DemoPlan = 'transfer' | 'misfire' | 'dispose' | 'damp';

export interface DemoLot {
  store: DemoStoreKey;
  bay: string;
  prefix: string;
  lotState?: 'unknown' | 'mixed';
  nature: string;
  calibre: string;
  manufacturer: string;
  country: CountryCode | '';
  /** Years before the demo's year; null when unknown. */
  age: number | null;
  hd: HazardDivision;
  cg: CompatibilityGroup;
  un: string;
  neq: number;
  perBox: number;
  perCase: number;
  months: number;
  quantity: number;
  plan?: DemoPlan;
  /** Next inspection this many days from the demo's today, never inspected in its history (negative: overdue). */
  dueIn?: number;
  /** Shelf life in years from manufacture (pyrotechnics). */
  shelfYears?: number;
}

const ball9 = { calibre: '9x19mm', nature: 'Cartouche 9x19 mm Parabellum ordinaire', hd: '1.4', cg: 'S', un: '0012', neq: 0.00035, perBox: 50, perCase: 20, months: 24 } as const;
const ball762 = { calibre: '7.62x39mm', nature: 'Cartouche 7,62x39 mm ordinaire (M43)', hd: '1.4', cg: 'S', un: '0012', neq: 0.0016, perBox: 20, perCase: 36, months: 24 } as const;
const nato762 = { calibre: '7.62x51mm', nature: 'Cartouche 7,62x51 mm OTAN ordinaire', hd: '1.4', cg: 'S', un: '0012', neq: 0.0029, perBox: 20, perCase: 40, months: 24 } as const;
const nato556 = { calibre: '5.56x45mm', nature: 'Cartouche 5,56x45 mm OTAN (SS109)', hd: '1.4', cg: 'S', un: '0012', neq: 0.0017, perBox: 20, perCase: 50, months: 24 } as const;
const handGas = { calibre: 'Grenade à main', nature: 'Grenade lacrymogène à main CS', hd: '1.4', cg: 'G', un: '0301', neq: 0.08, perBox: 10, perCase: 2, months: 12, shelfYears: 8 } as const;

/** A police/gendarmerie armoury's natures: small-arms rounds 1.4S, flares and tear gas 1.4G/1.3G, a few grenades 1.1D/1.2D. */
export const DEMO_LOTS: readonly DemoLot[] = [
  { ...ball9, store: 'A', bay: 'Travée 1', prefix: 'FIO', manufacturer: 'Fiocchi', country: 'IT', age: 6, quantity: 24_000 },
  { ...ball9, store: 'A', bay: 'Travée 1', prefix: 'SB', manufacturer: 'Sellier & Bellot', country: 'CZ', age: 4, quantity: 18_000 },
  { ...ball9, store: 'A', bay: 'Travée 1', prefix: 'MKE', manufacturer: 'MKE', country: 'TR', age: 9, quantity: 30_000, dueIn: -20 },
  { ...ball9, store: 'A', bay: 'Travée 2', prefix: 'NOR', manufacturer: 'Norinco', country: 'CN', age: 11, quantity: 12_000 },
  { ...ball9, store: 'A', bay: 'Travée 2', prefix: 'PPU', manufacturer: 'Prvi Partizan', country: 'RS', age: 3, quantity: 8_000 },
  { ...ball9, store: 'A', bay: 'Travée 2', prefix: 'PMP', manufacturer: 'Denel PMP', country: 'ZA', age: 2, quantity: 20_000 },
  { ...ball762, store: 'A', bay: 'Travée 3', prefix: 'NOR', manufacturer: 'Norinco', country: 'CN', age: 14, quantity: 36_000 },
  { ...ball762, store: 'A', bay: 'Travée 3', prefix: 'PPU', manufacturer: 'Prvi Partizan', country: 'RS', age: 7, quantity: 28_800 },
  { ...ball762, store: 'A', bay: 'Travée 3', prefix: 'ARS', manufacturer: 'Arsenal', country: 'BG', age: 10, quantity: 21_600 },
  { ...ball762, store: 'A', bay: 'Travée 4', prefix: 'BRN', manufacturer: 'Barnaul', country: 'RU', age: 5, quantity: 14_400 },
  { ...nato762, store: 'A', bay: 'Travée 4', prefix: 'FN', manufacturer: 'FN Herstal', country: 'BE', age: 12, quantity: 16_000 },
  { ...nato762, store: 'A', bay: 'Travée 4', prefix: 'MKE', manufacturer: 'MKE', country: 'TR', age: 8, quantity: 12_000, dueIn: 26 },
  { ...nato762, store: 'A', bay: 'Travée 4', prefix: 'PPU', manufacturer: 'Prvi Partizan', country: 'RS', age: 4, quantity: 8_000 },
  { ...nato556, store: 'A', bay: 'Travée 2', prefix: 'FN', manufacturer: 'FN Herstal', country: 'BE', age: 6, quantity: 20_000, dueIn: 12 },
  { ...nato556, store: 'A', bay: 'Travée 2', prefix: 'PMP', manufacturer: 'Denel PMP', country: 'ZA', age: 3, quantity: 15_000 },
  { store: 'A', bay: 'Travée 1', prefix: 'CHD', nature: 'Cartouche calibre 12 chevrotine 9 grains', calibre: '12/70', manufacturer: 'Cheddite', country: 'FR', age: 5, hd: '1.4', cg: 'S', un: '0012', neq: 0.0017, perBox: 25, perCase: 10, months: 24, quantity: 5_000, plan: 'damp' },
  { store: 'A', bay: 'Travée 1', prefix: 'FIO', nature: 'Cartouche calibre 12 balle caoutchouc (maintien de l\'ordre)', calibre: '12/70', manufacturer: 'Fiocchi', country: 'IT', age: 3, hd: '1.4', cg: 'S', un: '0012', neq: 0.0015, perBox: 25, perCase: 10, months: 24, quantity: 3_000 },
  { store: 'A', bay: 'Travée 4', prefix: '', lotState: 'unknown', nature: 'Cartouche 9x18 mm Makarov (saisie)', calibre: '9x18mm', manufacturer: '', country: '', age: null, hd: '1.4', cg: 'S', un: '0012', neq: 0.00025, perBox: 16, perCase: 80, months: 24, quantity: 2_400 },
  { store: 'A', bay: 'Travée 3', prefix: 'PPU', nature: 'Cartouche à blanc 7,62x39 mm', calibre: '7.62x39mm', manufacturer: 'Prvi Partizan', country: 'RS', age: 4, hd: '1.4', cg: 'S', un: '0014', neq: 0.0008, perBox: 20, perCase: 36, months: 24, quantity: 5_040 },
  { store: 'C', bay: 'Caisson 2', prefix: '', lotState: 'mixed', nature: 'Cartouche 7,62x54 mm R ordinaire', calibre: '7.62x54mmR', manufacturer: '', country: 'RU', age: 35, hd: '1.4', cg: 'S', un: '0012', neq: 0.003, perBox: 20, perCase: 22, months: 24, quantity: 4_400, plan: 'dispose' },
  { store: 'B', bay: 'Travée 1', prefix: 'LAC', nature: 'Feu de signalisation à main rouge', calibre: 'Feu à main', manufacturer: 'Etienne Lacroix', country: 'FR', age: 3, hd: '1.4', cg: 'G', un: '0191', neq: 0.04, perBox: 10, perCase: 5, months: 12, quantity: 400, shelfYears: 10 },
  { store: 'B', bay: 'Travée 1', prefix: 'LAC', nature: 'Signal fumigène à main orange', calibre: 'Feu à main', manufacturer: 'Etienne Lacroix', country: 'FR', age: 2, hd: '1.4', cg: 'G', un: '0197', neq: 0.05, perBox: 10, perCase: 5, months: 12, quantity: 200, shelfYears: 10 },
  { store: 'B', bay: 'Travée 1', prefix: 'LAC', nature: 'Fusée éclairante à parachute', calibre: 'Fusée à main', manufacturer: 'Etienne Lacroix', country: 'FR', age: 6, hd: '1.3', cg: 'G', un: '0093', neq: 0.12, perBox: 4, perCase: 6, months: 12, quantity: 240, plan: 'misfire', shelfYears: 10 },
  { store: 'B', bay: 'Travée 1', prefix: 'LAC', nature: 'Cartouche de signalisation 26,5 mm', calibre: '26.5mm', manufacturer: 'Etienne Lacroix', country: 'FR', age: 4, hd: '1.4', cg: 'G', un: '0312', neq: 0.015, perBox: 12, perCase: 10, months: 12, quantity: 600, shelfYears: 10 },
  { ...handGas, store: 'B', bay: 'Travée 2', prefix: 'ALS', manufacturer: 'Alsetex', country: 'FR', age: 3, quantity: 600 },
  { ...handGas, store: 'B', bay: 'Travée 2', prefix: 'CDR', manufacturer: 'Condor', country: 'BR', age: 5, quantity: 400 },
  { store: 'B', bay: 'Casier 3', prefix: 'ALS', nature: 'Grenade lacrymogène propulsée 56 mm', calibre: '56mm', manufacturer: 'Alsetex', country: 'FR', age: 4, hd: '1.3', cg: 'G', un: '0019', neq: 0.12, perBox: 5, perCase: 4, months: 12, quantity: 300, shelfYears: 8 },
  { store: 'B', bay: 'Travée 2', prefix: 'ALS', nature: 'Grenade fumigène à main blanche', calibre: 'Grenade à main', manufacturer: 'Alsetex', country: 'FR', age: 2, hd: '1.4', cg: 'G', un: '0303', neq: 0.07, perBox: 10, perCase: 2, months: 12, quantity: 250, shelfYears: 8 },
  { store: 'B', bay: 'Casier 3', prefix: 'CSI', nature: 'Grenade lacrymogène à main à effet multiple', calibre: 'Grenade à main', manufacturer: 'Combined Systems', country: 'US', age: 11, hd: '1.3', cg: 'G', un: '0019', neq: 0.1, perBox: 5, perCase: 6, months: 12, quantity: 150, plan: 'transfer', shelfYears: 8 },
  { store: 'C', bay: 'Caisson 1', prefix: 'ARS', nature: 'Grenade à main offensive-défensive F1', calibre: 'Grenade à main', manufacturer: 'Arsenal', country: 'BG', age: 18, hd: '1.1', cg: 'D', un: '0284', neq: 0.06, perBox: 10, perCase: 2, months: 12, quantity: 200 },
  { store: 'C', bay: 'Caisson 1', prefix: 'MKE', nature: 'Grenade à main à fragmentation', calibre: 'Grenade à main', manufacturer: 'MKE', country: 'TR', age: 9, hd: '1.1', cg: 'D', un: '0284', neq: 0.18, perBox: 10, perCase: 2, months: 12, quantity: 160 },
  { store: 'C', bay: 'Caisson 1', prefix: 'MEC', nature: 'Grenade à fusil à fragmentation', calibre: '22mm', manufacturer: 'MECAR', country: 'BE', age: 15, hd: '1.2', cg: 'D', un: '0285', neq: 0.1, perBox: 6, perCase: 4, months: 12, quantity: 120 },
];

export const UNITS = [
  'Groupement mobile de sécurité de Bamako',
  'Commissariat du 3e arrondissement',
  'Brigade territoriale de Kati',
  'Escadron de gendarmerie mobile n° 2',
  'École nationale de police — promotion 2026',
];
export const RIOT_UNITS = ['Compagnie républicaine de sécurité n° 1', 'Groupement mobile de sécurité de Bamako', 'Escadron de gendarmerie mobile n° 2'];
export const OFFICERS = [
  'Brigadier-chef Seydou Diallo',
  'Sergent-chef Aminata Koné',
  'Lieutenant Boubacar Sangaré',
  'Adjudant Issa Maïga',
  'Inspecteur principal Mariam Cissé',
  'Maréchal des logis Oumar Touré',
];
export const RANGES = ['Camp Soundiata Keïta (Kati)', 'Champ de tir de Samanko', "Stand de tir de l'École nationale de police"];
export const SUPPLIERS = ['Direction du matériel — Dépôt central de Bamako', 'Marché n° 2025/017/MS — livraison', 'Don bilatéral — lot de coopération'];
