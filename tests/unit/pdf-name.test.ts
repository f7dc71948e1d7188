import { describe, expect, it } from 'vitest';
import { safePdfName } from '../../src/shared/pdf-name';

describe('the name a saved printout is offered under', () => {
  it('keeps a document name readable, without accents, always .pdf', () => {
    expect(safePdfName('état-mensuel-2026-10')).toBe('etat-mensuel-2026-10.pdf');
    expect(safePdfName('Registre des armes ML-BKO-01.pdf')).toBe('Registre-des-armes-ML-BKO-01.pdf');
  });

  it('never lets a name from the page choose a folder', () => {
    expect(safePdfName('../../etc/passwd')).toBe('etc-passwd.pdf');
    expect(safePdfName('C:\\Windows\\system32\\x')).toBe('C-Windows-system32-x.pdf');
    expect(safePdfName('/tmp/.hidden')).toBe('tmp-hidden.pdf');
    expect(safePdfName('état mensuel/../2026-10')).toBe('etat-mensuel-2026-10.pdf');
  });

  it('falls back to a plain name for anything that is not text or is empty', () => {
    expect(safePdfName(undefined)).toBe('gardien.pdf');
    expect(safePdfName(42)).toBe('gardien.pdf');
    expect(safePdfName('…/…')).toBe('gardien.pdf');
    expect(safePdfName('x'.repeat(500))).toBe(`${'x'.repeat(100)}.pdf`);
  });
});
