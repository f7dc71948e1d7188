import type { HandoverResult } from '../../../../shared/contract/custody';
import { useNavigate } from '../../../app/navigation';
import { useHandoverLabels } from './labels';

/** What was recorded: the counts, each missing weapon with the case it opened, what was found besides. */
export function HandoverOutcome(props: { result: HandoverResult; onAgain: () => void }) {
  const labels = useHandoverLabels();
  const navigate = useNavigate();
  const { handover, missing, unexpected, cases } = props.result;
  const caseOf = new Map(cases.flatMap((c) => (c.weapon ? [[c.weapon.id, c.id] as const] : [])));
  return (
    <section className="panel ho-outcome" aria-labelledby="ho-outcome-title" data-testid="handover-result" data-id={handover.id}>
      <h2 id="ho-outcome-title">{labels.t('result.title', { id: handover.id })}</h2>
      <p role="status" className={missing.length > 0 ? 'ho-refusal' : 'ho-ok'}>
        {labels.t(missing.length > 0 ? 'result.withMissing' : 'result.complete', {
          incoming: labels.actor(handover.incoming),
          date: labels.dateTime(handover.at),
        })}
      </p>
      <dl className="facts ho-facts">
        <dt>{labels.t('count.expected')}</dt>
        <dd data-testid="result-expected">{labels.number(handover.expected)}</dd>
        <dt>{labels.t('count.counted')}</dt>
        <dd data-testid="result-counted">{labels.number(handover.counted)}</dd>
        <dt>{labels.t('count.missing')}</dt>
        <dd data-testid="result-missing">{labels.number(handover.missing)}</dd>
        <dt>{labels.t('count.unexpected')}</dt>
        <dd data-testid="result-unexpected">{labels.number(handover.unexpected)}</dd>
        <dt>{labels.t('result.keys')}</dt>
        <dd data-testid="result-keys">{labels.number(handover.keys)}</dd>
      </dl>
      {missing.length > 0 ? (
        <>
          <h3>{labels.t('result.missingTitle')}</h3>
          <ul className="ho-list" data-testid="result-missing-list">
            {missing.map((w) => {
              const caseId = caseOf.get(w.id);
              return (
                <li key={w.id} data-weapon={w.id}>
                  <span className="code">{w.nationalCode}</span> <span className="code">{w.serial}</span> {`${labels.weaponType(w.type)} · ${w.model}`}{' '}
                  <span className="ho-muted">{w.location}</span>{' '}
                  {caseId !== undefined ? (
                    <button type="button" className="reg-link" onClick={() => navigate({ name: 'case', id: caseId })} data-testid="result-case" data-case={caseId}>
                      {labels.t('result.case', { id: caseId })}
                    </button>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
      {unexpected.length > 0 ? (
        <>
          <h3>{labels.t('result.unexpectedTitle')}</h3>
          <p className="ho-muted">{labels.t('result.unexpectedNote')}</p>
          <ul className="ho-list" data-testid="result-unexpected-list">
            {unexpected.map((w) => (
              <li key={w.id}>
                <span className="code">{w.nationalCode}</span> <span className="code">{w.serial}</span> {`${labels.weaponType(w.type)} · ${w.model}`}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <button type="button" className="reg-button" onClick={props.onAgain} data-testid="handover-again">
        {labels.t('result.again')}
      </button>
    </section>
  );
}
