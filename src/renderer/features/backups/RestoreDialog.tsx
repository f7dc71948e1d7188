import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { contract } from '../../../shared/contract';
import type { BackupContents, RestoreSummary } from '../../../shared/domain/backup';
import type { AppErrorShape } from '../../../shared/result';
import { encodeCoded } from '../../../shared/validation';
import { useAppStatus, useRefresh } from '../../app/navigation';
import { BusyButton } from '../../components/BusyButton';
import { Dialog } from '../../components/Dialog';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { call } from '../../lib/client';
import { BackupContentsFacts } from './BackupContentsFacts';
import { chooseSafely, useBackupLabels } from './labels';

const schema = contract['backups.inspect'].input.pick({ passphrase: true });

/**
 * Restore, one step after the other: choose the file, type its passphrase, see what it holds
 * (core decrypts and verifies it without touching the open database), confirm, restore. The
 * session ends with the restore: "Sign in" reloads the app on the restored register.
 */
export function RestoreDialog(props: { onClose: () => void }) {
  const { t } = useBackupLabels();
  const refresh = useRefresh();
  // The file core keeps aside is named after the open one: armoury.sqlite, or demo.sqlite.
  const base = useAppStatus().database ?? 'armoury';
  const [path, setPath] = useState<string | null>(null);
  const [contents, setContents] = useState<BackupContents | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [restoring, setRestoring] = useState(false);
  const [done, setDone] = useState<RestoreSummary | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const form = useForm({ resolver: zodResolver(schema), defaultValues: { passphrase: '' } });
  const { errors, isSubmitting } = form.formState;
  const confirmBox = useRef<HTMLInputElement>(null);
  // What the backup holds is shown: the keyboard goes on to the confirmation.
  useEffect(() => {
    if (contents?.sameArmoury) confirmBox.current?.focus();
  }, [contents]);

  const choose = async () => {
    const chosen = await chooseSafely(() => window.gardien.chooseBackupFile());
    if (chosen.path === null) return;
    setPath(chosen.path);
    setContents(null);
    setConfirmed(false);
    setError(null);
    form.reset({ passphrase: '' });
    form.setFocus('passphrase');
  };

  const inspect = form.handleSubmit(async ({ passphrase }) => {
    if (path === null) return;
    setError(null);
    setContents(null);
    const r = await call('backups.inspect', { path, passphrase });
    if (r.ok) return setContents(r.value);
    // The passphrase is what the user can fix here: its refusal goes on its field; anything about
    // the file (damaged, not a backup, from a newer Gardien) is said in full under the steps.
    const field = r.error.fields?.['passphrase'] ?? (r.error.code === 'backup_wrong_passphrase' ? { code: 'wrong_passphrase' } : null);
    if (field) form.setError('passphrase', { type: 'server', message: encodeCoded(field) }, { shouldFocus: true });
    else setError(r.error);
  });

  const restore = async () => {
    if (path === null || !contents) return;
    setError(null);
    setRestoring(true);
    try {
      const r = await call('backups.restore', { path, passphrase: form.getValues('passphrase'), allowOtherArmoury: false });
      if (r.ok) setDone(r.value);
      else setError(r.error);
    } finally {
      setRestoring(false);
    }
  };

  if (done) {
    return (
      <Dialog title={t('restore.doneTitle')} onClose={() => void refresh()} testId="restore-dialog">
        <p className="banner banner--ok" role="status" data-testid="restore-done">
          {t('restore.done', { fileName: done.restored.fileName })}
        </p>
        {done.keptAside ? (
          <p>
            {t('restore.keptAside')} <span className="code" data-testid="restore-kept-aside">{done.keptAside}</span>
          </p>
        ) : null}
        <p>{t('restore.signInAgain')}</p>
        <div className="form__actions">
          <button type="button" className="button button--primary" autoFocus onClick={() => void refresh()} data-testid="restore-sign-in">
            {t('restore.signIn')}
          </button>
        </div>
      </Dialog>
    );
  }

  const busy = isSubmitting || restoring;
  return (
    <Dialog title={t('restore.title')} onClose={() => (busy ? undefined : props.onClose())} testId="restore-dialog" className="dialog backup-dialog">
      <p>{t('restore.intro')}</p>
      <div className="backup-step">
        <h3>{t('restore.step1')}</h3>
        {path ? (
          <p className="code backup-path" data-testid="restore-path">
            {path}
          </p>
        ) : (
          <p className="hint">{t('restore.noFile')}</p>
        )}
        <button type="button" className="button" onClick={() => void choose()} disabled={busy} autoFocus data-testid="restore-choose">
          {t(path ? 'restore.chooseOther' : 'restore.choose')}
        </button>
      </div>
      {path ? (
        <form className="backup-step" onSubmit={(e) => void inspect(e)} noValidate>
          <h3>{t('restore.step2')}</h3>
          <div className="form form--inline">
            <Field id="restore-passphrase" label={t('restore.passphrase')} hint={t('restore.passphraseHint')} error={errors.passphrase} required>
              <input id="restore-passphrase" type="password" autoComplete="off" spellCheck={false} disabled={restoring} {...form.register('passphrase')} />
            </Field>
            <BusyButton busy={isSubmitting} className="button" testId="restore-inspect">
              {t('restore.inspect')}
            </BusyButton>
          </div>
        </form>
      ) : null}
      {contents ? (
        <div className="backup-step">
          <h3>{t('restore.step3')}</h3>
          <BackupContentsFacts contents={contents} />
          {contents.sameArmoury ? (
            <>
              <p className="banner backup-warning">
                <strong>{t('restore.replaces')}</strong> {t('restore.keptAsideBefore', { base })}
              </p>
              <label className="backup-tick">
                <input ref={confirmBox} type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} disabled={restoring} data-testid="restore-confirm" />
                {t('restore.confirm')}
              </label>
            </>
          ) : null}
        </div>
      ) : null}
      <ErrorBanner error={error} testId="restore-error" />
      <div className="form__actions">
        <button type="button" className="button" onClick={props.onClose} disabled={busy}>
          {t('common:cancel')}
        </button>
        {contents?.sameArmoury ? (
          <button type="button" className="button button--danger" disabled={!confirmed || busy} aria-busy={restoring} onClick={() => void restore()} data-testid="restore-submit">
            {restoring ? <span className="spinner" aria-hidden="true" /> : null}
            {t(restoring ? 'restore.running' : 'restore.submit')}
          </button>
        ) : null}
      </div>
    </Dialog>
  );
}
