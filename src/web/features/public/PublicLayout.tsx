import { createContext, Suspense, useContext, useEffect, useState } from 'react';
import { Link, NavLink, Outlet, useMatch } from 'react-router';
import { Anchor, Box, Button, Container, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconLogin, IconLayoutDashboard, IconMapPin, IconMapPinOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { usePublicRegions } from '../../api/innovations.ts';
import { useAuth } from '../../auth/AuthProvider.tsx';
import { FullPageLoader } from '../../auth/guards.tsx';
import { LangSwitch } from '../../components/LangSwitch.tsx';

/** A page below the layout (the innovation detail) names its region for the navigation bar. */
const RegionContext = createContext<(code: string | null) => void>(() => undefined);
export function usePublicRegionNav(code: string | null | undefined): void {
  const set = useContext(RegionContext);
  useEffect(() => {
    set(code ?? null);
    return () => set(null);
  }, [code, set]);
}

const REGION_CODE = /^\d{2}(\.\d{2})?$/;

/** The frame of the public pages: no sign-in, light, readable on a phone. */
export default function PublicLayout() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const match = useMatch('/publik/:kode/*');
  const [childRegion, setChildRegion] = useState<string | null>(null);
  const pathKode = match?.params.kode && match.params.kode !== 'inovasi' ? match.params.kode : null;
  const kode = pathKode ?? childRegion;
  const regions = usePublicRegions();
  const items = regions.data?.items ?? [];
  const region = kode ? items.find((r) => r.regionCode === kode) : undefined;
  // A province code (16) covers its regencies (16.03): known when one of them is on Serasan.
  const known = !!kode && REGION_CODE.test(kode) && (!!region || items.some((r) => r.regionCode.startsWith(`${kode}.`)));
  const unknown = !!pathKode && (!REGION_CODE.test(pathKode) || (regions.isSuccess && !known));

  return (
    <Box mih="100vh" style={{ display: 'flex', flexDirection: 'column' }} data-testid="public-layout">
      <Box component="header" bg="pemda.9" c="white" py="sm">
        <Container size="lg">
          <Group justify="space-between" wrap="nowrap" gap="xs">
            <Anchor component={Link} to="/publik/inovasi" underline="never" c="white" style={{ display: 'flex', alignItems: 'center', gap: 10, minWidth: 0 }}>
              <span className="serasan-logo-mark" style={{ background: '#fff', color: 'var(--mantine-color-pemda-9)' }} aria-hidden>
                S
              </span>
              <Stack gap={0} style={{ minWidth: 0 }}>
                <Text fw={750} lh={1.1} c="white" data-testid="public-brand">
                  Serasan
                </Text>
                <Text size="xs" c="pemda.1" lh={1.2} truncate="end">
                  {t('publicCatalog.brand')}
                </Text>
              </Stack>
            </Anchor>
            <Group gap="xs" wrap="nowrap">
              <LangSwitch variant="default" />
              {user ? (
                <Button component={Link} to="/inovasi" size="xs" variant="white" leftSection={<IconLayoutDashboard size={14} />} data-testid="public-workspace">
                  {t('publicCatalog.workspace')}
                </Button>
              ) : (
                <Button component={Link} to="/masuk" size="xs" variant="white" leftSection={<IconLogin size={14} />} data-testid="public-login">
                  {t('publicCatalog.login')}
                </Button>
              )}
            </Group>
          </Group>
        </Container>
      </Box>
      {kode && known && !unknown && (
        <Box component="nav" aria-label={t('publicNav.label')} bg="white" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }} data-testid="public-nav">
          <Container size="lg" py={6}>
            <Group justify="space-between" gap="xs" wrap="wrap">
              <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
                <IconMapPin size={16} color="var(--mantine-color-pemda-7)" style={{ flex: 'none' }} aria-hidden />
                <Text fw={700} size="sm" truncate="end" data-testid="public-nav-region">
                  {region?.name ?? kode}
                </Text>
              </Group>
              <Group gap={4} wrap="nowrap">
                <NavButton to={`/publik/${kode}/inovasi`} label={t('publicNav.catalogue')} testId="public-nav-catalogue" />
                {region && <NavButton to={`/publik/${kode}/skm`} label={t('publicNav.skm')} testId="public-nav-skm" />}
                <NavButton to="/publik/inovasi" label={t('publicNav.allRegions')} testId="public-nav-all" end />
              </Group>
            </Group>
          </Container>
        </Box>
      )}
      <Box component="main" style={{ flex: 1 }} py={{ base: 'md', sm: 'xl' }}>
        <Container size="lg" px={{ base: 'sm', sm: 'md' }}>
          <RegionContext.Provider value={setChildRegion}>
            <Suspense fallback={<FullPageLoader />}>{unknown ? <UnknownRegion code={pathKode!} /> : <Outlet />}</Suspense>
          </RegionContext.Provider>
        </Container>
      </Box>
      <Box component="footer" py="md" bg="white" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
        <Container size="lg">
          <Text size="xs" c="gray.7">
            {t('publicCatalog.footer')}
          </Text>
        </Container>
      </Box>
    </Box>
  );
}

function NavButton({ to, label, testId, end }: { to: string; label: string; testId: string; end?: boolean }) {
  return (
    <NavLink to={to} end={end} style={{ textDecoration: 'none' }} data-testid={testId}>
      {({ isActive }) => (
        <Button component="span" size="compact-sm" variant={isActive ? 'light' : 'subtle'} fw={isActive ? 700 : 500} c={isActive ? 'pemda.8' : 'gray.8'}>
          {label}
        </Button>
      )}
    </NavLink>
  );
}

/** /publik/{kode}/… for a code no region on Serasan has: say so instead of an empty region. */
function UnknownRegion({ code }: { code: string }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="xl" maw={640} mx="auto" data-testid="public-unknown-region">
      <Stack align="center" ta="center" gap="sm">
        <IconMapPinOff size={40} color="var(--mantine-color-gray-7)" aria-hidden />
        <Title order={1} fz="h2">
          {t('publicNav.unknownRegion.title')}
        </Title>
        <Text c="gray.7">{t('publicNav.unknownRegion.body', { code })}</Text>
        <Button component={Link} to="/publik/inovasi" variant="light">
          {t('publicNav.unknownRegion.toCatalogue')}
        </Button>
      </Stack>
    </Paper>
  );
}
