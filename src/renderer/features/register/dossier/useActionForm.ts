import { useState } from 'react';
import { useForm, type FieldValues, type Resolver } from 'react-hook-form';
import type { OperationName, OpInput } from '../../../../shared/contract';
import type { AppErrorShape } from '../../../../shared/result';
import { applyServerErrors } from '../../../components/errors';
import { call } from '../../../lib/client';

export type DialogValues = Record<string, unknown>;

/**
 * A dossier dialog's form: validated by the contract's schema (through `resolver`), sent to `op`,
 * core's field errors put on the fields, any other refusal kept for a message at the top.
 * A refused second-person password is cleared so it is typed again, not resubmitted.
 */
export function useActionForm(op: OperationName, resolver: Resolver<DialogValues>, defaults: DialogValues, onDone: () => void) {
  const form = useForm<DialogValues>({ resolver, defaultValues: defaults });
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const submit = form.handleSubmit(async (values: FieldValues) => {
    setFailure(null);
    const r = await call(op, values as OpInput<typeof op>);
    if (r.ok) return onDone();
    if (r.error.code === 'approver_bad_credentials') {
      form.setValue('approver', { ...(form.getValues('approver') as object), password: '' });
      form.setFocus('approver.password');
    }
    const landed = applyServerErrors(form.setError, r.error);
    if (!landed || r.error.kind !== 'validation') setFailure(r.error);
  });
  return { form, submit, failure };
}
