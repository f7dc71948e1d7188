import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { contract } from '../../../shared/contract';
import { PASSPHRASE_MIN, type BackupStatus } from '../../../shared/domain/backup';
import type { AppErrorShape } from '../../../shared/result';
import { BusyButton } from '../../components/BusyButton';
import { ErrorBanner } from '../../components/ErrorBanner';
import { applyServerErrors } from '../../components/errors';
import { Field } from '../../components/Field';
import type { z } from '../../../shared/validation';
import { call } from '../../lib/client';
import { useBackupLabels } from './labels';

const schema = contract['backups.configure'].input;
const EMPTY = { passphrase: '', confirm: '' };

/**
 * Sets or changes the passphrase backups are encrypted with. Typed twice, never shown again (core
 * keeps only a key derived from it on this PC): the screen says plainly that it cannot be recovered.
 */
export function PassphraseForm(props: { status: BackupStatus; onSaved: (status: BackupStatus) => void }) {
  const { t } = useBackupLabels();
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [saved, setSaved] = useState(false);
  const form = useForm<z.input<typeof schema>, unknown, z.output<typeof schema>>({ resolver: zodResolver(schema), defaultValues: EMPTY });
  const { errors, isSubmitting } = form.formState;
  const isSet = props.status.passphraseSet;

  const submit = form.handleSubmit(async (values) => {
    setSaved(false);
    setError(null);
    const r = await call('backups.configure', { passphrase: values.passphrase ?? '', confirm: values.confirm ?? '' });
    if (!r.ok) {
      if (!applyServerErrors(form.setError, r.error)) setError(r.error);
      return;
    }
    form.reset(EMPTY);
    setSaved(true);
    props.onSaved(r.value);
  });

  return (
    <form className="backup-block" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="backup-passphrase-title" data-testid="backup-passphrase">
      <h3 id="backup-passphrase-title">{t('passphrase.title')}</h3>
      <p>{t('passphrase.intro')}</p>
      <p className="banner backup-warning">
        <strong>{t('passphrase.warning')}</strong>
      </p>
      <p data-testid="backup-passphrase-state">{t(isSet ? 'passphrase.isSet' : 'passphrase.notSet')}</p>
      <div className="form form--inline">
        <Field id="backup-passphrase" label={t('passphrase.new')} hint={t('passphrase.newHint', { min: PASSPHRASE_MIN })} error={errors.passphrase} required>
          <input id="backup-passphrase" type="password" autoComplete="new-password" spellCheck={false} {...form.register('passphrase')} />
        </Field>
        <Field id="backup-confirm" label={t('passphrase.confirm')} error={errors.confirm} required>
          <input id="backup-confirm" type="password" autoComplete="new-password" spellCheck={false} {...form.register('confirm')} />
        </Field>
        <BusyButton busy={isSubmitting} className="button" testId="backup-passphrase-save">
          {t(isSet ? 'passphrase.change' : 'passphrase.set')}
        </BusyButton>
      </div>
      {isSet ? <p className="hint">{t('passphrase.changeHint')}</p> : null}
      {saved ? (
        <p className="banner banner--ok" role="status" data-testid="backup-passphrase-saved">
          {t('passphrase.saved')}
        </p>
      ) : null}
      <ErrorBanner error={error} />
    </form>
  );
}
