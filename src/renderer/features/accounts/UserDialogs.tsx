import { zodResolver } from '@hookform/resolvers/zod';
import { useState, type ReactNode } from 'react';
import { useForm, useWatch, type FieldError, type UseFormRegisterReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../shared/contract';
import { newPassword, role as roleSchemaField, type UserRow } from '../../../shared/domain/accounts';
import { ROLES } from '../../../shared/domain/enums';
import type { AppErrorShape } from '../../../shared/result';
import { z } from '../../../shared/validation';
import { BusyButton } from '../../components/BusyButton';
import { Dialog } from '../../components/Dialog';
import { ErrorBanner } from '../../components/ErrorBanner';
import { applyServerErrors } from '../../components/errors';
import { Field } from '../../components/Field';
import { call } from '../../lib/client';
import { useRoleLabel } from '../../components/useRoleLabel';

/** A typed-twice password: a typo in a password nobody can see locks its owner out. */
const samePassword = (v: { password: string; passwordConfirm: string }) => v.password === v.passwordConfirm;
const differ = { message: 'passwords_differ', path: ['passwordConfirm'] };

const createSchema = contract['users.create'].input.extend({ passwordConfirm: z.string() }).refine(samePassword, differ);
const resetSchema = z.object({ password: newPassword, passwordConfirm: z.string() }).refine(samePassword, differ);
const roleSchema = z.object({ role: roleSchemaField });
const disableSchema = contract['users.disable'].input.pick({ reason: true });

interface DialogProps {
  onClose: () => void;
  /** Called with what happened, for the screen's confirmation line. */
  onDone: (message: string) => void;
}

function Actions(props: { busy: boolean; onClose: () => void; children: ReactNode; danger?: boolean }) {
  const { t } = useTranslation('common');
  return (
    <div className="form__actions">
      <button type="button" className="button" onClick={props.onClose} disabled={props.busy}>
        {t('cancel')}
      </button>
      <BusyButton busy={props.busy} className={props.danger ? 'button button--danger' : 'button button--primary'} testId="dialog-submit">
        {props.children}
      </BusyButton>
    </div>
  );
}

/** The role select, with what the chosen role may do underneath. */
function RoleField(props: { role: string; error: FieldError | undefined; register: UseFormRegisterReturn; autoFocus?: boolean }) {
  const { t } = useTranslation('accounts');
  const roleLabel = useRoleLabel();
  return (
    <Field id="user-role" label={t('field.role')} hint={t(`roleHint.${props.role}`)} error={props.error} required>
      <select id="user-role" autoFocus={props.autoFocus ?? false} {...props.register}>
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {roleLabel(r)}
          </option>
        ))}
      </select>
    </Field>
  );
}

function PasswordFields(props: {
  password: UseFormRegisterReturn<'password'>;
  confirm: UseFormRegisterReturn<'passwordConfirm'>;
  errors: { password?: FieldError | undefined; passwordConfirm?: FieldError | undefined };
}) {
  const { t } = useTranslation('accounts');
  return (
    <>
      <Field id="user-password" label={t('field.newPassword')} hint={t('field.passwordHint')} error={props.errors.password} required>
        <input id="user-password" type="password" autoComplete="new-password" {...props.password} />
      </Field>
      <Field id="user-passwordConfirm" label={t('field.passwordConfirm')} error={props.errors.passwordConfirm} required>
        <input id="user-passwordConfirm" type="password" autoComplete="new-password" {...props.confirm} />
      </Field>
    </>
  );
}

export function CreateUserDialog(props: DialogProps) {
  const { t } = useTranslation('accounts');
  const [error, setError] = useState<AppErrorShape | null>(null);
  const form = useForm({
    resolver: zodResolver(createSchema),
    defaultValues: { username: '', fullName: '', role: 'storekeeper' as const, password: '', passwordConfirm: '' },
  });
  const { errors, isSubmitting } = form.formState;
  const role = useWatch({ control: form.control, name: 'role' });
  const submit = form.handleSubmit(async ({ passwordConfirm: _confirm, ...values }) => {
    setError(null);
    const r = await call('users.create', values);
    if (r.ok) return props.onDone(t('users.created', { username: r.value.username }));
    if (!applyServerErrors(form.setError, r.error)) setError(r.error);
  });
  return (
    <Dialog title={t('users.createTitle')} onClose={props.onClose} testId="dialog-create-user">
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <Field id="user-username" label={t('field.username')} hint={t('field.usernameHint')} error={errors.username} required>
          <input id="user-username" autoFocus autoComplete="off" spellCheck={false} {...form.register('username')} />
        </Field>
        <Field id="user-fullName" label={t('field.fullName')} error={errors.fullName} required>
          <input id="user-fullName" autoComplete="off" {...form.register('fullName')} />
        </Field>
        <RoleField role={role} error={errors.role} register={form.register('role')} />
        <PasswordFields password={form.register('password')} confirm={form.register('passwordConfirm')} errors={errors} />
        <ErrorBanner error={error} />
        <Actions busy={isSubmitting} onClose={props.onClose}>
          {t('users.createSubmit')}
        </Actions>
      </form>
    </Dialog>
  );
}

export function RoleDialog(props: DialogProps & { user: UserRow }) {
  const { t } = useTranslation('accounts');
  const roleLabel = useRoleLabel();
  const [error, setError] = useState<AppErrorShape | null>(null);
  const form = useForm({ resolver: zodResolver(roleSchema), defaultValues: { role: props.user.role } });
  const { errors, isSubmitting } = form.formState;
  const role = useWatch({ control: form.control, name: 'role' });
  const submit = form.handleSubmit(async ({ role: next }) => {
    setError(null);
    const r = await call('users.setRole', { userId: props.user.id, role: next });
    if (r.ok) return props.onDone(t('users.roleChanged', { username: r.value.username, role: roleLabel(r.value.role) }));
    if (!applyServerErrors(form.setError, r.error)) setError(r.error);
  });
  return (
    <Dialog title={t('users.roleTitle', { username: props.user.username })} onClose={props.onClose} testId="dialog-role">
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <RoleField role={role} error={errors.role} register={form.register('role')} autoFocus />
        <ErrorBanner error={error} />
        <Actions busy={isSubmitting} onClose={props.onClose}>
          {t('users.roleSubmit')}
        </Actions>
      </form>
    </Dialog>
  );
}

export function ResetPasswordDialog(props: DialogProps & { user: UserRow }) {
  const { t } = useTranslation('accounts');
  const [error, setError] = useState<AppErrorShape | null>(null);
  const form = useForm({ resolver: zodResolver(resetSchema), defaultValues: { password: '', passwordConfirm: '' } });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async ({ password }) => {
    setError(null);
    const r = await call('users.resetPassword', { userId: props.user.id, password });
    if (r.ok) return props.onDone(t('users.passwordReset', { username: props.user.username }));
    if (!applyServerErrors(form.setError, r.error)) setError(r.error);
  });
  return (
    <Dialog title={t('users.resetTitle', { username: props.user.username })} onClose={props.onClose} testId="dialog-reset">
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <p className="hint">{t('users.resetIntro')}</p>
        <PasswordFields password={form.register('password')} confirm={form.register('passwordConfirm')} errors={errors} />
        <ErrorBanner error={error} />
        <Actions busy={isSubmitting} onClose={props.onClose}>
          {t('users.resetSubmit')}
        </Actions>
      </form>
    </Dialog>
  );
}

export function DisableDialog(props: DialogProps & { user: UserRow }) {
  const { t } = useTranslation('accounts');
  const [error, setError] = useState<AppErrorShape | null>(null);
  const form = useForm({ resolver: zodResolver(disableSchema), defaultValues: { reason: '' } });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async ({ reason }) => {
    setError(null);
    const r = await call('users.disable', { userId: props.user.id, reason });
    if (r.ok) return props.onDone(t('users.disabled', { username: props.user.username }));
    if (!applyServerErrors(form.setError, r.error)) setError(r.error);
  });
  return (
    <Dialog title={t('users.disableTitle', { username: props.user.username })} onClose={props.onClose} testId="dialog-disable">
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <p className="hint">{t('users.disableIntro')}</p>
        <Field id="user-reason" label={t('field.reason')} error={errors.reason} required>
          <textarea id="user-reason" autoFocus rows={3} {...form.register('reason')} />
        </Field>
        <ErrorBanner error={error} />
        <Actions busy={isSubmitting} onClose={props.onClose} danger>
          {t('users.disableSubmit')}
        </Actions>
      </form>
    </Dialog>
  );
}
