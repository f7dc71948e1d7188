import { useEffect, useState } from 'react';
import { Controller, type Control, type FieldError, type FieldValues, type Path } from 'react-hook-form';
import { Field } from '../../components/Field';
import { useAmmoLabels, type Packaging } from './labels';
import { Quantity } from './Quantity';

type Parts = { cases: string; boxes: string; rounds: string };
const EMPTY: Parts = { cases: '', boxes: '', rounds: '' };

/** Cases, boxes and loose rounds -> rounds; '' when nothing typed, the raw text when a part is not a number. */
export function partsToRounds(parts: Parts, p: Packaging): string {
  const values = [parts.cases, parts.boxes, parts.rounds].map((v) => v.trim());
  if (values.every((v) => v === '')) return '';
  const bad = values.find((v) => v !== '' && !/^\d+$/.test(v));
  if (bad !== undefined) return bad;
  const [c, b, r] = values.map((v) => (v === '' ? 0 : Number(v))) as [number, number, number];
  return String(c * p.roundsPerBox * p.boxesPerCase + b * p.roundsPerBox + r);
}

/**
 * A quantity typed as rounds, or as cases + boxes + rounds converted with the lot's packing.
 * The form always holds rounds (what the contract wants); the line under it shows both ways.
 */
export function QuantityField<T extends FieldValues>(props: {
  control: Control<T>;
  name: Path<T>;
  label: string;
  packaging: Packaging | null;
  error?: FieldError | undefined;
  required?: boolean;
  autoFocus?: boolean;
}) {
  const labels = useAmmoLabels();
  // One quantity per form: a stable id lets a test or a label find it.
  const id = `qty-${String(props.name).replace(/\W/g, '-')}`;
  const [mode, setMode] = useState<'rounds' | 'packages'>('rounds');
  const [parts, setParts] = useState<Parts>(EMPTY);
  const packaging = props.packaging ?? { roundsPerBox: 1, boxesPerCase: 1 };
  const canPack = packaging.roundsPerBox > 1 || packaging.boxesPerCase > 1;
  return (
    <Controller
      control={props.control}
      name={props.name}
      render={({ field }) => {
        const value = String(field.value ?? '');
        const n = /^\d+$/.test(value) ? Number(value) : null;
        const setPart = (key: keyof Parts, v: string) => {
          const next = { ...parts, [key]: v };
          setParts(next);
          field.onChange(partsToRounds(next, packaging));
        };
        return (
          <Field id={id} label={props.label} error={props.error} required={!!props.required}>
            {canPack ? (
              <div className="ammo-qty-mode" role="radiogroup" aria-label={labels.t('qty.enterAs')}>
                {(['rounds', 'packages'] as const).map((m) => (
                  <label key={m}>
                    <input type="radio" name={`${id}-mode`} checked={mode === m} onChange={() => setMode(m)} data-testid={`qty-mode-${m}`} />
                    {labels.t(`qty.mode.${m}`)}
                  </label>
                ))}
              </div>
            ) : null}
            {mode === 'rounds' || !canPack ? (
              <input
                id={id}
                type="text"
                inputMode="numeric"
                autoComplete="off"
                className="ammo-input--qty"
                aria-invalid={!!props.error}
                autoFocus={props.autoFocus}
                value={value}
                onChange={(e) => field.onChange(e.target.value)}
                onBlur={field.onBlur}
                ref={field.ref}
                data-testid="qty-rounds"
              />
            ) : (
              <PackagesInputs id={id} parts={parts} onPart={setPart} invalid={!!props.error} packaging={packaging} />
            )}
            <RecomputeOnPacking mode={mode} parts={parts} packaging={packaging} onChange={field.onChange} />
            <small className="ammo-qty-line" aria-live="polite" data-testid="qty-line">
              {n !== null && n > 0 ? <Quantity n={n} packaging={packaging} /> : '\u00a0'}
            </small>
          </Field>
        );
      }}
    />
  );
}

function PackagesInputs(props: { id: string; parts: Parts; onPart: (k: keyof Parts, v: string) => void; invalid: boolean; packaging: Packaging }) {
  const labels = useAmmoLabels();
  const { roundsPerBox, boxesPerCase } = props.packaging;
  return (
    <div className="ammo-qty-parts">
      {(['cases', 'boxes', 'rounds'] as const).map((k, i) => (
        <label key={k} className="ammo-qty-part">
          <span>{labels.t(`qty.part.${k}`)}</span>
          <input
            id={i === 0 ? props.id : undefined}
            type="text"
            inputMode="numeric"
            autoComplete="off"
            aria-invalid={props.invalid}
            value={props.parts[k]}
            onChange={(e) => props.onPart(k, e.target.value)}
            data-testid={`qty-${k}`}
          />
        </label>
      ))}
      <small className="ammo-qty-packing">{labels.t('qty.packing', { perBox: labels.number(roundsPerBox), perCase: labels.number(boxesPerCase) })}</small>
    </div>
  );
}

/** In cases+boxes mode, a packing typed after the quantity (new lot form) changes the rounds. */
function RecomputeOnPacking(props: { mode: string; parts: Parts; packaging: Packaging; onChange: (v: string) => void }) {
  const { mode, parts, onChange } = props;
  const { roundsPerBox, boxesPerCase } = props.packaging;
  useEffect(() => {
    if (mode === 'packages') onChange(partsToRounds(parts, { roundsPerBox, boxesPerCase }));
    // Only a change of packing or mode recomputes; typing in the parts already did.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [mode, roundsPerBox, boxesPerCase]);
  return null;
}
