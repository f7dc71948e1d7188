import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SnapshotSummary } from '../../../shared/domain/snapshot';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useRecord } from '../../lib/useRecord';
import { ExportHistory } from './ExportHistory';
import { ExportPanel } from './ExportPanel';
import { ExportSummary } from './ExportSummary';
import './snapshots.css';

/** Managers: export a signed snapshot for the national commission, copy it to a stick, see past exports. */
export function SnapshotsScreen() {
  const { t } = useTranslation('snapshots');
  const { value: list, failure, reload } = useRecord('snapshots.list', {});
  const [summary, setSummary] = useState<SnapshotSummary | null>(null);
  const last = list?.reduce<(typeof list)[number] | null>((a, s) => (a === null || s.number > a.number ? s : a), null) ?? null;

  return (
    <section className="page" aria-labelledby="snapshots-title" data-testid="snapshots-screen">
      <h1 id="snapshots-title">{t('screen.title')}</h1>
      <p className="hint">{t('screen.intro')}</p>
      <ErrorBanner error={failure} />
      {list ? (
        <ExportPanel
          last={last}
          onDone={(s) => {
            setSummary(s);
            void reload();
          }}
        />
      ) : null}
      {summary ? <ExportSummary key={summary.number} summary={summary} /> : null}
      {list ? <ExportHistory list={list} /> : null}
    </section>
  );
}
