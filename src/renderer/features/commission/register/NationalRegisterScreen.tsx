import { useCallback, useEffect, useState } from 'react';
import type { NationalArmoury, NationalWeapon } from '../../../../shared/contract/commission';
import { AGENCIES, WEAPON_STATUSES, WEAPON_TYPES } from '../../../../shared/domain/enums';
import type { AppErrorShape } from '../../../../shared/result';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { call } from '../../../lib/client';
import { useCommissionLabels } from '../labels';
import { Pager } from '../Pager';
import { useCommissionNavigate } from '../screens';
import { TraceBox } from './TraceBox';
import { WeaponTable } from './WeaponTable';

const LIMIT = 100;

interface View {
  armoury: string;
  agency: string;
  type: string;
  status: string;
  offset: number;
  trace: string;
}

/** The view survives a visit to a weapon's history and back (in memory, for this window). */
let remembered: View = { armoury: '', agency: '', type: '', status: '', offset: 0, trace: '' };

/**
 * Every weapon the armouries reported, filtered by armoury, agency, type and status, a page at a
 * time; above it the trace box, which finds a weapon by part of its serial or national code
 * across all armouries.
 */
export function NationalRegisterScreen(props: { armoury?: string | undefined }) {
  const l = useCommissionLabels();
  const navigate = useCommissionNavigate();
  // Arriving from an armoury's weapon count: that armoury's weapons, remembered like any filter.
  const [view, setView] = useState<View>(() => (props.armoury ? (remembered = { ...remembered, armoury: props.armoury, offset: 0 }) : remembered));
  const [armouries, setArmouries] = useState<NationalArmoury[]>([]);
  const [page, setPage] = useState<{ rows: NationalWeapon[]; total: number } | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);

  const patch = useCallback((p: Partial<View>) => setView((v) => (remembered = { ...v, ...p })), []);
  // A filter change starts again at the first page.
  const filter = (p: Partial<View>) => patch({ ...p, offset: 0 });

  useEffect(() => {
    void call('commission.armouries', {}).then((r) => r.ok && setArmouries(r.value));
  }, []);

  useEffect(() => {
    let live = true;
    const q = {
      offset: view.offset,
      limit: LIMIT,
      ...(view.armoury ? { armoury: view.armoury } : {}),
      ...(view.agency ? { agency: view.agency as (typeof AGENCIES)[number] } : {}),
      ...(view.type ? { type: view.type as (typeof WEAPON_TYPES)[number] } : {}),
      ...(view.status ? { status: view.status as (typeof WEAPON_STATUSES)[number] } : {}),
    };
    void call('commission.weapons', q).then((r) => {
      if (!live) return;
      if (r.ok) {
        setPage(r.value);
        setError(null);
      } else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [view.armoury, view.agency, view.type, view.status, view.offset]);

  const open = (w: NationalWeapon) => navigate({ name: 'history', armoury: w.armoury, weaponId: w.id, back: { name: 'register' } });

  return (
    <section className="page cm-page" aria-labelledby="cm-register-title">
      <h1 id="cm-register-title">{l.t('register.title')}</h1>
      <TraceBox value={view.trace} onChange={(trace) => patch({ trace })} onOpen={open} />
      <section className="panel" aria-labelledby="cm-weapons-title">
        <h2 id="cm-weapons-title">{l.t('register.allWeapons')}</h2>
        <div className="cm-filters" role="group" aria-label={l.t('register.filters')}>
          <Select id="cm-filter-armoury" label={l.t('register.filter.armoury')} value={view.armoury} onChange={(armoury) => filter({ armoury })}>
            {armouries.map((a) => (
              <option key={a.code} value={a.code}>
                {a.code} — {a.name}
              </option>
            ))}
          </Select>
          <Select id="cm-filter-agency" label={l.t('register.filter.agency')} value={view.agency} onChange={(agency) => filter({ agency })}>
            {AGENCIES.map((c) => (
              <option key={c} value={c}>
                {l.agency(c)}
              </option>
            ))}
          </Select>
          <Select id="cm-filter-type" label={l.t('register.filter.type')} value={view.type} onChange={(type) => filter({ type })}>
            {WEAPON_TYPES.map((c) => (
              <option key={c} value={c}>
                {l.type(c)}
              </option>
            ))}
          </Select>
          <Select id="cm-filter-status" label={l.t('register.filter.status')} value={view.status} onChange={(status) => filter({ status })}>
            {WEAPON_STATUSES.map((c) => (
              <option key={c} value={c}>
                {l.status(c)}
              </option>
            ))}
          </Select>
        </div>
        <ErrorBanner error={error} />
        {page ? (
          <p role="status" data-testid="weapons-count">
            {l.t('register.count', { count: page.total, n: l.number(page.total) })}
          </p>
        ) : null}
        {page && page.rows.length > 0 ? <WeaponTable rows={page.rows} onOpen={open} testId="weapons-table" /> : null}
        {page ? <Pager offset={view.offset} limit={LIMIT} total={page.total} onChange={(offset) => patch({ offset })} /> : null}
      </section>
    </section>
  );
}

function Select(props: { id: string; label: string; value: string; onChange: (v: string) => void; children: React.ReactNode }) {
  const l = useCommissionLabels();
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        <option value="">{l.t('register.filter.all')}</option>
        {props.children}
      </select>
    </div>
  );
}
