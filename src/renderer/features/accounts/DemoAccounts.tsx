import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppStatus } from '../../../shared/contract/app';
import { BusyButton } from '../../components/BusyButton';
import { call } from '../../lib/client';

type DemoAccount = AppStatus['demoAccounts'][number];

/** The demo armoury's accounts (public by design) and the way back to the real armoury. */
export function DemoAccounts(props: { accounts: DemoAccount[]; onUse: (a: DemoAccount) => void; onLeave: () => Promise<void> }) {
  const { t } = useTranslation('accounts');
  const [leaving, setLeaving] = useState(false);

  const leave = async () => {
    setLeaving(true);
    await call('app.openArmoury', {});
    await props.onLeave();
  };

  return (
    <section className="demo" aria-labelledby="demo-title" data-testid="demo-accounts">
      <h2 id="demo-title">{t('demo.title')}</h2>
      <p className="hint">{t('demo.intro')}</p>
      <table className="table table--compact">
        <thead>
          <tr>
            <th scope="col">{t('field.username')}</th>
            <th scope="col">{t('field.password')}</th>
            <th scope="col">{t('field.role')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('common:actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {props.accounts.map((a) => (
            <tr key={a.username}>
              <td className="code">{a.username}</td>
              <td className="code">{a.password}</td>
              <td>{t(`enums:role.${a.role}`)}</td>
              <td>
                <button type="button" className="button button--small" onClick={() => props.onUse(a)} data-testid={`demo-use-${a.username}`}>
                  {t('demo.use')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <BusyButton type="button" className="button" busy={leaving} onClick={() => void leave()} testId="leave-demo">
        {t('demo.leave')}
      </BusyButton>
    </section>
  );
}
