import { useTranslation } from 'react-i18next';
import type { ExportedSnapshot } from '../../../shared/contract/snapshot';
import { useLanguage } from '../../components/useLanguage';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { CopyToUsb } from './CopyToUsb';
import { shortHash } from './format';

/** The armoury's past exports, newest first; a file still on this PC can be copied again. */
export function ExportHistory(props: { list: readonly ExportedSnapshot[] }) {
  const { t } = useTranslation('snapshots');
  const lang = useLanguage();
  const n = (v: number) => formatNumber(v, lang);
  const rows = [...props.list].sort((a, b) => b.number - a.number);
  return (
    <section className="panel" aria-labelledby="snap-history-title">
      <h2 id="snap-history-title">{t('history.title')}</h2>
      {rows.length === 0 ? (
        <p className="hint" data-testid="export-history-empty">
          {t('history.none')}
        </p>
      ) : (
        <table className="table table--compact snap-history" data-testid="export-history">
          <thead>
            <tr>
              <th scope="col">{t('history.number')}</th>
              <th scope="col">{t('history.at')}</th>
              <th scope="col">{t('history.kind')}</th>
              <th scope="col">{t('history.range')}</th>
              <th scope="col">{t('history.head')}</th>
              <th scope="col">{t('history.fileSha256')}</th>
              <th scope="col">{t('history.kept')}</th>
              <th scope="col">{t('history.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((s) => (
              <tr key={s.number} data-testid={`export-row-${s.number}`} className={s.kept ? undefined : 'row--muted'}>
                <td className="num">{n(s.number)}</td>
                <td>{formatDateTime(s.at, lang)}</td>
                <td>{t(s.full ? 'summary.kindFull' : 'summary.kindSince')}</td>
                <td className="num">{t('summary.rangeValue', { from: n(s.fromSeq), to: n(s.toSeq) })}</td>
                <td className="code" title={s.head}>
                  {shortHash(s.head)}
                </td>
                <td className="code" title={s.fileSha256}>
                  {shortHash(s.fileSha256)}
                </td>
                <td>{t(s.kept ? 'history.keptYes' : 'history.keptNo')}</td>
                <td>{s.kept ? <CopyToUsb fileName={s.fileName} again testId={`export-copy-${s.number}`} /> : null}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
