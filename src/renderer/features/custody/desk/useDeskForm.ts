import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState } from 'react';
import { useForm, type DefaultValues, type FieldValues, type Resolver } from 'react-hook-form';
import { contract, type OperationName, type OpInput, type OpOutput } from '../../../../shared/contract';
import type { AppErrorShape } from '../../../../shared/result';
import { z } from '../../../../shared/validation';
import { call } from '../../../lib/client';
import { useDeskErrors } from './errors';

export interface DeskFormOptions<V extends FieldValues, K extends OperationName> {
  op: K;
  /** Form values (and what the screen holds beside them: officer, scanned lines) -> the operation's input. */
  toInput: (values: V) => unknown;
  defaults: DefaultValues<V>;
  onDone: (value: OpOutput<K>) => void;
  /** A refusal from core, after its field errors have landed. */
  onRefused?: (error: AppErrorShape) => void;
}

/**
 * A form that sends one operation: the contract's own schema checks what will be sent (errors land
 * on the contract's paths, e.g. `weapons.0.magazines`), core's field errors land on the same paths,
 * and any other refusal is kept for a message above the buttons.
 */
export function useDeskForm<V extends FieldValues, K extends OperationName>(opts: DeskFormOptions<V, K>) {
  const errors = useDeskErrors();
  const latest = useRef(opts);
  useEffect(() => {
    latest.current = opts;
  });
  const [resolver] = useState<Resolver<V>>(() => {
    // Built on first use: it maps through the latest options (officer and lines change after mount).
    let base: Resolver<V> | null = null;
    const resolve: Resolver<V> = (values, ctx, options) => {
      if (!base) {
        const schema = z.preprocess((v) => latest.current.toInput(v as V), contract[latest.current.op].input);
        base = zodResolver(schema as unknown as Parameters<typeof zodResolver>[0]) as unknown as Resolver<V>;
      }
      return base(values, ctx, options);
    };
    return resolve;
  });
  const form = useForm<V>({ resolver, defaultValues: opts.defaults });
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const busy = useRef(false);

  const send = () => {
    // Enter pressed twice (or a scanner's Enter) must not send the same issue twice.
    if (busy.current) return;
    void form.handleSubmit(async (parsed) => {
      busy.current = true;
      try {
        setFailure(null);
        const r = await call(latest.current.op, parsed as unknown as OpInput<K>);
        if (r.ok) {
          latest.current.onDone(r.value);
          return;
        }
        const landed = errors.applyFields(form.setError, r.error);
        if (!landed || r.error.kind !== 'validation') setFailure(r.error);
        latest.current.onRefused?.(r.error);
      } finally {
        busy.current = false;
      }
    })();
  };
  return { form, send, failure, setFailure };
}
