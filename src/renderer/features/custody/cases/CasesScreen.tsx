import { useEffect, useState } from 'react';
import type { CaseRow } from '../../../../shared/contract/custody';
import type { AppErrorShape } from '../../../../shared/result';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { call } from '../../../lib/client';
import { CaseTable } from './CaseTable';
import { useCaseLabels } from './labels';

type Filter = 'open' | 'overdue' | 'closed';
const FILTERS: Filter[] = ['open', 'overdue', 'closed'];

/** Discrepancy cases: open ones by deadline (the most urgent first), overdue ones, or closed ones. */
export function CasesScreen(props: { filter?: 'overdue' | 'closed' | undefined }) {
  const labels = useCaseLabels();
  const [filter, setFilter] = useState<Filter>(props.filter ?? 'open');
  const [rows, setRows] = useState<CaseRow[] | null>(null);
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    let live = true;
    const query = { status: filter === 'closed' ? 'closed' : 'open', overdueOnly: filter === 'overdue' } as const;
    void call('cases.list', query).then((r) => {
      if (!live) return;
      setNow(Date.now());
      if (r.ok) {
        setRows(r.value);
        setFailure(null);
      } else setFailure(r.error);
    });
    return () => {
      live = false;
    };
  }, [filter]);

  return (
    <section className="reg-screen custody-screen" aria-labelledby="cases-title" data-testid="cases-screen">
      <header className="reg-header">
        <h1 id="cases-title">{labels.t('list.title')}</h1>
      </header>
      <div className="reg-chips" role="group" aria-label={labels.t('list.filter')}>
        {FILTERS.map((f) => (
          <button key={f} type="button" className="reg-chip" aria-pressed={filter === f} onClick={() => setFilter(f)} data-testid={`cases-filter-${f}`}>
            {labels.t(`list.${f}`)}
          </button>
        ))}
      </div>
      <ErrorBanner error={failure} />
      {rows === null && !failure ? <p className="reg-loading">{labels.t('common.loading')}</p> : null}
      {rows ? (
        <p className="reg-search__status" aria-live="polite" data-testid="cases-count">
          {labels.t(`list.count.${filter}`, { count: rows.length, n: labels.number(rows.length) })}
        </p>
      ) : null}
      {rows?.length ? <CaseTable rows={rows} now={now} /> : null}
    </section>
  );
}
