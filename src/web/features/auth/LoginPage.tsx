import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth/AuthProvider.tsx';
import { safeNext } from '../../auth/guards.tsx';
import { ErrorAlert, errorMessage } from '../../components/feedback.tsx';
import { AuthCard } from './AuthCard.tsx';

export function LoginPage() {
  const { t } = useTranslation();
  const { user, login } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useDocumentTitle(`${t('auth.login.title')} · Serasan`);

  const form = useForm({
    initialValues: { username: '', password: '' },
    validate: {
      username: (v) => (v.trim() ? null : t('auth.login.usernameRequired')),
      password: (v) => (v ? null : t('auth.login.passwordRequired')),
    },
  });

  if (user && !busy) return <Navigate to={user.mustChangePassword ? '/ganti-kata-sandi' : next} replace />;

  const submit = form.onSubmit(async (values) => {
    setError(null);
    setBusy(true);
    try {
      const res = await login(values.username.trim(), values.password);
      const mustChange = res.passwordChangeRequired || res.user.mustChangePassword;
      navigate(mustChange ? `/ganti-kata-sandi${next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}` : next, { replace: true });
    } catch (e) {
      setError(errorMessage(e));
      form.setFieldValue('password', '');
    } finally {
      setBusy(false);
    }
  });

  return (
    <AuthCard title={t('auth.login.title')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <ErrorAlert error={error} testId="login-error" />
          <TextInput
            label={t('fields.username')}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            data-testid="login-username"
            data-autofocus
            autoFocus
            {...form.getInputProps('username')}
          />
          <PasswordInput
            label={t('fields.password')}
            autoComplete="current-password"
            data-testid="login-password"
            {...form.getInputProps('password')}
          />
          <Button type="submit" loading={busy} fullWidth data-testid="login-submit">
            {t('auth.login.submit')}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
