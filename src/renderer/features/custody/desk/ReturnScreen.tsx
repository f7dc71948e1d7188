import './desk.css';
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { ReturnResult, VoucherView } from '../../../../shared/contract/custody';
import type { Coded } from '../../../../shared/result';
import { useNavigate } from '../../../app/navigation';
import { call } from '../../../lib/client';
import { useDeskErrors } from './errors';
import { focusNext } from './keyboard';
import { useDeskLabels } from './labels';
import { LateReturnForm } from './LateReturnForm';
import { ReturnForm } from './ReturnForm';
import { CaseLinks } from './VoucherDetails';
import { voucherState } from './VoucherScreen';

type Problem = { code: string; text: string };

/**
 * Returns at the counter: scan a weapon (Enter) and its open voucher comes up with the scanned
 * weapon ticked; scanning another of the same voucher ticks it too; an empty Enter moves to the counts.
 */
export function ReturnScreen(props: { code?: string | undefined }) {
  const labels = useDeskLabels();
  const errors = useDeskErrors();
  const navigate = useNavigate();
  const [value, setValue] = useState('');
  const [voucher, setVoucher] = useState<VoucherView | null>(null);
  const [scanned, setScanned] = useState<ReadonlySet<number>>(new Set());
  const [problem, setProblem] = useState<Problem | null>(null);
  const [result, setResult] = useState<(ReturnResult & { late: boolean }) | null>(null);
  const [busy, setBusy] = useState(false);
  const rootRef = useRef<HTMLElement>(null);
  const scanRef = useRef<HTMLInputElement>(null);
  // The voucher on screen, read by a scan that answers later.
  const current = useRef<VoucherView | null>(null);
  useEffect(() => {
    current.current = voucher;
  }, [voucher]);

  const refuse = useCallback((c: Coded, text?: string) => setProblem({ code: c.code, text: text ?? errors.operation(c) }), [errors]);

  const scan = useCallback(
    async (code: string) => {
      setProblem(null);
      setResult(null);
      setBusy(true);
      try {
        const r = await call('custody.check', { code });
        if (!r.ok) return refuse(r.error);
        const out = r.value.find((m) => m.open);
        if (!out?.open) {
          const w = r.value[0]?.weapon;
          if (!w) return refuse({ code: 'weapon_not_found' });
          return refuse({ code: 'not_out' }, labels.t('return.notOut', { code: w.nationalCode, status: labels.weaponStatus(w.status) }));
        }
        const shown = current.current;
        if (shown && shown.id === out.open.voucherId) {
          setScanned((prev) => new Set([...prev, out.weapon.id]));
          return;
        }
        const v = await call('custody.voucher', { id: out.open.voucherId });
        if (!v.ok) return refuse(v.error);
        setScanned(new Set([out.weapon.id]));
        setVoucher(v.value);
      } finally {
        setBusy(false);
      }
    },
    [labels, refuse],
  );

  // Opened from a voucher ("Return"): its weapon is scanned already.
  useEffect(() => {
    if (props.code) void scan(props.code);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, for the code the screen was opened with
  }, [props.code]);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter' || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    const code = value.trim();
    if (!code) {
      if (rootRef.current) focusNext(rootRef.current, e.currentTarget);
      return;
    }
    setValue('');
    void scan(code);
  };

  const next = () => {
    setResult(null);
    setVoucher(null);
    setScanned(new Set());
    setProblem(null);
    setTimeout(() => scanRef.current?.focus(), 0);
  };

  const done = (late: boolean) => (r: ReturnResult) => {
    setVoucher(null);
    setResult({ ...r, late });
  };

  const missing = voucher?.weapons.some((w) => w.outcome === 'missing') ?? false;
  return (
    <section ref={rootRef} className="reg-screen desk desk-return" aria-labelledby="desk-return-title" data-testid="return-screen">
      <header className="reg-header">
        <h1 id="desk-return-title">{labels.t('return.title')}</h1>
        <p className="desk-muted desk-keys">{labels.t('return.keys')}</p>
      </header>
      <div className={`field desk-scan desk-section${problem ? ' field--error' : ''}`}>
        <label htmlFor="return-scan">{labels.t('return.scan')}</label>
        <input
          ref={scanRef}
          id="return-scan"
          className="input--code desk-scan__input"
          type="text"
          autoComplete="off"
          spellCheck={false}
          autoFocus
          value={value}
          aria-describedby="return-scan-hint"
          aria-invalid={!!problem}
          aria-busy={busy}
          onChange={(e) => setValue(e.target.value)}
          onKeyDown={onKeyDown}
          data-desk-nav=""
          data-testid="return-scan"
        />
        <small className="field__hint" id="return-scan-hint">
          {labels.t('return.hint')}
        </small>
        {problem ? (
          <small className="field__error desk-refusal" role="alert" data-testid="return-refusal" data-code={problem.code}>
            {problem.text}
          </small>
        ) : null}
      </div>
      {voucher ? <VoucherBanner voucher={voucher} /> : null}
      {voucher && !voucher.settled ? <ReturnForm key={voucher.id} voucher={voucher} scanned={scanned} onDone={done(false)} /> : null}
      {voucher && voucher.settled && missing ? <LateReturnForm key={voucher.id} voucher={voucher} scanned={scanned} onDone={done(true)} /> : null}
      {result ? (
        <section className="desk-section desk-result" role="status" data-testid="return-result" data-state={voucherState(result.voucher)}>
          <h2>{labels.t('return.result.title', { number: result.voucher.number })}</h2>
          <p data-testid="return-result-state">{labels.t(`return.result.${voucherState(result.voucher)}`)}</p>
          {result.late ? (
            <>
              <p data-testid="return-result-late">{labels.t('return.result.late')}</p>
              <CaseLinks cases={result.voucher.cases.filter((c) => c.status === 'open' && c.subject === 'weapon')} testId="return-cases" />
            </>
          ) : result.cases.length > 0 ? (
            <>
              <p className="desk-danger" data-testid="return-result-cases-title">
                {labels.t('return.result.cases', { n: labels.number(result.cases.length), count: result.cases.length })}
              </p>
              <CaseLinks cases={result.cases} testId="return-cases" />
            </>
          ) : (
            <p data-testid="return-result-clean">{labels.t('return.result.clean')}</p>
          )}
          <div className="desk-actions">
            <button type="button" className="reg-button reg-button--primary" autoFocus onClick={next} data-testid="return-next">
              {labels.t('return.result.next')}
            </button>
            <button type="button" className="reg-button" onClick={() => navigate({ name: 'voucher', id: result.voucher.id })} data-testid="return-view-voucher">
              {labels.t('return.result.voucher')}
            </button>
          </div>
        </section>
      ) : null}
    </section>
  );
}

/** Which voucher the scan brought up: number, officer, when it went out and when it was due. */
function VoucherBanner(props: { voucher: VoucherView }) {
  const labels = useDeskLabels();
  const navigate = useNavigate();
  const v = props.voucher;
  const state = voucherState(v);
  return (
    <div className={`desk-card${state === 'overdue' ? ' desk-card--danger' : ''}`} data-testid="return-voucher" data-voucher-id={v.id}>
      <p className="desk-card__name">
        <button type="button" className="reg-link code" onClick={() => navigate({ name: 'voucher', id: v.id })} data-testid="return-voucher-number">
          {v.number}
        </button>{' '}
        <strong>{`${v.officer.rank} ${v.officer.name}`}</strong> <span className="code">{v.officer.serviceNumber}</span> · {labels.kind(v.kind)}
      </p>
      <p>
        {labels.t('return.issuedAt', { date: labels.dateTime(v.issuedAt), duty: v.duty })}
        {v.expectedReturn ? ` · ${labels.t('return.expected', { date: labels.dateTime(v.expectedReturn) })}` : ''}{' '}
        <span className={`desk-badge desk-badge--${state === 'overdue' || state === 'settled' ? 'danger' : state === 'closed' ? 'ok' : 'info'}`}>{labels.t(`voucher.state.${state}`)}</span>
      </p>
      {v.closed ? <p className="desk-muted" data-testid="return-voucher-closed">{labels.t('return.closed')}</p> : null}
    </div>
  );
}
