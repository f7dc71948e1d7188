import { openCase, type CaseDraft } from '../../../src/main/core/cases/open';
import type { Harness } from './harness';
import { USERS } from './harness';

export const HOUR = 3_600_000;

/** Manager, storekeeper or auditor credentials for a closing's approver field. */
export const credentials = (role: 'manager' | 'storekeeper' | 'auditor' = 'manager') => ({
  username: USERS[role].username,
  password: USERS[role].password,
});

/**
 * Opens a case directly, as a return, a handover or a stock check does inside its own write, by
 * the signed-in account. Returns the case id.
 */
export function openDirect(h: Harness, draft: CaseDraft): number {
  const store = h.app.store;
  const session = h.app.session;
  if (!store || !session) throw new Error('open an armoury and sign in first');
  return store.journal.write(() => openCase(store, session.userId, h.clock.now(), draft));
}

/** A weapon missing at a shift handover. */
export const handoverWeapon = (weaponId: number): CaseDraft => ({ source: 'handover', subject: 'weapon', weaponId, quantity: 1 });

/** A weapon missing at a stock check ([4]). */
export const stockCheckWeapon = (weaponId: number): CaseDraft => ({ source: 'stock_check', subject: 'weapon', weaponId, quantity: 1 });

/** Magazines missing after a return (no voucher needed for the case's own rules). */
export const magazines = (quantity: number): CaseDraft => ({ source: 'custody', subject: 'magazines', quantity });


/** The officer the case tests issue to (authorised for assault rifles, the weapons' type). */
export const OFFICER = { serviceNumber: 'MLP-CAS-01', name: 'Brigadier Cas Test', rank: 'Brigadier', unit: 'CSP Kati', agency: 'police' } as const;

/**
 * A checkout to OFFICER: the weapons with `magazines` each, and rounds from one place. Expected back
 * eight hours after the harness's clock.
 */
export function issue(
  h: Harness,
  officerId: number,
  weapons: number[],
  rounds: { lotId: number; storeId: number; bay: string; quantity: number }[] = [],
  magazinesEach = 2,
) {
  return h.ok('custody.issue', {
    kind: 'checkout', officerId, weapons: weapons.map((weaponId) => ({ weaponId, magazines: magazinesEach })), rounds,
    duty: 'Patrouille de nuit', expectedReturn: new Date(h.clock.t + 8 * HOUR).toISOString(), acknowledgement: OFFICER.serviceNumber,
  });
}
