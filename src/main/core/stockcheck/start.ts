import { randomInt } from 'node:crypto';
import type { CheckScope } from '../../../shared/domain/stockcheck';
import { getStore } from '../ammunition/stores';
import type { Statements } from '../db/statements';
import { AppError } from '../errors';
import type { Store } from '../store';
import type { CheckStarted } from './events';
import { PRESENT_SQL } from './project';

export interface StartInput {
  scope: CheckScope;
  storeId?: number | undefined;
  spotSize?: number | undefined;
  note: string;
}

type Place = { lotId: number; storeId: number; bay: string };

const placesSql = (where = '') =>
  `SELECT DISTINCT lot_id AS lotId, store_id AS storeId, bay FROM ammo_balances ${where} ORDER BY lot_id, store_id, bay`;

function presentWeapons(s: Statements): number[] {
  return (s.sql(`SELECT id FROM weapons WHERE ${PRESENT_SQL} ORDER BY id`).all() as { id: number }[]).map((r) => r.id);
}

/** How many items a scope would put on the sheet (weapons, lot places), before anything is written. */
function populationSize(s: Statements, scope: CheckScope, storeId: number | undefined): number {
  const weapons = () => (s.sql(`SELECT COUNT(*) AS n FROM weapons WHERE ${PRESENT_SQL}`).get() as { n: number }).n;
  const lots = (where = '', ...params: unknown[]) =>
    (s.sql(`SELECT COUNT(*) AS n FROM (${placesSql(where)})`).get(...params) as { n: number }).n;
  switch (scope) {
    case 'full':
    case 'spot':
      return weapons() + lots();
    case 'weapons':
      return weapons();
    case 'ammunition':
      return lots();
    case 'store':
      return lots('WHERE store_id = ?', storeId);
  }
}

/** A whole number from 0 to below `n`; crypto.randomInt, or a seeded one for a reproducible demo. */
export type RandomBelow = (n: number) => number;

/**
 * The items of a spot check, drawn without replacement (a partial Fisher–Yates shuffle) from every
 * weapon on the shelves and every lot place on hand.
 */
function drawSpot(s: Statements, size: number, random: RandomBelow): NonNullable<CheckStarted['spot']> {
  const population: ({ weapon: number } | { place: Place })[] = [
    ...presentWeapons(s).map((weapon) => ({ weapon })),
    ...(s.sql(placesSql()).all() as Place[]).map((place) => ({ place })),
  ];
  const n = Math.min(size, population.length);
  for (let i = 0; i < n; i++) {
    const j = i + random(population.length - i);
    const a = population[i];
    const b = population[j];
    if (a === undefined || b === undefined) throw new Error('spot draw out of range');
    population[i] = b;
    population[j] = a;
  }
  const drawn = population.slice(0, n);
  const weapons = drawn.flatMap((x) => ('weapon' in x ? [x.weapon] : [])).sort((a, b) => a - b);
  const lots = drawn
    .flatMap((x) => ('place' in x ? [x.place] : []))
    .sort((a, b) => a.lotId - b.lotId || a.storeId - b.storeId || (a.bay < b.bay ? -1 : a.bay > b.bay ? 1 : 0));
  return { weapons, lots };
}

/**
 * Starts a stock check: the book it will be compared with is copied by the projector from the
 * projections as they stand at this event. Several checks may be open at once (a spot check
 * during a long full inventory).
 */
export function startCheck(store: Store, actor: number, input: StartInput, random: RandomBelow = randomInt): number {
  return store.journal.write(() => {
    const s = store.s;
    const storeId = input.scope === 'store' ? input.storeId : undefined;
    if (storeId !== undefined) getStore(s, storeId, 'storeId');
    if (populationSize(s, input.scope, storeId) === 0) {
      throw new AppError('check_empty', 'nothing to count in this scope', { params: { scope: input.scope } });
    }
    const data: CheckStarted = { scope: input.scope, note: input.note };
    if (storeId !== undefined) data.storeId = storeId;
    if (input.scope === 'spot') data.spot = drawSpot(s, input.spotSize ?? 1, random);
    return store.journal.append({ type: 'stockcheck.started', actor, data }).seq;
  });
}
