import { useEffect, useState } from 'react';
import type { JournalHead } from '../../../../shared/contract/app';
import { useAppStatus } from '../../../app/navigation';
import { call } from '../../../lib/client';
import { useAmmoLabels } from '../labels';

/**
 * On paper only: the armoury, when it was printed, and the journal head so the sheet can be
 * matched to the digital record; signature blocks at the foot (PrintSignatures).
 */
export function PrintHeader(props: { title: string }) {
  const labels = useAmmoLabels();
  const status = useAppStatus();
  const [head, setHead] = useState<JournalHead | null>(null);
  const [printedAt] = useState(() => new Date().toISOString());
  useEffect(() => {
    void call('journal.head', {}).then((r) => r.ok && setHead(r.value));
  }, []);
  return (
    <div className="ammo-print-only ammo-print-head" data-testid="print-head">
      <p>
        <strong>{status.armoury?.name}</strong> <span className="code">{status.armoury?.code}</span>
      </p>
      <p className="ammo-print-head__title">{props.title}</p>
      <p>{labels.t('print.printedAt', { date: labels.dateTime(printedAt) })}</p>
      {head ? <p className="hash">{labels.t('print.journalHead', { seq: labels.number(head.seq), hash: head.hash })}</p> : null}
    </div>
  );
}

export function PrintSignatures() {
  const labels = useAmmoLabels();
  return (
    <div className="ammo-print-only ammo-signatures">
      {(['storekeeper', 'manager'] as const).map((who) => (
        <div key={who} className="ammo-signature">
          <p>{labels.t(`print.signature.${who}`)}</p>
          <p className="ammo-signature__line">{labels.t('print.nameDateSignature')}</p>
        </div>
      ))}
    </div>
  );
}
