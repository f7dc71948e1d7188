import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserRow } from '../../../shared/domain/accounts';
import type { AppErrorShape } from '../../../shared/result';
import { useRefresh, useSession } from '../../app/navigation';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useLanguage } from '../../components/useLanguage';
import { formatDateTime } from '../../i18n/format';
import { call } from '../../lib/client';
import { CreateUserDialog, DisableDialog, ResetPasswordDialog, RoleDialog } from './UserDialogs';
import { useRoleLabel } from '../../components/useRoleLabel';

type Open = { kind: 'create' } | { kind: 'role' | 'password' | 'disable'; user: UserRow };

/**
 * Managers' list of accounts, active first. Accounts are never deleted: their names are actors in
 * the journal, so leaving staff are disabled with a reason and can be enabled again.
 */
export function UsersScreen() {
  const { t } = useTranslation('accounts');
  const roleLabel = useRoleLabel();
  const language = useLanguage();
  const session = useSession();
  const refresh = useRefresh();
  const [users, setUsers] = useState<UserRow[] | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [open, setOpen] = useState<Open | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const load = useCallback(async () => {
    const r = await call('users.list', {});
    if (r.ok) setUsers(r.value);
    else setError(r.error);
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const finished = (message: string) => {
    setOpen(null);
    setError(null);
    setDone(message);
    void load();
    // Core applies a role change at once, the signed-in manager's own included: follow it.
    void refresh();
  };

  const enable = async (user: UserRow) => {
    setDone(null);
    const r = await call('users.enable', { userId: user.id });
    if (r.ok) finished(t('users.enabled', { username: user.username }));
    else setError(r.error);
  };

  const active = users?.filter((u) => u.active).length ?? 0;
  const disabled = (users?.length ?? 0) - active;

  return (
    <section className="page" aria-labelledby="users-title">
      <div className="page__head">
        <h1 id="users-title">{t('users.title')}</h1>
        <button type="button" className="button button--primary" onClick={() => setOpen({ kind: 'create' })} data-testid="user-create">
          {t('users.create')}
        </button>
      </div>
      <p className="hint">{t('users.intro')}</p>
      {users ? (
        <p data-testid="users-summary">
          {t('users.activeCount', { count: active })}
          {disabled > 0 ? ` · ${t('users.disabledCount', { count: disabled })}` : ''}
        </p>
      ) : null}
      {done ? (
        <p className="banner banner--ok" role="status" data-testid="users-done">
          {done}
        </p>
      ) : null}
      <ErrorBanner error={error} />
      {users ? (
        <table className="table" data-testid="users-table">
          <thead>
            <tr>
              <th scope="col">{t('field.username')}</th>
              <th scope="col">{t('field.fullName')}</th>
              <th scope="col">{t('field.role')}</th>
              <th scope="col">{t('field.state')}</th>
              <th scope="col">{t('field.createdAt')}</th>
              <th scope="col">{t('common:actions')}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id} className={u.active ? undefined : 'row--muted'} data-testid={`user-row-${u.username}`}>
                <td className="code">{u.username}</td>
                <td>{u.fullName}</td>
                <td>{roleLabel(u.role)}</td>
                <td>
                  <span className={`badge ${u.active ? 'badge--ok' : 'badge--off'}`}>{t(u.active ? 'users.active' : 'users.inactive')}</span>
                </td>
                <td>{formatDateTime(u.createdAt, language)}</td>
                <td>
                  <div className="actions">
                    {u.active ? (
                      <>
                        <button type="button" className="button button--small" onClick={() => setOpen({ kind: 'role', user: u })}>
                          {t('users.changeRole')}
                        </button>
                        <button type="button" className="button button--small" onClick={() => setOpen({ kind: 'password', user: u })}>
                          {t('users.resetPassword')}
                        </button>
                        {/* Disabling oneself would end this session mid-task; another manager can. */}
                        {u.id !== session.userId ? (
                          <button type="button" className="button button--small button--danger" onClick={() => setOpen({ kind: 'disable', user: u })}>
                            {t('users.disable')}
                          </button>
                        ) : null}
                      </>
                    ) : (
                      <button type="button" className="button button--small" onClick={() => void enable(u)}>
                        {t('users.enable')}
                      </button>
                    )}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="loading">{t('common:loading')}</p>
      )}
      {open?.kind === 'create' ? <CreateUserDialog onClose={() => setOpen(null)} onDone={finished} /> : null}
      {open?.kind === 'role' ? <RoleDialog user={open.user} onClose={() => setOpen(null)} onDone={finished} /> : null}
      {open?.kind === 'password' ? <ResetPasswordDialog user={open.user} onClose={() => setOpen(null)} onDone={finished} /> : null}
      {open?.kind === 'disable' ? <DisableDialog user={open.user} onClose={() => setOpen(null)} onDone={finished} /> : null}
    </section>
  );
}
