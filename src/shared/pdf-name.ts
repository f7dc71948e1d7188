/** A file name for a saved printout: letters, digits, dash, dot; never a path; always ".pdf". */
export function safePdfName(name: unknown): string {
  const base = typeof name === 'string' ? name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '') : '';
  const clean = base.replace(/\.pdf$/i, '').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/[-.]{2,}/g, '-').replace(/^[-.]+|[-.]+$/g, '').slice(0, 100);
  return `${clean || 'gardien'}.pdf`;
}
