/**
 * The name of a file core wrote into the exports folder (a snapshot, a CSV), as the renderer may
 * name it: letters, digits, dash, underscore and single dots; never a path, never hidden; accents
 * dropped as in safePdfName. Null when nothing usable is left, so the caller refuses instead of
 * guessing another file.
 */
export function safeExportName(name: unknown): string | null {
  if (typeof name !== 'string') return null;
  const clean = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/[-.]{2,}/g, '-')
    .slice(0, 120)
    .replace(/^[-.]+|[-.]+$/g, '');
  return clean === '' ? null : clean;
}

/** The extension of a safe name without its dot, lower-case ('' when it has none): what the save dialog filters on. */
export function exportExtension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}
