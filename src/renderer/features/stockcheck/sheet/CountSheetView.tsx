import { useState, type ReactNode } from 'react';
import type { CheckReport, CountSheet } from '../../../../shared/contract/stockcheck';
import { canWrite, useSession } from '../../../app/navigation';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { CheckHeader } from '../CheckHeader';
import { useCheckLabels } from '../labels';
import { CloseCheckDialog } from './CloseCheckDialog';
import { LotCounts } from './LotCounts';
import { lotKey, useSheetCount, type SheetCount } from './useSheetCount';
import { WeaponCount } from './WeaponCount';

/**
 * An open check's count sheet, blind: what to count in shelf order, never a book quantity or a
 * status. Weapons by scan or tick, lots by quantity; the same screen takes the counts from the
 * paper sheet afterwards. Each count is saved as it is made.
 */
export function CountSheetView(props: { sheet: CountSheet; back: ReactNode; onClosed: (report: CheckReport) => void }) {
  const labels = useCheckLabels();
  const write = canWrite(useSession());
  const count = useSheetCount(props.sheet);
  const [closing, setClosing] = useState(false);
  const { check } = count;
  const lots = props.sheet.lots;
  const weaponsCounted = count.weapons.reduce((n, w) => n + (count.counted.has(w.id) ? 1 : 0), 0);
  const lotsCounted = lots.reduce((n, l) => n + (count.lotCounts.has(lotKey(l)) ? 1 : 0), 0);
  const countsWeapons = check.scope === 'full' || check.scope === 'weapons' || count.weapons.length > 0;
  const busy = count.saving || count.unsaved > 0;
  return (
    <section className="reg-screen sc-screen" aria-labelledby="sc-check-title" data-testid="stockCheck-screen" data-check={check.id} data-status="open">
      <CheckHeader check={check} back={props.back} title={labels.checkNumber(check.id)} titleId="sc-check-title" primaryPrint={false}>
        {write ? (
          <button type="button" className="reg-button reg-button--primary" disabled={busy} onClick={() => setClosing(true)} data-testid="check-close">
            {labels.t('close.button')}
          </button>
        ) : null}
      </CheckHeader>
      <dl className="facts sc-facts">
        <dt>{labels.t('field.startedAt')}</dt>
        <dd>{labels.dateTime(check.startedAt)}</dd>
        <dt>{labels.t('field.counter')}</dt>
        <dd>{labels.actor(check.counter)}</dd>
        {check.note ? (
          <>
            <dt>{labels.t('field.note')}</dt>
            <dd>{check.note}</dd>
          </>
        ) : null}
      </dl>
      <p className="sc-hint">{labels.t('sheet.blindHint')}</p>
      <p className="sc-hint" data-testid="paper-hint">
        {labels.t('sheet.paperHint')}
      </p>
      <Progress count={count} weapons={[weaponsCounted, count.weapons.length]} lots={[lotsCounted, lots.length]} showWeapons={countsWeapons} />
      {countsWeapons ? <WeaponCount count={count} write={write} counted={weaponsCounted} /> : null}
      {lots.length ? <LotCounts lots={lots} counts={count.lotCounts} onCount={count.setLot} write={write} counted={lotsCounted} /> : null}
      {closing ? (
        <CloseCheckDialog
          check={check}
          totals={{ weapons: [weaponsCounted, count.weapons.length], lots: [lotsCounted, lots.length], unknown: count.unknown.length }}
          onClose={() => setClosing(false)}
          onDone={props.onClosed}
        />
      ) : null}
    </section>
  );
}

function Progress(props: { count: SheetCount; weapons: [number, number]; lots: [number, number]; showWeapons: boolean }) {
  const labels = useCheckLabels();
  const { count } = props;
  const [wc, wt] = props.weapons;
  const [lc, lt] = props.lots;
  const state = count.failure ? 'failed' : count.saving ? 'saving' : count.unsaved > 0 ? 'unsaved' : 'saved';
  const counters: [string, string, number?][] = [['total', labels.progress(wc + lc, wt + lt)]];
  if (props.showWeapons) counters.push(['weapons', labels.progress(wc, wt)], ['unknown', labels.number(count.unknown.length), count.unknown.length]);
  if (lt > 0) counters.push(['lots', labels.progress(lc, lt)]);
  return (
    <div className="sc-progress">
      <dl className="ho-counters" aria-live="polite" data-testid="sheet-progress">
        {counters.map(([name, text, alert]) => (
          <div key={name} className={`ho-counter${alert ? ' ho-counter--alert' : name === 'total' ? ' ho-counter--counted' : ''}`}>
            <dt>{labels.t(`sheet.counter.${name}`)}</dt>
            <dd data-testid={`progress-${name}`}>{text}</dd>
          </div>
        ))}
      </dl>
      <p className={`sc-saved sc-saved--${state}`} role="status" data-testid="sheet-saved" data-state={state}>
        {labels.t(`sheet.saved.${state}`, { count: count.unsaved, n: labels.number(count.unsaved) })}
      </p>
      {count.failure ? (
        <div className="sc-retry">
          <ErrorBanner error={count.failure} testId="sheet-error" />
          <button type="button" className="reg-button" onClick={() => void count.flush()} data-testid="sheet-retry">
            {labels.t('sheet.retry')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
