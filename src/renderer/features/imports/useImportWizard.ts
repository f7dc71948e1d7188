import { useCallback, useEffect, useRef, useState } from 'react';
import type {
  ColumnMapping, ImportCheck, ImportKind, ImportResult, SpreadsheetShape,
} from '../../../shared/domain/spreadsheet';
import type { AppErrorShape, Coded } from '../../../shared/result';
import { call } from '../../lib/client';

export const STEPS = ['choose', 'map', 'preview', 'check', 'confirm'] as const;
export type Step = (typeof STEPS)[number];
/** The long calls: inspect reads the file, check and run go through every row. */
export type Busy = 'choose' | 'inspect' | 'check' | 'run';

export interface WizardState {
  step: Step;
  kind: ImportKind;
  path: string | null;
  shape: SpreadsheetShape | null;
  /** The user's mapping: kept through every refusal, changed only by the user or a new file's detection. */
  mapping: ColumnMapping | null;
  /** The last full check, for this exact mapping (any mapping change drops it). */
  check: ImportCheck | null;
  result: ImportResult | null;
  busy: Busy | null;
  error: AppErrorShape | Coded | null;
}

/** JSON with keys sorted: two mappings that say the same thing compare equal whatever their key order. */
function canonical(value: unknown): unknown {
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, canonical(v)]));
}
const sameMapping = (a: ColumnMapping, b: ColumnMapping) => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

const sameShape = (a: SpreadsheetShape, b: SpreadsheetShape) =>
  a.mapping.headerRow === b.mapping.headerRow && a.headers.join('\u0001') === b.headers.join('\u0001');

/**
 * The wizard's state and its calls to core. Each step reads it; nothing here is lost when core
 * refuses (the error is shown, the mapping stays), so a fix in the file or a second try never
 * means mapping the columns again.
 */
export function useImportWizard(initialKind: ImportKind) {
  const [state, setState] = useState<WizardState>({
    step: 'choose', kind: initialKind, path: null, shape: null, mapping: null, check: null, result: null, busy: null, error: null,
  });
  // The latest state for callbacks that run after an await (no stale closure over an old mapping).
  const latest = useRef(state);
  useEffect(() => {
    latest.current = state;
  });
  const patch = useCallback((p: Partial<WizardState>) => setState((s) => ({ ...s, ...p })), []);

  const inspect = useCallback(
    async (path: string, kind: ImportKind) => {
      patch({ busy: 'inspect', error: null });
      const r = await call('imports.inspect', { path, kind });
      if (!r.ok) return patch({ busy: null, error: r.error });
      const before = latest.current;
      // The same file (or one of the same shape) chosen again for the same kind keeps the user's work.
      const keep = before.shape && before.mapping && before.kind === kind && sameShape(before.shape, r.value);
      patch({
        busy: null, path, kind, shape: r.value, mapping: keep ? before.mapping : r.value.mapping, check: null, result: null,
      });
    },
    [patch],
  );

  const choose = useCallback(async () => {
    patch({ busy: 'choose', error: null });
    try {
      const { paths } = await window.gardien.chooseSpreadsheet();
      const path = paths[0];
      // Cancelled: the screen stays as it was.
      if (path === undefined) return patch({ busy: null });
      await inspect(path, latest.current.kind);
    } catch {
      patch({ busy: null, error: { code: 'internal' } });
    }
  }, [inspect, patch]);

  const setKind = useCallback(
    (kind: ImportKind) => {
      const { path } = latest.current;
      // A mapping belongs to one kind: the file is read again for the other kind's fields.
      if (path) void inspect(path, kind);
      else patch({ kind });
    },
    [inspect, patch],
  );

  const setMapping = useCallback((mapping: ColumnMapping) => {
    setState((s) => (s.mapping && sameMapping(s.mapping, mapping) ? s : { ...s, mapping, check: null }));
  }, []);

  /** The value to record for one value of a coded field the vocabulary did not know ('' forgets it). */
  const mapValue = useCallback((field: string, fileValue: string, code: string) => {
    setState((s) => {
      if (!s.mapping) return s;
      const forField = { ...(s.mapping.values[field] ?? {}) };
      if (code) forField[fileValue] = code;
      else delete forField[fileValue];
      return { ...s, check: null, mapping: { ...s.mapping, values: { ...s.mapping.values, [field]: forField } } };
    });
  }, []);

  // Steps pass what they show: the state of their own render, never an older one.
  const runCheck = useCallback(async ({ path, kind, mapping }: Pick<WizardState, 'path' | 'kind' | 'mapping'>) => {
    if (!path || !mapping) return;
    patch({ busy: 'check', error: null, check: null });
    const r = await call('imports.check', { path, kind, mapping });
    patch(r.ok ? { busy: null, check: r.value } : { busy: null, error: r.error });
  }, [patch]);

  const runImport = useCallback(
    async ({ path, kind, mapping }: Pick<WizardState, 'path' | 'kind' | 'mapping'>, skipInvalid: boolean) => {
      if (!path || !mapping) return;
      patch({ busy: 'run', error: null });
      const r = await call('imports.run', { path, kind, mapping, skipInvalid });
      patch(r.ok ? { busy: null, result: r.value } : { busy: null, error: r.error });
    },
    [patch],
  );

  /** Asks core to stop the running check or import at its next batch; the pending call then answers import_cancelled. */
  const cancel = useCallback(async () => {
    await call('imports.cancel', {});
  }, []);

  const goTo = useCallback((step: Step) => patch({ step, error: null }), [patch]);

  /** Another file: the kind stays, everything else starts again. */
  const restart = useCallback(() => {
    setState((s) => ({ ...s, step: 'choose', path: null, shape: null, mapping: null, check: null, result: null, error: null }));
  }, []);

  return { state, choose, setKind, setMapping, mapValue, runCheck, runImport, cancel, goTo, restart };
}
export type Wizard = ReturnType<typeof useImportWizard>;
