import { useCallback, useState } from 'react';
import type { SavedPdf } from '../../shared/api';

/**
 * "Save…" for a file core wrote into the exports folder: the shell's save dialog, then a
 * whole-or-nothing copy. The result says where it went or why not; a cancel leaves it null.
 */
export function useSaveExport() {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<SavedPdf | null>(null);
  const save = useCallback(async (fileName: string): Promise<SavedPdf> => {
    setResult(null);
    setBusy(true);
    let saved: SavedPdf;
    try {
      saved = await window.gardien.saveExport(fileName);
    } catch {
      saved = { saved: false, error: 'write_failed' };
    }
    setBusy(false);
    setResult(saved.saved || saved.error ? saved : null);
    return saved;
  }, []);
  const clear = useCallback(() => setResult(null), []);
  return { busy, result, save, clear };
}
