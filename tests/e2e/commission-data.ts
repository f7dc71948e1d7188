/** The people and places of the commission tests. */
export type AgencyLike = 'police' | 'gendarmerie' | 'national_guard' | 'customs' | 'water_forestry' | 'armed_forces' | 'other';

export interface ArmourySpec {
  armoury: { code: string; name: string; agency: AgencyLike; region: string; language: 'fr' | 'en' };
  manager: { username: string; fullName: string; password: string };
}

export const ARMOURY_A: ArmourySpec = {
  armoury: { code: 'ML-KYS-02', name: 'Armurerie de Kayes', agency: 'gendarmerie', region: 'Kayes', language: 'fr' },
  manager: { username: 'a.traore', fullName: 'Aminata Traoré', password: 'garde-du-depot-2024' },
};

export const ARMOURY_B: ArmourySpec = {
  armoury: { code: 'ML-BKO-01', name: 'Armurerie centrale de Bamako', agency: 'police', region: 'Bamako', language: 'fr' },
  manager: { username: 'm.diarra', fullName: 'Mamadou Diarra', password: 'magasin-central-88' },
};

export const COMMISSION = { code: 'ML-CNCA', name: 'Commission nationale de contrôle des armes' } as const;
export const COMMISSION_MANAGER = { username: 'f.coulibaly', fullName: 'Fatoumata Coulibaly', password: 'registre-national-2024' } as const;
