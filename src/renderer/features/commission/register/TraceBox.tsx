import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { NationalWeapon } from '../../../../shared/contract/commission';
import type { AppErrorShape } from '../../../../shared/result';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { call } from '../../../lib/client';
import { useDebounced } from '../../register/list/useDebounced';
import { useCommissionLabels } from '../labels';
import { WeaponTable } from './WeaponTable';

const MAX = 60;

/**
 * Trace search: part of a serial or a national code, answered while typing across all armouries.
 * Enter (what a barcode scanner sends after the code) searches at once and opens the weapon's
 * history when exactly one matches; after a miss the text is selected so the next scan replaces it.
 */
export function TraceBox(props: { value: string; onChange: (v: string) => void; onOpen: (w: NationalWeapon) => void }) {
  const l = useCommissionLabels();
  const input = useRef<HTMLInputElement>(null);
  const settled = useDebounced(props.value.trim(), 150);
  const [answer, setAnswer] = useState<{ q: string; rows: NationalWeapon[] } | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);

  const search = async (q: string) => {
    const r = await call('commission.trace', { q });
    if (!r.ok) {
      setError(r.error);
      return null;
    }
    setError(null);
    return r.value;
  };

  useEffect(() => {
    if (!settled) {
      setAnswer(null);
      return undefined;
    }
    let live = true;
    void search(settled).then((rows) => live && rows && setAnswer({ q: settled, rows }));
    return () => {
      live = false;
    };
  }, [settled]);

  const onKeyDown = async (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Escape' && props.value) {
      props.onChange('');
      return;
    }
    if (e.key !== 'Enter') return;
    e.preventDefault();
    const q = e.currentTarget.value.trim();
    if (!q) return;
    const rows = await search(q);
    if (!rows) return;
    setAnswer({ q, rows });
    const [only] = rows;
    if (rows.length === 1 && only) props.onOpen(only);
    else input.current?.select();
  };

  const current = answer && answer.q === props.value.trim() ? answer : null;
  return (
    <section className="panel cm-trace" aria-labelledby="cm-trace-label">
      <h2>
        <label id="cm-trace-label" htmlFor="cm-trace-input">
          {l.t('trace.label')}
        </label>
      </h2>
      <input
        id="cm-trace-input"
        ref={input}
        type="search"
        autoFocus
        autoComplete="off"
        spellCheck={false}
        maxLength={MAX}
        value={props.value}
        placeholder={l.t('trace.placeholder')}
        aria-describedby="cm-trace-status"
        onChange={(e) => props.onChange(e.target.value)}
        onKeyDown={(e) => void onKeyDown(e)}
        data-testid="trace-input"
      />
      <p id="cm-trace-status" className="hint" aria-live="polite" data-testid="trace-status">
        {current ? (current.rows.length === 0 ? l.t('trace.none', { q: current.q }) : l.t('trace.found', { count: current.rows.length, n: l.number(current.rows.length) })) : l.t('trace.hint')}
      </p>
      <ErrorBanner error={error} />
      {current && current.rows.length > 0 ? <WeaponTable rows={current.rows} onOpen={props.onOpen} testId="trace-results" /> : null}
    </section>
  );
}
