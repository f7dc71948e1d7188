import './desk.css';
import { useEffect, useState } from 'react';
import type { VoucherView } from '../../../../shared/contract/custody';
import type { AppErrorShape } from '../../../../shared/result';
import { canWrite, useNavigate, useSession } from '../../../app/navigation';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { call } from '../../../lib/client';
import { SavePdfButton } from '../../print/SavePdfButton';
import { useDeskLabels } from './labels';
import { ReceiptHead, ReceiptSignatures } from './Receipt';
import { CaseLinks, VoucherFacts, VoucherRounds, VoucherWeapons } from './VoucherDetails';

/** Open, settled (rounds reconciled, a weapon still missing), closed; overdue when a checkout is late. */
export function voucherState(v: VoucherView): 'closed' | 'settled' | 'overdue' | 'open' {
  if (v.closed) return 'closed';
  if (v.settled) return 'settled';
  return v.overdue ? 'overdue' : 'open';
}

/**
 * One voucher and its printable issue receipt (A4, in the user's language, signature blocks and
 * journal head). Print has the focus: the next person in the queue is served from here.
 */
export function VoucherScreen(props: { id: number }) {
  const labels = useDeskLabels();
  const navigate = useNavigate();
  const session = useSession();
  const [voucher, setVoucher] = useState<VoucherView | null>(null);
  const [failure, setFailure] = useState<AppErrorShape | null>(null);

  useEffect(() => {
    let live = true;
    void call('custody.voucher', { id: props.id }).then((r) => {
      if (!live) return;
      if (r.ok) setVoucher(r.value);
      else setFailure(r.error);
    });
    return () => {
      live = false;
    };
  }, [props.id]);

  if (failure) return <ErrorBanner error={failure} testId="voucher-error" />;
  if (!voucher) return <p className="reg-loading">{labels.t('common.loading')}</p>;

  const v = voucher;
  const state = voucherState(v);
  const stillOut = v.weapons.find((w) => w.outcome === 'out' || w.outcome === 'missing');
  const writer = canWrite(session);
  return (
    <section className="reg-screen desk desk-voucher" aria-labelledby="desk-voucher-title" data-testid="voucher-screen" data-voucher-id={v.id}>
      <ReceiptHead voucher={v} />
      <header className="reg-header">
        <h1 id="desk-voucher-title">
          {labels.t(`voucher.title.${v.kind}`)} <span className="code" data-testid="voucher-number">{v.number}</span>
        </h1>
        <span className={`desk-badge desk-badge--${state === 'closed' ? 'ok' : state === 'open' ? 'info' : 'danger'} no-print`} data-testid="voucher-state" data-state={state}>
          {labels.t(`voucher.state.${state}`)}
        </span>
      </header>
      <div className="desk-actions no-print">
        <button type="button" className="reg-button reg-button--primary" autoFocus onClick={() => window.print()} data-testid="voucher-print">
          {labels.t('voucher.print')}
        </button>
        <SavePdfButton fileName={`${labels.t('voucher.fileName')}-${v.number}`} />
        {writer && stillOut ? (
          <button type="button" className="reg-button" onClick={() => navigate({ name: 'custodyReturn', code: stillOut.weapon.nationalCode })} data-testid="voucher-return">
            {labels.t('voucher.return')}
          </button>
        ) : null}
        {writer ? (
          <button type="button" className="reg-button" onClick={() => navigate({ name: 'custodyIssue' })} data-testid="voucher-new-issue">
            {labels.t('voucher.newIssue')}
          </button>
        ) : null}
      </div>
      <VoucherFacts voucher={v} />
      <VoucherWeapons voucher={v} />
      {v.rounds.length > 0 || v.magazines > 0 ? <VoucherRounds voucher={v} /> : null}
      {v.settled ? (
        <p className="desk-muted" data-testid="voucher-settled">
          {labels.t('voucher.settledAt', { date: labels.dateTime(v.settledAt) })}
        </p>
      ) : null}
      {v.cases.length > 0 ? (
        <section className="desk-section no-print" aria-labelledby="desk-voucher-cases">
          <h2 id="desk-voucher-cases">{labels.t('voucher.cases')}</h2>
          <CaseLinks cases={v.cases} />
        </section>
      ) : null}
      <ReceiptSignatures voucher={v} />
    </section>
  );
}
