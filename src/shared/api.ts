import type { OpInput, OpOutput, OperationName } from './contract';
import type { Result } from './result';

export interface SavedPdf {
  saved: boolean;
  path?: string;
  /** Why a file was not saved when it was not a cancel: the screen says so (saveExport). */
  error?: 'missing' | 'write_failed';
}

/** The one API the preload puts on `window.gardien` (and the Playwright bridge reproduces). */
export interface GardienApi {
  invoke<K extends OperationName>(op: K, input: OpInput<K>): Promise<Result<OpOutput<K>>>;
  /** Prints the current page to PDF and saves it where the user chooses (the print dialog is `window.print()`). */
  savePdf(fileName: string): Promise<SavedPdf>;
  /**
   * Copies a file core wrote into the exports folder (a snapshot, a CSV) to where the user chooses
   * (a USB stick), through the system's save dialog; written to a temporary name, synced, renamed.
   */
  saveExport(fileName: string): Promise<SavedPdf>;
  /**
   * The system's open dialog for snapshot files (or a folder of them): the chosen paths, which the
   * shell also grants to core's commission.import (core refuses any path not granted).
   */
  chooseSnapshots(folder: boolean): Promise<{ paths: string[] }>;
  /** The open dialog for one CSV or XLSX register to import: its path (granted to imports.*), or none. */
  chooseSpreadsheet(): Promise<{ paths: string[] }>;
  /** The open dialog for the backups' folder (a USB stick): its path (granted to backups.configure), or null. */
  chooseBackupFolder(): Promise<{ path: string | null }>;
  /** The open dialog for one backup file: its path (granted to backups.inspect and restore), or null. */
  chooseBackupFile(): Promise<{ path: string | null }>;
}
