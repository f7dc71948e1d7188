import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Coded } from '../../../shared/result';
import { PublicFrame } from '../../app/PublicFrame';
import { BusyButton } from '../../components/BusyButton';

/** Codes with their own explanation; anything else gets the general one plus its error message. */
const EXPLAINED = ['database_from_future', 'database_corrupt'] as const;

/**
 * The armoury database could not be opened. Says what happened and what to do, offers the details
 * for support, and never offers to delete or recreate anything: the register is the evidence.
 */
export function StartupErrorScreen(props: { error: Coded | null; onRetry: () => Promise<void> }) {
  const { t } = useTranslation('setup');
  const [copied, setCopied] = useState(false);
  const [retrying, setRetrying] = useState(false);
  const detailsRef = useRef<HTMLTextAreaElement>(null);
  const error = props.error ?? { code: 'internal' };
  const params = { ...(error.params ?? {}) };
  const known = (EXPLAINED as readonly string[]).includes(error.code);

  const details = [
    `code: ${error.code}`,
    ...Object.entries(params).map(([k, v]) => `${k}: ${String(v)}`),
    `time: ${new Date().toISOString()}`,
    `agent: ${navigator.userAgent}`,
  ].join('\n');

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(details);
    } catch {
      // No clipboard permission (some shells): select the text and use the legacy copy command.
      detailsRef.current?.select();
      document.execCommand('copy');
    }
    setCopied(true);
  };

  const retry = async () => {
    setRetrying(true);
    setCopied(false);
    await props.onRetry();
    setRetrying(false);
  };

  return (
    <PublicFrame title={t(known ? `startupError.${error.code}.title` : 'startupError.other.title')} wide testId="startup-error">
      <div className="banner banner--error" role="alert">
        {known ? (
          <>
            <p>{t(`startupError.${error.code}.what`, params)}</p>
            <p>{t(`startupError.${error.code}.todo`, params)}</p>
          </>
        ) : (
          <>
            <p>{t('startupError.other.what')}</p>
            <p>{t(`errors:${error.code}`, params)}</p>
          </>
        )}
      </div>
      <p className="lead" data-testid="startup-error-safe">
        {t('startupError.nothingChanged')}
      </p>
      <label htmlFor="error-details" className="label">
        {t('startupError.details')}
      </label>
      <textarea id="error-details" ref={detailsRef} className="details" readOnly rows={5} value={details} />
      <div className="form__actions">
        <button type="button" className="button button--primary" onClick={() => void copy()} data-testid="copy-details">
          {t('startupError.copy')}
        </button>
        <BusyButton type="button" className="button" busy={retrying} onClick={() => void retry()}>
          {t('startupError.retry')}
        </BusyButton>
        {copied ? (
          <span className="hint" role="status">
            {t('startupError.copied')}
          </span>
        ) : null}
      </div>
    </PublicFrame>
  );
}
