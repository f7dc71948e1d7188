import { useCallback, useEffect, useState } from 'react';
import type { HandoverExpected, HandoverResult, HandoverRow } from '../../../../shared/contract/custody';
import type { AppErrorShape } from '../../../../shared/result';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { call } from '../../../lib/client';
import { CountList } from './CountList';
import './handover.css';
import { HandoverOutcome } from './HandoverOutcome';
import { useHandoverLabels } from './labels';
import { RecentHandovers } from './RecentHandovers';
import { ScanBox } from './ScanBox';
import { SignForm } from './SignForm';
import { UnexpectedList } from './UnexpectedList';
import { useCount } from './useCount';

/**
 * Shift handover: the outgoing storekeeper (signed in) and the incoming one count what the book
 * puts on the shelves, by scan or tick; the incoming one signs with their own account; every
 * missing weapon opens a case; the keys change hands with the shift.
 */
export function HandoverScreen() {
  const labels = useHandoverLabels();
  const [round, setRound] = useState(0);
  const [result, setResult] = useState<HandoverResult | null>(null);
  const [recent, setRecent] = useState<HandoverRow[] | null>(null);
  const [failure, setFailure] = useState<AppErrorShape | null>(null);

  const loadRecent = useCallback(async () => {
    const r = await call('handover.list', { limit: 20 });
    if (r.ok) setRecent(r.value);
    else setFailure(r.error);
  }, []);
  useEffect(() => {
    void loadRecent();
  }, [loadRecent]);

  return (
    <section className="reg-screen ho-screen" aria-labelledby="handover-title" data-testid="handover">
      <header className="reg-header">
        <h1 id="handover-title">{labels.t('count.title')}</h1>
      </header>
      <ErrorBanner error={failure} />
      {result ? (
        <HandoverOutcome
          result={result}
          onAgain={() => {
            setResult(null);
            setRound((n) => n + 1);
          }}
        />
      ) : (
        <Count
          key={round}
          onDone={(r) => {
            setResult(r);
            void loadRecent();
          }}
        />
      )}
      <RecentHandovers rows={recent} />
    </section>
  );
}

/** One count, from the book's list to the two signatures. */
function Count(props: { onDone: (result: HandoverResult) => void }) {
  const labels = useHandoverLabels();
  const [expected, setExpected] = useState<HandoverExpected | null>(null);
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  useEffect(() => {
    void call('handover.expected', {}).then((r) => (r.ok ? setExpected(r.value) : setFailure(r.error)));
  }, []);
  if (failure) return <ErrorBanner error={failure} />;
  if (!expected) return <p className="reg-loading">{labels.t('common.loading')}</p>;
  return <CountForm expected={expected} onDone={props.onDone} />;
}

function CountForm(props: { expected: HandoverExpected; onDone: (result: HandoverResult) => void }) {
  const labels = useHandoverLabels();
  const { weapons } = props.expected;
  const count = useCount(weapons);
  const counters = [
    ['expected', weapons.length],
    ['counted', count.counted.size],
    ['missing', count.missing.length],
    ['unexpected', count.unexpected.length],
  ] as const;
  return (
    <div className="ho-count">
      <div className="ho-count__top">
        <ScanBox onScan={count.scan} last={count.last} />
        <dl className="ho-counters" aria-live="polite" data-testid="handover-counters">
          {counters.map(([name, n]) => (
            <div key={name} className={`ho-counter ho-counter--${name}${n > 0 && (name === 'missing' || name === 'unexpected') ? ' ho-counter--alert' : ''}`}>
              <dt>{labels.t(`count.${name}`)}</dt>
              <dd data-testid={`counter-${name}`} data-value={n}>
                {labels.number(n)}
              </dd>
            </div>
          ))}
        </dl>
      </div>
      {weapons.length === 0 ? <p className="ho-muted">{labels.t('count.nothingExpected')}</p> : null}
      <CountList weapons={weapons} counted={count.counted} onToggle={count.toggle} onTickAll={count.tickAll} />
      <UnexpectedList items={count.unexpected} onRemove={count.removeUnexpected} />
      <SignForm counted={count.countedIds} missing={count.missing} unexpected={count.unexpected} keys={props.expected.keys} onDone={props.onDone} />
    </div>
  );
}
