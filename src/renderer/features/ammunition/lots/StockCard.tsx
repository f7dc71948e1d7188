import type { LotDossier } from '../../../../shared/contract/ammunition';
import { useAmmoLabels } from '../labels';
import { useStores } from '../useStores';
import { cardDetails, cardDocument, eventLabel, eventName } from './cardText';

/**
 * The stock record card (fiche de stock): every movement of the lot in journal order, with who,
 * which document, the change and the running balance. Printed as it is shown.
 */
export function StockCard(props: { dossier: LotDossier }) {
  const labels = useAmmoLabels();
  const { card } = props.dossier;
  // All stores, not only those holding the lot now: a line may name a store it has since left.
  const { stores: list } = useStores();
  const stores = new Map((list ?? []).map((s) => [s.id, s.code]));
  return (
    <section className="ammo-card" aria-labelledby="ammo-card-title">
      <h2 id="ammo-card-title">{labels.t('card.title')}</h2>
      <table className="table table--compact ammo-table ammo-card__table" data-testid="stock-card">
        <thead>
          <tr>
            <th scope="col">{labels.t('card.seq')}</th>
            <th scope="col">{labels.t('card.date')}</th>
            <th scope="col">{labels.t('card.movement')}</th>
            <th scope="col">{labels.t('card.document')}</th>
            <th scope="col">{labels.t('card.by')}</th>
            <th scope="col" className="num">
              {labels.t('card.change')}
            </th>
            <th scope="col" className="num">
              {labels.t('card.balance')}
            </th>
          </tr>
        </thead>
        <tbody>
          {card.map((line) => (
            <tr key={line.seq} data-testid="card-line" data-seq={line.seq} data-type={line.type} className={`ammo-card__line--${eventName(line.type)}`}>
              <td className="code">{labels.number(line.seq)}</td>
              <td>
                <time dateTime={line.at}>{labels.dateTime(line.at)}</time>
              </td>
              <td>
                <strong>{eventLabel(labels, line.type)}</strong>
                {cardDetails(labels, line, stores).map((text, i) => (
                  <small key={i} className="ammo-card__detail">
                    {text}
                  </small>
                ))}
              </td>
              <td>{cardDocument(line) || '—'}</td>
              <td>
                {labels.t('card.actor', { name: line.actor.fullName, username: line.actor.username })}
                {line.approver ? <small className="ammo-card__detail">{labels.t('card.approver', { name: line.approver.fullName, username: line.approver.username })}</small> : null}
              </td>
              <td className="num" data-testid="card-change" data-value={line.change}>
                {line.change === 0 ? '—' : `${line.change > 0 ? '+' : '−'}${labels.number(Math.abs(line.change))}`}
              </td>
              <td className="num" data-testid="card-balance" data-value={line.balance}>
                <strong>{labels.number(line.balance)}</strong>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {card.length === 0 ? <p className="ammo-muted">{labels.t('card.empty')}</p> : null}
    </section>
  );
}
