import { useEffect, useRef, useState } from 'react';
import type { LotDossier, LotRow } from '../../../../shared/contract/ammunition';
import { call } from '../../../lib/client';
import { DeskField } from './DeskField';
import { NAV } from './keyboard';
import { countOf, useDeskLabels } from './labels';

/** Rounds for one calibre of the weapons listed: which lot, from where, how many (none is fine). */
export interface RoundsDraft {
  calibre: string;
  lotId: number | null;
  storeId: number | null;
  bay: string;
  quantity: string;
}

export const emptyDraft = (calibre: string): RoundsDraft => ({ calibre, lotId: null, storeId: null, bay: '', quantity: '' });

type Balance = LotDossier['balances'][number];
const placeKey = (b: { storeId: number | null; bay: string }) => (b.storeId === null ? '' : `${b.storeId}|${b.bay}`);

/**
 * The lots of the calibre come oldest serviceable first (core's suggestion, lots.suggest) and the
 * first is chosen; the place is the lot's serviceable stock, the fullest first.
 */
export function RoundsLine(props: { draft: RoundsDraft; index: number; quantityError?: string | undefined; placeError?: string | undefined; onChange: (d: RoundsDraft) => void }) {
  const labels = useDeskLabels();
  const { draft, onChange } = props;
  const [lots, setLots] = useState<LotRow[] | null>(null);
  const [balances, setBalances] = useState<Balance[]>([]);
  const latest = useLatest(draft);

  useEffect(() => {
    let live = true;
    void call('lots.suggest', { calibre: draft.calibre }).then((r) => {
      if (!live) return;
      const list = r.ok ? r.value : [];
      setLots(list);
      const current = latest.current;
      if (!list.some((l) => l.id === current.lotId)) onChange({ ...current, lotId: list[0]?.id ?? null, storeId: null, bay: '' });
    });
    return () => {
      live = false;
    };
  }, [draft.calibre, latest, onChange]);

  useEffect(() => {
    let live = true;
    setBalances([]);
    if (draft.lotId === null) return undefined;
    void call('lots.get', { id: draft.lotId }).then((r) => {
      if (!live || !r.ok) return;
      const serviceable = r.value.balances.filter((b) => b.condition === 'serviceable' && b.quantity > 0).sort((a, b) => b.quantity - a.quantity);
      setBalances(serviceable);
      const current = latest.current;
      if (!serviceable.some((b) => placeKey(b) === placeKey(current))) {
        const first = serviceable[0];
        onChange({ ...current, storeId: first?.storeId ?? null, bay: first?.bay ?? '' });
      }
    });
    return () => {
      live = false;
    };
  }, [draft.lotId, latest, onChange]);

  const id = `issue-rounds-${props.index}`;
  const chosen = balances.find((b) => placeKey(b) === placeKey(draft));
  const lot = lots?.find((l) => l.id === draft.lotId);
  if (lots && lots.length === 0) {
    return (
      <div className="desk-rounds" data-testid="rounds-line" data-calibre={draft.calibre}>
        <p className="desk-muted" data-testid="rounds-none">
          {labels.t('issue.rounds.none', { calibre: draft.calibre })}
        </p>
      </div>
    );
  }
  const asked = countOf(draft.quantity);
  return (
    <div className="desk-rounds" data-testid="rounds-line" data-calibre={draft.calibre}>
      <p className="desk-rounds__calibre">{labels.t('issue.rounds.calibre', { calibre: draft.calibre })}</p>
      <div className="desk-grid">
        <DeskField id={`${id}-lot`} label={labels.t('issue.rounds.lot')} hint={lot && lots?.[0]?.id !== lot.id ? labels.t('issue.rounds.notOldest') : labels.t('issue.rounds.oldest')}>
          <select
            id={`${id}-lot`}
            value={draft.lotId === null ? '' : String(draft.lotId)}
            onChange={(e) => onChange({ ...draft, lotId: e.target.value ? Number(e.target.value) : null, storeId: null, bay: '' })}
            data-testid="rounds-lot"
            {...NAV}
          >
            {(lots ?? []).map((l) => (
              <option key={l.id} value={String(l.id)}>
                {labels.t('issue.rounds.lotOption', { lot: l.lotNumber || '—', nature: l.nature, quantity: labels.rounds(l.onHand.serviceable ?? 0) })}
              </option>
            ))}
          </select>
        </DeskField>
        <DeskField id={`${id}-place`} label={labels.t('issue.rounds.place')} error={props.placeError ? { type: 'server', message: props.placeError } : undefined}>
          <select
            id={`${id}-place`}
            value={placeKey(draft)}
            onChange={(e) => {
              const b = balances.find((x) => placeKey(x) === e.target.value);
              onChange({ ...draft, storeId: b?.storeId ?? null, bay: b?.bay ?? '' });
            }}
            data-testid="rounds-place"
            {...NAV}
          >
            {balances.map((b) => (
              <option key={placeKey(b)} value={placeKey(b)}>
                {labels.t('issue.rounds.placeOption', { store: b.storeCode, bay: b.bay || '—', quantity: labels.number(b.quantity) })}
              </option>
            ))}
          </select>
        </DeskField>
        <DeskField
          id={`${id}-quantity`}
          label={labels.t('issue.rounds.quantity')}
          error={props.quantityError ? { type: 'server', message: props.quantityError } : undefined}
          hint={chosen ? labels.t('issue.rounds.available', { n: labels.rounds(chosen.quantity) }) : undefined}
        >
          <input
            id={`${id}-quantity`}
            type="number"
            inputMode="numeric"
            min={1}
            value={draft.quantity}
            aria-invalid={!!props.quantityError || (chosen !== undefined && asked > chosen.quantity)}
            onChange={(e) => onChange({ ...draft, quantity: e.target.value })}
            data-testid="rounds-quantity"
            {...NAV}
          />
        </DeskField>
      </div>
    </div>
  );
}

/** A ref that always holds the latest value: effects read it without re-running on every keystroke. */
function useLatest<T>(value: T) {
  const ref = useRef(value);
  useEffect(() => {
    ref.current = value;
  });
  return ref;
}
