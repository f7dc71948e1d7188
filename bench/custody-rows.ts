import type { Licence, LotFields } from '../src/shared/domain/ammunition';
import type { OfficerFields } from '../src/shared/domain/custody';
import type { Agency } from '../src/shared/domain/enums';
import type { prng } from '../src/main/core/demo/generate';

/**
 * What the custody benchmark types: officers, duties, references, the armoury's ammunition store
 * and lots. Plain data and a small heap; custody-history.ts drives the core with them.
 */

export type Rng = ReturnType<typeof prng>;

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

const FIRST = ['Moussa', 'Awa', 'Oumar', 'Fatoumata', 'Ibrahim', 'Mariam', 'Seydou', 'Aminata', 'Boubacar', 'Kadiatou', 'Mamadou', 'Rokia', 'Adama', 'Hawa', 'Souleymane', 'Djénéba', 'Bakary', 'Assétou', 'Modibo', 'Salimata'];
const LAST = ['Traoré', 'Keïta', 'Diarra', 'Coulibaly', 'Touré', 'Konaté', 'Sidibé', 'Diallo', 'Sangaré', 'Doumbia', 'Camara', 'Cissé', 'Dembélé', 'Sissoko', 'Maïga', 'Kanté', 'Bagayoko', 'Fofana', 'Samaké', 'Ballo'];
const RANKS: Record<'police' | 'gendarmerie' | 'national_guard', string[]> = {
  police: ['Sergent', 'Sergent-chef', 'Inspecteur', 'Inspecteur principal', 'Commissaire'],
  gendarmerie: ['Gendarme', 'Maréchal des logis', 'Adjudant', 'Adjudant-chef', 'Lieutenant'],
  national_guard: ['Garde', 'Caporal', 'Sergent', 'Adjudant', 'Capitaine'],
};
const TOWNS = ['Bamako', 'Kati', 'Koulikoro', 'Ségou', 'Sikasso', 'Mopti', 'Kayes', 'Koutiala', 'San', 'Bougouni', 'Kita', 'Nioro'];

/** About 250 units: arrondissements, brigades and escadrons across the towns. */
function unitOf(i: number, agency: Agency): string {
  const town = TOWNS[i % TOWNS.length] as string;
  const n = 1 + (Math.floor(i / TOWNS.length) % 20);
  if (agency === 'gendarmerie') return n % 4 === 0 ? `Escadron de gendarmerie mobile n° ${n} — ${town}` : `Brigade territoriale de ${town} n° ${n}`;
  if (agency === 'national_guard') return `Groupement de la garde nationale de ${town}, compagnie ${n}`;
  return `Commissariat du ${n}e arrondissement — ${town}`;
}

/** Officer i: a unique service number, a name, a rank and a unit of their agency. */
export function benchOfficer(i: number, r: Rng): OfficerFields {
  const x = r.next();
  const agency = x < 0.6 ? 'police' : x < 0.9 ? 'gendarmerie' : 'national_guard';
  const prefix = { police: 'PN', gendarmerie: 'GN', national_guard: 'GDN' }[agency];
  return {
    serviceNumber: `${prefix}-${String(100_000 + i * 7).padStart(7, '0')}`,
    name: `${r.pick(FIRST)} ${r.pick(LAST)}`,
    rank: r.pick(RANKS[agency]),
    unit: unitOf(r.int(0, 249), agency),
    agency,
  };
}

export const DUTIES = [
  'Patrouille de nuit — secteur 3', 'Garde du poste central', 'Escorte de fonds — BCEAO', 'Contrôle routier — RN6',
  'Service d’ordre — stade du 26 Mars', 'Permanence du commissariat', 'Patrouille pédestre — grand marché', 'Escorte de détenus',
  'Garde statique — ministère', 'Séance de tir — stand de Kati',
];
export const FIRING_REFERENCE = 'PV de séance de tir n° ST-2025-117';
export const ASSIGNMENT_DUTY = 'Dotation individuelle — brigade mobile';

/** The one ammunition store of the armoury (small-arms rounds, 1.4S). */
export const AMMO_STORE = { code: 'SOUTE-1', name: 'Soute à munitions de l’armurerie', bays: ['Travée 1', 'Travée 2'] };
export const AMMO_BAY = 'Travée 1';
export const AMMO_LICENCE: Licence = {
  maxNeqKg: { '1.4': 10_000 },
  authority: 'Direction du matériel, Ministère de la Sécurité',
  reference: 'DM/LLE-CUSTODY-BENCH',
  expiry: '2099-12-31',
};

const NATURES = [
  { calibre: '9x19mm', nature: 'Cartouche 9x19 mm Parabellum ordinaire', neqPerUnitKg: 0.00035, roundsPerBox: 50, boxesPerCase: 20 },
  { calibre: '7.62x39mm', nature: 'Cartouche 7,62x39 mm ordinaire (M43)', neqPerUnitKg: 0.0016, roundsPerBox: 20, boxesPerCase: 36 },
  { calibre: '9x19mm', nature: 'Cartouche 9x19 mm Parabellum ordinaire', neqPerUnitKg: 0.00035, roundsPerBox: 50, boxesPerCase: 20 },
  { calibre: '5.56x45mm', nature: 'Cartouche 5,56x45 mm OTAN (SS109)', neqPerUnitKg: 0.0017, roundsPerBox: 20, boxesPerCase: 50 },
];
export const LOT_COUNT = NATURES.length;

/** Lot i, inspected recently enough that no login suspends it (the next inspection is set explicitly). */
export function custodyLot(i: number, nextInspection: string): LotFields {
  const n = NATURES[i % NATURES.length] as (typeof NATURES)[number];
  return {
    ...n, lotState: 'numbered', lotNumber: `DOT-${String(i + 1).padStart(3, '0')}`, manufacturer: 'Sellier & Bellot', country: 'CZ',
    yearOfManufacture: 2021, hazardDivision: '1.4', compatibilityGroup: 'S', unNumber: '0012', inspectionIntervalMonths: 24,
    lastInspection: '', nextInspection, shelfLifeEnd: '',
  };
}

/** A binary min-heap on `at`: the custody history's scheduled returns and case closings. */
export class Timeline<T extends { at: number }> {
  private readonly items: T[] = [];

  get size(): number {
    return this.items.length;
  }

  peek(): T | undefined {
    return this.items[0];
  }

  push(item: T): void {
    const a = this.items;
    a.push(item);
    let i = a.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((a[parent] as T).at <= item.at) break;
      a[i] = a[parent] as T;
      i = parent;
    }
    a[i] = item;
  }

  pop(): T | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length === 0 || last === undefined) return top;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= a.length) break;
      const c = l + 1 < a.length && (a[l + 1] as T).at < (a[l] as T).at ? l + 1 : l;
      if ((a[c] as T).at >= last.at) break;
      a[i] = a[c] as T;
      i = c;
    }
    a[i] = last;
    return top;
  }
}
