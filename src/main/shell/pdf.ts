import { BrowserWindow, dialog, type WebContents } from 'electron';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import type { SavedPdf } from '../../shared/api';
import { safePdfName } from '../../shared/pdf-name';

/** Temp file, fsync, rename: a power cut never leaves half a PDF under the name the user chose. */
function writeAtomically(path: string, data: Buffer): void {
  const temp = `${path}.${process.pid}.partial`;
  const fd = openSync(temp, 'w');
  try {
    writeSync(fd, data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/**
 * The page as it prints (CSS @page size, margins and page numbers are the document's own), saved
 * as PDF where the user chooses. Chromium's printToPDF is the same engine the tests read back.
 */
export async function savePdf(sender: WebContents, fileName: unknown): Promise<SavedPdf> {
  const win = BrowserWindow.fromWebContents(sender);
  const options = { defaultPath: safePdfName(fileName), filters: [{ name: 'PDF', extensions: ['pdf'] }] };
  const choice = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
  if (choice.canceled || !choice.filePath) return { saved: false };
  const data = await sender.printToPDF({ preferCSSPageSize: true, printBackground: true });
  writeAtomically(choice.filePath, data);
  return { saved: true, path: choice.filePath };
}
