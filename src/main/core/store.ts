import { closeDatabase, openDatabase, type Db, type OpenOptions } from './db/open';
import { Statements } from './db/statements';
import { Journal, type Clock } from './journal/journal';
import { projectEvent } from './projections';

/** One open armoury database: its connection, prepared statements and journal. */
export class Store {
  readonly s: Statements;
  readonly journal: Journal;

  constructor(
    readonly db: Db,
    readonly clock: Clock = () => new Date(),
  ) {
    this.s = new Statements(db);
    this.journal = new Journal(this.s, projectEvent, clock);
  }

  static open(path: string, options: OpenOptions & { clock?: Clock } = {}): Store {
    return new Store(openDatabase(path, options), options.clock);
  }

  get hasArmoury(): boolean {
    return this.s.sql('SELECT 1 FROM armoury WHERE id = 1').get() !== undefined;
  }

  close(): void {
    closeDatabase(this.db);
  }
}
