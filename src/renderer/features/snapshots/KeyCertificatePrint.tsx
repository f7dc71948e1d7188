import { useTranslation } from 'react-i18next';
import type { SigningKeyInfo, SigningKeys } from '../../../shared/contract/snapshot';
import { useAppStatus, useNavigate, type PrintDoc, type Screen } from '../../app/navigation';
import { useRecord } from '../../lib/useRecord';
import { PrintDocument } from '../print/PrintDocument';
import { usePrintLabels } from '../print/labels';
import { Fingerprint } from './Fingerprint';
import './snapshots.css';

type Doc = Extract<PrintDoc, { kind: 'keyCertificate' }>;

function findKey(keys: SigningKeys, keyId: string): SigningKeyInfo | null {
  if (keys.current.keyId === keyId) return keys.current;
  return keys.next?.keyId === keyId ? keys.next : null;
}

/**
 * The paper the armoury sends to the commission with its public key: who the armoury is, the key
 * (both minisign forms) and its fingerprint in large type, what the commission does with it, and
 * the signatures of the armoury manager and of the commission officer who registers it.
 */
export function KeyCertificatePrint(props: { doc: Doc; back: Screen }) {
  const { t } = useTranslation('snapshots');
  const labels = usePrintLabels();
  const navigate = useNavigate();
  const { armoury } = useAppStatus();
  const { value: keys, failure } = useRecord('snapshots.keys', {});
  const key = keys ? findKey(keys, props.doc.keyId) : null;

  if (keys && !key) {
    return (
      <section className="print-screen">
        <div className="print-toolbar">
          <button type="button" className="reg-button" onClick={() => navigate(props.back)} data-testid="print-back" autoFocus>
            {t('certificate.back')}
          </button>
        </div>
        <p className="banner banner--error" role="alert" data-testid="certificate-not-found">
          {t('certificate.notFound')}
        </p>
      </section>
    );
  }

  const isNext = key !== null && keys?.next?.keyId === key.keyId;
  return (
    <PrintDocument
      title={t('certificate.title')}
      fileName={t('certificate.fileName', { code: armoury?.code ?? '', keyId: props.doc.keyId })}
      subtitle={t('certificate.subtitle')}
      signatures={['manager', 'commissionOfficer']}
      ready={key !== null && armoury !== null}
      error={failure}
      back={props.back}
    >
      {key && armoury ? (
        <>
          <section className="print-section">
            <h2>{t('certificate.armoury')}</h2>
            <dl className="print-facts" data-testid="certificate-armoury">
              <dt>{t('certificate.code')}</dt>
              <dd className="print-hash">{armoury.code}</dd>
              <dt>{t('certificate.name')}</dt>
              <dd>{armoury.name}</dd>
              <dt>{t('certificate.agency')}</dt>
              <dd>{t(`enums:agency.${armoury.agency}`)}</dd>
              <dt>{t('certificate.region')}</dt>
              <dd>{armoury.region}</dd>
            </dl>
          </section>
          <section className="print-section">
            <h2>{t('certificate.key')}</h2>
            <dl className="print-facts">
              <dt>{t('certificate.keyId')}</dt>
              <dd className="print-hash" data-testid="certificate-key-id">
                {key.keyId}
              </dd>
              <dt>{t('certificate.createdAt')}</dt>
              <dd>{labels.dateTime(key.createdAt)}</dd>
              <dt>{t('certificate.recordedAt')}</dt>
              <dd>{t('certificate.recordedAtValue', { seq: labels.number(key.createdSeq) })}</dd>
            </dl>
            <p data-testid="certificate-state">
              <strong>{t('certificate.state')}</strong> {isNext && keys ? t('certificate.stateNext', { previous: keys.current.keyId }) : t('certificate.stateCurrent')}
            </p>
            <p className="cert-label">{t('certificate.fingerprint')}</p>
            <Fingerprint value={key.fingerprint} className="cert-fingerprint" testId="certificate-fingerprint" />
            <p className="cert-label">{t('certificate.publicKeyLine')}</p>
            <p className="cert-key" data-testid="certificate-public-key">
              {key.publicKey}
            </p>
            <p className="cert-label">{t('certificate.publicKeyFile')}</p>
            <pre className="cert-key" data-testid="certificate-public-key-file">
              {key.publicKeyFile.trimEnd()}
            </pre>
          </section>
          <section className="print-section cert-instruction">
            <h2>{t('certificate.forCommission')}</h2>
            <p>{t('certificate.instruction')}</p>
          </section>
        </>
      ) : null}
    </PrintDocument>
  );
}
