import { CountList } from '../../custody/handover/CountList';
import '../../custody/handover/handover.css';
import { ScanBox } from '../../custody/handover/ScanBox';
import { useCheckLabels } from '../labels';
import type { SheetCount } from './useSheetCount';

const noop = () => undefined;

/**
 * The weapons of the sheet by location (shelf order): counted by scanning or typing a serial or
 * national code then Enter (the box keeps the focus), or by ticking. A code that matches no weapon
 * is recorded for investigation; a registered weapon the sheet does not list is recorded as found.
 */
export function WeaponCount(props: { count: SheetCount; write: boolean; counted: number }) {
  const labels = useCheckLabels();
  const { count } = props;
  const { last, note } = count;
  let said = '';
  if (note?.kind === 'notInSpot') said = labels.t('sheet.notInSpot', { code: note.code });
  else if (note?.kind === 'noUncount') said = labels.t('sheet.noUncount');
  else if (last?.kind === 'unexpected') said = labels.t(last.item.weapon ? 'sheet.foundRecorded' : 'sheet.unknownRecorded');
  return (
    <section className="sc-section" aria-labelledby="sc-weapons-title" data-testid="sheet-weapons">
      <h2 id="sc-weapons-title">
        {labels.t('sheet.weapons')} <small>{labels.progress(props.counted, count.weapons.length)}</small>
      </h2>
      {props.write ? (
        <div className="ho-count__top">
          <ScanBox onScan={count.scan} last={last} />
        </div>
      ) : null}
      <p className={`sc-note${said ? ' sc-note--shown' : ''}`} role="status" aria-live="polite" data-testid="sheet-note" data-kind={note?.kind ?? (last?.kind === 'unexpected' ? (last.item.weapon ? 'found' : 'unknown') : '')}>
        {said}
      </p>
      {count.weapons.length === 0 ? <p className="sc-muted">{labels.t('sheet.noWeapons')}</p> : null}
      <CountList weapons={count.weapons} counted={count.counted} onToggle={props.write ? count.toggle : noop} onTickAll={props.write ? count.tickAll : noop} />
      {count.unknown.length ? (
        <section className="sc-unknown" aria-labelledby="sc-unknown-title" data-testid="sheet-unknown">
          <h3 id="sc-unknown-title">{labels.t('sheet.unknownTitle', { n: labels.number(count.unknown.length) })}</h3>
          <p className="sc-muted">{labels.t('sheet.unknownIntro')}</p>
          <ul className="ho-list">
            {count.unknown.map((code) => (
              <li key={code} className="code" data-testid="unknown-code" data-code={code}>
                {code}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </section>
  );
}
