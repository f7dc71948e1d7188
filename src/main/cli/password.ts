import { createInterface, type Interface } from 'node:readline';
import { Writable } from 'node:stream';
import { CliError, UsageError } from './errors';

/**
 * A terminal prompt that does not echo answers. One readline interface serves every question,
 * so the terminal stays in raw mode between them and typed-ahead text is never echoed either.
 */
class HiddenPrompt {
  private muted = false;
  private readonly rl: Interface;
  private cancelled: (() => void) | null = null;

  constructor() {
    // readline echoes through its output stream: dropping writes while muted hides the input.
    const output = new Writable({
      write: (chunk: Buffer, _encoding, callback) => {
        if (!this.muted) process.stderr.write(chunk);
        callback();
      },
    });
    this.rl = createInterface({ input: process.stdin, output, terminal: true });
    this.rl.on('SIGINT', () => this.cancelled?.());
  }

  ask(question: string): Promise<string> {
    return new Promise((resolve, reject) => {
      this.cancelled = () => {
        process.stderr.write('\n');
        reject(new CliError('cancelled'));
      };
      this.muted = false;
      this.rl.question(question, (answer) => {
        this.muted = false;
        process.stderr.write('\n');
        resolve(answer);
      });
      this.muted = true;
    });
  }

  close(): void {
    this.rl.close();
  }
}

/**
 * The first manager's password: GARDIEN_PASSWORD when set (scripts, tests), else typed twice on
 * the terminal. `check` returns a reason to ask again, or null when the password is acceptable.
 */
export async function readNewPassword(command: string, check: (password: string) => string | null): Promise<string> {
  const fromEnv = process.env.GARDIEN_PASSWORD;
  if (fromEnv !== undefined) return fromEnv;
  if (!process.stdin.isTTY || !process.stderr.isTTY) {
    throw new UsageError('no password: set GARDIEN_PASSWORD or run this command in a terminal', command);
  }
  const prompt = new HiddenPrompt();
  try {
    for (let attempt = 1; attempt <= 3; attempt++) {
      const first = await prompt.ask('Password for the first manager: ');
      const problem = check(first);
      if (problem) {
        process.stderr.write(`${problem}\n`);
        continue;
      }
      const second = await prompt.ask('Repeat the password: ');
      if (first === second) return first;
      process.stderr.write('the two passwords differ\n');
    }
  } finally {
    prompt.close();
  }
  throw new CliError('no acceptable password after three attempts');
}
