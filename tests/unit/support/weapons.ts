import type { WeaponFieldsInput } from '../../../src/shared/domain/weapon';
import { localToday } from '../../../src/shared/domain/weapon';

let counter = 0;

/** A unique number per call in this test file (national codes and serials never collide). */
export function nextNumber(): number {
  return ++counter;
}

/**
 * A valid registration with every required field and unique identifiers; override what the test
 * is about. National codes look like ML-PN-T000001, serials like QX000001Z.
 */
export function weaponInput(overrides: Partial<WeaponFieldsInput> = {}): WeaponFieldsInput {
  const n = String(nextNumber()).padStart(6, '0');
  return {
    nationalCode: `ML-PN-T${n}`,
    serial: `QX${n}Z`,
    manufacturer: 'Norinco',
    model: 'Type 56',
    countryOfManufacture: 'CN',
    yearOfManufacture: 1985,
    type: 'assault_rifle',
    calibre: '7.62x39mm',
    markingLocation: 'Boîte de culasse, côté gauche',
    agency: 'police',
    location: 'Râtelier A / 1',
    acquisitionDate: '2015-03-01',
    acquisitionMode: 'procurement',
    acquisitionSource: 'Dotation 2015',
    acquisitionDocument: 'BL-2015-001',
    ...overrides,
  };
}

/** Today as YYYY-MM-DD (dates in lifecycle inputs may not be in the future). */
export function today(): string {
  return localToday();
}
