import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { OfficerRow } from '../../../../shared/contract/custody';
import type { AppErrorShape } from '../../../../shared/result';
import { call } from '../../../lib/client';
import { FieldMessage } from './DeskField';
import { useDeskErrors } from './errors';
import { useDeskLabels } from './labels';

/**
 * Who receives: the service number typed or scanned, Enter looks it up. The card says who it is,
 * whether they may receive anything, and which weapon types they are authorised for until when.
 */
export function OfficerPicker(props: {
  officer: OfficerRow | null;
  /** Initial officer (from the personnel register). */
  officerId?: number | undefined;
  error?: string | undefined;
  onChange: (officer: OfficerRow | null) => void;
  /** After an active officer is found: the next step takes the focus. */
  onFound: () => void;
}) {
  const labels = useDeskLabels();
  const errors = useDeskErrors();
  const [value, setValue] = useState('');
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const { onChange, officerId } = props;
  const onFound = useRef(props.onFound);
  useEffect(() => {
    onFound.current = props.onFound;
  });

  // Opened from the personnel register: the officer is known, the scan box is next.
  useEffect(() => {
    if (!officerId) return undefined;
    let live = true;
    void call('officers.get', { id: officerId }).then((r) => {
      if (!live || !r.ok) return;
      setValue(r.value.officer.serviceNumber);
      onChange(r.value.officer);
      if (r.value.officer.status === 'active') onFound.current();
    });
    return () => {
      live = false;
    };
  }, [officerId, onChange]);

  const lookup = async () => {
    const serviceNumber = value.trim();
    setFailure(null);
    if (!serviceNumber) {
      onChange(null);
      return;
    }
    setBusy(true);
    const r = await call('officers.lookup', { serviceNumber });
    setBusy(false);
    if (!r.ok) {
      onChange(null);
      setFailure(r.error);
      input.current?.select();
      return;
    }
    onChange(r.value);
    if (r.value.status === 'active') props.onFound();
    else input.current?.select();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter' || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    void lookup();
  };

  const o = props.officer;
  const problem = failure ? errors.operation(failure) : undefined;
  return (
    <fieldset className="desk-section desk-officer" data-testid="officer-picker">
      <legend>{labels.t('issue.officer.title')}</legend>
      <div className={`field desk-scan${problem || props.error ? ' field--error' : ''}`}>
        <label htmlFor="issue-service-number">{labels.t('issue.officer.serviceNumber')}</label>
        <input
          ref={input}
          id="issue-service-number"
          className="input--code desk-scan__input"
          type="text"
          autoComplete="off"
          spellCheck={false}
          autoFocus
          value={value}
          aria-invalid={!!problem || !!props.error}
          aria-describedby="issue-service-number-hint"
          aria-busy={busy}
          onChange={(e) => setValue(e.target.value)}
          onKeyDown={onKeyDown}
          data-testid="officer-input"
        />
        <small className="field__hint" id="issue-service-number-hint">
          {labels.t('issue.officer.hint')}
        </small>
        {problem ? (
          <small className="field__error" role="alert" data-testid="officer-error" data-code={failure?.code}>
            {problem}
          </small>
        ) : props.error && !o ? (
          <FieldMessage id="issue-officer" message={props.error} />
        ) : null}
      </div>
      {o ? <OfficerCard officer={o} /> : null}
    </fieldset>
  );
}

export function OfficerCard(props: { officer: OfficerRow }) {
  const labels = useDeskLabels();
  const o = props.officer;
  const active = o.status === 'active';
  return (
    <div className={`desk-card${active ? '' : ' desk-card--danger'}`} data-testid="officer-card" data-status={o.status} aria-live="polite">
      <p className="desk-card__name">
        <strong data-testid="officer-name">{o.name}</strong> <span>{o.rank}</span> <span className="code">{o.serviceNumber}</span>
      </p>
      <p>
        {o.unit} · {labels.agency(o.agency)}
      </p>
      <p>
        <span className={`desk-badge desk-badge--${active ? 'ok' : 'danger'}`} data-testid="officer-status">
          {labels.officerStatus(o.status)}
        </span>
        {o.weaponsOut > 0 ? <span className="desk-badge desk-badge--warn">{labels.t('issue.officer.weaponsOut', { n: labels.weapons(o.weaponsOut) })}</span> : null}
      </p>
      {!active ? (
        <p className="desk-card__alert" role="alert" data-testid="officer-not-active">
          {labels.t('issue.officer.notActive', { name: o.name, status: labels.officerStatus(o.status) })}
        </p>
      ) : null}
      <div>
        <span className="desk-card__label">{labels.t('issue.officer.authorisations')}</span>
        {o.authorisations.length === 0 ? (
          <span className="desk-muted" data-testid="officer-no-authorisation">
            {' '}
            {labels.t('issue.officer.none')}
          </span>
        ) : (
          <ul className="desk-auths" data-testid="officer-authorisations">
            {o.authorisations.map((a) => (
              <li key={a.weaponType} className={a.current ? '' : 'desk-auths__expired'} data-current={a.current}>
                {labels.t(a.current ? 'issue.officer.authUntil' : 'issue.officer.authExpired', {
                  type: labels.weaponType(a.weaponType),
                  date: labels.date(a.expires),
                })}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

/** The weapon types the officer holds a current authorisation for. */
export function authorisedTypes(o: OfficerRow | null): Set<string> {
  return new Set((o?.authorisations ?? []).filter((a) => a.current).map((a) => a.weaponType));
}
