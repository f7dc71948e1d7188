/**
 * (Re)generates tests/fixtures/snapshots/: a fixed corpus of bad snapshots, one or more per
 * rejection reason, with the registry they are checked against (the commission's steps and the
 * valid snapshots it imported), for tests/unit/snapshot-corpus.test.ts. The corpus is committed;
 * the test never regenerates it. Run: npx tsx scripts/make-snapshot-corpus.ts
 *
 * Every file comes from the tamper suite's generators (tests/unit/support/tamper/), drawn with a
 * fixed seed until one matches the wanted description; its reason is the one its construction
 * implies. New keys are made on every run, so the bytes change each time it is run.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { REJECTION_REASONS, type RejectionReason } from '../src/shared/domain/snapshot';
import { ARCHIVE_CLASSES } from '../tests/unit/support/tamper/gen-archive';
import { CONTENT_CLASSES } from '../tests/unit/support/tamper/gen-content';
import { HISTORY_CLASSES } from '../tests/unit/support/tamper/gen-history';
import { RESIGNED_CLASSES } from '../tests/unit/support/tamper/gen-resigned';
import { STRUCTURE_CLASSES } from '../tests/unit/support/tamper/gen-structure';
import { Rng } from '../tests/unit/support/tamper/rng';
import type { Variant } from '../tests/unit/support/tamper/run';
import { buildWorld, type World } from '../tests/unit/support/tamper/world';

const OUT = resolve(import.meta.dirname, '..', 'tests', 'fixtures', 'snapshots');
const SEED = 20_251_122;
/** Fixtures stay small: a variant larger than this is skipped. */
const MAX_BYTES = 12 * 1024;

const CLASSES = [...ARCHIVE_CLASSES, ...STRUCTURE_CLASSES, ...CONTENT_CLASSES, ...RESIGNED_CLASSES, ...HISTORY_CLASSES];

interface Wanted {
  file: string;
  cls: string;
  reason: RejectionReason;
  /** A piece of the variant's description to look for. */
  like?: string;
}

/** The corpus, in the order the test imports it. */
const WANTED: Wanted[] = [
  { file: 'not-a-zip.gsnap', cls: 'not a zip', reason: 'not_a_snapshot', like: '(text' },
  { file: 'cut-short.gsnap', cls: 'truncated file', reason: 'not_a_snapshot' },
  { file: 'trailing-bytes.gsnap', cls: 'trailing data', reason: 'not_a_snapshot', like: '(random)' },
  { file: 'encrypted-entry.gsnap', cls: 'foreign envelope', reason: 'not_a_snapshot', like: ': encrypted on' },
  { file: 'symlink-entry.gsnap', cls: 'foreign envelope', reason: 'not_a_snapshot', like: 'symbolic link' },
  { file: 'flip-in-events-data.gsnap', cls: 'raw bit flip', reason: 'archive_corrupt', like: '(events.ndjson: data' },
  { file: 'flip-in-local-header.gsnap', cls: 'raw bit flip', reason: 'archive_corrupt', like: 'local header +' },
  { file: 'flip-in-central-record.gsnap', cls: 'raw bit flip', reason: 'not_a_snapshot', like: 'central record +3' },
  { file: 'bytes-prepended.gsnap', cls: 'prepended data', reason: 'archive_corrupt' },
  { file: 'unlisted-gap.gsnap', cls: 'inconsistent headers', reason: 'archive_corrupt', like: 'unlisted gap' },
  { file: 'name-dotdot.gsnap', cls: 'unsafe name', reason: 'entry_name_unsafe', like: '"../x"' },
  { file: 'name-absolute.gsnap', cls: 'unsafe name', reason: 'entry_name_unsafe', like: '"/abs"' },
  { file: 'name-backslash.gsnap', cls: 'unsafe name', reason: 'entry_name_unsafe', like: '"a\\\\b"' },
  { file: 'name-deep-traversal.gsnap', cls: 'unsafe name', reason: 'entry_name_unsafe', like: '"state/../../x"' },
  { file: 'name-nul.gsnap', cls: 'unsafe name', reason: 'entry_name_unsafe', like: '"x\\u0000y"' },
  { file: 'duplicate-entry.gsnap', cls: 'duplicate entry', reason: 'entry_duplicate' },
  { file: 'extra-readme.gsnap', cls: 'extra file', reason: 'entry_unexpected', like: 'README.txt' },
  { file: 'entry-not-in-sums.gsnap', cls: 'sums fault', reason: 'entry_unexpected', like: 'file not listed' },
  { file: 'events-missing.gsnap', cls: 'missing entry', reason: 'entry_missing', like: 'events.ndjson dropped' },
  { file: 'listed-file-absent.gsnap', cls: 'sums fault', reason: 'entry_missing', like: 'state file absent' },
  { file: 'too-many-entries.gsnap', cls: 'too many entries', reason: 'entry_too_large' },
  { file: 'claimed-size-beyond-file.gsnap', cls: 'oversized', reason: 'entry_too_large', like: 'claims' },
  { file: 'deflated-entry.gsnap', cls: 'compressed', reason: 'entry_compressed', like: 'deflated, ratio' },
  { file: 'deflated-run.gsnap', cls: 'compressed', reason: 'entry_compressed', like: '(2000 bytes of one byte)' },
  { file: 'deflated-bomb.gsnap', cls: 'compressed', reason: 'entry_too_large', like: '(1000000 bytes of one byte)' },
  { file: 'utf8-checkpoint.gsnap', cls: 'invalid utf-8', reason: 'invalid_utf8', like: 'checkpoint.txt with' },
  { file: 'utf8-events.gsnap', cls: 'invalid utf-8', reason: 'invalid_utf8', like: 'events.ndjson with' },
  { file: 'utf8-signature.gsnap', cls: 'invalid utf-8', reason: 'invalid_utf8', like: 'SHA256SUMS.minisig with' },
  { file: 'signature-malformed.gsnap', cls: 'content bit flip', reason: 'malformed_signature' },
  { file: 'forged-unknown-key.gsnap', cls: 'forged key', reason: 'unknown_key', like: 'unknown key (alpha2)' },
  { file: 'announced-key.gsnap', cls: 'forged key', reason: 'unknown_key', like: 'announced key' },
  { file: 'revoked-key.gsnap', cls: 'forged key', reason: 'revoked_key', like: 'revoked key on its own' },
  { file: 'retired-key.gsnap', cls: 'forged key', reason: 'retired_key' },
  { file: 'another-armourys-key.gsnap', cls: 'forged key', reason: 'key_of_another_armoury', like: "BRAVO's key" },
  { file: 'sums-flipped.gsnap', cls: 'content bit flip', reason: 'bad_signature', like: 'SHA256SUMS byte' },
  { file: 'trusted-comment-flipped.gsnap', cls: 'content bit flip', reason: 'bad_signature', like: 'SHA256SUMS.minisig byte' },
  { file: 'sums-binary-mode.gsnap', cls: 'sums fault', reason: 'malformed_sums', like: 'binary mode' },
  { file: 'events-flipped.gsnap', cls: 'content bit flip', reason: 'file_hash_mismatch', like: 'events.ndjson byte' },
  { file: 'sums-wrong-hash.gsnap', cls: 'sums fault', reason: 'file_hash_mismatch', like: 'wrong hash' },
  { file: 'checkpoint-crlf.gsnap', cls: 'malformed checkpoint', reason: 'malformed_checkpoint', like: 'CRLF' },
  { file: 'checkpoint-bad-value.gsnap', cls: 'malformed checkpoint', reason: 'malformed_checkpoint', like: 'checkpoint to-seq:' },
  { file: 'checkpoint-past-events.gsnap', cls: 'checkpoint mismatch', reason: 'checkpoint_mismatch', like: 'to-seq past events' },
  { file: 'comment-not-gardien.gsnap', cls: 'checkpoint mismatch', reason: 'checkpoint_mismatch', like: 'comment form' },
  { file: 'event-cut.gsnap', cls: 'malformed event', reason: 'malformed_event', like: ': cut' },
  { file: 'event-of-another-armoury.gsnap', cls: 'wrong armoury', reason: 'wrong_armoury', like: '"ML-BRV-01"' },
  { file: 'seq-removed-in-file.gsnap', cls: 'seq gap in file', reason: 'seq_gap', like: 'removed' },
  { file: 'snapshot-skipped.gsnap', cls: 'insider history', reason: 'seq_gap', like: 'since-last file from seq' },
  { file: 'chain-broken.gsnap', cls: 'broken chain', reason: 'broken_chain', like: 'edited, not re-linked' },
  { file: 'state-weapon-dropped.gsnap', cls: 'state mismatch', reason: 'state_mismatch', like: 'weapon dropped' },
  { file: 'state-weapon-hidden.gsnap', cls: 'insider state', reason: 'state_mismatch', like: 'imported weapon' },
  { file: 'state-serial-altered.gsnap', cls: 'insider state', reason: 'state_mismatch', like: 'serial altered' },
  { file: 'armoury-not-enrolled.gsnap', cls: 'forged key', reason: 'armoury_not_enrolled', like: "ECHO's own key" },
  { file: 'replay-never-imported.gsnap', cls: 'replay', reason: 'replayed', like: 'bravo 1 as it was' },
  { file: 'replay-re-signed.gsnap', cls: 'replay', reason: 'replayed', like: 'alpha 1 re-dated' },
  { file: 'journal-cut.gsnap', cls: 'insider history', reason: 'truncated', like: 'journal cut' },
  { file: 'history-rewritten.gsnap', cls: 'insider history', reason: 'history_rewritten', like: 'rewritten (' },
  { file: 'history-deleted.gsnap', cls: 'insider history', reason: 'history_rewritten', like: 'deleted' },
  { file: 'history-reordered.gsnap', cls: 'insider history', reason: 'history_rewritten', like: 'swapped' },
  { file: 'history-relinked.gsnap', cls: 'insider history', reason: 'history_rewritten', like: 'linked to a forged' },
];

function find(w: World, want: Wanted): Variant {
  const cls = CLASSES.find((c) => c.name === want.cls);
  if (!cls) throw new Error(`no class ${want.cls}`);
  for (let i = 0; i < 20_000; i++) {
    const v = cls.make(w, Rng.forVariant(SEED, i));
    if (!('reason' in v.expected) || v.expected.reason !== want.reason) continue;
    if (want.like !== undefined && !v.what.includes(want.like)) continue;
    if (v.bytes.length <= MAX_BYTES) return v;
  }
  throw new Error(`no ${want.cls} variant ${want.like ?? ''} with reason ${want.reason} under ${MAX_BYTES} bytes`);
}

async function main(): Promise<void> {
  const world = await buildWorld({ small: true });
  try {
    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(join(OUT, 'good'), { recursive: true });
    mkdirSync(join(OUT, 'bad'), { recursive: true });
    const registry = world.steps.map((s) => {
      if (s.op !== 'import') return s;
      writeFileSync(join(OUT, 'good', s.file), s.bytes);
      return { op: 'import', file: `good/${s.file}`, expect: 'accepted' };
    });
    const bad = WANTED.map((want, i) => {
      const v = find(world, want);
      const file = `bad/${String(i + 1).padStart(2, '0')}-${want.file}`;
      writeFileSync(join(OUT, file), v.bytes);
      return { file, reason: want.reason, description: v.what };
    });
    const missing = REJECTION_REASONS.filter((r) => !bad.some((b) => b.reason === r));
    if (missing.length > 0) throw new Error(`the corpus lacks ${missing.join(', ')}`);
    // A valid file the register would take: imported last, it must still be accepted.
    writeFileSync(join(OUT, 'good', 'alpha2.gsnap'), world.bases.alpha2.file);
    const manifest = {
      about: 'Bad snapshots and the registry they are checked against; made by scripts/make-snapshot-corpus.ts, checked by tests/unit/snapshot-corpus.test.ts.',
      registry,
      bad,
      after: [{ file: 'good/alpha2.gsnap', expect: 'accepted', description: "ALPHA's next since-last snapshot, untouched" }],
    };
    writeFileSync(join(OUT, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    console.log(`${bad.length} bad snapshots, ${registry.length} registry steps written to ${OUT}`);
  } finally {
    world.dispose();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
