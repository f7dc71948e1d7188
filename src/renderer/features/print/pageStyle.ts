/** Quotes text for a CSS `content` string. */
export const cssString = (text: string) => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/[\n\r]/g, ' ')}"`;

/**
 * The @page rule of one document: A4 in its orientation, the document's name and armoury code at
 * the foot of every page, and "page x / y" from CSS paged media counters, in the chosen language.
 * `pageOf` is the translated template with the markers `\u0000` (page) and `\u0001` (pages).
 */
export function pageStyle(options: { orientation: 'portrait' | 'landscape'; footer: string; pageOf: string }): string {
  const [before = '', after = ''] = options.pageOf.split('\u0000');
  const [middle = '', end = ''] = after.split('\u0001');
  const pages = `${cssString(before)} counter(page) ${cssString(middle)} counter(pages) ${cssString(end)}`;
  return `@media print { @page { size: A4 ${options.orientation}; margin: 12mm 11mm 15mm;
  @bottom-left { content: ${cssString(options.footer)}; font-size: 7.5pt; }
  @bottom-right { content: ${pages}; font-size: 7.5pt; } } }`;
}
