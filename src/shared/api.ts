import type { OpInput, OpOutput, OperationName } from './contract';
import type { Result } from './result';

/** The one API the preload puts on `window.gardien` (and the Playwright bridge reproduces). */
export interface GardienApi {
  invoke<K extends OperationName>(op: K, input: OpInput<K>): Promise<Result<OpOutput<K>>>;
}
