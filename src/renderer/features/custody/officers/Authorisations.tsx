import type { Authorisation } from '../../../../shared/contract/custody';
import type { WeaponType } from '../../../../shared/domain/enums';
import { useOfficerLabels } from './labels';

/**
 * Which weapon types the officer may carry, until when, and on what authority. Expired ones stay
 * listed (marked in words) so a manager sees what to renew.
 */
export function Authorisations(props: {
  authorisations: Authorisation[];
  onAdd: (() => void) | null;
  onRenew: ((type: WeaponType) => void) | null;
  onWithdraw: ((type: WeaponType) => void) | null;
}) {
  const labels = useOfficerLabels();
  const manage = props.onRenew !== null || props.onWithdraw !== null;
  return (
    <section className="custody-section" aria-labelledby="officer-auth-title">
      <div className="custody-section__head">
        <h2 id="officer-auth-title">{labels.t('dossier.authorisations')}</h2>
        {props.onAdd ? (
          <button type="button" className="reg-button" onClick={props.onAdd} data-testid="authorise">
            {labels.t('authorise.button')}
          </button>
        ) : null}
      </div>
      {props.authorisations.length === 0 ? (
        <p className="custody-muted" data-testid="no-authorisations">
          {labels.t('dossier.noAuthorisations')}
        </p>
      ) : (
        <table className="table table--compact custody-table" data-testid="authorisations">
          <thead>
            <tr>
              <th scope="col">{labels.t('field.weaponType')}</th>
              <th scope="col">{labels.t('field.expires')}</th>
              <th scope="col">{labels.t('field.reference')}</th>
              <th scope="col">{labels.t('field.status')}</th>
              {manage ? <th scope="col"><span className="visually-hidden">{labels.t('dossier.actions')}</span></th> : null}
            </tr>
          </thead>
          <tbody>
            {props.authorisations.map((a) => (
              <tr key={a.weaponType} data-testid="authorisation" data-type={a.weaponType} data-current={a.current}>
                <td>{labels.weaponType(a.weaponType)}</td>
                <td>{labels.date(a.expires)}</td>
                <td>{a.reference}</td>
                <td>
                  <span className={`custody-badge custody-badge--${a.current ? 'ok' : 'danger'}`} data-testid="authorisation-state">
                    {labels.t(a.current ? 'dossier.current' : 'dossier.expired')}
                  </span>
                </td>
                {manage ? (
                  <td className="actions">
                    {props.onRenew ? (
                      <button type="button" className="reg-button" onClick={() => props.onRenew?.(a.weaponType)} aria-label={labels.t('authorise.renewLabel', { type: labels.weaponType(a.weaponType) })}>
                        {labels.t('authorise.renew')}
                      </button>
                    ) : null}
                    {props.onWithdraw ? (
                      <button
                        type="button"
                        className="reg-button"
                        onClick={() => props.onWithdraw?.(a.weaponType)}
                        aria-label={labels.t('withdraw.label', { type: labels.weaponType(a.weaponType) })}
                        data-testid="withdraw"
                      >
                        {labels.t('withdraw.button')}
                      </button>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
