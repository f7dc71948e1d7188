import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SigningKeyInfo } from '../../../shared/contract/snapshot';
import { canManage, useNavigate, useSession } from '../../app/navigation';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useLanguage } from '../../components/useLanguage';
import { formatDateTime } from '../../i18n/format';
import { useRecord } from '../../lib/useRecord';
import { Fingerprint } from './Fingerprint';
import { RotateKeyDialog } from './RotateKeyDialog';
import './snapshots.css';

/**
 * Settings: the armoury's signing key (and a new one a key change announced), each with its
 * fingerprint and its certificate; managers may change the key.
 */
export function SigningKeyPanel() {
  const { t } = useTranslation('snapshots');
  const session = useSession();
  const navigate = useNavigate();
  const { value: keys, failure, reload } = useRecord('snapshots.keys', {});
  const [rotating, setRotating] = useState(false);
  const [rotated, setRotated] = useState(false);
  const print = (keyId: string) => navigate({ name: 'print', doc: { kind: 'keyCertificate', keyId }, back: { name: 'settings' } });

  return (
    <section className="panel" aria-labelledby="settings-signing-key" data-testid="signing-key">
      <h2 id="settings-signing-key">{t('key.title')}</h2>
      <p className="hint">{t('key.intro')}</p>
      <ErrorBanner error={failure} />
      {keys ? (
        <>
          <KeyBlock info={keys.current} title={t('key.current')} print={t('key.certificate')} onPrint={print} testId="signing-key-current" />
          {keys.next ? (
            <KeyBlock info={keys.next} title={t('key.next')} intro={t('key.nextIntro')} print={t('key.certificateNext')} onPrint={print} testId="signing-key-next" />
          ) : null}
          {rotated ? (
            <p className="banner banner--ok" role="status" data-testid="rotate-done">
              {t('rotate.done')}
            </p>
          ) : null}
          {canManage(session) ? (
            <div className="signing-key signing-key__actions">
              <button type="button" className="button" onClick={() => setRotating(true)} data-testid="rotate-open">
                {t('rotate.open')}
              </button>
              {keys.next ? (
                <span className="hint" data-testid="rotate-waiting">
                  {t('rotate.waiting')}
                </span>
              ) : null}
            </div>
          ) : null}
        </>
      ) : null}
      {rotating ? (
        <RotateKeyDialog
          onClose={() => setRotating(false)}
          onDone={() => {
            setRotating(false);
            setRotated(true);
            void reload();
          }}
        />
      ) : null}
    </section>
  );
}

function KeyBlock(props: { info: SigningKeyInfo; title: string; intro?: string; print: string; onPrint: (keyId: string) => void; testId: string }) {
  const { t } = useTranslation('snapshots');
  const language = useLanguage();
  const { info, testId } = props;
  return (
    <div className="signing-key" data-testid={testId}>
      <h3>{props.title}</h3>
      {props.intro ? <p className="hint">{props.intro}</p> : null}
      <dl className="facts">
        <dt>{t('key.fingerprint')}</dt>
        <dd>
          <Fingerprint value={info.fingerprint} testId={`${testId}-fingerprint`} />
          <small className="hint">{t('key.fingerprintHint')}</small>
        </dd>
        <dt>{t('key.keyId')}</dt>
        <dd className="code" data-testid={`${testId}-id`}>
          {info.keyId}
        </dd>
        <dt>{t('key.createdAt')}</dt>
        <dd>{formatDateTime(info.createdAt, language)}</dd>
      </dl>
      <div className="signing-key__actions">
        <button type="button" className="button" onClick={() => props.onPrint(info.keyId)} data-testid={`${testId}-certificate`}>
          {props.print}
        </button>
      </div>
    </div>
  );
}
