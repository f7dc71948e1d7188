import type { Handlers } from '../router';
import { exportHandlers } from './export/handlers';
import { importHandlers } from './import/handlers';

type SpreadsheetOp = keyof typeof importHandlers | keyof typeof exportHandlers;

export const spreadsheetHandlers: Pick<Handlers, SpreadsheetOp> = { ...importHandlers, ...exportHandlers };
