import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useRef, useState, type BaseSyntheticEvent } from 'react';
import { useForm, type Resolver } from 'react-hook-form';
import { contract, type OperationName, type OpInput, type OpOutput } from '../../../../shared/contract';
import type { AppErrorShape } from '../../../../shared/result';
import { applyServerErrors } from '../../../components/errors';
import { call } from '../../../lib/client';

export type FormValues = Record<string, unknown>;

/**
 * A form that sends one operation, validated by that operation's own contract schema. Core's field
 * errors land on the fields (a taken service number on `serviceNumber`); any other refusal is kept
 * for a message above the buttons. A refused approver password is cleared, to be typed again.
 */
export function useOpForm<K extends OperationName>(
  op: K,
  defaults: FormValues,
  onDone: (value: OpOutput<K>) => void,
  /** The checked values -> what is sent (e.g. leave out what did not change). */
  prepare: (values: FormValues) => FormValues = (v) => v,
) {
  const [resolver] = useState(() => zodResolver(contract[op].input as Parameters<typeof zodResolver>[0]) as unknown as Resolver<FormValues>);
  const form = useForm<FormValues>({ resolver, defaultValues: defaults });
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  // The latest callback: it may close over data loaded after the form mounted.
  const latest = useRef({ onDone, prepare });
  useEffect(() => {
    latest.current = { onDone, prepare };
  });
  // Built when the form is sent, not during render: it reads the latest callbacks.
  const submit = (e?: BaseSyntheticEvent) => form.handleSubmit(async (values) => {
    setFailure(null);
    const r = await call(op, latest.current.prepare(values) as OpInput<K>);
    if (r.ok) return latest.current.onDone(r.value);
    if (r.error.code === 'approver_bad_credentials' || r.error.code === 'close_needs_manager') {
      form.setValue('approver', { ...(form.getValues('approver') as object), password: '' });
      form.setFocus('approver.password');
    }
    if (!applyServerErrors(form.setError, r.error)) setFailure(r.error);
  })(e);
  return { form, submit, failure };
}
