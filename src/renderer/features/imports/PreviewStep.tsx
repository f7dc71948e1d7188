import { useEffect, useState } from 'react';
import type { ColumnMapping, ImportKind, ImportPreview, UnknownValue } from '../../../shared/domain/spreadsheet';
import type { AppErrorShape } from '../../../shared/result';
import { call } from '../../lib/client';
import { ImportError } from './ImportError';
import { useImportLabels } from './labels';
import { PreviewTable } from './PreviewTable';
import { UnknownValues } from './UnknownValues';
import type { Wizard } from './useImportWizard';

/** Waits for a pause in the choices before asking core again (each preview reads the file's first rows). */
const DEBOUNCE_MS = 250;

/**
 * Step 3: the first rows as they will be recorded, the words no vocabulary knew (each mapped here
 * to a code), and any problem already visible. Asked again whenever a choice changes.
 */
export function PreviewStep(props: { wizard: Wizard }) {
  const l = useImportLabels();
  const { state, mapValue, goTo } = props.wizard;
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [loading, setLoading] = useState(true);
  // Unknown words stay listed once mapped (core no longer reports them), so a choice can be changed.
  const [seen, setSeen] = useState<UnknownValue[]>([]);
  const key = JSON.stringify({ path: state.path, kind: state.kind, mapping: state.mapping });

  useEffect(() => {
    let live = true;
    setLoading(true);
    const timer = setTimeout(() => {
      const input = JSON.parse(key) as { path: string | null; kind: ImportKind; mapping: ColumnMapping | null };
      if (!input.path || !input.mapping) return;
      void call('imports.preview', { path: input.path, kind: input.kind, mapping: input.mapping }).then((r) => {
        if (!live) return;
        setLoading(false);
        if (!r.ok) return setError(r.error);
        setError(null);
        setPreview(r.value);
        setSeen((before) => mergeUnknown(before, r.value.unknown));
      });
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [key]);

  const mapping = state.mapping;
  if (!mapping) return null;
  const open = preview ? preview.unknown.filter((u) => !mapping.values[u.field]?.[u.value]).length : 0;
  return (
    <div className="imp-step" data-testid="import-preview" aria-busy={loading}>
      <p className="hint">{l.t('preview.intro')}</p>
      <ImportError kind={state.kind} error={error} testId="import-preview-error" />
      <UnknownValues kind={state.kind} seen={seen} mapping={mapping} onMap={mapValue} />
      {preview ? <PreviewTable kind={state.kind} mapping={mapping} rows={preview.rows} /> : <p className="reg-loading">{l.t('preview.loading')}</p>}
      <div className="imp-actions">
        <button type="button" className="reg-button" onClick={() => goTo('map')}>
          {l.t('back.step')}
        </button>
        <button type="button" className="reg-button reg-button--primary" disabled={!preview} onClick={() => goTo('check')} data-testid="import-next">
          {l.t('next.check')}
        </button>
        {open > 0 ? (
          <span className="hint" data-testid="import-unknown-open">
            {l.t('preview.unknownOpen', { count: open, n: l.number(open) })}
          </span>
        ) : null}
      </div>
    </div>
  );
}

/** Earlier unknown values with fresh counts where core still reports them, new ones added at the end. */
function mergeUnknown(before: UnknownValue[], now: UnknownValue[]): UnknownValue[] {
  const key = (u: UnknownValue) => `${u.field}\u0001${u.value}`;
  const fresh = new Map(now.map((u) => [key(u), u]));
  const out = before.map((u) => fresh.get(key(u)) ?? u);
  const known = new Set(before.map(key));
  for (const u of now) if (!known.has(key(u))) out.push(u);
  return out;
}
