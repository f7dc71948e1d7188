/** The IPC channels between preload and main (no 'electron' import: the preload bundles this). */
export const INVOKE_CHANNEL = 'gardien:invoke';
/** The current page printed to PDF by Chromium and saved where the user chooses. */
export const SAVE_PDF_CHANNEL = 'gardien:save-pdf';
