/**
 * The crash checks in a worker thread (bundled by launch.ts), so that a check of one kill never
 * holds the parent's event loop while the timer of the next kill is due.
 */
import { parentPort } from 'node:worker_threads';
import { checkKill, type CheckInput } from './checks';

parentPort?.on('message', (message: { id: number; input: CheckInput }) => {
  checkKill(message.input).then(
    (result) => parentPort?.postMessage({ id: message.id, result }),
    (error: unknown) => parentPort?.postMessage({ id: message.id, error: error instanceof Error ? error.stack ?? error.message : String(error) }),
  );
});
