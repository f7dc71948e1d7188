import { useState } from 'react';
import type { CheckReport } from '../../../../shared/contract/stockcheck';
import { useNavigate } from '../../../app/navigation';
import { LoadFailure } from '../../../components/LoadFailure';
import { useRecord } from '../../../lib/useRecord';
import { useCheckLabels } from '../labels';
import { ReportView } from '../report/ReportView';
import { CountSheetView } from './CountSheetView';

/** One stock check: the blind count sheet while it is open, the inventory report once closed. */
export function CheckScreen(props: { id: number }) {
  const labels = useCheckLabels();
  const navigate = useNavigate();
  const { value: sheet, failure } = useRecord('stockchecks.sheet', { id: props.id });
  // The report the close returned: shown at once, without reading it again.
  const [closed, setClosed] = useState<CheckReport | null>(null);
  const back = (
    <button type="button" className="reg-link" onClick={() => navigate({ name: 'stockChecks' })} data-testid="check-back">
      {labels.t('common.back')}
    </button>
  );
  if (failure) return <LoadFailure back={back} error={failure} className="sc-screen" />;
  if (!sheet) return <p className="reg-loading">{labels.t('common.loading')}</p>;
  if (closed || sheet.check.status === 'closed') return <ReportView id={props.id} initial={closed} back={back} />;
  return <CountSheetView sheet={sheet} back={back} onClosed={setClosed} />;
}
