import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { Result } from '../../shared/result';
import {
  CHOOSE_BACKUP_FILE_CHANNEL, CHOOSE_BACKUP_FOLDER_CHANNEL, CHOOSE_SNAPSHOTS_CHANNEL, CHOOSE_SPREADSHEET_CHANNEL, INVOKE_CHANNEL, SAVE_EXPORT_CHANNEL, SAVE_PDF_CHANNEL,
} from './channel';
import { chooseBackupFile, chooseBackupFolder, type BackupGrants } from './choose-backups';
import { chooseSnapshots, type ImportGrants } from './choose-snapshots';
import { chooseSpreadsheet } from './choose-spreadsheet';
import { askOpenPaths, askSavePath } from './dialogs';
import { saveExport } from './export-file';
import { savePdf } from './pdf';
import { isAppUrl } from './security';

export type InvokeHandler = (op: unknown, input: unknown) => Promise<Result<unknown>>;

const FORBIDDEN: Result<never> = {
  ok: false,
  error: { kind: 'forbidden', code: 'forbidden', message: 'IPC call from a frame that is not the app' },
};
const INTERNAL: Result<never> = { ok: false, error: { kind: 'internal', code: 'internal', message: 'internal error' } };

/** The sender's URL, or null when the frame is gone, is a sub-frame, or cannot be read. */
function senderUrl(event: IpcMainInvokeEvent): string | null {
  try {
    const frame = event.senderFrame;
    if (!frame || frame.isDestroyed() || frame.parent !== null) return null;
    return frame.url;
  } catch {
    return null; // a disposed frame throws on access
  }
}

/**
 * The only place that calls ipcMain.handle. Checks who is calling (the app's own top frame, by
 * parsed URL) before anything reaches the core router; never throws back into the renderer.
 * Logs the operation name only: inputs can hold passwords.
 */
export function registerTrustedHandler(
  channel: typeof INVOKE_CHANNEL,
  handler: InvokeHandler,
  devOrigin: string | null,
): void {
  ipcMain.handle(channel, async (event, op: unknown, input: unknown): Promise<Result<unknown>> => {
    const url = senderUrl(event);
    if (url === null || !isAppUrl(url, devOrigin)) {
      console.warn(`[gardien] refused IPC ${String(op).slice(0, 64)} from ${url === null ? 'an unknown frame' : url.slice(0, 200)}`);
      return FORBIDDEN;
    }
    try {
      return await handler(op, input);
    } catch (error) {
      console.error(`[gardien] IPC ${String(op).slice(0, 64)} failed`, error);
      return INTERNAL;
    }
  });
}

/** Saving the printed page as PDF: same sender check; a failure is reported, never thrown. */
export function registerSavePdf(devOrigin: string | null): void {
  ipcMain.handle(SAVE_PDF_CHANNEL, async (event, fileName: unknown) => {
    const url = senderUrl(event);
    if (url === null || !isAppUrl(url, devOrigin)) return { saved: false };
    try {
      return await savePdf(event.sender, fileName);
    } catch (error) {
      console.error('[gardien] saving a PDF failed', error);
      return { saved: false };
    }
  });
}

/** Copying an exported file to where the user chooses: same sender check; a failure is reported, never thrown. */
export function registerSaveExport(devOrigin: string | null, dataDir: string): void {
  ipcMain.handle(SAVE_EXPORT_CHANNEL, async (event, fileName: unknown) => {
    const url = senderUrl(event);
    if (url === null || !isAppUrl(url, devOrigin)) return { saved: false };
    try {
      return await saveExport(dataDir, fileName, askSavePath(event.sender));
    } catch (error) {
      console.error('[gardien] saving an export failed', error);
      return { saved: false, error: 'write_failed' };
    }
  });
}

/** Choosing snapshot files or a folder for an import: same sender check; nothing is granted to another frame. */
export function registerChooseSnapshots(devOrigin: string | null, grants: ImportGrants): void {
  ipcMain.handle(CHOOSE_SNAPSHOTS_CHANNEL, async (event, folder: unknown) => {
    const url = senderUrl(event);
    if (url === null || !isAppUrl(url, devOrigin)) return { paths: [] };
    try {
      return await chooseSnapshots(folder === true, askOpenPaths(event.sender), grants);
    } catch (error) {
      console.error('[gardien] choosing snapshots failed', error);
      return { paths: [] };
    }
  });
}

/** Choosing a spreadsheet to import: same sender check; the one chosen path is granted. */
export function registerChooseSpreadsheet(devOrigin: string | null, grants: ImportGrants): void {
  ipcMain.handle(CHOOSE_SPREADSHEET_CHANNEL, async (event) => {
    const url = senderUrl(event);
    if (url === null || !isAppUrl(url, devOrigin)) return { paths: [] };
    try {
      return await chooseSpreadsheet(askOpenPaths(event.sender), grants);
    } catch (error) {
      console.error('[gardien] choosing a spreadsheet failed', error);
      return { paths: [] };
    }
  });
}

/** Choosing the backups' folder and a backup file to restore: same sender check; the one chosen path is granted. */
export function registerChooseBackups(devOrigin: string | null, grants: BackupGrants): void {
  const channels = [
    [CHOOSE_BACKUP_FOLDER_CHANNEL, chooseBackupFolder],
    [CHOOSE_BACKUP_FILE_CHANNEL, chooseBackupFile],
  ] as const;
  for (const [channel, choose] of channels) {
    ipcMain.handle(channel, async (event) => {
      const url = senderUrl(event);
      if (url === null || !isAppUrl(url, devOrigin)) return { path: null };
      try {
        return await choose(askOpenPaths(event.sender), grants);
      } catch (error) {
        console.error(`[gardien] ${channel} failed`, error);
        return { path: null };
      }
    });
  }
}
