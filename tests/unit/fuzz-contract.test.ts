import fc from 'fast-check';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requiredKind } from '../../src/main/core/commission/kind';
import { OPERATIONS, type OperationName } from '../../src/shared/contract';
import { CommissionTemplate } from './support/commission';
import { dbState } from './support/fuzz/digest';
import { fuzzParams, fuzzTimeout, Tally } from './support/fuzz/env';
import { inputsFor } from './support/fuzz/mutate';
import { RouterTarget } from './support/fuzz/router';
import { armourySamples, buildArmoury } from './support/fuzz/samples';
import { Watchdog } from './support/fuzz/watchdog';
import { Template, tempDir } from './support/harness';

/**
 * Property: whatever any caller sends to any operation, through the router, as a signed-in
 * manager — anything at all, any JSON, or mutations of a valid input — the answer is a Result
 * envelope with a known code of its kind, never `internal` (no internal code is legitimate for
 * an input: database_* and export_failed are about the disk, not the request), and a refusal
 * leaves the journal head and every table as they were. FUZZ_RUNS scales, FUZZ_SEED replays.
 */

/** Cases per operation in CI; fewer where a near-valid input costs a scrypt (passwords, approvers). */
const RUNS = 48;
const SCRYPT_RUNS = 16;
const TIMEOUT_MS = 20_000;

const CREDENTIALS = /password|approver|witness|incoming|unlock|login/;

let template: Template;
let commission: CommissionTemplate;
let samples: Partial<Record<OperationName, unknown>>;
let dog: Watchdog;
const tally = new Tally('contract, every operation');

const cwd = process.cwd();
let scratchCwd = '';

beforeAll(async () => {
  // A relative path that some operation accepted would land here, not in the repository.
  scratchCwd = tempDir('gardien-fuzz-cwd-');
  process.chdir(scratchCwd);
  dog = new Watchdog(60_000);
  template = await Template.build(buildArmoury);
  commission = await CommissionTemplate.build();
  samples = { ...armourySamples(template.info), ...(commission.samples as Partial<Record<OperationName, unknown>>) };
}, fuzzTimeout());

afterAll(async () => {
  tally.finish();
  console.log(tally.line());
  process.chdir(cwd);
  // Whatever a case wrote under a relative path (nothing so far) goes with it.
  if (scratchCwd) rmSync(scratchCwd, { recursive: true, force: true });
  template?.dispose();
  commission?.dispose();
  await dog?.stop();
});

const armouryOps = OPERATIONS.filter((op) => requiredKind(op) !== 'commission');
const commissionOps = OPERATIONS.filter((op) => requiredKind(op) === 'commission');

async function fuzz(op: OperationName, target: RouterTarget): Promise<void> {
  // An operation added since samples.ts was written is fuzzed from {} (and named, to add its sample).
  const sample = samples[op] ?? {};
  if (!(op in samples)) console.warn(`[fuzz] no valid sample for ${op} in tests/unit/support/fuzz/samples.ts: fuzzing from {}`);
  const runs = CREDENTIALS.test(`${op} ${JSON.stringify(sample)}`) ? SCRYPT_RUNS : RUNS;
  try {
    await fc.assert(
      fc.asyncProperty(inputsFor(sample), async (input) => {
        tally.count(await target.check(dog, op, input, TIMEOUT_MS));
      }),
      fuzzParams(runs),
    );
  } finally {
    target.dispose();
  }
}

describe('every armoury operation, on an armoury', () => {
  it.each(armouryOps)('%s', async (op) => {
    await fuzz(op, new RouterTarget(template.file, 'armoury'));
  }, fuzzTimeout());
});

describe('every commission operation, on the national register', () => {
  it.each(commissionOps)('%s', async (op) => {
    await fuzz(op, new RouterTarget(join(commission.dir, 'commission.sqlite'), 'commission'));
  }, fuzzTimeout());
});

describe('the checks themselves', () => {
  it('see a journaled write, a write to local state, and a refusal that changes nothing', async () => {
    const target = new RouterTarget(template.file, 'armoury');
    try {
      const h = target.harness;
      const start = dbState(h.db);
      expect(await target.check(dog, 'auth.setLanguage', { language: 'en' }, TIMEOUT_MS)).toBe('ok');
      const local = dbState(h.db);
      expect(local.seq).toBe(start.seq);
      expect(local.digest).not.toBe(start.digest);
      expect(await target.check(dog, 'weapons.register', samples['weapons.register'], TIMEOUT_MS)).toBe('ok');
      const journaled = dbState(h.db);
      expect(journaled.seq).toBe(local.seq + 1);
      expect(journaled.digest).not.toBe(local.digest);
      expect(await target.check(dog, 'weapons.register', samples['weapons.register'], TIMEOUT_MS)).toBe('conflict/duplicate_national_code');
      expect(dbState(h.db)).toEqual(journaled);
    } finally {
      target.dispose();
    }
  });
});

describe('operation names', () => {
  it('an unknown name or a non-string is not_found/unknown_operation, whatever the input', async () => {
    const target = new RouterTarget(template.file, 'armoury');
    try {
      const name = fc.oneof(fc.string({ maxLength: 30 }), fc.anything({ maxDepth: 1 }), fc.constantFrom('__proto__', 'constructor', 'toString', 'weapons.', 'WEAPONS.LIST', ' weapons.list'));
      await fc.assert(
        fc.asyncProperty(name.filter((n) => !(OPERATIONS as readonly unknown[]).includes(n)), fc.anything({ maxDepth: 2 }), async (op, input) => {
          const code = await target.check(dog, op as string, input, TIMEOUT_MS);
          tally.count(code);
          expect(code).toBe('not_found/unknown_operation');
        }),
        fuzzParams(200),
      );
    } finally {
      target.dispose();
    }
  }, fuzzTimeout());
});
