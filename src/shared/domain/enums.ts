/** Closed vocabularies from DOMAIN.md. Codes are stable English words; labels live in the locales. */
export const ROLES = ['storekeeper', 'manager', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export const LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const AGENCIES = ['police', 'gendarmerie', 'national_guard', 'customs', 'water_forestry', 'armed_forces', 'other'] as const;
export type Agency = (typeof AGENCIES)[number];

export const WEAPON_TYPES = [
  'pistol', 'revolver', 'rifle', 'assault_rifle', 'carbine', 'submachine_gun', 'shotgun',
  'light_machine_gun', 'heavy_machine_gun', 'grenade_launcher', 'rocket_launcher', 'mortar',
  'craft_made', 'other',
] as const;
export type WeaponType = (typeof WEAPON_TYPES)[number];

export const WEAPON_STATUSES = [
  'in_store', 'issued', 'assigned', 'in_transit', 'in_maintenance', 'unserviceable', 'lost', 'stolen',
  'recovered', 'surplus', 'destroyed', 'deactivated', 'transferred_out',
] as const;
export type WeaponStatus = (typeof WEAPON_STATUSES)[number];

export const WEAPON_CONDITIONS = ['serviceable', 'repairable', 'unserviceable'] as const;
export type WeaponCondition = (typeof WEAPON_CONDITIONS)[number];

export const ACQUISITION_MODES = ['procurement', 'transfer_in', 'seizure', 'donation', 'recovered'] as const;
export type AcquisitionMode = (typeof ACQUISITION_MODES)[number];

export const DESTRUCTION_METHODS = ['cutting', 'crushing', 'melting', 'burning', 'other'] as const;
export type DestructionMethod = (typeof DESTRUCTION_METHODS)[number];

/** The earliest year a register plausibly holds; later than "now" is refused at runtime. */
export const MIN_MANUFACTURE_YEAR = 1850;
