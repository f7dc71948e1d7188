import type { CheckResult } from './checks';
import type { ChildRun, Workload } from './launch';

export interface KillFailure {
  /** The kill's index (-1: the calibration run); with the campaign seed it replays the same delay. */
  index: number;
  delayMs: number | null;
  /** Kept for a look: the database and files the kill left. */
  dir: string;
  problems: string[];
}

export interface WorkloadStats {
  workload: Workload;
  /** Children killed by SIGKILL (and checked). */
  kills: number;
  /** Children that finished before their kill came: checked too, not counted as kills. */
  missed: number;
  /** Kills inside a journal write (the last marker was B) and between writes. */
  inWrite: number;
  between: number;
  /** Kills inside a write whose commit had landed, its acknowledgement not yet printed. */
  committedUnacked: number;
  /** Acknowledged commits found with their hash, and the events they cover. */
  ackedCommits: number;
  ackedEvents: number;
  /** Import: kills that left none of the file, and all of it. */
  importNone: number;
  importAll: number;
  /** Output folders: complete files, temporary files left, complete unrecorded (renamed, not committed). */
  complete: number;
  temporary: number;
  orphans: number;
  /** Backup: plaintext copies left beside the database by a kill (removed by nothing yet). */
  besideDatabase: number;
  failures: KillFailure[];
  calibrationMs: number;
  /** Of the calibration run, the time inside journal writes. */
  calibrationWriteMs: number;
  windowMs: number;
  delaySumMs: number;
  checkSumMs: number;
  wallMs: number;
}

export function emptyStats(workload: Workload): WorkloadStats {
  return {
    workload, kills: 0, missed: 0, inWrite: 0, between: 0, committedUnacked: 0, ackedCommits: 0, ackedEvents: 0, importNone: 0, importAll: 0,
    complete: 0, temporary: 0, orphans: 0, besideDatabase: 0, failures: [], calibrationMs: 0, calibrationWriteMs: 0, windowMs: 0, delaySumMs: 0, checkSumMs: 0, wallMs: 0,
  };
}

export function record(stats: WorkloadStats, run: ChildRun, result: CheckResult): void {
  const f = result.facts;
  if (run.killedAfter === null) stats.missed++;
  else {
    stats.kills++;
    stats.delaySumMs += run.killedAfter;
    if (f.inWrite) stats.inWrite++;
    else stats.between++;
    if (f.committedUnacked) stats.committedUnacked++;
  }
  stats.ackedCommits += f.acked;
  stats.ackedEvents += f.ackedEvents;
  if (f.imported === 'none') stats.importNone++;
  if (f.imported === 'all') stats.importAll++;
  stats.complete += f.files.complete;
  stats.temporary += f.files.temporary;
  stats.orphans += f.files.orphans;
  stats.besideDatabase += f.files.besideDatabase;
  stats.checkSumMs += f.checkMs;
}

const int = (n: number) => n.toLocaleString('en-GB');
const ms = (n: number) => `${Math.round(n)} ms`;

/** One line per workload, as the test and the benchmark print it. */
export function summaryLine(s: WorkloadStats): string {
  const checked = s.kills + s.missed;
  const parts = [
    `crash ${s.workload}: ${int(s.kills)} kills (${int(s.inWrite)} inside a journal write, ${int(s.between)} between writes; ` +
      `${int(s.committedUnacked)} committed but not yet acknowledged)`,
    `${int(s.ackedCommits)} acknowledged commits checked (${int(s.ackedEvents)} events)`,
  ];
  if (s.workload === 'import') parts.push(`import none/all: ${int(s.importNone)}/${int(s.importAll)}`);
  if (s.workload === 'export' || s.workload === 'backup') {
    parts.push(`files: ${int(s.complete)} complete and verified, ${int(s.temporary)} temporary left, ${int(s.orphans)} complete but unrecorded`);
    if (s.workload === 'backup') parts.push(`${int(s.besideDatabase)} plaintext copies left beside the database`);
  }
  parts.push(
    `${int(s.missed)} finished before their kill`,
    `failures ${s.failures.length}`,
    `final window ${ms(s.windowMs)} (full run ${ms(s.calibrationMs)}, ${ms(s.calibrationWriteMs)} of it in journal writes), mean delay ${ms(s.kills ? s.delaySumMs / s.kills : 0)}, mean check ${ms(checked ? s.checkSumMs / checked : 0)}, ${(s.wallMs / 1000).toFixed(1)} s`,
  );
  return parts.join('; ');
}

/** The problems of the first failures, for an assertion message. */
export function failureText(stats: readonly WorkloadStats[], max = 5): string {
  return stats
    .flatMap((s) => s.failures.map((f) => `${s.workload} kill ${f.index} (delay ${f.delayMs === null ? '-' : ms(f.delayMs)}, kept in ${f.dir}): ${f.problems.join(' / ')}`))
    .slice(0, max)
    .join('\n');
}
