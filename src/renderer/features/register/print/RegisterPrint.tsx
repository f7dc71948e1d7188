import { useLayoutEffect, useMemo, useRef } from 'react';
import type { PrintDoc, Screen } from '../../../app/navigation';
import { useNavigate } from '../../../app/navigation';
import { PRINT_MAX_ROWS } from '../../../../shared/contract/reports';
import { PrintDocument } from '../../print/PrintDocument';
import { usePrintLabels } from '../../print/labels';
import { useLabels } from '../labels';
import { useRegisterPrint } from './registerData';
import { countByStatus, REGISTER_COLUMNS, RegisterRows } from './RegisterRows';
import { registerSubtitle } from './registerView';
import './registerPrint.css';

/**
 * The weapons register as filtered on screen (landscape A4): one row per weapon, the header again
 * on every page, the total and the count by status at the end, signed by the storekeeper and the
 * manager. Beyond PRINT_MAX_ROWS nothing is printed: the user is asked for a filter.
 */
export function RegisterPrint(props: { doc: Extract<PrintDoc, { kind: 'register' }>; back: Screen }) {
  const labels = useLabels();
  const print = usePrintLabels();
  const { view } = props.doc;
  const { data, error, receivedAt } = useRegisterPrint(view);
  const t = (key: string, params?: Record<string, unknown>) => labels.t(`registerPrint:register.${key}`, params ?? {});
  const table = useRef<HTMLTableElement>(null);
  const rows = data && !data.capped ? data.rows : null;
  // Rows on screen: from their arrival to the first frame painted after the commit (React's render,
  // style, layout and paint of every row), for the benchmark and the tests.
  useLayoutEffect(() => {
    const el = table.current;
    if (!rows || !el) return;
    requestAnimationFrame(() => setTimeout(() => (el.dataset.renderMs = String(Math.round(performance.now() - receivedAt)))));
  }, [rows, receivedAt]);
  const byStatus = useMemo(() => (rows ? countByStatus(rows) : []), [rows]);

  if (data?.capped) return <CappedNotice total={data.total} back={props.back} />;
  return (
    <PrintDocument
      title={t('title')}
      fileName={t('fileName')}
      orientation="landscape"
      subtitle={<span data-testid="register-print-scope">{registerSubtitle(labels, view)}</span>}
      head={data?.head ?? null}
      {...(data ? { at: data.at } : {})}
      signatures={['storekeeper', 'manager']}
      ready={rows !== null}
      error={error}
      back={props.back}
    >
      {rows && rows.length === 0 ? <p className="print-section">{t('empty')}</p> : null}
      <table className="print-table rp-register" ref={table} data-testid="register-print-table" data-rows={rows?.length ?? 0}>
        <thead>
          <tr>
            {REGISTER_COLUMNS.map((c) => (
              <th key={c} scope="col" className={c === 'row' ? 'num' : undefined}>
                {t(`column.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        {rows ? <RegisterRows rows={rows} labels={labels} /> : null}
      </table>
      {rows ? (
        <section className="print-section rp-totals" data-testid="register-print-totals">
          <p className="rp-total" data-testid="register-print-total" data-value={rows.length}>
            {t('total', { count: rows.length, n: print.number(rows.length) })}
          </p>
          {byStatus.length ? (
            <table className="print-table rp-by-status" aria-label={t('byStatus')}>
              <thead>
                <tr>
                  <th scope="col">{t('byStatus')}</th>
                  <th scope="col" className="num">{t('weapons')}</th>
                </tr>
              </thead>
              <tbody>
                {byStatus.map(([status, n]) => (
                  <tr key={status} data-status={status}>
                    <td>{labels.status(status)}</td>
                    <td className="num">{print.number(n)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </section>
      ) : null}
    </PrintDocument>
  );
}

/**
 * More rows than a printed register holds, or a search that stopped at its own cap (SEARCH_CAP):
 * say so and print nothing, not even part of it.
 */
function CappedNotice(props: { total: number; back: Screen }) {
  const labels = useLabels();
  const print = usePrintLabels();
  const navigate = useNavigate();
  return (
    <section className="print-screen">
      <div className="print-toolbar">
        <button type="button" className="reg-button" onClick={() => navigate(props.back)} data-testid="print-back" autoFocus>
          {print.t('toolbar.back')}
        </button>
      </div>
      <div className="rp-capped" role="alert" data-testid="register-print-capped">
        <h1>{labels.t('registerPrint:register.cappedTitle')}</h1>
        <p>
          {props.total > PRINT_MAX_ROWS
            ? labels.t('registerPrint:register.capped', { n: print.number(props.total), max: print.number(PRINT_MAX_ROWS) })
            : labels.t('registerPrint:register.searchCapped', { n: print.number(props.total) })}
        </p>
      </div>
    </section>
  );
}
