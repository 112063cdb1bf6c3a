import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';

export function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <Center mih="50vh">
      <Stack align="center" gap="sm" maw={460} ta="center">
        <IconLock size={48} stroke={1.4} color="var(--mantine-color-gray-6)" />
        <Title order={3}>{t('misc.forbidden.title')}</Title>
        <Text c="dimmed">{t('misc.forbidden.body')}</Text>
        <Button component={Link} to="/" variant="light">
          {t('misc.backHome')}
        </Button>
      </Stack>
    </Center>
  );
}
