import { useState, type KeyboardEvent } from 'react';
import type { SheetLot } from '../../../../shared/contract/stockcheck';
import { useAmmoLabels } from '../../ammunition/labels';
import { useCheckLabels } from '../labels';
import { lotKey } from './useSheetCount';

const MAX = 1_000_000_000;

/**
 * The lots to count, by store and bay: the rounds counted at each place, typed here as they are
 * counted or from the paper sheet (Enter goes to the next place). Saved when the entry is left.
 */
export function LotCounts(props: {
  lots: readonly SheetLot[];
  counts: ReadonlyMap<string, number>;
  onCount: (lot: SheetLot, quantity: number) => void;
  write: boolean;
  counted: number;
}) {
  const labels = useCheckLabels();
  const next = (e: KeyboardEvent<HTMLInputElement>) => {
    const inputs = [...(e.currentTarget.closest('table')?.querySelectorAll<HTMLInputElement>('input[data-lot]') ?? [])];
    inputs[inputs.indexOf(e.currentTarget) + 1]?.focus();
  };
  return (
    <section className="sc-section" aria-labelledby="sc-lots-title" data-testid="sheet-lots">
      <h2 id="sc-lots-title">
        {labels.t('sheet.lots')} <small>{labels.progress(props.counted, props.lots.length)}</small>
      </h2>
      <p className="sc-hint">{labels.t('sheet.lotsHint')}</p>
      <table className="table table--compact sc-table sc-lots">
        <thead>
          <tr>
            <th scope="col">{labels.t('field.store')}</th>
            <th scope="col">{labels.t('field.bay')}</th>
            <th scope="col">{labels.t('field.lot')}</th>
            <th scope="col">{labels.t('field.nature')}</th>
            <th scope="col">{labels.t('field.calibre')}</th>
            <th scope="col">{labels.t('field.packing')}</th>
            <th scope="col">{labels.t('field.countedRounds')}</th>
          </tr>
        </thead>
        <tbody>
          {props.lots.map((l) => (
            <LotLine key={lotKey(l)} lot={l} value={props.counts.get(lotKey(l))} onCount={props.onCount} write={props.write} onNext={next} />
          ))}
        </tbody>
      </table>
    </section>
  );
}

function LotLine(props: {
  lot: SheetLot;
  value: number | undefined;
  onCount: (lot: SheetLot, quantity: number) => void;
  write: boolean;
  onNext: (e: KeyboardEvent<HTMLInputElement>) => void;
}) {
  const labels = useCheckLabels();
  const ammo = useAmmoLabels();
  const { lot, value } = props;
  // What is being typed; null shows the count as saved.
  const [draft, setDraft] = useState<string | null>(null);
  const [invalid, setInvalid] = useState(false);
  const text = draft ?? (value === undefined ? '' : String(value));
  const typed = /^\d+$/.test(text.trim()) ? Number(text.trim()) : null;
  const packed = typed !== null && typed > 0 ? ammo.packages(typed, lot) : null;
  const packing = lot.roundsPerBox > 1 || lot.boxesPerCase > 1;
  const id = `lot-count-${lotKey(lot).replace(/\W/g, '-')}`;

  /** Saves what was typed; an empty box leaves the place as it was (a count is replaced, never removed). */
  const commit = (): boolean => {
    if (draft === null) return true;
    const t = draft.trim();
    if (t === '') {
      setDraft(null);
      setInvalid(false);
      return true;
    }
    if (!/^\d+$/.test(t) || Number(t) > MAX) {
      setInvalid(true);
      return false;
    }
    setInvalid(false);
    setDraft(null);
    props.onCount(lot, Number(t));
    return true;
  };

  return (
    <tr data-testid="lot-line" data-lot={lot.lotId} data-store={lot.storeId} data-bay={lot.bay} data-counted={value === undefined ? '' : String(value)}>
      <td className="code">{lot.storeCode}</td>
      <td>{lot.bay || '—'}</td>
      <td className="code">{lot.lotNumber}</td>
      <td>{lot.nature}</td>
      <td>{lot.calibre}</td>
      <td>{packing ? labels.t('sheet.packing', { perBox: labels.number(lot.roundsPerBox), perCase: labels.number(lot.boxesPerCase) }) : '—'}</td>
      <td className={`sc-lot-count${invalid ? ' field--error' : ''}`}>
        <label className="visually-hidden" htmlFor={id}>
          {labels.t('sheet.lotLabel', { lot: lot.lotNumber, store: lot.storeCode, bay: lot.bay })}
        </label>
        <input
          id={id}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          className="sc-qty"
          value={text}
          disabled={!props.write}
          aria-invalid={invalid}
          aria-describedby={`${id}-line`}
          data-lot={lot.lotId}
          data-testid="lot-count"
          onChange={(e) => {
            setDraft(e.target.value);
            setInvalid(false);
          }}
          onBlur={() => void commit()}
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return;
            e.preventDefault();
            if (commit()) props.onNext(e);
          }}
        />
        <small id={`${id}-line`} className={invalid ? 'field__error' : 'sc-sub'} role={invalid ? 'alert' : undefined}>
          {invalid ? labels.t('sheet.lotInvalid') : packed ? ammo.t('qty.packed', { value: packed }) : value !== undefined && draft === null ? labels.t('sheet.lotSaved') : '\u00a0'}
        </small>
      </td>
    </tr>
  );
}
