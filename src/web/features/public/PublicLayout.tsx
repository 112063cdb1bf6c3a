import { Suspense } from 'react';
import { Link, Outlet } from 'react-router';
import { Anchor, Box, Button, Container, Group, Stack, Text } from '@mantine/core';
import { IconLogin, IconLayoutDashboard } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth/AuthProvider.tsx';
import { FullPageLoader } from '../../auth/guards.tsx';
import { LangSwitch } from '../../components/LangSwitch.tsx';

/** The frame of the public pages: no sign-in, light, readable on a phone. */
export default function PublicLayout() {
  const { t } = useTranslation();
  const { user } = useAuth();
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
      <Box component="main" style={{ flex: 1 }} py={{ base: 'md', sm: 'xl' }}>
        <Container size="lg" px={{ base: 'sm', sm: 'md' }}>
          <Suspense fallback={<FullPageLoader />}>
            <Outlet />
          </Suspense>
        </Container>
      </Box>
      <Box component="footer" py="md" bg="white" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
        <Container size="lg">
          <Text size="xs" c="dimmed">
            {t('publicCatalog.footer')}
          </Text>
        </Container>
      </Box>
    </Box>
  );
}
