import { useEffect, useState } from 'react';
import { AUDIT_KINDS, type AuditKind, type AuditPage, type AuditQuery } from '../../../shared/contract/audit';
import type { AppErrorShape } from '../../../shared/result';
import { ErrorBanner } from '../../components/ErrorBanner';
import { call } from '../../lib/client';
import { AuditTable } from './AuditTable';
import { useAuditLabels } from './labels';

const PAGE = 50;

interface Filters {
  kind: AuditKind | '';
  userId: number | 0;
  /** Local calendar days (YYYY-MM-DD), both included; '' for no bound. */
  from: string;
  to: string;
}

const NO_FILTERS: Filters = { kind: '', userId: 0, from: '', to: '' };

/** A local day's first instant; `to` is sent as the start of the day after the last one wanted. */
function dayStart(day: string, plusDays = 0): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + plusDays).toISOString();
}

function queryOf(f: Filters, before: string | undefined): AuditQuery {
  const from = dayStart(f.from);
  const to = dayStart(f.to, 1);
  return {
    limit: PAGE,
    ...(f.kind ? { kind: f.kind } : {}),
    ...(f.userId ? { userId: f.userId } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    ...(before ? { before } : {}),
  };
}

/**
 * The audit view (managers and auditors, read-only): who signed in and out, who failed to (the
 * name typed, never a password), overrides and two-person actions, newest first, a page at a time.
 */
export function AuditScreen() {
  const labels = useAuditLabels();
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  // Cursors of the pages shown before this one (the newest first): Newer goes back one.
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [page, setPage] = useState<AuditPage | null>(null);
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const before = cursors.at(-1);

  useEffect(() => {
    let live = true;
    void call('audit.list', queryOf(filters, before)).then((r) => {
      if (!live) return;
      if (r.ok) {
        setPage(r.value);
        setFailure(null);
      } else setFailure(r.error);
    });
    return () => {
      live = false;
    };
  }, [filters, before]);

  const change = (next: Partial<Filters>) => {
    setFilters((f) => ({ ...f, ...next }));
    setCursors([undefined]);
  };

  return (
    <section className="reg-screen" aria-labelledby="audit-title" data-testid="audit-screen">
      <header className="reg-header">
        <h1 id="audit-title">{labels.t('title')}</h1>
      </header>
      <p className="lead">{labels.t('intro')}</p>
      <form className="form form--inline" role="search" aria-label={labels.t('filters')} onSubmit={(e) => e.preventDefault()}>
        <label>
          {labels.t('filter.kind')}{' '}
          <select value={filters.kind} onChange={(e) => change({ kind: e.target.value as AuditKind | '' })} data-testid="audit-kind">
            <option value="">{labels.t('filter.kindAll')}</option>
            {AUDIT_KINDS.map((k) => (
              <option key={k} value={k}>
                {labels.t(`kind.${k}`)}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          {labels.t('filter.user')}{' '}
          <select value={filters.userId} onChange={(e) => change({ userId: Number(e.target.value) })} data-testid="audit-user">
            <option value={0}>{labels.t('filter.userAll')}</option>
            {page?.accounts.map((u) => (
              <option key={u.id} value={u.id}>
                {u.fullName} ({u.username})
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          {labels.t('filter.from')}{' '}
          <input type="date" value={filters.from} onChange={(e) => change({ from: e.target.value })} data-testid="audit-from" />
        </label>{' '}
        <label>
          {labels.t('filter.to')}{' '}
          <input type="date" value={filters.to} onChange={(e) => change({ to: e.target.value })} data-testid="audit-to" />
        </label>{' '}
        <button type="button" className="button button--quiet" onClick={() => change(NO_FILTERS)}>
          {labels.t('filter.clear')}
        </button>
      </form>
      <ErrorBanner error={failure} />
      {page === null && !failure ? <p className="reg-loading">{labels.t('common:loading')}</p> : null}
      {page && page.rows.length === 0 ? <p data-testid="audit-empty">{labels.t('empty')}</p> : null}
      {page && page.rows.length > 0 ? <AuditTable rows={page.rows} labels={labels} /> : null}
      {page && (cursors.length > 1 || page.next) ? (
        <nav className="cm-pager" aria-label={labels.t('pager.label')} data-testid="audit-pager">
          <button type="button" className="button button--small" disabled={cursors.length <= 1} onClick={() => setCursors([undefined])}>
            {labels.t('pager.newest')}
          </button>
          <button type="button" className="button button--small" disabled={cursors.length <= 1} onClick={() => setCursors((c) => c.slice(0, -1))}>
            {labels.t('pager.newer')}
          </button>
          <button
            type="button"
            className="button button--small"
            disabled={!page.next}
            onClick={() => page.next && setCursors((c) => [...c, page.next ?? undefined])}
            data-testid="audit-older"
          >
            {labels.t('pager.older')}
          </button>
        </nav>
      ) : null}
    </section>
  );
}
