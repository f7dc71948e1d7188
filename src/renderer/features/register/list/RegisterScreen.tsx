import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { SEARCH_CAP, SEARCH_MIN, type RegisterCounts, type RegisterSort } from '../../../../shared/contract/register';
import { normalizeKey } from '../../../../shared/domain/normalize';
import { canWrite, useNavigate, useSession, type RegisterView } from '../../../app/navigation';
import { ExportMenu } from '../../../components/ExportMenu';
import { call } from '../../../lib/client';
import { useLabels } from '../labels';
import { RegisterPager, type ListQuery } from './pager';
import { RegisterFilters, type Filters } from './RegisterFilters';
import { RegisterTable } from './RegisterTable';
import { SearchBox } from './SearchBox';
import { StatusChips } from './StatusChips';
import { useDebounced } from './useDebounced';

interface View {
  search: string;
  filters: Filters;
  sort: RegisterSort;
  dir: 'asc' | 'desc';
  active: number;
}

/** The view survives a visit to a dossier and back (in memory only, for this window). */
let remembered: View = { search: '', filters: {}, sort: 'registered', dir: 'asc', active: 0 };

function cleanFilters(f: Filters): Filters {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(f)) if (typeof v === 'string' && v.trim()) out[k] = v.trim();
  return out as Filters;
}

/** The query the table shows (search applied from three characters, filters trimmed), as printed. */
function printView(q: ListQuery): RegisterView {
  return { search: q.search ?? '', filters: q.filters ?? {}, sort: q.sort ?? 'registered', dir: q.dir ?? 'asc' };
}

/** The weapons register: counts, filters, search/scan box and the virtualized table. */
export function RegisterScreen() {
  const labels = useLabels();
  const navigate = useNavigate();
  const session = useSession();
  const [view, setView] = useState<View>(remembered);
  // Remembered at once, not in an effect: a click that opens a dossier unmounts this screen first.
  const patch = useCallback(
    (p: Partial<View>) =>
      setView((v) => {
        remembered = { ...v, ...p };
        return remembered;
      }),
    [],
  );
  const [counts, setCounts] = useState<RegisterCounts | null>(null);
  const wrap = useRef<HTMLDivElement>(null);
  useEffect(() => {
    void call('weapons.counts', {}).then((r) => r.ok && setCounts(r.value));
  }, []);

  const search = useDebounced(view.search, 150);
  const textFilters = useDebounced(view.filters, 250);
  const searchKey = normalizeKey(search);
  const key = JSON.stringify({
    search: searchKey.length >= SEARCH_MIN ? search : '',
    // Lists apply at once; typed filters wait for the typing to stop.
    filters: cleanFilters({ ...textFilters, type: view.filters.type, status: view.filters.status, agency: view.filters.agency }),
    sort: view.sort,
    dir: view.dir,
  } satisfies ListQuery);
  const next = useMemo(() => new RegisterPager(JSON.parse(key) as ListQuery), [key]);
  // Keep showing the previous rows until the new query answers: no flash of an empty table while typing.
  const [shown, setShown] = useState(next);
  useEffect(() => {
    if (next.total !== null) {
      setShown(next);
      return undefined;
    }
    return next.subscribe(() => {
      if (next.total !== null) setShown(next);
    });
  }, [next]);
  // A new query starts at its first row; the remembered row only applies to the same query.
  const lastKey = useRef(key);
  useEffect(() => {
    if (lastKey.current === key) return;
    lastKey.current = key;
    patch({ active: 0 });
  }, [key, patch]);

  const open = (id: number) => navigate({ name: 'weapon', id });
  const onSort = (sort: RegisterSort) => patch({ sort, dir: view.sort === sort && view.dir === 'asc' ? 'desc' : 'asc' });

  const typed = normalizeKey(view.search).length;
  const total = shown.total;
  let status: React.ReactNode = null;
  if (typed > 0 && typed < SEARCH_MIN) status = labels.t('register:search.tooShort', { min: SEARCH_MIN });
  else if (total !== null && shown.capped) status = labels.t('register:search.capped', { n: labels.number(SEARCH_CAP) });
  else if (total !== null) status = labels.t('register:list.count', { count: total, n: labels.number(total) });

  return (
    <section className="reg-screen" aria-labelledby="reg-title">
      <header className="reg-header">
        <h1 id="reg-title">{labels.t('register:list.title')}</h1>
        <button
          type="button"
          className="reg-button"
          title={labels.t('registerPrint:button.registerHint')}
          data-testid="register-print"
          onClick={() => navigate({ name: 'print', doc: { kind: 'register', view: printView(shown.query) }, back: { name: 'register' } })}
        >
          {labels.t('registerPrint:button.register')}
        </button>
        <ExportMenu request={{ kind: 'weapons', query: shown.query }} testId="register-export" />
        {canWrite(session) ? (
          <>
            <button type="button" className="reg-button" title={labels.t('imports:open.hint')} onClick={() => navigate({ name: 'import', kind: 'weapons' })} data-testid="register-import">
              {labels.t('imports:open.button')}
            </button>
            <button type="button" className="reg-button reg-button--primary" onClick={() => navigate({ name: 'newWeapon' })}>
              {labels.t('register:list.new')}
            </button>
          </>
        ) : null}
      </header>
      <StatusChips counts={counts} status={view.filters.status} onChange={(s) => patch({ filters: { ...view.filters, status: s } })} />
      <div className="reg-toolbar">
        <SearchBox
          value={view.search}
          onChange={(s) => patch({ search: s })}
          onSearchNow={(s) => patch({ search: s })}
          onOpen={open}
          onArrowDown={() => wrap.current?.querySelector<HTMLElement>('[role="grid"]')?.focus()}
          status={status}
        />
        <RegisterFilters filters={view.filters} onChange={(filters) => patch({ filters })} />
      </div>
      {shown.error ? <p role="alert" className="reg-error">{labels.t('register:list.loadFailed')}</p> : null}
      <div className="reg-table-wrap" aria-busy={shown !== next} ref={wrap}>
        <RegisterTable
          key={JSON.stringify(shown.query)}
          pager={shown}
          sort={view.sort}
          dir={view.dir}
          onSort={onSort}
          onOpen={open}
          initialActive={view.active}
          onActiveChange={(active) => patch({ active })}
        />
        {total === 0 ? <p className="reg-empty">{labels.t('register:list.empty')}</p> : null}
      </div>
    </section>
  );
}
