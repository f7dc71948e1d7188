import type { z } from '../validation';
import type { Operation } from './define';
import { accountOps } from './accounts';
import { ammunitionOps } from './ammunition';
import { auditOps } from './audit';
import { appOps } from './app';
import { backupOps } from './backup';
import { custodyOps } from './custody';
import type { OperationName } from './operations';
import { registerOps } from './register';
import { reportOps } from './reports';
import { commissionOps } from './commission';
import { snapshotOps } from './snapshot';
import { spreadsheetOps } from './spreadsheet';
import { stockCheckOps } from './stockcheck';

/** Every operation once: its access rule and input schema (output typed). */
export const contract = { ...appOps, ...accountOps, ...registerOps, ...ammunitionOps, ...custodyOps, ...stockCheckOps, ...reportOps, ...snapshotOps, ...commissionOps, ...spreadsheetOps, ...backupOps, ...auditOps } satisfies Record<OperationName, Operation>;

export type Contract = typeof contract;
/** Compile-time check that contract and OPERATIONS name the same set. */
type Missing = Exclude<OperationName, keyof Contract> | Exclude<keyof Contract, OperationName>;
export const contractMatchesOperations: [Missing] extends [never] ? true : never = true;

export type OpInput<K extends OperationName> = z.input<Contract[K]['input']>;
export type OpParsed<K extends OperationName> = z.output<Contract[K]['input']>;
export type OpOutput<K extends OperationName> = Exclude<Contract[K]['output'], undefined>;

export type { OperationName } from './operations';
export { OPERATIONS, isOperationName } from './operations';
