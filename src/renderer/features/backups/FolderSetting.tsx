import { useState } from 'react';
import type { BackupStatus } from '../../../shared/domain/backup';
import type { AppErrorShape, Coded } from '../../../shared/result';
import { BusyButton } from '../../components/BusyButton';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useErrorText } from '../../components/errors';
import { call } from '../../lib/client';
import { chooseSafely, useBackupLabels } from './labels';

/**
 * The backups' folder: the system's folder dialog (the shell grants the chosen path to core), then
 * saved at once; core checks it can write there and says so on the field.
 */
export function FolderSetting(props: { status: BackupStatus; onSaved: (status: BackupStatus) => void }) {
  const { t } = useBackupLabels();
  const errors = useErrorText();
  const [busy, setBusy] = useState(false);
  const [fieldError, setFieldError] = useState<Coded | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [saved, setSaved] = useState(false);
  const folder = props.status.folder;

  const choose = async () => {
    setSaved(false);
    setFieldError(null);
    setError(null);
    setBusy(true);
    try {
      const chosen = await chooseSafely(() => window.gardien.chooseBackupFolder());
      if (chosen.path === null) return;
      const r = await call('backups.configure', { folder: chosen.path });
      if (r.ok) {
        setSaved(true);
        props.onSaved(r.value);
      } else if (r.error.fields?.['folder']) setFieldError(r.error.fields['folder']);
      else setError(r.error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="backup-block" data-testid="backup-folder">
      <h3 id="backup-folder-title">{t('folder.title')}</h3>
      <div className={`field${fieldError ? ' field--error' : ''}`}>
        {folder ? (
          <p className="code backup-path" data-testid="backup-folder-path">
            {folder}
          </p>
        ) : (
          <p className="hint" data-testid="backup-folder-path">
            {t('folder.none')}
          </p>
        )}
        <div className="form__actions">
          <BusyButton type="button" className="button" busy={busy} onClick={() => void choose()} testId="backup-folder-choose">
            {t(folder ? 'folder.change' : 'folder.choose')}
          </BusyButton>
          {saved ? (
            <span className="hint" role="status" data-testid="backup-folder-saved">
              {t('folder.saved')}
            </span>
          ) : null}
        </div>
        {fieldError ? (
          <small className="field__error" role="alert" data-testid="error-backup-folder">
            {errors.field(fieldError)}
          </small>
        ) : (
          <small className="field__hint">{t('folder.hint')}</small>
        )}
      </div>
      <ErrorBanner error={error} />
    </div>
  );
}
