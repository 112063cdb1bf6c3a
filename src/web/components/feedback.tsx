import { Alert } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconCheck } from '@tabler/icons-react';
import { isApiError } from '../api/client.ts';
import i18n from '../i18n.ts';

export function errorMessage(err: unknown): string {
  if (!err) return '';
  if (isApiError(err)) return err.message;
  if (err instanceof Error && err.message) return err.message;
  return i18n.t('common.errors.unknown');
}

export function notifyError(err: unknown, title?: string): void {
  notifications.show({
    color: 'red',
    title: title ?? i18n.t('common.errors.title'),
    message: errorMessage(err),
    icon: <IconAlertCircle size={18} />,
    autoClose: 8000,
  });
}

export function notifySuccess(message: string): void {
  notifications.show({ color: 'teal', message, icon: <IconCheck size={18} />, autoClose: 4000 });
}

interface FormLike {
  setFieldError(path: string, error: string): void;
  getValues(): unknown;
}

/**
 * Put the server's per-field messages under their fields; return the general message for the
 * form-level alert. Fields the form does not have stay in the general message only.
 */
export function applyServerError(form: FormLike, err: unknown, fieldMap: Record<string, string> = {}): string {
  if (isApiError(err)) {
    const values = form.getValues() as Record<string, unknown>;
    for (const d of err.details) {
      if (!d.field) continue;
      const field = fieldMap[d.field] ?? d.field.replace(/^body\./, '');
      const top = field.split('.')[0]!;
      if (top in values && d.message) form.setFieldError(field, d.message);
    }
  }
  return errorMessage(err);
}

export function ErrorAlert({ error, testId, title }: { error: unknown; testId?: string; title?: string }) {
  if (!error) return null;
  return (
    <Alert color="red" icon={<IconAlertCircle />} title={title} data-testid={testId} role="alert">
      {typeof error === 'string' ? error : errorMessage(error)}
    </Alert>
  );
}
