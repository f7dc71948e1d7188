import type { SpreadsheetShape } from '../../../shared/domain/spreadsheet';
import { useImportLabels } from './labels';

const SEPARATOR_KEY = { ';': 'semicolon', ',': 'comma', '\t': 'tab' } as const;

/**
 * What Gardien understood of the file, in words a storekeeper can check against what Excel shows:
 * "Windows-1252 (Excel, French)", "semicolon", the header row and how many rows follow it.
 */
export function FileFacts(props: { shape: SpreadsheetShape }) {
  const l = useImportLabels();
  const s = props.shape;
  const header = s.mapping.headerRow;
  return (
    <section className="panel imp-file" aria-labelledby="imp-file-title" data-testid="import-file">
      <h3 id="imp-file-title">{l.t('file.title')}</h3>
      <dl className="facts">
        <dt>{l.t('file.name')}</dt>
        <dd className="code" data-testid="import-file-name">
          {s.fileName}
        </dd>
        <dt>{l.t('file.size')}</dt>
        <dd data-testid="import-file-size" data-bytes={s.size}>
          {l.size(s.size)}
        </dd>
        <dt>{l.t('file.format')}</dt>
        <dd data-testid="import-file-format">{l.t(`format.${s.format}`)}</dd>
        {s.encoding ? (
          <>
            <dt>{l.t('file.encoding')}</dt>
            <dd data-testid="import-file-encoding" data-value={s.encoding}>
              {l.t(`encoding.${s.encoding}`)}
            </dd>
          </>
        ) : null}
        {s.separator ? (
          <>
            <dt>{l.t('file.separator')}</dt>
            <dd data-testid="import-file-separator" data-value={s.separator}>
              {l.t(`separator.${SEPARATOR_KEY[s.separator]}`)}
            </dd>
          </>
        ) : null}
        <dt>{l.t('file.headerRow')}</dt>
        <dd data-testid="import-file-header" data-value={header}>
          {header < 0 ? l.t('file.noHeader') : l.t('file.headerAt', { n: header + 1, headers: s.headers.filter(Boolean).slice(0, 6).join(' · ') })}
        </dd>
        <dt>{l.t('file.rows')}</dt>
        <dd data-testid="import-file-rows" data-value={s.rows}>
          {l.t('file.rowCount', { count: s.rows, n: l.number(s.rows) })}
        </dd>
      </dl>
      {s.previousImport ? (
        <p className="imp-notice imp-notice--warn" role="note" data-testid="import-previous">
          {l.t('file.previousImport', { date: l.dateTime(s.previousImport.at), count: s.previousImport.imported, n: l.number(s.previousImport.imported) })}
        </p>
      ) : null}
      <p className="imp-notice" data-testid="import-mapping-source" data-saved={s.savedMapping ? 'yes' : 'no'}>
        {l.t(s.savedMapping ? 'file.savedMapping' : 'file.detectedMapping')}
        {s.missingRequired.length > 0 ? ` ${l.t('file.missingRequired', { count: s.missingRequired.length, n: l.number(s.missingRequired.length) })}` : ''}
      </p>
    </section>
  );
}
