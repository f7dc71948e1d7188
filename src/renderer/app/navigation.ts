import { createContext, useContext } from 'react';
import type { AppStatus } from '../../shared/contract/app';
import type { RegisterQuery, RegisterSort } from '../../shared/contract/register';
import type { SessionInfo } from '../../shared/domain/accounts';
import type { ImportKind } from '../../shared/domain/spreadsheet';

type RegisterFilters = NonNullable<RegisterQuery['filters']>;

/** The screens of the signed-in app. A plain state machine: no URL routing in a desktop app. */
export type Screen =
  | { name: 'register' }
  | { name: 'weapon'; id: number }
  | { name: 'newWeapon' }
  | { name: 'users' }
  | { name: 'settings' }
  | { name: 'account' }
  // Ammunition: dashboard, stores, one store's holdings, lots, one lot's stock card, a receipt.
  | { name: 'ammunition' }
  | { name: 'ammoStores' }
  | { name: 'ammoStore'; id: number }
  | { name: 'ammoLots'; filter?: 'due' | 'suspended'; storeId?: number }
  | { name: 'ammoLot'; id: number }
  | { name: 'ammoReceive'; storeId?: number }
  // Custody: the desk's dashboard, an issue, a return, a voucher (receipt), weapons out,
  // the personnel register, discrepancy cases, the shift handover and the key register.
  | { name: 'custody' }
  | { name: 'custodyIssue'; officerId?: number }
  | { name: 'custodyReturn'; code?: string }
  | { name: 'voucher'; id: number }
  | { name: 'weaponsOut' }
  | { name: 'officers' }
  | { name: 'officer'; id: number }
  | { name: 'cases'; filter?: 'overdue' | 'closed' }
  | { name: 'case'; id: number }
  | { name: 'handover' }
  | { name: 'keys' }
  // Stock checks: the list with the schedule, one check (count sheet while open, report once closed).
  | { name: 'stockChecks' }
  | { name: 'stockCheck'; id: number }
  // Printed documents: the list of what can be printed, and one document ready to print.
  | { name: 'documents' }
  | { name: 'print'; doc: PrintDoc; back: Screen }
  // Signed snapshots for the national commission (managers).
  | { name: 'snapshots' }
  // Bringing an existing register in from a spreadsheet (roles that write).
  | { name: 'import'; kind: ImportKind }
  // Sign-ins, failed sign-ins, overrides and two-person actions (managers and auditors).
  | { name: 'audit' };

/** What the register screen shows: its search, filters and order (printed as they are). */
export interface RegisterView {
  search: string;
  filters: RegisterFilters;
  sort: RegisterSort;
  dir: 'asc' | 'desc';
}

/** A printable document and what it is about; features/print/index.tsx renders each kind. */
export type PrintDoc =
  | { kind: 'register'; view: RegisterView }
  | { kind: 'dossier'; weaponId: number }
  | { kind: 'lossReport'; weaponId: number; seq: number }
  | { kind: 'destruction'; weaponId: number }
  | { kind: 'holdings' }
  | { kind: 'monthly'; year: number; month: number }
  | { kind: 'countSheet'; checkId: number }
  | { kind: 'inventory'; checkId: number }
  | { kind: 'keyCertificate'; keyId: string };

export const NavigationContext = createContext<(screen: Screen) => void>(() => undefined);
export const useNavigate = () => useContext(NavigationContext);

export const SessionContext = createContext<SessionInfo | null>(null);

/** The signed-in account; screens under the app shell always have one. */
export function useSession(): SessionInfo {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in app');
  return session;
}

/** What core last said about the app (armoury identity, demo or not); see App.tsx. */
export const StatusContext = createContext<AppStatus | null>(null);

export function useAppStatus(): AppStatus {
  const status = useContext(StatusContext);
  if (!status) throw new Error('useAppStatus outside the app');
  return status;
}

/** Asks core for the status again (after a language, settings or session change). */
export const RefreshContext = createContext<() => Promise<void>>(() => Promise.resolve());
export const useRefresh = () => useContext(RefreshContext);

export const canWrite = (s: SessionInfo) => s.role === 'manager' || s.role === 'storekeeper';
export const canManage = (s: SessionInfo) => s.role === 'manager';
/** The audit view: managers and auditors (core refuses storekeepers too). */
export const canAudit = (s: SessionInfo) => s.role === 'manager' || s.role === 'auditor';
