import { useTranslation } from 'react-i18next';
import type { SnapshotSummary } from '../../../shared/domain/snapshot';
import { useLanguage } from '../../components/useLanguage';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { CopyToUsb } from './CopyToUsb';
import { formatSize } from './format';

/** What the export wrote, in full (hashes whole, to compare with sha256sum), and the copy to the stick. */
export function ExportSummary(props: { summary: SnapshotSummary }) {
  const { t } = useTranslation('snapshots');
  const lang = useLanguage();
  const s = props.summary;
  const n = (v: number) => formatNumber(v, lang);
  return (
    <section className="panel snap-summary" aria-labelledby="snap-summary-title" data-testid="export-summary">
      <h2 id="snap-summary-title">{t('export.doneTitle', { number: s.number })}</h2>
      <p className="hint">{t('export.doneHint')}</p>
      <dl className="facts">
        <dt>{t('summary.kind')}</dt>
        <dd data-testid="summary-kind">{t(s.full ? 'summary.kindFull' : 'summary.kindSince')}</dd>
        <dt>{t('summary.events')}</dt>
        <dd data-testid="summary-events">{n(s.events)}</dd>
        <dt>{t('summary.range')}</dt>
        <dd data-testid="summary-range" data-from={s.fromSeq} data-to={s.toSeq}>
          {t('summary.rangeValue', { from: n(s.fromSeq), to: n(s.toSeq) })}
        </dd>
        <dt>{t('summary.weapons')}</dt>
        <dd data-testid="summary-weapons">{n(s.weapons)}</dd>
        <dt>{t('summary.lots')}</dt>
        <dd data-testid="summary-lots">{n(s.lots)}</dd>
        <dt>{t('summary.head')}</dt>
        <dd className="code" data-testid="summary-head">
          {s.head}
        </dd>
        <dt>{t('summary.fileName')}</dt>
        <dd className="code" data-testid="summary-file">
          {s.fileName}
        </dd>
        <dt>{t('summary.fileSha256')}</dt>
        <dd className="code" data-testid="summary-sha256">
          {s.fileSha256}
        </dd>
        <dt>{t('summary.size')}</dt>
        <dd data-testid="summary-size" data-bytes={s.size}>
          {formatSize(s.size, lang)}
        </dd>
        <dt>{t('summary.keyId')}</dt>
        <dd className="code" data-testid="summary-key">
          {s.keyId}
        </dd>
        <dt>{t('summary.at')}</dt>
        <dd>{formatDateTime(s.at, lang)}</dd>
      </dl>
      {/* The next step is the copy: Enter does it. */}
      <CopyToUsb fileName={s.fileName} autoFocus testId="export-copy" />
    </section>
  );
}
