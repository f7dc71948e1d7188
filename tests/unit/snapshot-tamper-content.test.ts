import { afterAll, beforeAll, expect, it } from 'vitest';
import { CONTENT_CLASSES } from './support/tamper/gen-content';
import { RESIGNED_CLASSES } from './support/tamper/gen-resigned';
import { runSeed } from './support/tamper/rng';
import { failureReport, runVariants, tallyLine } from './support/tamper/run';
import { buildWorld, type World } from './support/tamper/world';

/**
 * Seeded tamper suite, content level: bits flipped inside each of the six files with the archive
 * rebuilt around them (correct CRCs), invalid UTF-8 in each text file, and files the armoury's
 * real key signed properly with one fault in the checkpoint, events, state or sums.
 * TAMPER_SEED=n reproduces a run; TAMPER_ONLY=i,j runs those variants.
 */
const seed = runSeed();
let world: World;

beforeAll(async () => {
  world = await buildWorld();
});
afterAll(() => world?.dispose());

it('refuses every content-level variant with the reason its construction implies, writing only its rejection', async () => {
  const tally = await runVariants(world, [...CONTENT_CLASSES, ...RESIGNED_CLASSES], seed);
  console.log(tallyLine('snapshot tamper, content', tally));
  if (tally.failures.length > 0) expect.fail(failureReport('snapshot tamper, content', tally, 'tests/unit/snapshot-tamper-content.test.ts'));
  expect(tally.total).toBeGreaterThan(0);
}, 120_000);
