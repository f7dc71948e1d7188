import type { ImportKind } from '../../../shared/domain/spreadsheet';

/** Where the register of each kind lives: the wizard's way back, and where the imported rows are found. */
export const LIST_OF: Record<ImportKind, 'register' | 'officers' | 'ammoLots'> = { weapons: 'register', officers: 'officers', lots: 'ammoLots' };
