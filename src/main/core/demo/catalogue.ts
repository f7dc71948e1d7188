import type { CountryCode } from '../../../shared/domain/countries';
import type { Agency, WeaponType } from '../../../shared/domain/enums';

/** Makes, models and calibres commonly held by state armouries in the Sahel. */
export interface CatalogueEntry {
  manufacturer: string;
  model: string;
  country: CountryCode;
  type: WeaponType;
  calibre: string;
  years: [number, number];
  markingLocation: string;
  weight: number;
}

export const CATALOGUE: readonly CatalogueEntry[] = [
  { manufacturer: 'Norinco', model: 'Type 56', country: 'CN', type: 'assault_rifle', calibre: '7.62x39mm', years: [1970, 2005], markingLocation: 'Boîte de culasse, côté gauche', weight: 18 },
  { manufacturer: 'Izhmash', model: 'AKM', country: 'RU', type: 'assault_rifle', calibre: '7.62x39mm', years: [1960, 1990], markingLocation: 'Boîte de culasse, côté gauche', weight: 14 },
  { manufacturer: 'Zastava', model: 'M70', country: 'RS', type: 'assault_rifle', calibre: '7.62x39mm', years: [1975, 2010], markingLocation: 'Boîte de culasse, côté droit', weight: 6 },
  { manufacturer: 'Norinco', model: 'Type 81', country: 'CN', type: 'assault_rifle', calibre: '7.62x39mm', years: [1985, 2010], markingLocation: 'Boîte de culasse, côté gauche', weight: 5 },
  { manufacturer: 'FN Herstal', model: 'FAL', country: 'BE', type: 'rifle', calibre: '7.62x51mm', years: [1960, 1985], markingLocation: 'Carcasse inférieure, côté gauche', weight: 5 },
  { manufacturer: 'Heckler & Koch', model: 'G3', country: 'DE', type: 'rifle', calibre: '7.62x51mm', years: [1965, 1995], markingLocation: 'Boîtier de magasin', weight: 4 },
  { manufacturer: 'MAS', model: 'MAS 49/56', country: 'FR', type: 'rifle', calibre: '7.5x54mm', years: [1957, 1979], markingLocation: 'Boîte de culasse, dessus', weight: 4 },
  { manufacturer: 'MAS', model: 'FAMAS F1', country: 'FR', type: 'assault_rifle', calibre: '5.56x45mm', years: [1980, 1995], markingLocation: 'Carcasse, côté droit', weight: 3 },
  { manufacturer: 'Degtyarev', model: 'PKM', country: 'RU', type: 'light_machine_gun', calibre: '7.62x54mmR', years: [1969, 1995], markingLocation: 'Couvercle de culasse', weight: 3 },
  { manufacturer: 'Degtyarev', model: 'DShKM', country: 'RU', type: 'heavy_machine_gun', calibre: '12.7x108mm', years: [1946, 1985], markingLocation: 'Boîte de culasse, dessus', weight: 1 },
  { manufacturer: 'Beretta', model: '92FS', country: 'IT', type: 'pistol', calibre: '9x19mm', years: [1985, 2015], markingLocation: 'Carcasse, côté gauche', weight: 8 },
  { manufacturer: 'MAC', model: 'MAC 50', country: 'FR', type: 'pistol', calibre: '9x19mm', years: [1950, 1978], markingLocation: 'Glissière, côté gauche', weight: 5 },
  { manufacturer: 'FN Herstal', model: 'Browning HP', country: 'BE', type: 'pistol', calibre: '9x19mm', years: [1960, 2000], markingLocation: 'Glissière, côté gauche', weight: 4 },
  { manufacturer: 'CZ', model: 'CZ 75', country: 'CZ', type: 'pistol', calibre: '9x19mm', years: [1980, 2015], markingLocation: 'Carcasse, côté droit', weight: 3 },
  { manufacturer: 'Izhevsk', model: 'Makarov PM', country: 'RU', type: 'pistol', calibre: '9x18mm', years: [1960, 1995], markingLocation: 'Carcasse, côté gauche', weight: 3 },
  { manufacturer: 'MAT', model: 'MAT-49', country: 'FR', type: 'submachine_gun', calibre: '9x19mm', years: [1950, 1979], markingLocation: 'Boîtier de magasin', weight: 3 },
  { manufacturer: 'IMI', model: 'Uzi', country: 'IL', type: 'submachine_gun', calibre: '9x19mm', years: [1960, 1995], markingLocation: 'Carcasse, côté gauche', weight: 2 },
  { manufacturer: 'Bazalt', model: 'RPG-7', country: 'RU', type: 'rocket_launcher', calibre: '40mm', years: [1965, 1995], markingLocation: 'Tube, près de la poignée', weight: 2 },
  { manufacturer: 'Mossberg', model: '500', country: 'US', type: 'shotgun', calibre: '12/70', years: [1980, 2015], markingLocation: 'Carcasse, côté gauche', weight: 2 },
  { manufacturer: 'Artisanal', model: 'Fusil de chasse', country: 'ML', type: 'craft_made', calibre: '12/70', years: [1990, 2020], markingLocation: 'Canon, près de la culasse', weight: 2 },
];

export const AGENCY_CODES: Record<Agency, string> = {
  police: 'PN',
  gendarmerie: 'GN',
  national_guard: 'GD',
  customs: 'DN',
  water_forestry: 'EF',
  armed_forces: 'FA',
  other: 'XX',
};

export const RACKS = ['Râtelier A', 'Râtelier B', 'Râtelier C', 'Râtelier D', 'Armoire forte 1', 'Armoire forte 2'];
export const SOURCES = ['Ministère de la Sécurité', 'Dotation 2012', 'Saisie — Gao', 'Don bilatéral', 'Dépôt central Bamako'];
