import { closeDatabase, openDatabase, type Db, type OpenOptions } from './db/open';
import { Statements } from './db/statements';
import { Journal, type Clock } from './journal/journal';
import { projectEvent } from './projections';
import { ensureSigningKey } from './snapshot/keys';

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

  /**
   * Opens a database file. Opened for writing, an armoury upgraded from before signed snapshots
   * gets its signing key now (signing_key.created), so every armoury can export.
   */
  static open(path: string, options: OpenOptions & { clock?: Clock } = {}): Store {
    const store = new Store(openDatabase(path, options), options.clock);
    if (!options.readonly) {
      try {
        ensureSigningKey(store);
      } catch (error) {
        store.close();
        throw error;
      }
    }
    return store;
  }

  get hasArmoury(): boolean {
    return this.s.sql('SELECT 1 FROM armoury WHERE id = 1').get() !== undefined;
  }

  close(): void {
    closeDatabase(this.db);
  }
}
