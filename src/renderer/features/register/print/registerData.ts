import { useEffect, useState } from 'react';
import type { RegisterView } from '../../../app/navigation';
import type { RegisterPrint } from '../../../../shared/contract/reports';
import type { AppErrorShape } from '../../../../shared/result';
import { call } from '../../../lib/client';

export interface RegisterPrintState {
  data: RegisterPrint | null;
  error: AppErrorShape | null;
  /** performance.now() when the rows arrived: the render time is measured from here. */
  receivedAt: number;
}

/** Every row of the register as filtered on screen, read once with the journal head (reports.register). */
export function useRegisterPrint(view: RegisterView): RegisterPrintState {
  const key = JSON.stringify(view);
  const [state, setState] = useState<RegisterPrintState>({ data: null, error: null, receivedAt: 0 });
  useEffect(() => {
    let live = true;
    const v = JSON.parse(key) as RegisterView;
    void call('reports.register', { search: v.search, filters: v.filters, sort: v.sort, dir: v.dir }).then((r) => {
      if (!live) return;
      const receivedAt = performance.now();
      setState(r.ok ? { data: r.value, error: null, receivedAt } : { data: null, error: r.error, receivedAt });
    });
    return () => {
      live = false;
    };
  }, [key]);
  return state;
}
