import { Alert, Button, Card, Group, Loader, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../../api/client.ts';
import { errorMessage, notifySuccess } from '../../components/feedback.tsx';
import { notifyKeys, useAccountEmail } from './api.ts';

/** The account page's notification e-mail address. */
export function AccountEmailCard() {
  const { t } = useTranslation();
  const current = useAccountEmail();
  return (
    <Card withBorder>
      <Title order={3} fz="h5" mb="xs">
        {t('accountEmail.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('accountEmail.hint')}
      </Text>
      {current.data && !current.data.smtpConfigured && (
        <Alert color="gray" mb="sm" p="xs">
          <Text size="xs">{t('accountEmail.smtpOff')}</Text>
        </Alert>
      )}
      {/* The form starts from the loaded address, so nothing typed is overwritten by the load. */}
      {current.data ? <EmailForm initial={current.data.email ?? ''} /> : <Loader size="sm" />}
    </Card>
  );
}

function EmailForm({ initial }: { initial: string }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [value, setValue] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    setSaving(true);
    try {
      const r = await api<{ email: string | null }>('/account/email', { method: 'PUT', body: { email: value.trim() === '' ? null : value.trim() } });
      setValue(r.email ?? '');
      await qc.invalidateQueries({ queryKey: notifyKeys.email });
      notifySuccess(r.email ? t('accountEmail.saved') : t('accountEmail.removed'));
    } catch (err) {
      setError(isApiError(err) ? (err.details.find((d) => d.field)?.message ?? err.message) : errorMessage(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form onSubmit={save} noValidate>
      <Group align="flex-start" gap="xs" wrap="wrap">
        <TextInput
          type="email"
          aria-label={t('fields.email')}
          placeholder="nama@muaraenimkab.go.id"
          value={value}
          onChange={(e) => setValue(e.currentTarget.value)}
          error={error}
          style={{ flex: '1 1 220px' }}
          autoComplete="email"
          data-testid="account-email"
        />
        <Button type="submit" loading={saving} data-testid="account-email-save">
          {t('accountEmail.save')}
        </Button>
      </Group>
    </form>
  );
}
