/** One CLI command: its name, one-line summary, usage text and runner (returns the exit code). */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  run(argv: string[]): Promise<number>;
}
