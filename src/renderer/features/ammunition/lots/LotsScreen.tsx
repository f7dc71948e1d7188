import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LotRow, MovementResult } from '../../../../shared/contract/ammunition';
import type { AppErrorShape } from '../../../../shared/result';
import { canWrite, useNavigate, useSession } from '../../../app/navigation';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { ExportMenu } from '../../../components/ExportMenu';
import { call } from '../../../lib/client';
import { useDebounced } from '../../register/list/useDebounced';
import { useAmmoLabels } from '../labels';
import { IssueDialog } from '../movements/IssueDialog';
import { Notice, type NoticeValue } from '../Notice';
import { storeOptionText } from '../PlaceFields';
import { useStores } from '../useStores';
import { LotTable } from './LotTable';

/** Lots searched by number, nature or calibre, filtered by store, due for inspection or suspended. */
export function LotsScreen(props: { filter?: 'due' | 'suspended' | undefined; storeId?: number | undefined }) {
  const labels = useAmmoLabels();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useSession();
  const { stores } = useStores();
  const [search, setSearch] = useState('');
  const [storeId, setStoreId] = useState(props.storeId ? String(props.storeId) : '');
  const [dueOnly, setDueOnly] = useState(props.filter === 'due');
  const [suspendedOnly, setSuspendedOnly] = useState(props.filter === 'suspended');
  const [lots, setLots] = useState<LotRow[] | null>(null);
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const [issuing, setIssuing] = useState(false);
  const [notice, setNotice] = useState<NoticeValue | null>(null);
  const [version, setVersion] = useState(0);
  const typed = useDebounced(search, 200);

  useEffect(() => {
    let live = true;
    const query = { search: typed.trim(), dueOnly, suspendedOnly, ...(storeId ? { storeId: Number(storeId) } : {}) };
    void call('lots.list', query).then((r) => {
      if (!live) return;
      if (r.ok) {
        setLots(r.value);
        setFailure(null);
      } else setFailure(r.error);
    });
    return () => {
      live = false;
    };
  }, [typed, storeId, dueOnly, suspendedOnly, version]);

  const issued = (r: MovementResult) => {
    setIssuing(false);
    setNotice({ text: labels.t('movementDone.issue'), warnings: r.warnings });
    setVersion((v) => v + 1);
  };

  // A lot number typed (or scanned) in full, then Enter: straight to its stock card.
  const onEnter = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter' || !lots) return;
    const typedNumber = search.trim().toLowerCase();
    const exact = lots.find((l) => l.lotNumber.toLowerCase() === typedNumber);
    const target = exact ?? (lots.length === 1 ? lots[0] : undefined);
    if (target) navigate({ name: 'ammoLot', id: target.id });
  };

  return (
    <section className="reg-screen ammo-screen" aria-labelledby="ammo-lots-title">
      <header className="reg-header">
        <h1 id="ammo-lots-title">{labels.t('lot.listTitle')}</h1>
        {canWrite(session) ? (
          <>
            <button type="button" className="reg-button reg-button--primary" onClick={() => setIssuing(true)} data-testid="lots-issue">
              {labels.t('movement.issue')}
            </button>
            <button type="button" className="reg-button" onClick={() => navigate({ name: 'ammoReceive' })}>
              {labels.t('tabs.ammoReceive')}
            </button>
            <button type="button" className="reg-button" title={t('imports:open.hint')} onClick={() => navigate({ name: 'import', kind: 'lots' })} data-testid="lots-import">
              {t('imports:open.button')}
            </button>
          </>
        ) : null}
        <ExportMenu request={{ kind: 'lots', query: { search: typed.trim(), dueOnly, suspendedOnly, ...(storeId ? { storeId: Number(storeId) } : {}) } }} testId="lots-export" />
      </header>
      <Notice notice={notice} />
      <div className="reg-toolbar" role="search">
        <label className="reg-search">
          <span>{labels.t('lot.search')}</span>
          <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} maxLength={60} placeholder={labels.t('lot.searchPlaceholder')} autoFocus onKeyDown={onEnter} data-testid="lots-search" />
        </label>
        <div className="reg-filters">
          <label className="reg-filter">
            <span>{labels.field('store')}</span>
            <select value={storeId} onChange={(e) => setStoreId(e.target.value)} data-testid="lots-store">
              <option value="">{labels.t('lot.anyStore')}</option>
              {(stores ?? []).map((s) => (
                <option key={s.id} value={String(s.id)}>
                  {storeOptionText(labels, s)}
                </option>
              ))}
            </select>
          </label>
          <label className="ammo-check">
            <input type="checkbox" checked={dueOnly} onChange={(e) => setDueOnly(e.target.checked)} data-testid="lots-due" />
            {labels.t('lot.dueOnly')}
          </label>
          <label className="ammo-check">
            <input type="checkbox" checked={suspendedOnly} onChange={(e) => setSuspendedOnly(e.target.checked)} data-testid="lots-suspended" />
            {labels.t('lot.suspendedOnly')}
          </label>
        </div>
      </div>
      <ErrorBanner error={failure} />
      {lots ? <p className="reg-search__status">{labels.t('lot.count', { count: lots.length, n: labels.number(lots.length) })}</p> : null}
      {lots === null && !failure ? <p className="reg-loading">{labels.t('common.loading')}</p> : null}
      {lots?.length ? <LotTable lots={lots} /> : null}
      {lots?.length === 0 ? <p className="ammo-empty">{labels.t('lot.none')}</p> : null}
      {issuing ? <IssueDialog onClose={() => setIssuing(false)} onDone={issued} /> : null}
    </section>
  );
}
