import { useState, type KeyboardEvent, type RefObject } from 'react';
import type { WeaponCheck } from '../../../../shared/contract/custody';
import type { WeaponRow } from '../../../../shared/domain/weapon';
import type { Coded } from '../../../../shared/result';
import { call } from '../../../lib/client';
import { FieldMessage } from './DeskField';
import { useDeskErrors } from './errors';
import { useDeskLabels } from './labels';

export interface IssueLine {
  weapon: WeaponRow;
  magazines: string;
}

/**
 * Weapons by scan: a scanner types the serial or national code and presses Enter; core says at
 * once whether it can go out (custody.check), and a refusal is said right here. Enter in the empty
 * box moves on; each line carries its magazines.
 */
export function WeaponScanner(props: {
  lines: IssueLine[];
  inputRef: RefObject<HTMLInputElement | null>;
  /** Weapon types the officer is authorised for (null: no officer yet). */
  authorised: Set<string> | null;
  /** Errors by line index: `weapons.<i>.weaponId` / `weapons.<i>.magazines`, and the list's own. */
  lineError: (i: number, field: 'weaponId' | 'magazines') => string | undefined;
  listError?: string | undefined;
  onAdd: (weapon: WeaponRow) => void;
  onRemove: (weaponId: number) => void;
  onMagazines: (weaponId: number, value: string) => void;
  onMoveOn: (from: HTMLElement) => void;
}) {
  const labels = useDeskLabels();
  const errors = useDeskErrors();
  const { lines, inputRef, authorised, lineError, listError, onAdd, onRemove, onMagazines, onMoveOn } = props;
  const [value, setValue] = useState('');
  const [refusal, setRefusal] = useState<{ code: string; text: string } | null>(null);
  const [choices, setChoices] = useState<WeaponCheck[] | null>(null);
  const [pending, setPending] = useState(0);

  const refuse = (c: Coded) => setRefusal({ code: c.code, text: errors.operation(c) });

  const take = (check: WeaponCheck) => {
    setChoices(null);
    if (check.refusal) {
      refuse(check.refusal);
    } else if (lines.some((l) => l.weapon.id === check.weapon.id)) {
      setRefusal({ code: 'already_listed', text: labels.t('issue.weapons.alreadyListed', { code: check.weapon.nationalCode }) });
    } else {
      setRefusal(null);
      onAdd(check.weapon);
    }
    inputRef.current?.focus();
  };

  const scan = async (code: string) => {
    setRefusal(null);
    setChoices(null);
    setPending((n) => n + 1);
    const r = await call('custody.check', { code });
    setPending((n) => n - 1);
    if (!r.ok) return refuse(r.error);
    if (r.value.length === 0) return refuse({ code: 'weapon_not_found' });
    if (r.value.length === 1) return take(r.value[0] as WeaponCheck);
    setChoices(r.value);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter' || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    const code = value.trim();
    if (!code) {
      onMoveOn(e.currentTarget);
      return;
    }
    // The box is free for the next scan at once; the answer comes back in a few milliseconds.
    setValue('');
    void scan(code);
  };

  const problem = refusal?.text;
  return (
    <fieldset className="desk-section desk-weapons" data-testid="weapon-scanner">
      <legend>{labels.t('issue.weapons.title')}</legend>
      <div className={`field desk-scan${problem || listError ? ' field--error' : ''}`}>
        <label htmlFor="issue-scan">{labels.t('issue.weapons.scan')}</label>
        <input
          ref={inputRef}
          id="issue-scan"
          className="input--code desk-scan__input"
          type="text"
          autoComplete="off"
          spellCheck={false}
          value={value}
          aria-describedby="issue-scan-hint"
          aria-invalid={!!problem}
          aria-busy={pending > 0}
          onChange={(e) => setValue(e.target.value)}
          onKeyDown={onKeyDown}
          data-desk-nav=""
          data-testid="weapon-scan"
        />
        <small className="field__hint" id="issue-scan-hint">
          {labels.t('issue.weapons.hint')}
        </small>
        {problem ? (
          <small className="field__error desk-refusal" role="alert" data-testid="scan-refusal" data-code={refusal.code}>
            {problem}
          </small>
        ) : null}
        {listError ? <FieldMessage id="issue-weapons" message={listError} /> : null}
      </div>
      {choices ? <Choices choices={choices} onChoose={take} /> : null}
      {lines.length > 0 ? (
        <table className="table table--compact desk-table" data-testid="issue-lines">
          <thead>
            <tr>
              <th scope="col">{labels.t('weapon.nationalCode')}</th>
              <th scope="col">{labels.t('weapon.serial')}</th>
              <th scope="col">{labels.t('weapon.model')}</th>
              <th scope="col">{labels.t('weapon.calibre')}</th>
              <th scope="col">{labels.t('weapon.magazines')}</th>
              <th scope="col">
                <span className="visually-hidden">{labels.t('common.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {lines.map((line, i) => (
              <LineRow
                key={line.weapon.id}
                line={line}
                index={i}
                inputRef={inputRef}
                authorised={authorised}
                lineError={lineError}
                onRemove={onRemove}
                onMagazines={onMagazines}
              />
            ))}
          </tbody>
        </table>
      ) : (
        <p className="desk-muted">{labels.t('issue.weapons.empty')}</p>
      )}
    </fieldset>
  );
}

function LineRow(props: {
  line: IssueLine;
  index: number;
  inputRef: RefObject<HTMLInputElement | null>;
  authorised: Set<string> | null;
  lineError: (i: number, field: 'weaponId' | 'magazines') => string | undefined;
  onRemove: (weaponId: number) => void;
  onMagazines: (weaponId: number, value: string) => void;
}) {
  const labels = useDeskLabels();
  const { line, index: i, inputRef, authorised, lineError, onRemove, onMagazines } = props;
  const w = line.weapon;
  const id = `issue-mags-${w.id}`;
  const weaponError = lineError(i, 'weaponId');
  const magsError = lineError(i, 'magazines');
  const unauthorised = authorised !== null && !authorised.has(w.type);
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter' || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    inputRef.current?.focus();
  };
  return (
    <tr data-testid="issue-line" data-weapon-id={w.id} className={weaponError ? 'desk-row--error' : undefined}>
      <td>
        <strong className="code">{w.nationalCode}</strong>
        {unauthorised ? (
          <small className="desk-warning" data-testid="line-unauthorised">
            {labels.t('issue.weapons.notAuthorised', { type: labels.weaponType(w.type) })}
          </small>
        ) : null}
        {weaponError ? <FieldMessage id={`issue-weapon-${w.id}`} message={weaponError} /> : null}
      </td>
      <td className="code">{w.serial}</td>
      <td>
        {w.manufacturer} {w.model} <small className="desk-muted">{labels.weaponType(w.type)}</small>
      </td>
      <td>{w.calibre}</td>
      <td className={magsError ? 'field--error' : undefined}>
        <label htmlFor={id} className="visually-hidden">
          {labels.t('issue.weapons.magazinesFor', { code: w.nationalCode })}
        </label>
        <input
          id={id}
          className="desk-count"
          type="number"
          inputMode="numeric"
          min={0}
          max={20}
          value={line.magazines}
          aria-invalid={!!magsError}
          onChange={(e) => onMagazines(w.id, e.target.value)}
          onKeyDown={onKeyDown}
          data-testid="line-magazines"
        />
        {magsError ? <FieldMessage id={id} message={magsError} /> : null}
      </td>
      <td>
        <button type="button" className="reg-button desk-remove" onClick={() => onRemove(w.id)} aria-label={labels.t('issue.weapons.remove', { code: w.nationalCode })}>
          ×
        </button>
      </td>
    </tr>
  );
}

/** One code, several weapons (a serial shared by two makes): the storekeeper picks. */
function Choices(props: { choices: WeaponCheck[]; onChoose: (c: WeaponCheck) => void }) {
  const labels = useDeskLabels();
  const errors = useDeskErrors();
  return (
    <div className="desk-choices" role="group" aria-label={labels.t('issue.weapons.choose')} data-testid="scan-choices">
      <p>{labels.t('issue.weapons.choose')}</p>
      {props.choices.map((c, i) => (
        <button key={c.weapon.id} type="button" className="reg-button" autoFocus={i === 0} onClick={() => props.onChoose(c)} data-testid="scan-choice">
          <span className="code">{c.weapon.nationalCode}</span> · {c.weapon.serial} · {c.weapon.manufacturer} {c.weapon.model}
          {c.refusal ? <small className="desk-warning">{errors.operation(c.refusal)}</small> : null}
        </button>
      ))}
    </div>
  );
}
