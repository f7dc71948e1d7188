import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchConfig } from './config';
import { measureExport, measureImport, measureTrace } from './snapshot-measure';
import { exportSection, importSection, traceSection } from './snapshot-report';
import type { MemoryPeaks } from './stats';

/** Signed snapshots: (a) export, (b) import of many armouries, (c) trace on the register (b) built. */
export async function measureSnapshots(config: BenchConfig, memory: MemoryPeaks): Promise<void> {
  const c = config.snapshot;
  const base = join(config.dir, 'snapshots');
  rmSync(base, { recursive: true, force: true });
  mkdirSync(base, { recursive: true });
  try {
    if (c.exportEvents > 0) console.log(`\n${exportSection(await measureExport(join(base, 'a'), c, memory))}`);
    if (c.armouries > 0) {
      const { figures, commissionDir } = await measureImport(join(base, 'b'), c, memory);
      console.log(`\n${importSection(figures)}`);
      const trace = await measureTrace(commissionDir, c.traces, memory);
      console.log(`\n${traceSection(trace.weapons, trace.kinds)}`);
    }
  } finally {
    if (!config.keep) rmSync(base, { recursive: true, force: true });
  }
}
