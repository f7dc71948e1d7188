/**
 * The words registers use for coded values, beside the codes and Gardien's own labels (which
 * vocabulary.ts reads from the locale files). Matching folds case, accents and punctuation, so
 * each word is listed once in its plainest spelling. A word belongs to one code only.
 */
export const REGISTER_WORDS: Record<string, Record<string, readonly string[]>> = {
  weaponType: {
    pistol: ['Pistolet', 'PA', 'Pistolet automatique', 'Pistolet semi-automatique', 'PSA', 'Arme de poing', 'Handgun', 'Semi-automatic pistol'],
    revolver: ['Révolver', 'Revolver'],
    rifle: ['Fusil', 'Fusil à répétition', 'Fusil semi-automatique', 'Fusil de précision', 'Fusil de guerre', 'Rifle', 'Bolt-action rifle', 'Sniper rifle', 'Semi-automatic rifle'],
    assault_rifle: ['Fusil d’assaut', 'FA', 'Kalachnikov', 'Kalashnikov', 'Kalach', 'AK', 'AK-47', 'AK 47', 'AKM', 'Assault rifle'],
    carbine: ['Carabine', 'Mousqueton', 'Carbine'],
    submachine_gun: ['Pistolet mitrailleur', 'PM', 'Mitraillette', 'SMG', 'Sub-machine gun', 'Submachine gun', 'Machine pistol'],
    // "Calibre 12" is how West African registers name a shotgun (12 gauge).
    shotgun: ['Fusil de chasse', 'Fusil à pompe', 'Fusil à canon lisse', 'Fusil calibre 12', 'Calibre 12', 'Cal 12', 'Shotgun', 'Pump-action shotgun'],
    // A bare "Mitrailleuse" is the 7.62 mm general-purpose gun (PKM, MAG, AA-52), counted as a
    // light machine gun by the UN Register and the Small Arms Survey; heavy ones say so or 12.7.
    light_machine_gun: ['Fusil mitrailleur', 'FM', 'Mitrailleuse', 'Mitrailleuse légère', 'Mitrailleuse moyenne', 'LMG', 'GPMG', 'MMG', 'Machine gun', 'Light machine gun'],
    heavy_machine_gun: ['Mitrailleuse lourde', 'Mitrailleuse 12,7', 'Mitrailleuse 14,5', 'HMG', 'Heavy machine gun'],
    grenade_launcher: ['Lance-grenades', 'Lance-grenade', 'LG', 'Grenade launcher', 'AGL'],
    rocket_launcher: ['Lance-roquettes', 'Lance-roquette', 'RPG', 'RPG-7', 'LRAC', 'Bazooka', 'Rocket launcher'],
    mortar: ['Mortier', 'Mortar'],
    craft_made: [
      'Arme artisanale', 'Artisanale', 'Artisanal', 'Fusil artisanal', 'Fabrication locale', 'Fabrication artisanale',
      'Arme de fabrication artisanale', 'Arme de fabrication locale', 'Craft-made', 'Craft', 'Homemade', 'Home-made', 'Locally made',
    ],
    other: ['Autre', 'Autres', 'Divers', 'Other'],
  },
  agency: {
    police: ['Police', 'Police nationale', 'Sûreté nationale', 'National police'],
    gendarmerie: ['Gendarmerie', 'Gendarmerie nationale', 'National gendarmerie'],
    national_guard: ['Garde nationale', 'National guard', 'GNN'],
    customs: ['Douanes', 'Douane', 'Douanes nationales', 'Customs'],
    water_forestry: ['Eaux et Forêts', 'Eaux et Forêt', 'E et F', 'Forestry', 'Water and Forestry', 'Water and Forests', 'Garde forestier', 'Gardes forestiers'],
    // Mali's FAMa, Niger's FAN, Burkina Faso's FABF, Chad's ANT.
    armed_forces: ['Armée', 'Armées', 'Armée nationale', 'Forces armées', 'Forces armées nationales', 'FAMa', 'FAN', 'FABF', 'ANT', 'Armed forces', 'Army', 'Military', 'Défense'],
    other: ['Autre', 'Autres', 'Other'],
  },
  acquisitionMode: {
    procurement: ['Achat', 'Achats', 'Acquisition', 'Commande', 'Marché', 'Procurement', 'Purchase', 'Bought'],
    // "Dotation" and "Cession" are weapons handed over by the central depot or another service:
    // the armoury receives them, it does not buy them.
    transfer_in: ['Transfert', 'Transfert entrant', 'Dotation', 'Cession', 'Affectation', 'Réaffectation', 'Mutation', 'Transfer', 'Transfer in', 'Allocation'],
    seizure: ['Saisie', 'Saisi', 'Saisie judiciaire', 'Confiscation', 'Confisqué', 'Prise de guerre', 'Seizure', 'Seized', 'Confiscated'],
    donation: ['Don', 'Dons', 'Donation', 'Gift', 'Donated'],
    recovered: ['Récupération', 'Récupéré', 'Récupérée', 'Remise volontaire', 'Collecte', 'Ramassage', 'Trouvée', 'Recovered', 'Recovery', 'Found', 'Voluntary surrender'],
  },
  weaponCondition: {
    serviceable: ['Bon', 'Bonne', 'Bon état', 'BE', 'TBE', 'Très bon état', 'Neuf', 'Neuve', 'Utilisable', 'Fonctionnel', 'Serviceable', 'Good', 'New', 'OK'],
    repairable: ['Réparable', 'À réparer', 'En réparation', 'Passable', 'Repairable', 'Needs repair', 'Fair'],
    unserviceable: ['HS', 'Hors service', 'Hors d’usage', 'Inutilisable', 'Irréparable', 'Réformé', 'Unserviceable', 'Out of service', 'Beyond repair'],
  },
  lotState: {
    numbered: ['Numéroté', 'Numbered'],
    none: ['Sans numéro', 'Sans', 'Aucun', 'Néant', 'None', 'No number', 'N/A'],
    mixed: ['Mixte', 'Mélangé', 'Lots mélangés', 'Lots mixtes', 'Mixed'],
    unknown: ['Inconnu', 'Illisible', 'Unknown', 'Illegible'],
  },
};

/**
 * Country names registers use that Intl.DisplayNames does not give. Former states go to the
 * state that continues them and holds their factories: the USSR to Russia (its continuator at the
 * UN), Czechoslovakia to Czechia (Česká zbrojovka), Yugoslavia to Serbia (Zastava), either
 * Germany to Germany.
 */
export const COUNTRY_WORDS: Record<string, readonly string[]> = {
  RU: ['URSS', 'USSR', 'Union soviétique', 'Soviet Union', 'Russie', 'Fédération de Russie', 'Russian Federation'],
  CZ: ['Tchécoslovaquie', 'Czechoslovakia', 'République tchèque', 'Czech Republic'],
  RS: ['Yougoslavie', 'Yugoslavia', 'Serbie-et-Monténégro', 'Serbia and Montenegro'],
  DE: ['RDA', 'RFA', 'GDR', 'FRG', 'Allemagne de l’Est', 'Allemagne de l’Ouest', 'East Germany', 'West Germany'],
  GB: ['Angleterre', 'Grande-Bretagne', 'England', 'Great Britain', 'UK', 'Britain'],
  US: ['USA', 'États-Unis d’Amérique', 'Etats Unis', 'United States of America', 'America'],
  CN: ['Chine', 'Chine populaire', 'RPC', 'PRC', 'China'],
  KP: ['Corée du Nord', 'North Korea'],
  KR: ['Corée du Sud', 'South Korea'],
  CD: ['RDC', 'DRC', 'République démocratique du Congo', 'Democratic Republic of the Congo', 'Zaïre', 'Zaire'],
  // Plain "Congo" is ISO's short name for the Republic of the Congo.
  CG: ['Congo', 'République du Congo', 'Republic of the Congo'],
  CF: ['Centrafrique', 'RCA', 'CAR', 'Central African Republic'],
  CI: ['Côte d’Ivoire', 'Ivory Coast'],
  CV: ['Cap-Vert', 'Cabo Verde', 'Cape Verde'],
  TR: ['Turquie', 'Turkey'],
  NL: ['Hollande', 'Holland'],
  MM: ['Birmanie', 'Burma'],
  MK: ['Macédoine', 'Macedonia'],
  SZ: ['Swaziland'],
  VN: ['Vietnam', 'Viet Nam'],
  BE: ['Belgique', 'Belgium'],
  IR: ['Perse'],
  VA: ['Vatican', 'Saint-Siège', 'Holy See'],
  AE: ['EAU', 'UAE'],
};
