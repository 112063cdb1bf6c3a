import { Button, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { ErrorAlert, notifyError, notifySuccess } from '../../components/feedback.tsx';
import { formatDateTime } from '../../components/format.ts';

interface LoginDelay {
  userId: string;
  username: string;
  name: string;
  ip: string;
  failures: number;
  delayedUntil: string | null;
  lastAttemptAt: string;
}

const DELAYS_KEY = ['users', 'login-delays'] as const;

/** The admin's view of sign-in delays (progressive delay per username and address) with a clear button. */
export function LoginDelaysSection() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const delays = useQuery({ queryKey: DELAYS_KEY, queryFn: async () => (await api<{ items: LoginDelay[] }>('/users/login-delays')).items, retry: false });

  const clear = async (d: LoginDelay) => {
    try {
      await api(`/users/${d.userId}/login-delays`, { method: 'DELETE' });
      await qc.invalidateQueries({ queryKey: DELAYS_KEY });
      notifySuccess(t('users.delays.cleared', { name: d.name }));
    } catch (e) {
      notifyError(e);
    }
  };

  return (
    <Stack gap="xs" data-testid="login-delays">
      <Title order={3} size="h4">
        {t('users.delays.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('users.delays.description')}
      </Text>
      <ErrorAlert error={delays.error} />
      <Paper withBorder>
        {(delays.data ?? []).length === 0 ? (
          <Text p="md" size="sm" c="dimmed" ta="center">
            {t('users.delays.empty')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('fields.name')}</Table.Th>
                  <Table.Th>{t('users.delays.address')}</Table.Th>
                  <Table.Th>{t('users.delays.failures')}</Table.Th>
                  <Table.Th>{t('users.delays.until')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(delays.data ?? []).map((d) => (
                  <Table.Tr key={`${d.userId}@${d.ip}`} data-testid="login-delay-row">
                    <Table.Td>
                      <Text size="sm">{d.name}</Text>
                      <Text size="xs" c="dimmed" className="serasan-mono">
                        {d.username}
                      </Text>
                    </Table.Td>
                    <Table.Td className="serasan-mono">{d.ip || '–'}</Table.Td>
                    <Table.Td>{d.failures}</Table.Td>
                    <Table.Td>{d.delayedUntil ? formatDateTime(d.delayedUntil) : t('users.delays.notWaiting')}</Table.Td>
                    <Table.Td>
                      <Button size="xs" variant="light" color="red" onClick={() => void clear(d)} data-testid="login-delay-clear">
                        {t('users.delays.clear')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
    </Stack>
  );
}
