import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { set, useForm, type DefaultValues, type FieldErrors, type FieldValues, type Resolver } from 'react-hook-form';
import { contract, type OperationName, type OpInput, type OpOutput } from '../../../shared/contract';
import type { AppErrorShape } from '../../../shared/result';
import { encodeCoded, z } from '../../../shared/validation';
import { call } from '../../lib/client';
import { useAmmoErrors } from './errors';

export interface AmmoFormOptions<V extends FieldValues, K extends OperationName> {
  op: K;
  /** Form values -> the operation's input; the contract's own schema then checks the result. */
  toInput: (values: V) => unknown;
  defaults: DefaultValues<V>;
  /** Checks that belong to the form only (e.g. "increase or decrease?"): path -> field error code. */
  check?: (values: V) => Record<string, string>;
  onDone: (value: OpOutput<K>) => void;
}

/**
 * A form that sends one ammunition operation. The contract's schema validates what will be sent
 * (errors land on contract paths such as `place.storeId` or `quantity`), core's field errors land
 * on the same paths, and any other refusal is kept for a message above the buttons.
 */
export function useAmmoForm<V extends FieldValues, K extends OperationName>(opts: AmmoFormOptions<V, K>) {
  const errors = useAmmoErrors();
  // The latest mapping and checks: they may close over data loaded after the form mounted.
  const latest = useRef(opts);
  useEffect(() => {
    latest.current = opts;
  });
  const [resolver] = useState<Resolver<V>>(() => {
    // One schema per operation: a form whose mode changes the operation (receipt or transfer-in) keeps its values.
    const bases = new Map<OperationName, Resolver<V>>();
    const baseFor = (op: OperationName) => {
      let base = bases.get(op);
      if (!base) {
        const schema = z.preprocess((v) => latest.current.toInput(v as V), contract[op].input);
        base = zodResolver(schema as unknown as Parameters<typeof zodResolver>[0]) as unknown as Resolver<V>;
        bases.set(op, base);
      }
      return base;
    };
    const resolve: Resolver<V> = async (values, ctx, options) => {
      const result = await baseFor(latest.current.op)(values, ctx, options);
      const extra = Object.entries(latest.current.check?.(values) ?? {});
      if (extra.length === 0) return result;
      const merged = { ...result.errors } as FieldErrors<V>;
      for (const [path, code] of extra) set(merged, path, { type: 'custom', message: encodeCoded({ code }) });
      return { values: {}, errors: merged };
    };
    return resolve;
  });
  const form = useForm<V>({ resolver, defaultValues: opts.defaults });
  const [failure, setFailure] = useState<AppErrorShape | null>(null);

  // Built when the form is sent, not during render: it reads the latest options.
  const submit = (e: FormEvent) => form.handleSubmit(async (parsed) => {
    setFailure(null);
    const r = await call(latest.current.op, parsed as unknown as OpInput<K>);
    if (r.ok) return latest.current.onDone(r.value);
    if (r.error.code === 'approver_bad_credentials') {
      form.setValue('approver.password' as never, '' as never);
      form.setFocus('approver.password' as never);
    }
    const landed = errors.applyFields(form.setError, r.error);
    if (!landed || r.error.kind !== 'validation') setFailure(r.error);
  })(e);
  return { form, submit, failure };
}

/** A select's text as a store id for the contract ('' stays missing, so "required" is said). */
export function storeIdOf(value: unknown): number | undefined {
  return value === '' || value === undefined || value === null ? undefined : Number(value);
}
