import { createContext, useContext } from 'react';

/** The commission's screens: a plain state machine like the armoury shell's, kept apart from it. */
export type CommissionScreen =
  | { name: 'armouries'; highlight?: string }
  | { name: 'imports' }
  | { name: 'register'; armoury?: string }
  | { name: 'history'; armoury: string; weaponId: number; back: CommissionScreen }
  | { name: 'alerts' }
  | { name: 'users' }
  | { name: 'settings' }
  | { name: 'account' };

export type NavName = 'armouries' | 'imports' | 'register' | 'alerts' | 'users' | 'settings' | 'account';

/** The menu entry a screen belongs to (a weapon's history belongs to the register). */
export function navOf(screen: CommissionScreen): NavName {
  return screen.name === 'history' ? 'register' : screen.name;
}

export const CommissionNavigation = createContext<(screen: CommissionScreen) => void>(() => undefined);
export const useCommissionNavigate = () => useContext(CommissionNavigation);
