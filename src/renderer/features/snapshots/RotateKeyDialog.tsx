import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../shared/contract';
import type { AppErrorShape } from '../../../shared/result';
import { BusyButton } from '../../components/BusyButton';
import { Dialog } from '../../components/Dialog';
import { ErrorBanner } from '../../components/ErrorBanner';
import { applyServerErrors } from '../../components/errors';
import { Field } from '../../components/Field';
import { call } from '../../lib/client';

const schema = contract['snapshots.rotateKey'].input;

/** A key change: why, what happens next (announcement, then the commission's acceptance), and the reason asked. */
export function RotateKeyDialog(props: { onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation('snapshots');
  const [error, setError] = useState<AppErrorShape | null>(null);
  const form = useForm({ resolver: zodResolver(schema), defaultValues: { reason: '' } });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async ({ reason }) => {
    setError(null);
    const r = await call('snapshots.rotateKey', { reason });
    if (r.ok) return props.onDone();
    if (!applyServerErrors(form.setError, r.error)) setError(r.error);
  });
  return (
    <Dialog title={t('rotate.title')} onClose={props.onClose} testId="dialog-rotate-key">
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <div>
          <p>{t('rotate.why')}</p>
          <p>{t('rotate.how')}</p>
          <p>
            <strong>{t('rotate.commission')}</strong>
          </p>
        </div>
        <Field id="rotate-reason" label={t('rotate.reason')} hint={t('rotate.reasonHint')} error={errors.reason} required>
          <textarea id="rotate-reason" autoFocus rows={2} {...form.register('reason')} />
        </Field>
        <ErrorBanner error={error} />
        <div className="form__actions">
          <button type="button" className="button" onClick={props.onClose} disabled={isSubmitting}>
            {t('common:cancel')}
          </button>
          <BusyButton busy={isSubmitting} testId="dialog-submit">
            {t('rotate.submit')}
          </BusyButton>
        </div>
      </form>
    </Dialog>
  );
}
