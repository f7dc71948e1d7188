import { createHash } from 'node:crypto';
import type { Statements } from '../db/statements';
import { encodeEvent, GENESIS_PREV, type EventDraft, type StoredEvent } from './event';

export type Projector = (s: Statements, event: StoredEvent) => void;
export type Clock = () => Date;

interface Head {
  seq: number;
  hash: string;
}

/**
 * The append-only, hash-chained journal. Appends happen only inside `write`, which runs one
 * synchronous SQLite transaction: the event and its projections commit together or not at all.
 */
export class Journal {
  private head: Head;
  private armouryCode: string;

  constructor(
    private readonly s: Statements,
    private readonly project: Projector,
    private readonly clock: Clock,
  ) {
    const row = s.sql('SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: Buffer } | undefined;
    this.head = row ? { seq: row.seq, hash: row.hash.toString('hex') } : { seq: 0, hash: GENESIS_PREV };
    const armoury = s.sql('SELECT code FROM armoury WHERE id = 1').get() as { code: string } | undefined;
    this.armouryCode = armoury?.code ?? '';
  }

  getHead(): Readonly<Head> {
    return this.head;
  }

  /** Runs `fn` in one transaction; on any throw nothing is written and the head is unchanged. */
  write<T>(fn: () => T): T {
    const before = { ...this.head };
    const armouryBefore = this.armouryCode;
    try {
      return this.s.db.transaction(fn)();
    } catch (error) {
      this.head = before;
      this.armouryCode = armouryBefore;
      throw error;
    }
  }

  /** Appends one event and applies its projection. Only valid inside `write`. */
  append<T>(draft: EventDraft<T>, armouryCode?: string): StoredEvent<T> {
    if (!this.s.db.inTransaction) throw new Error('journal append outside a transaction');
    if (armouryCode !== undefined) this.armouryCode = armouryCode;
    const event: StoredEvent<T> = {
      v: 1,
      seq: this.head.seq + 1,
      prev: this.head.hash,
      at: this.clock().toISOString(),
      armoury: this.armouryCode,
      type: draft.type,
      actor: draft.actor,
      ...(draft.approver !== undefined ? { approver: draft.approver } : {}),
      data: draft.data,
    };
    const body = encodeEvent(event);
    const hash = createHash('sha256').update(body).digest();
    this.s
      .sql('INSERT INTO events (seq, type, at, actor, body, hash) VALUES (?, ?, ?, ?, ?, ?)')
      .run(event.seq, event.type, event.at, event.actor, body, hash);
    this.head = { seq: event.seq, hash: hash.toString('hex') };
    this.project(this.s, event);
    return event;
  }
}
