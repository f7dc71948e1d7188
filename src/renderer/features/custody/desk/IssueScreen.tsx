import './desk.css';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { get, type FieldError } from 'react-hook-form';
import type { OfficerRow, VoucherView } from '../../../../shared/contract/custody';
import type { VoucherKind } from '../../../../shared/domain/custody';
import type { WeaponRow } from '../../../../shared/domain/weapon';
import type { AppErrorShape } from '../../../../shared/result';
import { useNavigate } from '../../../app/navigation';
import { call } from '../../../lib/client';
import { CredentialFields } from './CredentialFields';
import { useDeskErrors } from './errors';
import { IssueFields, KindField } from './IssueFields';
import { enterHandler, focusNext } from './keyboard';
import { defaultExpectedReturn, instantOf, useDeskLabels } from './labels';
import { authorisedTypes, OfficerPicker } from './OfficerPicker';
import { emptyDraft, RoundsLine, type RoundsDraft } from './RoundsLine';
import { useDeskForm } from './useDeskForm';
import { WeaponScanner, type IssueLine } from './WeaponScanner';

export interface IssueValues {
  kind: VoucherKind;
  duty: string;
  expectedReturn: string;
  note: string;
  acknowledgement: string;
  countersigner: { username: string; password: string };
  override: { username: string; password: string; reason: string };
}

/** Rounds lines worth sending: those with a quantity typed (an empty one means no rounds). */
const usedDrafts = (drafts: RoundsDraft[]) => drafts.filter((d) => d.quantity.trim() !== '');

/**
 * The issue voucher at the counter, for the keyboard and a scanner: the officer's service number
 * and Enter, each weapon scanned and Enter, an empty Enter moves on to rounds, duty, expected
 * return and the officer's acknowledgement; Enter in the last field (or Ctrl+Enter anywhere) issues.
 */
export function IssueScreen(props: { officerId?: number | undefined }) {
  const labels = useDeskLabels();
  const errorText = useDeskErrors();
  const navigate = useNavigate();
  const [officer, setOfficer] = useState<OfficerRow | null>(null);
  const [lines, setLines] = useState<IssueLine[]>([]);
  const [drafts, setDrafts] = useState<Record<string, RoundsDraft>>({});
  const [countersign, setCountersign] = useState(false);
  const [override, setOverride] = useState(false);
  // Focus moves once the fields it names are on screen (a new object each time, so a second refusal refocuses).
  const [focusTo, setFocusTo] = useState<{ path: 'override.username' | 'countersigner.username' } | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const scanRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    void call('settings.get', {}).then((r) => r.ok && setCountersign(r.value.countersignIssues));
  }, []);

  // One rounds line per calibre of the weapons listed, in the order they were scanned (five at most).
  const calibres = useMemo(() => [...new Set(lines.map((l) => l.weapon.calibre))].slice(0, 5), [lines]);
  const roundDrafts = calibres.map((c) => drafts[c] ?? emptyDraft(c));

  const { form, send, failure, setFailure } = useDeskForm<IssueValues, 'custody.issue'>({
    op: 'custody.issue',
    toInput: (v) => ({
      kind: v.kind,
      officerId: officer?.id,
      weapons: lines.map((l) => ({ weaponId: l.weapon.id, magazines: l.magazines })),
      rounds: usedDrafts(roundDrafts).map((d) => ({ lotId: d.lotId ?? undefined, storeId: d.storeId ?? undefined, bay: d.bay, quantity: d.quantity })),
      duty: v.duty,
      expectedReturn: v.kind === 'checkout' ? instantOf(v.expectedReturn) : '',
      note: v.note,
      acknowledgement: v.acknowledgement,
      countersigner: countersign ? v.countersigner : undefined,
      override: override ? v.override : undefined,
    }),
    defaults: {
      kind: 'checkout',
      duty: '',
      expectedReturn: defaultExpectedReturn(),
      note: '',
      acknowledgement: '',
      countersigner: { username: '', password: '' },
      override: { username: '', password: '', reason: '' },
    },
    onDone: (v: VoucherView) => navigate({ name: 'voucher', id: v.id }),
    onRefused: (e: AppErrorShape) => refused(e),
  });
  const errors = form.formState.errors;

  const refused = (e: AppErrorShape) => {
    if (e.code === 'officer_not_authorised') {
      // The manager's fields appear under the refusal; the manager types there and Enter sends again.
      setOverride(true);
      setFocusTo({ path: 'override.username' });
      return;
    }
    // A second person's credentials refused (wrong password, not a manager, oneself): they type again.
    const who = (['override', 'countersigner'] as const).find((w) => e.fields?.[`${w}.username`]);
    if (who) {
      form.setValue(`${who}.password`, '');
      setFocusTo({ path: `${who}.username` });
    }
  };
  useEffect(() => {
    if (focusTo) form.setFocus(focusTo.path, { shouldSelect: true });
  }, [focusTo, form]);

  const setDraft = useCallback((d: RoundsDraft) => setDrafts((prev) => ({ ...prev, [d.calibre]: d })), []);
  const chooseOfficer = useCallback((o: OfficerRow | null) => {
    setOfficer(o);
    setFailure(null);
  }, [setFailure]);
  const add = (weapon: WeaponRow) => setLines((prev) => (prev.some((l) => l.weapon.id === weapon.id) ? prev : [...prev, { weapon, magazines: '0' }]));
  const remove = (id: number) => setLines((prev) => prev.filter((l) => l.weapon.id !== id));
  const magazines = (id: number, value: string) => setLines((prev) => prev.map((l) => (l.weapon.id === id ? { ...l, magazines: value } : l)));

  const fieldMessage = (path: string) => (get(errors, path) as FieldError | undefined)?.message;
  // Rounds errors come back on the index sent; drafts without a quantity were not sent.
  const sentIndex = (d: RoundsDraft) => usedDrafts(roundDrafts).indexOf(d);
  const roundsError = (d: RoundsDraft, field: string) => {
    const i = sentIndex(d);
    return i < 0 ? undefined : fieldMessage(`rounds.${i}.${field}`);
  };

  return (
    <section className="reg-screen desk desk-issue" aria-labelledby="desk-issue-title" data-testid="issue-screen">
      <header className="reg-header">
        <h1 id="desk-issue-title">{labels.t('issue.title')}</h1>
        <p className="desk-muted desk-keys">{labels.t('issue.keys')}</p>
      </header>
      <form
        ref={formRef}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          send();
        }}
        onKeyDown={enterHandler(send)}
        className="desk-form"
      >
        <OfficerPicker officer={officer} officerId={props.officerId} error={fieldMessage('officerId')} onChange={chooseOfficer} onFound={() => scanRef.current?.focus()} />
        <KindField form={form} />
        <WeaponScanner
          lines={lines}
          inputRef={scanRef}
          authorised={officer ? authorisedTypes(officer) : null}
          lineError={(i, field) => fieldMessage(`weapons.${i}.${field}`)}
          listError={(get(errors, 'weapons') as FieldError | undefined)?.message}
          onAdd={add}
          onRemove={remove}
          onMagazines={magazines}
          onMoveOn={(from) => formRef.current && focusNext(formRef.current, from)}
        />
        {roundDrafts.length > 0 ? (
          <fieldset className="desk-section" data-testid="issue-rounds">
            <legend>{labels.t('issue.rounds.title')}</legend>
            {roundDrafts.map((d, i) => (
              <RoundsLine
                key={d.calibre}
                draft={d}
                index={i}
                onChange={setDraft}
                quantityError={roundsError(d, 'quantity') ?? roundsError(d, 'lotId')}
                placeError={roundsError(d, 'storeId')}
              />
            ))}
          </fieldset>
        ) : null}
        <IssueFields form={form} />
        {countersign ? (
          <CredentialFields form={form} name="countersigner" title={labels.t('credentials.countersignTitle')} note={labels.t('credentials.countersignNote')} />
        ) : null}
        {failure ? (
          <p role="alert" className="reg-error desk-refusal" data-testid="issue-error" data-code={failure.code}>
            {errorText.operation(failure)}
          </p>
        ) : null}
        {override ? (
          <CredentialFields form={form} name="override" title={labels.t('credentials.overrideTitle')} note={labels.t('credentials.overrideNote')} withReason />
        ) : null}
        <div className="reg-form__actions">
          <button type="submit" className="reg-button reg-button--primary" disabled={form.formState.isSubmitting} aria-busy={form.formState.isSubmitting} data-testid="issue-submit">
            {labels.t(override ? 'issue.submitOverride' : 'issue.submit')}
          </button>
          <span className="desk-muted">{labels.t('issue.submitKeys')}</span>
        </div>
      </form>
    </section>
  );
}
