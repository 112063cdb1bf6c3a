import { Suspense, useEffect } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { AppShell, Burger, Button, Divider, Group, NavLink, ScrollArea, Stack, Text, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconBuildingCommunity,
  IconBulb,
  IconClockPlay,
  IconChartBar,
  IconFiles,
  IconFileCertificate,
  IconHistory,
  IconHome,
  IconLogout,
  IconMessageCircle,
  IconRoute,
  IconTrophy,
  IconUsersGroup,
  IconUserCircle,
  IconUsers,
  IconWorld,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../auth/AuthProvider.tsx';
import { FullPageLoader } from '../auth/guards.tsx';
import { LangSwitch } from './LangSwitch.tsx';
import { NotificationBell } from '../features/notifications/NotificationBell.tsx';

export const COMING_SOON = [
  { key: 'meetings', icon: IconUsersGroup },
  { key: 'rb', icon: IconRoute },
] as const;

export function AppLayout() {
  const { t } = useTranslation();
  const { user, isAdmin, logout } = useAuth();
  const [opened, { toggle, close }] = useDisclosure();
  const { pathname } = useLocation();

  useEffect(() => close(), [pathname, close]);

  const items = [
    { to: '/', label: t('nav.home'), icon: IconHome, testId: 'nav-beranda', show: true, exact: true },
    { to: '/organisasi', label: t('nav.organisasi'), icon: IconBuildingCommunity, testId: 'nav-organisasi', show: true },
    { to: '/inovasi', label: t('nav.inovasi'), icon: IconBulb, testId: 'nav-inovasi', show: !!user?.roles.some((r) => r.role !== 'judge') || !!user?.isPlatformAdmin },
    { to: '/skm', label: t('skm.nav'), icon: IconMessageCircle, testId: 'nav-skm', show: true },
    { to: '/kompetisi', label: t('kipp.nav'), icon: IconTrophy, testId: 'nav-kipp', show: true },
    { to: '/sakip', label: t('sakip.nav'), icon: IconChartBar, testId: 'nav-sakip', show: !!user?.roles.some((r) => r.role !== 'judge') },
    { to: '/naskah-dinas', label: t('docs.nav'), icon: IconFileCertificate, testId: 'nav-naskah-dinas', show: true },
    { to: '/pengguna', label: t('nav.pengguna'), icon: IconUsers, testId: 'nav-pengguna', show: isAdmin },
    { to: '/tugas-latar', label: t('jobs.nav'), icon: IconClockPlay, testId: 'nav-jobs', show: isAdmin },
    { to: '/riwayat', label: t('nav.riwayat'), icon: IconHistory, testId: 'nav-riwayat', show: true },
    { to: '/berkas', label: t('nav.berkas'), icon: IconFiles, testId: 'nav-berkas', show: true },
    { to: '/akun', label: t('nav.akun'), icon: IconUserCircle, testId: 'nav-akun', show: true },
    { to: '/platform', label: t('nav.platform'), icon: IconWorld, testId: 'nav-platform', show: !!user?.isPlatformAdmin },
  ];

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 248, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'sm', sm: 'lg' }}
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.menu')} />
            <Link to="/" style={{ textDecoration: 'none', color: 'inherit', display: 'flex', alignItems: 'center', gap: 10, minWidth: 0 }}>
              <span className="serasan-logo-mark" aria-hidden>
                S
              </span>
              <Stack gap={0} style={{ minWidth: 0 }}>
                <Text fw={750} size="md" lh={1.1} c="pemda.9">
                  Serasan
                </Text>
                <Text size="xs" c="dimmed" lh={1.2} truncate="end" maw={{ base: 150, xs: 320 }}>
                  {user?.tenantName}
                </Text>
              </Stack>
            </Link>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <NotificationBell />
            <LangSwitch />
            <Text size="sm" visibleFrom="md" truncate="end" maw={220} title={user?.username}>
              {user?.name}
            </Text>
            <Tooltip label={t('nav.logout')}>
              <Button
                variant="subtle"
                color="gray"
                size="xs"
                leftSection={<IconLogout size={16} />}
                onClick={() => void logout()}
                data-testid="logout"
                aria-label={t('nav.logout')}
                px={8}
              >
                <Text span size="xs" visibleFrom="xs">
                  {t('nav.logout')}
                </Text>
              </Button>
            </Tooltip>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar>
        <AppShell.Section grow component={ScrollArea} p="xs">
          <nav aria-label={t('nav.main')}>
            {items
              .filter((i) => i.show)
              .map((i) => {
                const active = i.exact ? pathname === i.to : pathname === i.to || pathname.startsWith(`${i.to}/`);
                return (
                  <NavLink
                    key={i.to}
                    component={Link}
                    to={i.to}
                    label={i.label}
                    leftSection={<i.icon size={20} stroke={1.6} />}
                    active={active}
                    data-testid={i.testId}
                    aria-current={active ? 'page' : undefined}
                    style={{ borderRadius: 'var(--mantine-radius-sm)' }}
                  />
                );
              })}
          </nav>
          <Divider my="sm" label={t('common.soon')} labelPosition="left" />
          {COMING_SOON.map((m) => (
            <NavLink
              key={m.key}
              label={t(`modules.${m.key}.short`)}
              leftSection={<m.icon size={20} stroke={1.6} />}
              disabled
              aria-disabled
            />
          ))}
        </AppShell.Section>
        <AppShell.Section p="sm" hiddenFrom="md">
          <Text size="xs" c="dimmed">
            {t('nav.signedInAs', { name: user?.name ?? '' })}
          </Text>
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main>
        <Suspense fallback={<FullPageLoader />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
