import { expect, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';

export interface SavedDocument {
  path: string;
  /** pdftotext -layout of the whole file. */
  text: string;
  /** Pages as pdfinfo counts them. */
  pages: number;
  /** The text of each page (pdftotext separates pages with a form feed). */
  pageTexts: string[];
}

/** The text and page count of a PDF file, read back with poppler's pdftotext and pdfinfo. */
export function readPdf(path: string): Omit<SavedDocument, 'path'> {
  const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? NaN);
  const pageTexts = text.split('\f').slice(0, pages);
  return { text, pages, pageTexts };
}

/**
 * Saves the open printed document as the user does ("Save as PDF" in the toolbar: Chromium's
 * printToPDF of the page) once its data is in, and reads the file back.
 */
export async function saveDocument(page: Page): Promise<SavedDocument> {
  await expect(page.getByTestId('print-document')).toHaveAttribute('data-ready', 'true', { timeout: 60_000 });
  return savePdf(page);
}

/** Clicks the screen's "Save as PDF" (a document's toolbar, the stock card, the receipt, weapons out) and reads the file back. */
export async function savePdf(page: Page): Promise<SavedDocument> {
  await page.getByTestId('print-save-pdf').click();
  const saved = page.getByTestId('print-saved');
  await expect(saved).toBeVisible({ timeout: 120_000 });
  const path = await saved.getAttribute('data-path');
  if (!path) throw new Error('no PDF path shown');
  return { path, ...readPdf(path) };
}
