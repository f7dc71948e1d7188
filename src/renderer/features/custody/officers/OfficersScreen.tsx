import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OfficerRow } from '../../../../shared/contract/custody';
import { OFFICER_STATUSES, type OfficerStatus } from '../../../../shared/domain/custody';
import type { AppErrorShape } from '../../../../shared/result';
import { canWrite, useNavigate, useSession } from '../../../app/navigation';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { ExportMenu } from '../../../components/ExportMenu';
import { call } from '../../../lib/client';
import { useDebounced } from '../../register/list/useDebounced';
import { useOfficerLabels } from './labels';
import { OfficerFormDialog } from './OfficerFormDialog';
import { OfficerTable } from './OfficerTable';

const PAGE = 50;

interface View {
  search: string;
  status: OfficerStatus | '';
  offset: number;
}

/** The list's search, filter and page survive a visit to a dossier and back (in memory only). */
let remembered: View = { search: '', status: '', offset: 0 };

/**
 * The personnel register: searched as you type (a part of the service number, name or unit),
 * filtered by status, a page at a time (an armoury's register may hold 20,000 officers). Enter
 * in the search box (what a card scanner sends) opens the officer with that exact service number.
 */
export function OfficersScreen() {
  const labels = useOfficerLabels();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useSession();
  const [view, setView] = useState<View>(remembered);
  const [page, setPage] = useState<{ rows: OfficerRow[]; total: number } | null>(null);
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const table = useRef<HTMLDivElement>(null);
  const search = useDebounced(view.search, 150);

  const patch = (p: Partial<View>) =>
    setView((v) => {
      remembered = { ...v, ...p };
      return remembered;
    });

  useEffect(() => {
    let live = true;
    const query = { search: search.trim(), offset: view.offset, limit: PAGE, ...(view.status ? { status: view.status } : {}) };
    void call('officers.list', query).then((r) => {
      if (!live) return;
      if (r.ok) {
        setPage(r.value);
        setFailure(null);
      } else setFailure(r.error);
    });
    return () => {
      live = false;
    };
  }, [search, view.status, view.offset]);

  const open = (id: number) => navigate({ name: 'officer', id });

  const onKeyDown = async (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      table.current?.querySelector<HTMLElement>('[data-testid="officer-open"]')?.focus();
      return;
    }
    if (e.key === 'Escape' && view.search) {
      patch({ search: '', offset: 0 });
      return;
    }
    if (e.key !== 'Enter') return;
    e.preventDefault();
    const typed = e.currentTarget.value.trim();
    if (!typed) return;
    const select = e.currentTarget;
    const r = await call('officers.lookup', { serviceNumber: typed });
    if (r.ok) return open(r.value.id);
    const only = page?.total === 1 && search.trim() === typed ? page.rows[0] : undefined;
    if (only) return open(only.id);
    setMessage(labels.t('list.notFound', { value: typed }));
    select.select();
  };

  const total = page?.total ?? 0;
  const first = Math.min(view.offset + 1, total);
  const last = Math.min(view.offset + PAGE, total);
  return (
    <section className="reg-screen custody-screen" aria-labelledby="officers-title" data-testid="officers-screen">
      <header className="reg-header">
        <h1 id="officers-title">{labels.t('list.title')}</h1>
        <ExportMenu request={{ kind: 'officers', query: { search: search.trim(), ...(view.status ? { status: view.status } : {}) } }} testId="officers-export" />
        {canWrite(session) ? (
          <>
            <button type="button" className="reg-button" title={t('imports:open.hint')} onClick={() => navigate({ name: 'import', kind: 'officers' })} data-testid="officers-import">
              {t('imports:open.button')}
            </button>
            <button type="button" className="reg-button reg-button--primary" onClick={() => setAdding(true)} data-testid="officer-add">
              {labels.t('list.add')}
            </button>
          </>
        ) : null}
      </header>
      <div className="reg-toolbar" role="search">
        <div className="reg-search">
          <label htmlFor="officers-search">{labels.t('list.search')}</label>
          <input
            id="officers-search"
            type="search"
            autoFocus
            autoComplete="off"
            spellCheck={false}
            maxLength={60}
            value={view.search}
            placeholder={labels.t('list.searchPlaceholder')}
            aria-describedby="officers-status-line"
            data-testid="officers-search"
            onChange={(e) => {
              setMessage(null);
              patch({ search: e.target.value, offset: 0 });
            }}
            onKeyDown={(e) => void onKeyDown(e)}
          />
        </div>
        <div className="reg-filters">
          <label className="reg-filter">
            <span>{labels.t('field.status')}</span>
            <select value={view.status} onChange={(e) => patch({ status: e.target.value as View['status'], offset: 0 })} data-testid="officers-status">
              <option value="">{labels.t('list.anyStatus')}</option>
              {OFFICER_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {labels.status(s)}
                </option>
              ))}
            </select>
          </label>
        </div>
      </div>
      <p id="officers-status-line" className="reg-search__status" aria-live="polite" data-testid="officers-count">
        {message ??
          (page
            ? total === 0
              ? labels.t('list.none')
              : labels.t('list.range', { first: labels.number(first), last: labels.number(last), total: labels.number(total) })
            : null)}
      </p>
      <ErrorBanner error={failure} />
      {page === null && !failure ? <p className="reg-loading">{labels.t('common.loading')}</p> : null}
      <div ref={table}>{page && page.rows.length > 0 ? <OfficerTable rows={page.rows} onOpen={open} /> : null}</div>
      {total > PAGE ? (
        <nav className="custody-pager" aria-label={labels.t('list.pages')}>
          <button type="button" className="reg-button" disabled={view.offset === 0} onClick={() => patch({ offset: Math.max(0, view.offset - PAGE) })} data-testid="officers-previous">
            {labels.t('list.previous')}
          </button>
          <button type="button" className="reg-button" disabled={view.offset + PAGE >= total} onClick={() => patch({ offset: view.offset + PAGE })} data-testid="officers-next">
            {labels.t('list.next')}
          </button>
        </nav>
      ) : null}
      {adding ? <OfficerFormDialog onClose={() => setAdding(false)} onDone={(o) => open(o.id)} /> : null}
    </section>
  );
}
