/** An event as stored: `body` holds the exact bytes that were hashed; the rest is parsed from it. */
export interface StoredEvent<T = unknown> {
  v: 1;
  seq: number;
  prev: string;
  at: string;
  armoury: string;
  type: string;
  actor: number;
  approver?: number;
  data: T;
}

export interface EventDraft<T = unknown> {
  type: string;
  actor: number;
  approver?: number;
  data: T;
}

/** prev of the first event: 64 zeros, so every event has the same shape. */
export const GENESIS_PREV = '0'.repeat(64);

/**
 * The canonical bytes of an event. Built once at append with a fixed key order and never rebuilt:
 * verification hashes the stored bytes, not a re-serialization.
 */
export function encodeEvent(e: StoredEvent): Buffer {
  const head: Record<string, unknown> = { v: e.v, seq: e.seq, prev: e.prev, at: e.at, armoury: e.armoury, type: e.type, actor: e.actor };
  if (e.approver !== undefined) head.approver = e.approver;
  head.data = e.data;
  return Buffer.from(JSON.stringify(head), 'utf8');
}

export function decodeEvent(body: Uint8Array): StoredEvent {
  return JSON.parse(Buffer.from(body).toString('utf8')) as StoredEvent;
}
