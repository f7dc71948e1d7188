import type { Rng } from './rng';
import { parseEvent, trustedComment, type Base, type EventObject } from './snapshot';
import type { World } from './world';

/** A fault made in a real snapshot by someone holding the armoury's key: the file and what was done. */
export interface Ctx {
  w: World;
  r: Rng;
  base: Base;
}

export type Mutation = (c: Ctx) => { what: string; bytes: Buffer };

export const hex64 = (r: Rng): string => r.bytes(32).toString('hex');
/** The base's own trusted comment. */
export const original = (c: Ctx): string => trustedComment(c.base.checkpoint);
export const events = (c: Ctx): EventObject[] => c.base.events.map(parseEvent);
