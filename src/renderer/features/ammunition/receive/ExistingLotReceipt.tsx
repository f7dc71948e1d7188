import { useEffect, useState } from 'react';
import type { LotDossier, LotRow, MovementResult } from '../../../../shared/contract/ammunition';
import { useNavigate } from '../../../app/navigation';
import { call } from '../../../lib/client';
import { useDebounced } from '../../register/list/useDebounced';
import { useAmmoLabels } from '../labels';
import { MovementDialog } from '../movements/MovementDialog';
import { passNotice } from '../Notice';

/** More of a lot already held: find it by number, nature or calibre, then record the receipt. */
export function ExistingLotReceipt() {
  const labels = useAmmoLabels();
  const navigate = useNavigate();
  const [search, setSearch] = useState('');
  const typed = useDebounced(search, 200);
  const [lots, setLots] = useState<LotRow[]>([]);
  const [dossier, setDossier] = useState<LotDossier | null>(null);

  useEffect(() => {
    let live = true;
    void call('lots.list', { search: typed.trim() }).then((r) => live && r.ok && setLots(r.value.slice(0, 20)));
    return () => {
      live = false;
    };
  }, [typed]);

  const pick = async (id: number) => {
    const r = await call('lots.get', { id });
    if (r.ok) setDossier(r.value);
  };
  const done = (r: MovementResult) => {
    passNotice({ text: labels.t('movementDone.receive'), warnings: r.warnings });
    navigate({ name: 'ammoLot', id: r.lotId });
  };

  return (
    <div className="ammo-existing">
      <label className="reg-search">
        <span>{labels.t('receive.findLot')}</span>
        <input type="search" value={search} autoFocus onChange={(e) => setSearch(e.target.value)} placeholder={labels.t('lot.searchPlaceholder')} data-testid="receive-find" />
      </label>
      <ul className="ammo-pick-list">
        {lots.map((l) => (
          <li key={l.id}>
            <button type="button" className="reg-button" onClick={() => void pick(l.id)} data-testid="receive-pick">
              <strong>{labels.lotName(l)}</strong> · {l.nature} · {l.calibre} · {labels.rounds(l.total)}
            </button>
          </li>
        ))}
      </ul>
      {lots.length === 0 ? <p className="ammo-muted">{labels.t('lot.none')}</p> : null}
      {dossier ? <MovementDialog movement="receive" lot={dossier.lot} balances={dossier.balances} onClose={() => setDossier(null)} onDone={done} /> : null}
    </div>
  );
}
