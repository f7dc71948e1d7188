import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRecord } from '../../../lib/useRecord';
import { ExportMenu } from '../../../components/ExportMenu';
import { LoadFailure } from '../../../components/LoadFailure';
import type { MovementResult } from '../../../../shared/contract/ammunition';
import { canWrite, useNavigate, useSession } from '../../../app/navigation';
import { SavePdfButton } from '../../print/SavePdfButton';
import { useAmmoLabels } from '../labels';
import { IssueDialog } from '../movements/IssueDialog';
import { MovementDialog } from '../movements/MovementDialog';
import { clearNotice, Notice, peekNotice, type NoticeValue } from '../Notice';
import { Quantity } from '../Quantity';
import { DossierActions, type LotAction } from './DossierActions';
import { BalancesTable, LotFacts } from './LotFacts';
import { InspectionBadge } from './LotTable';
import { PrintHeader, PrintSignatures } from './PrintHeader';
import { StockCard } from './StockCard';

/** One lot: its record, where it is, what is out, its movements; the card prints on A4. */
export function LotDossierScreen(props: { id: number }) {
  const labels = useAmmoLabels();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useSession();
  const { value: dossier, failure, reload: load, readAt } = useRecord('lots.get', { id: props.id });
  const [action, setAction] = useState<LotAction | null>(null);
  const [notice, setNotice] = useState<NoticeValue | null>(peekNotice);
  useEffect(clearNotice, []);


  const back = (
    <button type="button" className="reg-link no-print" onClick={() => navigate({ name: 'ammoLots' })}>
      {labels.t('lot.back')}
    </button>
  );
  if (failure) return <LoadFailure back={back} error={failure} className="ammo-screen" />;
  if (!dossier) return <p className="reg-loading">{labels.t('common.loading')}</p>;

  const { lot } = dossier;
  const done = (a: LotAction) => (r: MovementResult) => {
    setAction(null);
    setNotice({ text: labels.t(`movementDone.${a}`), warnings: r.warnings });
    void load();
  };
  const title = labels.t('card.printTitle', { lot: labels.lotName(lot) });
  return (
    <section className="reg-screen ammo-screen ammo-dossier" aria-labelledby="ammo-lot-title" data-testid="lot-dossier">
      <PrintHeader title={title} readAt={readAt} />
      <header className="reg-header">
        {back}
        <h1 id="ammo-lot-title">
          {labels.lotName(lot)} <small>{`${lot.nature} · ${lot.calibre}`}</small>
        </h1>
        <button type="button" className="reg-button no-print" onClick={() => window.print()} data-testid="print-card">
          {labels.t('card.print')}
        </button>
        <SavePdfButton fileName={`${labels.t('card.fileName')}-${lot.lotNumber}`} />
        <ExportMenu request={{ kind: 'movements', query: { lotId: lot.id } }} label={t('imports:export.movements')} testId="movements-export" />
      </header>
      <div className="reg-dossier__summary">
        <span className="ammo-dg">{`${lot.hazardDivision}${lot.compatibilityGroup} · UN ${lot.unNumber}`}</span>
        <span>
          {labels.t('lot.labelled', { label: labels.t('lot.onHand') })} <Quantity n={lot.total} packaging={lot} testId="summary-total" />
        </span>
        <span>
          {labels.t('lot.labelled', { label: labels.t('lot.outstanding') })} {labels.rounds(lot.outstanding)}
        </span>
        <span>
          {labels.t('lot.labelled', { label: labels.field('nextInspection') })} <InspectionBadge lot={lot} />
        </span>
        {lot.suspended ? (
          <span className="ammo-badge ammo-badge--danger" data-testid="lot-suspended">
            {`${labels.t('lot.suspendedLot')} — ${labels.t(`lot.suspendedWhy.${lot.suspensionReason || 'inspection'}`)}`}
          </span>
        ) : null}
        {(lot.onHand.suspended ?? 0) > 0 ? <span className="ammo-badge ammo-badge--danger">{labels.t('lot.hasSuspended', { n: labels.number(lot.onHand.suspended ?? 0) })}</span> : null}
      </div>
      <Notice notice={notice} />
      {canWrite(session) ? <DossierActions lot={lot} onChoose={(a) => { setNotice(null); setAction(a); }} /> : null}
      <div className="ammo-dossier__body">
        <LotFacts lot={lot} />
        <BalancesTable dossier={dossier} />
      </div>
      <StockCard dossier={dossier} />
      <PrintSignatures />
      {action === 'issue' ? <IssueDialog lot={lot} onClose={() => setAction(null)} onDone={done('issue')} /> : null}
      {action && action !== 'issue' ? (
        <MovementDialog movement={action} lot={lot} balances={dossier.balances} onClose={() => setAction(null)} onDone={done(action)} />
      ) : null}
    </section>
  );
}
