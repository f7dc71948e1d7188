import { useState } from 'react';
import type { StoreView } from '../../../../shared/contract/ammunition';
import { canManage, useNavigate, useSession } from '../../../app/navigation';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { useAmmoLabels } from '../labels';
import { Notice, type NoticeValue } from '../Notice';
import { useStores } from '../useStores';
import { GroupsText, LicenceStatus } from './LicenceStatus';
import { NeqGauges } from './NeqGauges';
import { CreateStoreDialog } from './StoreDialogs';

/** Every store with its licence, the explosives it holds against the licence, and the groups present. */
export function StoresScreen() {
  const labels = useAmmoLabels();
  const navigate = useNavigate();
  const session = useSession();
  const { stores, error, reload } = useStores();
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState<NoticeValue | null>(null);

  const created = (s: StoreView) => {
    setCreating(false);
    setNotice({ text: labels.t('store.created', { code: s.code }), warnings: s.warnings });
    void reload();
  };

  return (
    <section className="reg-screen ammo-screen" aria-labelledby="ammo-stores-title">
      <header className="reg-header">
        <h1 id="ammo-stores-title">{labels.t('store.listTitle')}</h1>
        {canManage(session) ? (
          <button type="button" className="reg-button reg-button--primary" onClick={() => setCreating(true)} data-testid="store-create">
            {labels.t('store.create')}
          </button>
        ) : null}
      </header>
      <Notice notice={notice} />
      <ErrorBanner error={error} />
      {stores === null && !error ? <p className="reg-loading">{labels.t('common.loading')}</p> : null}
      {stores?.length === 0 ? <p className="ammo-empty">{labels.t(canManage(session) ? 'store.noneManager' : 'store.none')}</p> : null}
      {stores?.length ? (
        <table className="table ammo-table" data-testid="stores-table">
          <thead>
            <tr>
              <th scope="col">{labels.field('storeCode')}</th>
              <th scope="col">{labels.field('storeName')}</th>
              <th scope="col">{labels.t('store.licenceColumn')}</th>
              <th scope="col">{labels.t('store.neqColumn')}</th>
              <th scope="col">{labels.t('store.mostHazardous')}</th>
              <th scope="col">{labels.t('store.groups')}</th>
            </tr>
          </thead>
          <tbody>
            {stores.map((s) => (
              <tr key={s.id} className={s.licenceExpired ? 'ammo-row--expired' : undefined} data-testid="store-row" data-code={s.code}>
                <td>
                  <button type="button" className="reg-link code" onClick={() => navigate({ name: 'ammoStore', id: s.id })}>
                    {s.code}
                  </button>
                </td>
                <td>{s.name}</td>
                <td>
                  <LicenceStatus store={s} />
                  <br />
                  <small className="ammo-muted">{`${s.licence.authority} · ${s.licence.reference}`}</small>
                </td>
                <td>
                  <NeqGauges store={s} compact />
                </td>
                <td>{s.mostHazardous ? labels.t('store.division', { division: s.mostHazardous }) : '—'}</td>
                <td>
                  <GroupsText store={s} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {creating ? <CreateStoreDialog onClose={() => setCreating(false)} onDone={created} /> : null}
    </section>
  );
}
