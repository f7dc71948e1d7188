import { useEffect, useState } from 'react';
import type { ImportRecord } from '../../../shared/domain/spreadsheet';
import type { AppErrorShape } from '../../../shared/result';
import { ErrorBanner } from '../../components/ErrorBanner';
import { call } from '../../lib/client';
import { useImportLabels } from './labels';

/** How many past imports the first step lists (the journal keeps them all). */
const SHOWN = 10;

/** The latest imports, newest first: which file, when, by whom, and what came in. */
export function PastImports() {
  const l = useImportLabels();
  const [rows, setRows] = useState<ImportRecord[] | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  useEffect(() => {
    let live = true;
    void call('imports.list', {}).then((r) => {
      if (!live) return;
      if (r.ok) setRows([...r.value].sort((a, b) => b.id - a.id).slice(0, SHOWN));
      else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, []);
  return (
    <section className="imp-past" aria-labelledby="imp-past-title" data-testid="import-history">
      <h3 id="imp-past-title">{l.t('history.title')}</h3>
      <ErrorBanner error={error} />
      {rows && rows.length === 0 ? <p className="hint">{l.t('history.none')}</p> : null}
      {rows && rows.length > 0 ? (
        <table className="table table--compact">
          <thead>
            <tr>
              <th scope="col">{l.t('history.at')}</th>
              <th scope="col">{l.t('history.kind')}</th>
              <th scope="col">{l.t('history.file')}</th>
              <th scope="col" className="num">
                {l.t('history.imported')}
              </th>
              <th scope="col" className="num">
                {l.t('history.skipped')}
              </th>
              <th scope="col">{l.t('history.by')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} data-testid="import-history-row" data-file={r.fileName}>
                <td>{l.dateTime(r.at)}</td>
                <td>{l.t(`kind.${r.kind}`)}</td>
                <th scope="row" className="code imp-break">
                  {r.fileName}
                </th>
                <td className="num">{l.number(r.imported)}</td>
                <td className="num">{l.number(r.skipped)}</td>
                <td>{r.actor}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
