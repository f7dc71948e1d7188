/**
 * Which of an armoury's weapons an event concerns, read from the event alone, as the armoury's
 * own dossier lists them (its event_refs `w:` rows): registrations, lifecycle events, custody
 * vouchers and returns, cases, and the missing or unexpected weapons of counts and handovers.
 * A case is closed by its id: the weapon is the one its case.opened named (`caseWeapon`).
 */
export function weaponIdsOf(type: string, seq: number, data: unknown, caseWeapon: (caseId: number) => number | null): number[] {
  if (type === 'weapon.registered' || type === 'weapon.transferred_in') return [seq];
  if (!isObject(data)) return [];
  const ids = new Set<number>();
  const add = (v: unknown) => {
    if (typeof v === 'number' && Number.isSafeInteger(v) && v > 0) ids.add(v);
  };
  add(data.weaponId);
  for (const v of list(data.weaponIds)) add(v);
  // custody.issued / custody.returned: objects with a weaponId (a count's plain id list is not a reference).
  for (const w of list(data.weapons)) if (isObject(w)) add(w.weaponId);
  if (type === 'custody.returned') for (const v of list(data.notReturned)) add(v);
  if (type === 'stockcheck.closed' || type === 'handover.recorded') {
    for (const v of [...list(data.missing), ...list(data.unexpected)]) add(v);
  }
  if (type === 'case.closed' && typeof data.caseId === 'number') add(caseWeapon(data.caseId));
  return [...ids];
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}
