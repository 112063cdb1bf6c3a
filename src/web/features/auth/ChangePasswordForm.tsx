import { useState } from 'react';
import { Button, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { ZChangePasswordInput } from '../../../shared/schemas/auth.ts';
import { api } from '../../api/client.ts';
import { applyServerError, ErrorAlert } from '../../components/feedback.tsx';
import { zodErrors } from '../../components/validation.ts';

export function ChangePasswordForm({ onDone, submitLabel }: { onDone: () => void | Promise<void>; submitLabel?: string }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', confirm: '' },
    validate: (v) => {
      const errors: Record<string, string> = zodErrors(ZChangePasswordInput, { currentPassword: v.currentPassword, newPassword: v.newPassword }, t);
      if (!errors.newPassword && v.newPassword === v.currentPassword) errors.newPassword = t('errors.samePassword');
      if (!errors.newPassword && v.confirm !== v.newPassword) errors.confirm = t('auth.password.mismatch');
      return errors;
    },
  });

  const submit = form.onSubmit(async (v) => {
    setError(null);
    try {
      await api('/auth/password', { method: 'POST', body: { currentPassword: v.currentPassword, newPassword: v.newPassword } });
      form.reset();
      await onDone();
    } catch (e) {
      setError(applyServerError(form, e));
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <ErrorAlert error={error} testId="password-form-error" />
        <PasswordInput label={t('fields.currentPassword')} autoComplete="current-password" data-testid="password-current" {...form.getInputProps('currentPassword')} />
        <PasswordInput
          label={t('fields.newPassword')}
          description={t('auth.password.hint')}
          autoComplete="new-password"
          data-testid="password-new"
          {...form.getInputProps('newPassword')}
        />
        <PasswordInput label={t('auth.password.confirm')} autoComplete="new-password" data-testid="password-confirm" {...form.getInputProps('confirm')} />
        <Button type="submit" loading={form.submitting} data-testid="password-submit">
          {submitLabel ?? t('auth.password.submit')}
        </Button>
      </Stack>
    </form>
  );
}
