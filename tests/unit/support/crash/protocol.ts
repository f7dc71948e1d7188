/**
 * What a crash-test child prints on stdout, one line each, written synchronously (a pipe on Linux)
 * so that every line printed before a SIGKILL reaches the parent:
 *   ready                 set up, the work starts now (the kill delay counts from here)
 *   B                     a journal write begins
 *   C <seq> <hash>        that write committed (synchronous=FULL): the acknowledgement
 *   R                     that write rolled back
 *   done <json>           the workload finished on its own (calibration runs)
 *   fail <text>           the workload hit an error it did not expect
 * Nothing else: the parser refuses unknown lines so a stray log cannot hide a marker.
 */

export interface Commit {
  seq: number;
  hash: string;
}

export interface ChildReport {
  ready: boolean;
  /** Every acknowledged commit, in order. */
  commits: Commit[];
  /** Journal writes begun. */
  begun: number;
  rolledBack: number;
  /** The last marker: 'B' means the process died inside a journal write (or right after its commit, before the ack). */
  last: 'B' | 'C' | 'R' | null;
  done: unknown;
  failures: string[];
  /** Lines the protocol does not know (a failure: something printed where it should not). */
  unknown: string[];
}

export function emptyReport(): ChildReport {
  return { ready: false, commits: [], begun: 0, rolledBack: 0, last: null, done: null, failures: [], unknown: [] };
}

/** Applies one complete line to the report. */
export function readLine(report: ChildReport, line: string): void {
  if (line === '') return;
  if (line === 'ready') report.ready = true;
  else if (line === 'B') {
    report.begun++;
    report.last = 'B';
  } else if (line === 'R') {
    report.rolledBack++;
    report.last = 'R';
  } else if (line.startsWith('C ')) {
    const [, seq, hash] = line.split(' ');
    if (!seq || !hash || !/^\d+$/.test(seq) || !/^[0-9a-f]{64}$/.test(hash)) report.unknown.push(line);
    else report.commits.push({ seq: Number(seq), hash });
    report.last = 'C';
  } else if (line.startsWith('done ')) report.done = JSON.parse(line.slice(5)) as unknown;
  else if (line.startsWith('fail ')) report.failures.push(line.slice(5));
  else report.unknown.push(line);
}

/** The highest acknowledged seq (0 when nothing was acknowledged). */
export function lastAcked(report: ChildReport): number {
  return report.commits.reduce((max, c) => Math.max(max, c.seq), 0);
}
