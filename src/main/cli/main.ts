import { backupCommand, restoreCommand } from './backup';
import type { Command } from './command';
import { commissionCommand } from './commission';
import { demoCommand } from './demo';
import { describeError, EXIT_FAILURE, EXIT_OK, EXIT_USAGE, UsageError } from './errors';
import { exportCommand } from './export';
import { headCommand } from './head';
import { importCommand } from './import';
import { initCommand } from './init';
import { keyCommand } from './key';
import { snapshotCommand } from './snapshot';
import { verifyCommand } from './verify';

const COMMANDS: readonly Command[] = [initCommand, verifyCommand, demoCommand, headCommand, keyCommand, snapshotCommand, commissionCommand, importCommand, exportCommand, backupCommand, restoreCommand];

function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'Usage: npm run cli -- <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run "npm run cli -- <command> --help" for its options.',
    'Exit codes: 0 ok, 1 failure or problems found, 2 wrong command line.',
  ].join('\n');
}

/** Runs one command line and returns the exit code; never throws. */
export async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? COMMANDS.find((c) => c.name === rest[0]) : undefined;
    if (topic) console.log(topic.usage);
    else (name === undefined ? console.error : console.log)(usage());
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    console.error(`error: unknown command "${name}"\n\n${usage()}`);
    return EXIT_USAGE;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`error: ${error.message}\n(see: npm run cli -- ${error.command ?? name} --help)`);
      return EXIT_USAGE;
    }
    const { line, expected } = describeError(error);
    console.error(`error: ${line}`);
    if (!expected) {
      if (process.env.GARDIEN_DEBUG && error instanceof Error) console.error(error.stack);
      else console.error('(unexpected: run again with GARDIEN_DEBUG=1 for details)');
    }
    return EXIT_FAILURE;
  }
}
