import { useState } from 'react';
import type { VoucherView } from '../../../../shared/contract/custody';
import { useAppStatus } from '../../../app/navigation';
import { HeadLine } from '../../print/HeadLine';
import { usePrintLabels } from '../../print/labels';
import { pageStyle } from '../../print/pageStyle';
import { useDeskLabels } from './labels';

/**
 * On paper only: the frame every printout has (print kit): the armoury, the receipt's title and
 * number, when it was issued and printed, the journal head read with the voucher so the signed
 * sheet matches the digital record, and the title with "page x / y" at the foot of every page.
 */
export function ReceiptHead(props: { voucher: VoucherView }) {
  const labels = useDeskLabels();
  const print = usePrintLabels();
  const status = useAppStatus();
  const [printedAt] = useState(() => new Date().toISOString());
  const v = props.voucher;
  const title = labels.t(`receipt.title.${v.kind}`);
  const footer = `${title} · ${labels.t('receipt.number', { number: v.number })} · ${status.armoury?.code ?? ''}`;
  return (
    <div className="desk-print-only desk-print-head" data-testid="receipt-head">
      <style>{pageStyle({ orientation: 'portrait', footer, pageOf: print.t('pageOf', { page: '\u0000', pages: '\u0001' }) })}</style>
      <p>
        <strong>{status.armoury?.name}</strong> <span className="code">{status.armoury?.code}</span>
        {status.armoury?.region ? <span>{` · ${status.armoury.region}`}</span> : null}
      </p>
      <p className="desk-print-head__title">{title}</p>
      <p className="desk-print-head__number">{labels.t('receipt.number', { number: v.number })}</p>
      <p>{labels.t('receipt.issuedAt', { date: labels.dateTime(v.issuedAt) })}</p>
      <p>{print.t('printedAt', { date: print.dateTime(printedAt) })}</p>
      <HeadLine head={v.head} className="" testId="receipt-journal-head" />
    </div>
  );
}

/** Who signs the sheet: the storekeeper who issued, the officer who received, the countersigner. */
export function ReceiptSignatures(props: { voucher: VoucherView }) {
  const labels = useDeskLabels();
  const v = props.voucher;
  const blocks = [
    { key: 'issuer', name: labels.actor(v.issuer) },
    { key: 'recipient', name: `${v.officer.rank} ${v.officer.name} (${v.officer.serviceNumber})` },
    { key: 'countersigner', name: v.countersigner ? labels.actor(v.countersigner) : '' },
  ];
  return (
    <div className="desk-print-only desk-signatures" data-testid="receipt-signatures">
      {blocks.map((b) => (
        <div key={b.key} className="desk-signature">
          <p className="desk-signature__role">{labels.t(`receipt.signature.${b.key}`)}</p>
          <p className="desk-signature__name">{b.name || '\u00a0'}</p>
          <p className="desk-signature__line">{labels.t('receipt.dateSignature')}</p>
        </div>
      ))}
      <p className="desk-signature__ack">{labels.t('receipt.acknowledged', { serviceNumber: v.acknowledgement })}</p>
    </div>
  );
}
