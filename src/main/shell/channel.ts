/** The IPC channels between preload and main (no 'electron' import: the preload bundles this). */
export const INVOKE_CHANNEL = 'gardien:invoke';
/** The current page printed to PDF by Chromium and saved where the user chooses. */
export const SAVE_PDF_CHANNEL = 'gardien:save-pdf';
/** A file of the exports folder (a snapshot) copied where the user chooses (a USB stick). */
export const SAVE_EXPORT_CHANNEL = 'gardien:save-export';
/** The open dialog for snapshot files or a folder of them; the paths are granted to core's import. */
export const CHOOSE_SNAPSHOTS_CHANNEL = 'gardien:choose-snapshots';
/** The open dialog for one spreadsheet to import; its path is granted to core's imports.* operations. */
export const CHOOSE_SPREADSHEET_CHANNEL = 'gardien:choose-spreadsheet';
/** The open dialog for the backups' folder; its path is granted to core's backups.configure. */
export const CHOOSE_BACKUP_FOLDER_CHANNEL = 'gardien:choose-backup-folder';
/** The open dialog for one backup file to restore; its path is granted to backups.inspect and restore. */
export const CHOOSE_BACKUP_FILE_CHANNEL = 'gardien:choose-backup-file';
