import { useCallback, useEffect, useState } from 'react';
import type { HoldingRow, StoreView } from '../../../../shared/contract/ammunition';
import type { AppErrorShape } from '../../../../shared/result';
import { canManage, canWrite, useNavigate, useSession } from '../../../app/navigation';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { call } from '../../../lib/client';
import { useAmmoLabels } from '../labels';
import { Notice, Warnings, type NoticeValue } from '../Notice';
import { Quantity } from '../Quantity';
import { GroupsText, LicenceStatus } from './LicenceStatus';
import { NeqGauges } from './NeqGauges';
import { BayDialog, LicenceDialog, OverrideDialog } from './StoreDialogs';

type Open = 'licence' | 'bay' | 'override' | null;

/** One store: licence, NEQ per division against it, warnings, overrides, and every lot it holds. */
export function StoreHoldingsScreen(props: { id: number }) {
  const labels = useAmmoLabels();
  const navigate = useNavigate();
  const session = useSession();
  const [data, setData] = useState<{ store: StoreView; holdings: HoldingRow[] } | null>(null);
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<NoticeValue | null>(null);

  const load = useCallback(async () => {
    const r = await call('stores.holdings', { storeId: props.id });
    if (r.ok) setData(r.value);
    else setFailure(r.error);
  }, [props.id]);
  useEffect(() => {
    void load();
  }, [load]);

  if (failure) return <ErrorBanner error={failure} />;
  if (!data) return <p className="reg-loading">{labels.t('common.loading')}</p>;
  const { store, holdings } = data;
  const done = (what: Exclude<Open, null>) => (s: StoreView) => {
    setOpen(null);
    setNotice({ text: labels.t(`store.done.${what}`, { code: s.code }), warnings: s.warnings });
    void load();
  };

  return (
    <section className="reg-screen ammo-screen" aria-labelledby="ammo-store-title" data-testid="store-holdings">
      <header className="reg-header">
        <button type="button" className="reg-link no-print" onClick={() => navigate({ name: 'ammoStores' })}>
          {labels.t('store.back')}
        </button>
        <h1 id="ammo-store-title">
          <span className="code">{store.code}</span> <small>{store.name}</small>
        </h1>
        <LicenceStatus store={store} />
      </header>
      <Notice notice={notice} />
      <Warnings warnings={store.warnings} testId="store-warnings" />
      <div className="ammo-actions no-print">
        {canWrite(session) ? (
          <button type="button" className="reg-button reg-button--primary" onClick={() => navigate({ name: 'ammoReceive', storeId: store.id })}>
            {labels.t('store.receiveHere')}
          </button>
        ) : null}
        {canManage(session) ? (
          <>
            <button type="button" className="reg-button" onClick={() => setOpen('licence')} data-testid="store-edit-licence">
              {labels.t('store.editLicence')}
            </button>
            <button type="button" className="reg-button" onClick={() => setOpen('bay')}>
              {labels.t('store.addBay')}
            </button>
            <button type="button" className="reg-button" onClick={() => setOpen('override')}>
              {labels.t('store.recordOverride')}
            </button>
          </>
        ) : null}
      </div>
      <div className="ammo-store__summary">
        <section className="panel" aria-labelledby="ammo-store-neq">
          <h2 id="ammo-store-neq">{labels.t('store.neqTitle')}</h2>
          <NeqGauges store={store} />
          <dl className="facts">
            <dt>{labels.t('store.mostHazardous')}</dt>
            <dd data-testid="most-hazardous">{store.mostHazardous ? labels.t('store.division', { division: store.mostHazardous }) : '—'}</dd>
            <dt>{labels.t('store.groups')}</dt>
            <dd>
              <GroupsText store={store} />
            </dd>
            <dt>{labels.t('store.licenceColumn')}</dt>
            <dd>{`${store.licence.authority} · ${store.licence.reference}`}</dd>
            <dt>{labels.field('bays')}</dt>
            <dd>{store.bays.length ? store.bays.join(', ') : '—'}</dd>
          </dl>
        </section>
        <section className="panel" aria-labelledby="ammo-store-overrides">
          <h2 id="ammo-store-overrides">{labels.t('store.overrides')}</h2>
          {store.overrides.length === 0 ? <p className="ammo-muted">{labels.t('store.noOverrides')}</p> : null}
          <ul className="ammo-overrides">
            {store.overrides.map((o, i) => (
              <li key={i}>
                {labels.t('store.overrideLine', { a: o.groupA, b: o.groupB, authority: o.authority, reference: o.reference, date: labels.date(o.date) })}
              </li>
            ))}
          </ul>
        </section>
      </div>
      <HoldingsTable holdings={holdings} />
      {open === 'licence' ? <LicenceDialog store={store} onClose={() => setOpen(null)} onDone={done('licence')} /> : null}
      {open === 'bay' ? <BayDialog store={store} onClose={() => setOpen(null)} onDone={done('bay')} /> : null}
      {open === 'override' ? <OverrideDialog store={store} onClose={() => setOpen(null)} onDone={done('override')} /> : null}
    </section>
  );
}

function HoldingsTable(props: { holdings: HoldingRow[] }) {
  const labels = useAmmoLabels();
  const navigate = useNavigate();
  if (props.holdings.length === 0) return <p className="ammo-empty">{labels.t('store.empty')}</p>;
  return (
    <table className="table ammo-table" data-testid="holdings-table">
      <caption className="ammo-caption">{labels.t('store.holdings')}</caption>
      <thead>
        <tr>
          <th scope="col">{labels.field('lotNumber')}</th>
          <th scope="col">{labels.field('nature')}</th>
          <th scope="col">{labels.t('lot.dgColumn')}</th>
          <th scope="col">{labels.field('bay')}</th>
          <th scope="col">{labels.field('condition')}</th>
          <th scope="col" className="num">
            {labels.field('quantity')}
          </th>
          <th scope="col" className="num">
            {labels.t('lot.neqColumn')}
          </th>
        </tr>
      </thead>
      <tbody>
        {props.holdings.map((h) => (
          <tr key={`${h.lotId}-${h.bay}-${h.condition}`} data-testid="holding-row" data-lot={h.lotId}>
            <td>
              <button type="button" className="reg-link" onClick={() => navigate({ name: 'ammoLot', id: h.lotId })}>
                {labels.lotName(h.lot)}
              </button>
            </td>
            <td>
              {h.lot.nature}
              <br />
              <small className="ammo-muted">{h.lot.calibre}</small>
            </td>
            <td>{`${h.lot.hazardDivision}${h.lot.compatibilityGroup}`}</td>
            <td>{h.bay || '—'}</td>
            <td>
              <span className={`ammo-cond ammo-cond--${h.condition}`}>{labels.condition(h.condition)}</span>
            </td>
            <td className="num">
              <Quantity n={h.quantity} packaging={h.lot} />
            </td>
            <td className="num">{labels.kg(h.neqKg)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
