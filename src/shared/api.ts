import type { OpInput, OpOutput, OperationName } from './contract';
import type { Result } from './result';

export interface SavedPdf {
  saved: boolean;
  path?: string;
}

/** The one API the preload puts on `window.gardien` (and the Playwright bridge reproduces). */
export interface GardienApi {
  invoke<K extends OperationName>(op: K, input: OpInput<K>): Promise<Result<OpOutput<K>>>;
  /** Prints the current page to PDF and saves it where the user chooses (the print dialog is `window.print()`). */
  savePdf(fileName: string): Promise<SavedPdf>;
}
