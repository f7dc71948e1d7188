import { afterAll, beforeAll, expect, it } from 'vitest';
import { ARCHIVE_CLASSES } from './support/tamper/gen-archive';
import { STRUCTURE_CLASSES } from './support/tamper/gen-structure';
import { runSeed } from './support/tamper/rng';
import { failureReport, runVariants, tallyLine } from './support/tamper/run';
import { buildWorld, type World } from './support/tamper/world';

/**
 * Seeded tamper suite, archive level: bit flips over every byte region of real snapshots, cut,
 * padded and foreign archives, unsafe, extra, duplicate and missing names, oversized and
 * compressed entries. TAMPER_SEED=n reproduces a run; TAMPER_ONLY=i,j runs those variants.
 */
const seed = runSeed();
let world: World;

beforeAll(async () => {
  world = await buildWorld();
});
afterAll(() => world?.dispose());

it('refuses every archive-level variant with the reason its construction implies, writing only its rejection', async () => {
  const tally = await runVariants(world, [...ARCHIVE_CLASSES, ...STRUCTURE_CLASSES], seed);
  console.log(tallyLine('snapshot tamper, archive', tally));
  if (tally.failures.length > 0) expect.fail(failureReport('snapshot tamper, archive', tally, 'tests/unit/snapshot-tamper-archive.test.ts'));
  expect(tally.total).toBeGreaterThan(0);
}, 120_000);
