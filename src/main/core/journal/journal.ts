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
  /** Event rows appended in the current write, inserted together just before it ends (see flush). */
  private pending: (readonly [number, string, string, number, Buffer, Buffer])[] = [];
  private depth = 0;

  constructor(
    private readonly s: Statements,
    private readonly project: Projector,
    private readonly clock: Clock,
  ) {
    this.head = { seq: 0, hash: GENESIS_PREV };
    this.armouryCode = '';
    this.reload();
  }

  /** Reads the head from the file: another connection (a second instance, the CLI) may have appended. */
  private reload(): void {
    const row = this.s.sql('SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: Buffer } | undefined;
    this.head = row ? { seq: row.seq, hash: row.hash.toString('hex') } : { seq: 0, hash: GENESIS_PREV };
    const armoury = this.s.sql('SELECT code FROM armoury WHERE id = 1').get() as { code: string } | undefined;
    this.armouryCode = armoury?.code ?? this.armouryCode;
  }

  getHead(): Readonly<Head> {
    return this.head;
  }

  /**
   * Runs `fn` in one transaction; on any throw nothing is written and the head is unchanged.
   * IMMEDIATE takes the write lock before the head is read, so appends from another connection
   * are seen instead of colliding with this one's next seq.
   */
  write<T>(fn: () => T): T {
    // A nested write is a savepoint: the outer write's rows go in first, outside it, so that
    // rolling the savepoint back cannot take them along (and reload sees the true head).
    if (this.depth > 0) this.flush();
    const before = { ...this.head };
    const armouryBefore = this.armouryCode;
    this.depth++;
    try {
      return this.s.db
        .transaction(() => {
          this.reload();
          const result = fn();
          this.flush();
          return result;
        })
        .immediate();
    } catch (error) {
      this.pending = [];
      this.head = before;
      this.armouryCode = armouryBefore;
      throw error;
    } finally {
      this.depth--;
    }
  }

  /**
   * Inserts the pending event rows. Deferred because the events table has an INSERT trigger:
   * each such insert opens a statement savepoint, which makes FTS5 flush its pending terms, so
   * interleaving event rows with the register's search rows wrote one FTS segment per weapon
   * (about a third of a bulk registration's time). Same rows, same order, same transaction.
   */
  private flush(): void {
    const rows = this.pending;
    this.pending = [];
    const insert = this.s.sql('INSERT INTO events (seq, type, at, actor, body, hash) VALUES (?, ?, ?, ?, ?, ?)');
    for (const row of rows) insert.run(...row);
  }

  /**
   * Appends one event and applies its projection. Only valid inside `write`; nest further writes
   * with `write` too, never a bare db.transaction (its rollback would not drop a pending row).
   */
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
    this.pending.push([event.seq, event.type, event.at, event.actor, body, hash]);
    // A caller's own transaction (not `write`) gets its row at once, as before.
    if (this.depth === 0) this.flush();
    this.head = { seq: event.seq, hash: hash.toString('hex') };
    this.project(this.s, event);
    return event;
  }
}
