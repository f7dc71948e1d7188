import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppStatus } from '../../../shared/contract/app';
import type { AppErrorShape } from '../../../shared/result';
import { PublicFrame } from '../../app/PublicFrame';
import { BusyButton } from '../../components/BusyButton';
import { ErrorBanner } from '../../components/ErrorBanner';
import { call } from '../../lib/client';
import { ArmouryForm } from './ArmouryForm';
import { CommissionForm } from './CommissionForm';
import './setup.css';

/**
 * First run: no register on this PC yet. Three plain choices: create this armoury (its identity and
 * first manager), create the national commission's register (which imports the armouries'
 * snapshots), or look around in a demo armoury that never mixes with the real one.
 */
export function SetupScreen(props: { status: AppStatus; onDone: () => Promise<void> }) {
  const { t } = useTranslation('setup');
  const [mode, setMode] = useState<'welcome' | 'create' | 'commission'>('welcome');
  const [demoBusy, setDemoBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);

  if (mode === 'create') {
    return (
      <PublicFrame title={t('create.title')} wide testId="setup-create">
        <ArmouryForm onBack={() => setMode('welcome')} onDone={props.onDone} />
      </PublicFrame>
    );
  }
  if (mode === 'commission') {
    return (
      <PublicFrame title={t('commission.title')} wide testId="setup-commission">
        <CommissionForm onBack={() => setMode('welcome')} onDone={props.onDone} />
      </PublicFrame>
    );
  }

  const openDemo = async () => {
    setDemoBusy(true);
    setError(null);
    const r = await call('app.openDemo', {});
    if (!r.ok) {
      setError(r.error);
      setDemoBusy(false);
      return;
    }
    await props.onDone();
  };

  return (
    <PublicFrame title={t('welcome.title')} wide testId="setup-welcome">
      <p className="lead">{t('welcome.intro')}</p>
      <div className="choices choices--three">
        <section className="choice">
          <h2>{t('welcome.createTitle')}</h2>
          <p>{t('welcome.createText')}</p>
          <button type="button" className="button button--primary" disabled={demoBusy} onClick={() => setMode('create')} autoFocus>
            {t('welcome.createButton')}
          </button>
        </section>
        <section className="choice">
          <h2>{t('welcome.commissionTitle')}</h2>
          <p>{t('welcome.commissionText')}</p>
          <button type="button" className="button" disabled={demoBusy} onClick={() => setMode('commission')} data-testid="setup-choose-commission">
            {t('welcome.commissionButton')}
          </button>
        </section>
        <section className="choice">
          <h2>{t('welcome.demoTitle')}</h2>
          <p>{t('welcome.demoText')}</p>
          <BusyButton type="button" className="button" busy={demoBusy} busyLabel={t('welcome.demoBusy')} onClick={() => void openDemo()}>
            {t('welcome.demoButton')}
          </BusyButton>
          {demoBusy ? (
            <p className="hint" role="status" data-testid="demo-progress">
              {t('welcome.demoWait')}
            </p>
          ) : null}
        </section>
      </div>
      <ErrorBanner error={error} />
    </PublicFrame>
  );
}
