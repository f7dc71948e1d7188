import { useEffect, useState } from 'react';
import type { JournalHead } from '../../../../shared/contract/app';
import { useAppStatus } from '../../../app/navigation';
import { call } from '../../../lib/client';
import { HeadLine } from '../../print/HeadLine';
import { usePrintLabels } from '../../print/labels';
import { pageStyle } from '../../print/pageStyle';
import { Signatures } from '../../print/Signatures';
import '../../print/print.css';

/**
 * On paper only: the frame every printout has (print kit): the armoury, when it was printed, the
 * journal head so the sheet can be matched to the digital record, and the title with "page x / y"
 * at the foot of every page; signature blocks at the end (PrintSignatures).
 */
export function PrintHeader(props: { title: string; readAt: number }) {
  const labels = usePrintLabels();
  const status = useAppStatus();
  const [read, setRead] = useState<{ head: JournalHead; at: string } | null>(null);
  // Read again with the record: after a movement on this screen the paper names the new state.
  useEffect(() => {
    let live = true;
    void call('journal.head', {}).then((r) => live && r.ok && setRead({ head: r.value, at: new Date().toISOString() }));
    return () => {
      live = false;
    };
  }, [props.readAt]);
  const head = read?.head ?? null;
  const printedAt = read?.at ?? '';
  const footer = `${props.title} · ${status.armoury?.code ?? ''}`;
  return (
    <div className="ammo-print-only ammo-print-head" data-testid="print-head">
      <style>{pageStyle({ orientation: 'portrait', footer, pageOf: labels.t('pageOf', { page: '\u0000', pages: '\u0001' }) })}</style>
      <p>
        <strong>{status.armoury?.name}</strong> <span className="code">{status.armoury?.code}</span>
        {status.armoury?.region ? <span>{` · ${status.armoury.region}`}</span> : null}
      </p>
      <p className="ammo-print-head__title">{props.title}</p>
      <p>{labels.t('printedAt', { date: labels.dateTime(printedAt) })}</p>
      {head ? <HeadLine head={head} className="" testId="print-head-hash" /> : null}
    </div>
  );
}

/** The storekeeper's and the manager's blocks, as on every printout the depot signs. */
export function PrintSignatures() {
  return (
    <div className="ammo-print-only">
      <Signatures roles={['storekeeper', 'manager']} />
    </div>
  );
}
