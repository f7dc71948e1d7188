import fc from 'fast-check';

/**
 * Inputs a caller could send: anything at all (what a compromised renderer or a bad script sends
 * through IPC, structured-clone types included), any JSON, and mostly small mutations of a valid
 * input, which pass most of the schema and reach the checks behind it.
 */

type Key = string | number;
type Path = readonly Key[];

/** Values that have broken parsers before: boundaries, look-alikes, injections, odd types. */
const SPECIAL: readonly unknown[] = [
  '', ' ', '\u0000', '\t\r\n', '\u202e', '\ud800', '𝒜𝔟', 'ＡＢＣ', 'e\u0301', 'a'.repeat(5_000), '%', '_', '\\', "'", '"', '*',
  "x' OR 1=1 --", 'MATCH "x"', '"unterminated', '../../etc/passwd', 'C:\\Windows\\win.ini', '=cmd|/c calc!A1', '<img src=x onerror=alert(1)>',
  '2026-02-30', '2026-13-01', '0000-01-01', '9999-12-31', '2026-01-01T00:00:00Z', '31/12/2026', '1e309', '-0', 'NaN', 'null', 'true',
  '__proto__', 'constructor', 'toString',
  0, -0, -1, 1.5, 2 ** 31, 2 ** 53, Number.MAX_SAFE_INTEGER + 2, 1e308, -1e308, Number.MIN_VALUE, Number.NaN, Infinity, -Infinity,
  null, undefined, true, false, [], {}, [[]], [null], { '': null },
  JSON.parse('{"__proto__": {"polluted": true}}') as unknown,
  10n, new Date(Number.NaN), new Date(0), new Uint8Array([0, 255]), new Map([['a', 1]]), new Set([1]),
];

const anythingAtAll = fc.anything({
  maxDepth: 3, maxKeys: 6, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true,
  withNullPrototype: true, withObjectString: true, withBoxedValues: true,
});

export const weirdValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...SPECIAL) },
  { weight: 2, arbitrary: anythingAtAll },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.maxSafeInteger()) },
);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every path into a plain JSON value, the root ([]) first. */
export function pathsOf(value: unknown, path: Path = [], out: Path[] = []): Path[] {
  out.push(path);
  if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...path, i], out));
  else if (isObject(value)) for (const [k, v] of Object.entries(value)) pathsOf(v, [...path, k], out);
  return out;
}

function parentOf(root: { v: unknown }, path: Path): { holder: Record<Key, unknown>; key: Key } | null {
  let holder: unknown = root;
  let key: Key = 'v';
  for (const k of path) {
    const next: unknown = (holder as Record<Key, unknown>)[key];
    if (typeof next !== 'object' || next === null) return null;
    holder = next;
    key = k;
  }
  return { holder: holder as Record<Key, unknown>, key };
}

export type Mutation =
  | { op: 'replace'; path: Path; value: unknown }
  | { op: 'delete'; path: Path }
  | { op: 'extra'; path: Path; key: string; value: unknown }
  | { op: 'retype'; path: Path }
  | { op: 'stretch'; path: Path; times: number };

/** The same value in the other obvious type: "12" for 12, 12 for "12", ["x"] for "x", [..] for {..}. */
function retyped(v: unknown): unknown {
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return v.trim() !== '' && !Number.isNaN(Number(v)) ? Number(v) : [v];
  if (typeof v === 'boolean') return v ? 'true' : 0;
  if (Array.isArray(v)) return Object.fromEntries(Array.from(v, (x, i) => [String(i), x]));
  if (isObject(v)) return Object.values(v);
  return v === null ? 'null' : null;
}

function stretched(v: unknown, times: number): unknown {
  if (typeof v === 'string') {
    const unit = v === '' ? 'x' : v;
    // At most a few MB: enough for every cap, well under the engine's string limit.
    return unit.repeat(Math.max(1, Math.min(times, Math.floor(4_000_000 / unit.length))));
  }
  if (typeof v === 'number') return v * 10 ** Math.min(times, 300);
  if (Array.isArray(v)) return Array.from({ length: Math.min(times, 2_000) }, (_, i) => v[i % Math.max(1, v.length)]);
  return v;
}

/** Applies the mutations in order to a copy of `sample` (a mutation whose path is gone does nothing). */
export function applyMutations(sample: unknown, mutations: readonly Mutation[]): unknown {
  const root = { v: structuredClone(sample) };
  for (const m of mutations) {
    const at = parentOf(root, m.path);
    if (!at) continue;
    const { holder, key } = at;
    const current = holder[key];
    if (m.op === 'replace') holder[key] = m.value;
    else if (m.op === 'delete') {
      if (Array.isArray(holder) && typeof key === 'number') holder.splice(key, 1);
      else delete holder[key];
    } else if (m.op === 'extra') {
      if (isObject(current)) Object.defineProperty(current, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
      else holder[key] = { [m.key]: m.value };
    } else if (m.op === 'retype') holder[key] = retyped(current);
    else holder[key] = stretched(current, m.times);
  }
  return root.v;
}

/** One to three mutations of a valid input. */
export function mutationsOf(sample: unknown): fc.Arbitrary<unknown> {
  const path = fc.constantFrom(...pathsOf(sample));
  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    { weight: 4, arbitrary: fc.record({ op: fc.constant('replace' as const), path, value: weirdValue }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('delete' as const), path }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('extra' as const), path, key: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('__proto__', 'constructor', 'approver', 'id')), value: weirdValue }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('retype' as const), path }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('stretch' as const), path, times: fc.constantFrom(2, 50, 1_000, 100_000) }) },
  );
  return fc.array(mutation, { minLength: 1, maxLength: 3 }).map((ms) => applyMutations(sample, ms));
}

/** What the contract fuzz sends to one operation. */
export function inputsFor(sample: unknown): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 6, arbitrary: mutationsOf(sample) },
    { weight: 1, arbitrary: anythingAtAll },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
    { weight: 1, arbitrary: fc.constant(sample).map((s) => structuredClone(s)) },
  );
}
