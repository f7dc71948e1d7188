import { BrowserWindow, dialog, type OpenDialogOptions, type WebContents } from 'electron';
import type { AskOpenPaths } from './choose-snapshots';
import type { AskSavePath } from './export-file';

/** The save dialog, modal to the window that asked (export-file.ts does the rest). */
export function askSavePath(sender: WebContents): AskSavePath {
  return async (options) => {
    const win = BrowserWindow.fromWebContents(sender);
    const choice = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    return choice.canceled || !choice.filePath ? null : choice.filePath;
  };
}

/** The open dialog for several files of one kind, or for one folder (choose-snapshots.ts does the rest). */
export function askOpenPaths(sender: WebContents): AskOpenPaths {
  return async ({ folder, filters }) => {
    const options: OpenDialogOptions = folder
      ? { properties: ['openDirectory'] }
      : { properties: ['openFile', 'multiSelections'], filters };
    const win = BrowserWindow.fromWebContents(sender);
    const choice = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    return choice.canceled ? null : choice.filePaths;
  };
}
