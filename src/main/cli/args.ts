import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError, UsageError } from './errors';

type Options = NonNullable<ParseArgsConfig['options']>;
type Values = Record<string, string | boolean | undefined>;

/**
 * Strict option parsing for one command: unknown options and stray words are usage errors,
 * named after the command so the message can point at its help.
 */
export function parseOptions(command: string, argv: string[], options: Options): Values {
  try {
    const { values } = parseArgs({ args: argv, options: { ...options, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: false });
    return values as Values;
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] ?? error.message : String(error);
    throw new UsageError(message.replace(/\. To specify a positional argument.*$/, ''), command);
  }
}

export function requireString(command: string, values: Values, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`missing --${name}`, command);
  return value;
}

export function optionalString(values: Values, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

/** A positive whole number within [min, max]. */
export function integerOption(command: string, values: Values, name: string, fallback: number, min: number, max: number): number {
  const raw = optionalString(values, name);
  if (raw === undefined) return fallback;
  const n = /^\d+$/.test(raw.replace(/[_,]/g, '')) ? Number(raw.replace(/[_,]/g, '')) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max.toLocaleString('en-US')} (got "${raw}")`, command);
  }
  return n;
}

/** The --db of a command that creates a file: refused when the folder is missing. */
export function newDatabasePath(command: string, values: Values): string {
  const path = resolve(requireString(command, values, 'db'));
  const dir = dirname(path);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`folder does not exist: ${dir}`, command);
  return path;
}

/** The --db of a command that reads a file: a missing file is a failure (exit 1), not a usage error. */
export function existingDatabasePath(command: string, values: Values): string {
  const path = resolve(requireString(command, values, 'db'));
  if (!existsSync(path)) throw new CliError(`database not found: ${path}`);
  if (!statSync(path).isFile()) throw new CliError(`not a file: ${path}`);
  return path;
}
