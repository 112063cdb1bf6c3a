import { Box, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LangSwitch } from '../../components/LangSwitch.tsx';

/** The frame of the signed-out pages: brand, tagline, language switch. */
export function AuthCard({ children, title }: { children: ReactNode; title: string }) {
  const { t } = useTranslation();
  return (
    <Box mih="100vh" style={{ background: 'linear-gradient(180deg, var(--mantine-color-pemda-9) 0 38%, var(--mantine-color-gray-0) 38% 100%)' }}>
      <Group justify="flex-end" p="md">
        <LangSwitch variant="default" />
      </Group>
      <Center px="md" pb="xl">
        <Stack w="100%" maw={420} gap="lg">
          <Stack gap={4} align="center" c="white" ta="center">
            <Group gap="sm">
              <span className="serasan-logo-mark" style={{ width: 44, height: 44, fontSize: 26, background: '#fff', color: 'var(--mantine-color-pemda-9)' }} aria-hidden>
                S
              </span>
              <Title order={1} fz={34} c="white">
                Serasan
              </Title>
            </Group>
            <Text size="sm" c="pemda.1">
              {t('app.tagline')}
            </Text>
          </Stack>
          <Paper withBorder shadow="md" p={{ base: 'lg', sm: 'xl' }} radius="md">
            <Title order={2} fz="h3" mb="md">
              {title}
            </Title>
            {children}
          </Paper>
          <Text size="xs" c="dimmed" ta="center">
            {t('app.footer')}
          </Text>
        </Stack>
      </Center>
    </Box>
  );
}
