import { useEffect, useState } from 'react';
import type { ImportLogRow } from '../../../../shared/contract/commission';
import type { AppErrorShape } from '../../../../shared/result';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { call } from '../../../lib/client';
import { useCommissionLabels } from '../labels';
import { Pager } from '../Pager';
import { OUTCOME_BADGE, OutcomeText } from './ImportResults';

const LIMIT = 50;

/** Every import tried at the commission, newest first; a rejection that suggests tampering is flagged. */
export function ImportLog(props: { reloadKey: number }) {
  const l = useCommissionLabels();
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<{ rows: ImportLogRow[]; total: number } | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);

  useEffect(() => {
    if (props.reloadKey < 0) return; // an import is running: reload once it ends
    let live = true;
    void call('commission.imports', { offset, limit: LIMIT }).then((r) => {
      if (!live) return;
      if (r.ok) setPage(r.value);
      else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [offset, props.reloadKey]);

  return (
    <section className="panel" aria-labelledby="cm-log-title" data-testid="import-log">
      <h2 id="cm-log-title">{l.t('import.logTitle')}</h2>
      <ErrorBanner error={error} />
      {page && page.total === 0 ? <p>{l.t('import.logEmpty')}</p> : null}
      {page && page.rows.length > 0 ? (
        <div className="cm-table-wrap">
          <table className="table table--compact cm-table">
            <thead>
              <tr>
                <th scope="col">{l.t('import.column.at')}</th>
                <th scope="col">{l.t('import.column.file')}</th>
                <th scope="col">{l.t('import.column.outcome')}</th>
                <th scope="col">{l.t('import.column.armoury')}</th>
                <th scope="col" className="num">{l.t('import.column.number')}</th>
                <th scope="col">{l.t('import.column.what')}</th>
                <th scope="col">{l.t('import.column.by')}</th>
              </tr>
            </thead>
            <tbody>
              {page.rows.map((r) => (
                <tr key={r.id} data-file={r.fileName} data-outcome={r.outcome} data-tamper={r.tamper ? 'yes' : 'no'} className={r.tamper ? 'cm-row--tamper' : undefined}>
                  <td>{l.dateTime(r.at)}</td>
                  <th scope="row" className="code cm-break">
                    {r.fileName}
                  </th>
                  <td>
                    <span className={`cm-badge cm-badge--${OUTCOME_BADGE[r.outcome]}`}>{l.t(`outcome.${r.outcome}`)}</span>
                    {r.tamper ? (
                      <span className="cm-badge cm-badge--danger cm-tamper" title={l.t('import.tamperHint')} data-testid="tamper-flag">
                        {l.t('import.tamper')}
                      </span>
                    ) : null}
                  </td>
                  <td className="code">{r.armoury ?? '—'}</td>
                  <td className="num">{r.number === null ? '—' : l.number(r.number)}</td>
                  <td>
                    <OutcomeText r={r} />
                  </td>
                  <td>{r.actor}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {page ? <Pager offset={offset} limit={LIMIT} total={page.total} onChange={setOffset} testId="log-pager" /> : null}
    </section>
  );
}
