import { useEffect, useMemo, useState } from 'react';
import type { StoreView } from '../../../shared/contract/ammunition';
import type { ImportKind } from '../../../shared/domain/spreadsheet';
import { call } from '../../lib/client';
import { fieldSpecs, VOCABULARY_CODES, type Vocabulary } from './fieldSpecs';
import { useImportLabels } from './labels';

export interface Option {
  value: string;
  label: string;
}

export type Options = Partial<Record<Vocabulary, Option[]>>;

/**
 * The choices of each closed vocabulary the kind uses, labelled in the user's language: what a
 * constant or an unknown value can be mapped to. Countries sorted by name; stores read from core.
 */
export function useOptions(kind: ImportKind): Options {
  const l = useImportLabels();
  const [stores, setStores] = useState<StoreView[]>([]);
  useEffect(() => {
    if (kind !== 'lots') return undefined;
    let live = true;
    void call('stores.list', {}).then((r) => live && r.ok && setStores(r.value));
    return () => {
      live = false;
    };
  }, [kind]);
  return useMemo(() => {
    const out: Options = {};
    for (const { vocabulary } of fieldSpecs(kind)) {
      if (!vocabulary || out[vocabulary]) continue;
      if (vocabulary === 'store') {
        out.store = stores.map((s) => ({ value: s.code, label: `${s.code} — ${s.name}` }));
        continue;
      }
      const options = VOCABULARY_CODES[vocabulary].map((value) => ({ value, label: l.code(vocabulary, value) }));
      if (vocabulary === 'country') options.sort((a, b) => a.label.localeCompare(b.label, l.lang));
      out[vocabulary] = options;
    }
    return out;
  }, [kind, l, stores]);
}
