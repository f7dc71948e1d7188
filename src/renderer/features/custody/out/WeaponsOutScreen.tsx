import { startTransition, useEffect, useId, useMemo, useState } from 'react';
import type { OpOutput } from '../../../../shared/contract';
import type { AppErrorShape } from '../../../../shared/result';
import { useAppStatus } from '../../../app/navigation';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { call } from '../../../lib/client';
import { SavePdfButton } from '../../print/SavePdfButton';
import '../handover/handover.css';
import { useHandoverLabels } from '../handover/labels';
import { groupOut } from './groupOut';
import { OutPageMargins, OutPrintHead, OutSignatures } from './OutPrint';
import { OutTable } from './OutTable';

type OutList = OpOutput<'custody.out'>;

/**
 * The "weapons out" register (registre des armes sorties): everything issued or assigned and not
 * back, by unit and officer, overdue ones marked; printable on A4 at any moment.
 */
export function WeaponsOutScreen() {
  const labels = useHandoverLabels();
  const status = useAppStatus();
  const searchId = useId();
  const [search, setSearch] = useState('');
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [list, setList] = useState<OutList | null>(null);
  const [shown, setShown] = useState({ search: '', overdueOnly: false });
  const [failure, setFailure] = useState<AppErrorShape | null>(null);

  useEffect(() => {
    let stale = false;
    const query = { search: search.trim(), overdueOnly };
    // Typing waits for a pause; the toggle and the first load go at once.
    const timer = setTimeout(
      () => {
        void call('custody.out', query).then((r) => {
          if (stale) return;
          if (!r.ok) return setFailure(r.error);
          // Thousands of rows: an interruptible render, so the search box never stalls under the fingers.
          startTransition(() => {
            setList(r.value);
            setShown(query);
            setFailure(null);
          });
        });
      },
      query.search === shown.search ? 0 : 250,
    );
    return () => {
      stale = true;
      clearTimeout(timer);
    };
    // `shown` only decides the delay; refetching when it changes would loop.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [search, overdueOnly]);

  const groups = useMemo(() => (list ? groupOut(list.rows, labels.lang === 'en' ? 'en-GB' : 'fr-FR') : []), [list, labels.lang]);
  const officers = groups.reduce((n, g) => n + g.officers.length, 0);
  const overdueShown = groups.reduce((n, g) => n + g.overdue, 0);

  return (
    <section className="reg-screen ho-screen ho-printable" aria-labelledby="out-title" data-testid="weapons-out">
      {list ? <OutPrintHead at={list.at} head={list.head} search={shown.search} overdueOnly={shown.overdueOnly} /> : null}
      {list ? <OutPageMargins code={status.armoury?.code ?? ''} /> : null}
      <header className="reg-header">
        <h1 id="out-title">{labels.t('out.title')}</h1>
        <button type="button" className="reg-button no-print" onClick={() => window.print()} disabled={!list} data-testid="out-print">
          {labels.t('out.print')}
        </button>
        <SavePdfButton fileName={labels.t('out.fileName')} disabled={!list} />
      </header>
      <div className="ho-toolbar no-print" role="search">
        <div className="ho-search">
          <label htmlFor={searchId}>{labels.t('out.search')}</label>
          <input
            id={searchId}
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            placeholder={labels.t('out.searchPlaceholder')}
            autoComplete="off"
            spellCheck={false}
            data-testid="out-search"
          />
        </div>
        <label className="ho-check">
          <input type="checkbox" checked={overdueOnly} onChange={(e) => setOverdueOnly(e.target.checked)} data-testid="out-overdue-only" />
          {labels.t('out.overdueOnly')}
        </label>
      </div>
      <ErrorBanner error={failure} />
      {list ? (
        <>
          <p className="ho-totals" role="status" data-testid="out-totals">
            <span data-testid="out-total" data-value={list.rows.length}>
              {labels.weapons(list.rows.length)}
            </span>
            <span>{labels.t('out.officers', { count: officers, n: labels.number(officers) })}</span>
            <span>{labels.t('out.units', { count: groups.length, n: labels.number(groups.length) })}</span>
            <span className={overdueShown > 0 ? 'ho-badge ho-badge--danger' : undefined} data-testid="out-overdue" data-value={overdueShown}>
              {labels.t('out.overdueTotal', { n: labels.number(overdueShown) })}
            </span>
          </p>
          {list.rows.length > 0 ? (
            <OutTable groups={groups} />
          ) : (
            <p className="ho-empty" data-testid="out-empty">
              {labels.t(shown.search || shown.overdueOnly ? 'out.noMatch' : 'out.empty')}
            </p>
          )}
          <OutSignatures />
        </>
      ) : failure ? null : (
        <p className="reg-loading">{labels.t('common.loading')}</p>
      )}
    </section>
  );
}
