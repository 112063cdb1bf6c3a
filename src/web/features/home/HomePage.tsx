import { Link } from 'react-router';
import { Badge, Card, Group, SimpleGrid, Skeleton, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconBuildingCommunity, IconBulb, IconChartBar, IconMessageCircle, IconTrophy, IconFiles, IconHistory, IconUsers, IconUser, IconSitemap, type Icon } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '@mantine/hooks';
import { useTenant } from '../../api/queries.ts';
import { useAuth } from '../../auth/AuthProvider.tsx';
import { COMING_SOON } from '../../components/AppLayout.tsx';
import { ErrorAlert } from '../../components/feedback.tsx';
import { formatNumber } from '../../components/format.ts';

function Stat({ label, value, icon: I, loading }: { label: string; value: number | undefined; icon: Icon; loading: boolean }) {
  return (
    <Card withBorder padding="md" px={{ base: 'xs', sm: 'md' }}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Text size="xs" tt="uppercase" fw={600} c="dimmed" lineClamp={2}>
            {label}
          </Text>
          {loading ? <Skeleton h={28} w={60} /> : <Text fz={28} fw={700} lh={1.1}>{formatNumber(value)}</Text>}
        </Stack>
        <ThemeIcon variant="light" size={44} radius="md" visibleFrom="sm">
          <I size={24} stroke={1.6} />
        </ThemeIcon>
      </Group>
    </Card>
  );
}

function ModuleCard({ to, title, body, icon: I, soon, testId }: { to?: string; title: string; body: string; icon: Icon; soon?: boolean; testId?: string }) {
  const { t } = useTranslation();
  const inner = (
    <Group align="flex-start" wrap="nowrap" gap="md">
      <ThemeIcon variant={soon ? 'light' : 'filled'} color={soon ? 'gray' : undefined} size={42} radius="md">
        <I size={22} stroke={1.6} />
      </ThemeIcon>
      <Stack gap={4} style={{ minWidth: 0, flex: 1 }}>
        <Group gap="xs" justify="space-between" wrap="nowrap" align="flex-start">
          <Text fw={650}>{title}</Text>
          {soon && (
            <Badge size="xs" color="gray" variant="light" style={{ flex: 'none' }} mt={3}>
              {t('common.soon')}
            </Badge>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {body}
        </Text>
      </Stack>
    </Group>
  );
  if (soon || !to) {
    return (
      <Card withBorder padding="md" aria-disabled style={{ opacity: 0.65 }} bg="gray.0">
        {inner}
      </Card>
    );
  }
  return (
    <Card withBorder padding="md" component={Link} to={to} data-testid={testId} style={{ transition: 'box-shadow 120ms' }} className="serasan-module-card">
      {inner}
    </Card>
  );
}

export default function HomePage() {
  const { t } = useTranslation();
  const { user, isAdmin } = useAuth();
  const tenant = useTenant();
  useDocumentTitle(`${t('home.title')} · Serasan`);

  return (
    <Stack gap="lg">
      <Stack gap={2}>
        <Text size="sm" c="dimmed">
          {t('home.greeting', { name: user?.name ?? '' })}
        </Text>
        <Title order={2} data-testid="tenant-name">
          {tenant.data?.name ?? user?.tenantName}
        </Title>
        <Text size="sm" c="dimmed">
          {t('home.regionCode', { code: tenant.data?.regionCode ?? user?.regionCode ?? '' })}
        </Text>
      </Stack>
      <ErrorAlert error={tenant.error} />
      <SimpleGrid cols={3} spacing={{ base: 'xs', sm: 'md' }}>
        <Stat label={t('home.stats.units')} value={tenant.data?.unitCount} icon={IconSitemap} loading={tenant.isLoading} />
        <Stat label={t('home.stats.people')} value={tenant.data?.personCount} icon={IconUser} loading={tenant.isLoading} />
        <Stat label={t('home.stats.users')} value={tenant.data?.userCount} icon={IconUsers} loading={tenant.isLoading} />
      </SimpleGrid>

      <Stack gap="sm">
        <Title order={3} fz="h4">
          {t('home.modules')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
          <ModuleCard to="/organisasi" title={t('modules.org.title')} body={t('modules.org.body')} icon={IconBuildingCommunity} testId="module-organisasi" />
          <ModuleCard to="/inovasi" title={t('modules.innovation.title')} body={t('modules.innovation.body')} icon={IconBulb} testId="module-inovasi" />
          <ModuleCard to="/skm" title={t('modules.skm.title')} body={t('modules.skm.body')} icon={IconMessageCircle} testId="module-skm" />
          <ModuleCard to="/kompetisi" title={t('modules.kipp.title')} body={t('modules.kipp.body')} icon={IconTrophy} testId="module-kipp" />
          <ModuleCard to="/sakip" title={t('modules.sakip.title')} body={t('modules.sakip.body')} icon={IconChartBar} testId="module-sakip" />
          {isAdmin && <ModuleCard to="/pengguna" title={t('modules.users.title')} body={t('modules.users.body')} icon={IconUsers} testId="module-pengguna" />}
          <ModuleCard to="/riwayat" title={t('modules.audit.title')} body={t('modules.audit.body')} icon={IconHistory} testId="module-riwayat" />
          <ModuleCard to="/berkas" title={t('modules.evidence.title')} body={t('modules.evidence.body')} icon={IconFiles} testId="module-berkas" />
        </SimpleGrid>
      </Stack>

      <Stack gap="sm">
        <Title order={3} fz="h4">
          {t('home.comingSoon')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 2 }} spacing="md">
          {COMING_SOON.map((m) => (
            <ModuleCard key={m.key} title={t(`modules.${m.key}.title`)} body={t(`modules.${m.key}.body`)} icon={m.icon} soon />
          ))}
        </SimpleGrid>
      </Stack>
    </Stack>
  );
}
