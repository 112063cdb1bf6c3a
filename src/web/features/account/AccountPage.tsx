import { Badge, Button, Card, Center, Group, Loader, SegmentedControl, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { IconDeviceDesktop, IconDeviceMobile } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { keys, useSessions } from '../../api/queries.ts';
import { useAuth } from '../../auth/AuthProvider.tsx';
import { ErrorAlert, notifyError, notifySuccess } from '../../components/feedback.tsx';
import { formatDateTime } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ChangePasswordForm } from '../auth/ChangePasswordForm.tsx';
import { AccountEmailCard } from '../notifications/AccountEmailCard.tsx';
import type { Lang } from '../../i18n.ts';

/** "Chrome · Windows" from a user-agent string; enough to recognise one's own devices. */
function describeAgent(ua: string | null): { label: string; mobile: boolean } {
  if (!ua) return { label: '—', mobile: false };
  const browser = /Edg\//.test(ua) ? 'Edge' : /OPR\//.test(ua) ? 'Opera' : /Firefox\//.test(ua) ? 'Firefox' : /Chrom(e|ium)\//.test(ua) ? 'Chrome' : /Safari\//.test(ua) ? 'Safari' : null;
  const os = /Android/.test(ua) ? 'Android' : /iPhone|iPad/.test(ua) ? 'iOS' : /Windows/.test(ua) ? 'Windows' : /Mac OS X/.test(ua) ? 'macOS' : /Linux/.test(ua) ? 'Linux' : null;
  const label = [browser, os].filter(Boolean).join(' · ') || ua.slice(0, 60);
  return { label, mobile: /Mobile|Android|iPhone/.test(ua) };
}

export default function AccountPage() {
  const { t, i18n } = useTranslation();
  const { user, setLanguage } = useAuth();
  const qc = useQueryClient();
  const sessions = useSessions();

  const revoke = async (id: string) => {
    try {
      await api(`/auth/sessions/${encodeURIComponent(id)}`, { method: 'DELETE' });
      await qc.invalidateQueries({ queryKey: keys.sessions });
      notifySuccess(t('account.sessions.revoked'));
    } catch (e) {
      notifyError(e);
    }
  };

  return (
    <Stack gap="md">
      <PageHeader title={t('account.title')} description={t('account.description')} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Stack gap="md">
          <Card withBorder>
            <Title order={3} fz="h5" mb="sm">
              {t('account.profile')}
            </Title>
            <Stack gap={6}>
              <Text size="sm">
                <Text span c="dimmed">{t('fields.name')}: </Text>
                {user?.name}
              </Text>
              <Text size="sm">
                <Text span c="dimmed">{t('fields.username')}: </Text>
                <span className="serasan-mono">{user?.username}</span>
              </Text>
              <Text size="sm">
                <Text span c="dimmed">{t('entities.tenant')}: </Text>
                {user?.tenantName}
              </Text>
              <Group gap={4}>
                <Text size="sm" c="dimmed">
                  {t('fields.roles')}:
                </Text>
                {user?.roles.map((r, i) => (
                  <Badge key={i} variant="light" size="sm" tt="none">
                    {t(`roles.${r.role}`)}
                    {r.unitName ? ` · ${r.unitName}` : ''}
                  </Badge>
                ))}
                {user?.isPlatformAdmin && (
                  <Badge variant="light" color="red" size="sm" tt="none">
                    {t('account.platformAdmin')}
                  </Badge>
                )}
              </Group>
            </Stack>
          </Card>
          <Card withBorder>
            <Title order={3} fz="h5" mb="xs">
              {t('account.language')}
            </Title>
            <Text size="sm" c="dimmed" mb="sm">
              {t('account.languageHint')}
            </Text>
            <SegmentedControl
              value={i18n.language === 'en' ? 'en' : 'id'}
              onChange={(v) => setLanguage(v as Lang)}
              data={[
                { value: 'id', label: 'Bahasa Indonesia' },
                { value: 'en', label: 'English' },
              ]}
              data-testid="account-language"
            />
          </Card>
          <AccountEmailCard />
        </Stack>
        <Card withBorder>
          <Title order={3} fz="h5" mb="sm">
            {t('auth.password.title')}
          </Title>
          <ChangePasswordForm onDone={() => notifySuccess(t('auth.password.changed'))} />
        </Card>
      </SimpleGrid>

      <Card withBorder p={0}>
        <Group justify="space-between" p="md" pb="xs">
          <Title order={3} fz="h5">
            {t('account.sessions.title')}
          </Title>
        </Group>
        <ErrorAlert error={sessions.error} />
        {sessions.isLoading ? (
          <Center p="lg">
            <Loader />
          </Center>
        ) : (
          <Table.ScrollContainer minWidth={620}>
            <Table data-testid="sessions-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('account.sessions.device')}</Table.Th>
                  <Table.Th>{t('account.sessions.ip')}</Table.Th>
                  <Table.Th>{t('account.sessions.createdAt')}</Table.Th>
                  <Table.Th>{t('account.sessions.lastSeenAt')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(sessions.data ?? []).map((s) => {
                  const ua = describeAgent(s.userAgent);
                  return (
                    <Table.Tr key={s.id} data-testid="session-row">
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap">
                          {ua.mobile ? <IconDeviceMobile size={18} /> : <IconDeviceDesktop size={18} />}
                          <Text size="sm" title={s.userAgent ?? ''}>
                            {ua.label}
                          </Text>
                          {s.current && (
                            <Badge size="xs" color="teal">
                              {t('account.sessions.current')}
                            </Badge>
                          )}
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        <span className="serasan-mono">{s.ip ?? '—'}</span>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{formatDateTime(s.createdAt)}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{formatDateTime(s.lastSeenAt)}</Text>
                      </Table.Td>
                      <Table.Td>
                        {!s.current && (
                          <Button size="compact-sm" variant="light" color="red" onClick={() => void revoke(s.id)} data-testid="session-revoke">
                            {t('account.sessions.revoke')}
                          </Button>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Card>
    </Stack>
  );
}
