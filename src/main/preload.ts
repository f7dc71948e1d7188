import { contextBridge, ipcRenderer } from 'electron';
import type { GardienApi } from '../shared/api';
import { isOperationName } from '../shared/contract/operations';
import {
  CHOOSE_BACKUP_FILE_CHANNEL, CHOOSE_BACKUP_FOLDER_CHANNEL, CHOOSE_SNAPSHOTS_CHANNEL, CHOOSE_SPREADSHEET_CHANNEL, INVOKE_CHANNEL, SAVE_EXPORT_CHANNEL, SAVE_PDF_CHANNEL,
} from './shell/channel';

/**
 * The renderer's only door to the core: `window.gardien.invoke(op, input)` for the contract's named
 * operations, `savePdf(name)` to save the page being printed, `saveExport(name)` to copy a file of
 * the exports folder, `chooseSnapshots(folder)` and `chooseSpreadsheet()` for the imports' open dialogs,
 * `chooseBackupFolder()` and `chooseBackupFile()` for the backups'; nothing else. No
 * ipcRenderer, no process, no events: a script injected into the page can at most call operations
 * the signed-in user may already perform or open a dialog the user must answer, and main checks the
 * sender and core checks the input and the role again.
 */
const api = {
  invoke: (op, input) => {
    if (!isOperationName(op)) return Promise.reject(new Error(`unknown operation ${String(op).slice(0, 64)}`));
    return ipcRenderer.invoke(INVOKE_CHANNEL, op, input);
  },
  savePdf: (fileName) => ipcRenderer.invoke(SAVE_PDF_CHANNEL, String(fileName).slice(0, 200)),
  saveExport: (fileName) => ipcRenderer.invoke(SAVE_EXPORT_CHANNEL, String(fileName).slice(0, 200)),
  chooseSnapshots: (folder) => ipcRenderer.invoke(CHOOSE_SNAPSHOTS_CHANNEL, folder === true),
  chooseSpreadsheet: () => ipcRenderer.invoke(CHOOSE_SPREADSHEET_CHANNEL),
  chooseBackupFolder: () => ipcRenderer.invoke(CHOOSE_BACKUP_FOLDER_CHANNEL),
  chooseBackupFile: () => ipcRenderer.invoke(CHOOSE_BACKUP_FILE_CHANNEL),
} satisfies GardienApi;

contextBridge.exposeInMainWorld('gardien', api);
