import { useCallback, useEffect, useState } from 'react';
import type { KeyRow } from '../../../../shared/contract/custody';
import type { AppErrorShape } from '../../../../shared/result';
import { canManage, useSession } from '../../../app/navigation';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { call } from '../../../lib/client';
import '../handover/handover.css';
import { useHandoverLabels } from '../handover/labels';
import { RegisterKeyDialog } from './RegisterKeyDialog';

/**
 * The key register (registre des clés): every key, what it opens, who holds it and since when.
 * Keys change hands with the shift handover; managers register new ones.
 */
export function KeysScreen() {
  const labels = useHandoverLabels();
  const session = useSession();
  const [keys, setKeys] = useState<KeyRow[] | null>(null);
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState('');

  const load = useCallback(async () => {
    const r = await call('keys.list', {});
    if (r.ok) setKeys(r.value);
    else setFailure(r.error);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section className="reg-screen ho-screen" aria-labelledby="keys-title" data-testid="keys">
      <header className="reg-header">
        <h1 id="keys-title">{labels.t('keys.title')}</h1>
        {canManage(session) ? (
          <button
            type="button"
            className="reg-button reg-button--primary"
            onClick={() => {
              setNotice('');
              setAdding(true);
            }}
            data-testid="key-register"
          >
            {labels.t('keys.register')}
          </button>
        ) : null}
      </header>
      <p className="ho-muted">{labels.t('keys.intro')}</p>
      <p className="reg-notice" role="status" data-testid="keys-notice">
        {notice}
      </p>
      <ErrorBanner error={failure} />
      {keys === null ? (
        failure ? null : (
          <p className="reg-loading">{labels.t('common.loading')}</p>
        )
      ) : keys.length === 0 ? (
        <p className="ho-empty">{labels.t('keys.empty')}</p>
      ) : (
        <table className="table table--compact ho-table" data-testid="keys-table">
          <thead>
            <tr>
              <th scope="col">{labels.t('keys.code')}</th>
              <th scope="col">{labels.t('keys.opens')}</th>
              <th scope="col">{labels.t('keys.holder')}</th>
              <th scope="col">{labels.t('keys.since')}</th>
            </tr>
          </thead>
          <tbody>
            {keys.map((k) => (
              <tr key={k.id} data-testid="key-row" data-code={k.code} data-holder={k.holder?.username ?? ''}>
                <td className="code">{k.code}</td>
                <td>{k.opens}</td>
                <td>{k.holder ? labels.actor(k.holder) : <span className="ho-muted">{labels.t('keys.noHolder')}</span>}</td>
                <td>
                  <time dateTime={k.since}>{labels.dateTime(k.since)}</time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {adding ? (
        <RegisterKeyDialog
          onClose={() => setAdding(false)}
          onDone={(k) => {
            setAdding(false);
            setNotice(labels.t('keys.registered', { code: k.code }));
            void load();
          }}
        />
      ) : null}
    </section>
  );
}
