import type { Agency, WeaponType } from '../../../shared/domain/enums';
import { OFFICERS, RIOT_UNITS, UNITS } from './ammunition-catalogue';

/** The agencies whose officers draw weapons at the demo's central armoury, and their share of them. */
export type OfficerAgency = Extract<Agency, 'police' | 'gendarmerie' | 'national_guard' | 'customs'>;
export const OFFICER_AGENCIES: readonly [OfficerAgency, number][] = [['police', 0.6], ['gendarmerie', 0.2], ['national_guard', 0.14], ['customs', 0.06]];

/** Service numbers: agency prefix and five digits, e.g. MLP-04817. */
export const SERVICE_PREFIX: Record<OfficerAgency, string> = { police: 'MLP', gendarmerie: 'MLG', national_guard: 'MLN', customs: 'MLD' };

/** Ranks by agency, the junior ones first: most officers at the counter are junior. */
export const RANKS: Record<OfficerAgency, readonly string[]> = {
  police: ['Agent de police', 'Brigadier', 'Brigadier-chef', 'Sergent', 'Sergent-chef', 'Inspecteur', 'Inspecteur principal', 'Commissaire'],
  gendarmerie: ['Gendarme', 'Maréchal des logis', 'Maréchal des logis-chef', 'Adjudant', 'Lieutenant', 'Capitaine'],
  national_guard: ['Garde', 'Caporal', 'Sergent', 'Sergent-chef', 'Adjudant', 'Lieutenant'],
  customs: ['Agent de constatation', 'Contrôleur', 'Inspecteur'],
};

/** The units officers belong to (the ammunition history's units among them). */
export const OFFICER_UNITS: Record<OfficerAgency, readonly string[]> = {
  police: [
    UNITS[0] as string, UNITS[1] as string, RIOT_UNITS[0] as string,
    'Commissariat du 7e arrondissement', 'Brigade anti-criminalité de Bamako', 'Commissariat spécial du port de Koulikoro',
  ],
  gendarmerie: [UNITS[2] as string, UNITS[3] as string, 'Brigade de recherches de Bamako'],
  national_guard: ['Groupement de la Garde nationale de Bamako', 'Peloton de garde des institutions'],
  customs: ['Brigade mobile des douanes de Bamako', 'Bureau des douanes de Sénou'],
};

export const FIRST_NAMES = [
  'Moussa', 'Mamadou', 'Oumar', 'Seydou', 'Boubacar', 'Ibrahim', 'Adama', 'Bakary', 'Souleymane', 'Modibo', 'Drissa', 'Lassana',
  'Abdoulaye', 'Sékou', 'Yacouba', 'Amadou', 'Issa', 'Cheick', 'Fousseyni', 'Mahamadou', 'Aminata', 'Fatoumata', 'Mariam', 'Awa',
  'Kadiatou', 'Oumou', 'Assitan', 'Rokia', 'Djénéba', 'Hawa', 'Salimata', 'Bintou',
];
export const LAST_NAMES = [
  'Traoré', 'Keïta', 'Diarra', 'Coulibaly', 'Koné', 'Diallo', 'Sangaré', 'Maïga', 'Cissé', 'Touré', 'Sidibé', 'Konaté', 'Dembélé',
  'Sissoko', 'Camara', 'Doumbia', 'Kanté', 'Sow', 'Bagayoko', 'Samaké', 'Ballo', 'Dicko', 'Haïdara', 'Togola', 'Guindo', 'Dolo',
  'Kouyaté', 'Fofana', 'Berthé', 'Tangara',
];

/**
 * The officers who draw 9 mm rounds in the ammunition history ("Adjudant Issa Maïga"), split into
 * rank and name: they are in the personnel register too.
 */
export const KNOWN_OFFICERS: readonly { rank: string; name: string; agency: OfficerAgency }[] = OFFICERS.map((full) => {
  const words = full.split(' ');
  const rank = words.slice(0, -2).join(' ');
  const agency = (Object.keys(RANKS) as OfficerAgency[]).find((a) => RANKS[a].includes(rank)) ?? 'police';
  return { rank, name: words.slice(-2).join(' '), agency };
});

/** The weapon types officers are authorised for, with what a checkout carries: magazines and rounds per magazine. */
export const CARRIED: Partial<Record<WeaponType, { magazines: number; rounds: number }>> = {
  pistol: { magazines: 2, rounds: 15 },
  assault_rifle: { magazines: 2, rounds: 30 },
  submachine_gun: { magazines: 2, rounds: 25 },
  // a tube magazine: no magazine to hand over, ten cartridges
  shotgun: { magazines: 0, rounds: 10 },
};
export const AUTHORISED_TYPES = Object.keys(CARRIED) as WeaponType[];

/** Day duties: out in the morning, back in the evening. */
export const DUTIES = [
  'Patrouille — Commune III',
  'Patrouille — Commune V',
  'Point de contrôle — Pont des Martyrs',
  'Point de contrôle — Route de Koulikoro',
  'Garde statique — Ministère de la Sécurité',
  'Garde du palais de justice',
  'Escorte de fonds — Banque de développement du Mali',
  'Escorte de détenus — Maison centrale d’arrêt',
  'Sécurisation du marché de Médine',
  'Service d’ordre — Stade du 26 Mars',
  'Contrôle routier — Route de Ségou',
  'Permanence — Commissariat du 3e arrondissement',
];

/** Why rounds were fired on duty: the reference a return gives (with a report number). */
export const FIRING_REPORTS = ['CR d’intervention n°', 'CR de tirs de sommation n°', 'PV d’interpellation n°'];

/** The key register: what each key opens, and who holds it at first ('storekeeper' or 'manager'). */
export const DEMO_KEYS: readonly { code: string; opens: string; holder: 'storekeeper' | 'manager' }[] = [
  { code: 'CLE-01', opens: 'Porte blindée de l’armurerie', holder: 'storekeeper' },
  { code: 'CLE-02', opens: 'Râteliers A à D (fusils)', holder: 'storekeeper' },
  { code: 'CLE-03', opens: 'Armoires fortes 1 et 2 (pistolets)', holder: 'storekeeper' },
  { code: 'CLE-04', opens: 'Magasin A — munitions d’armes légères', holder: 'manager' },
];
