import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '@mantine/hooks';

export default function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('misc.notFound.title')} · Serasan`);
  return (
    <Center mih="50vh">
      <Stack align="center" gap="sm" maw={460} ta="center" data-testid="not-found">
        <Text fz={64} fw={800} c="pemda.2" lh={1}>
          404
        </Text>
        <Title order={3}>{t('misc.notFound.title')}</Title>
        <Text c="dimmed">{t('misc.notFound.body')}</Text>
        <Button component={Link} to="/">
          {t('misc.backHome')}
        </Button>
      </Stack>
    </Center>
  );
}
