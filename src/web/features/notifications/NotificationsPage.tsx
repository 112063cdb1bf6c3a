import { Badge, Button, Card, Center, Group, Loader, Pagination, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconCheck, IconExternalLink } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, notifyError, notifySuccess } from '../../components/feedback.tsx';
import { formatDateTime } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { WhatsAppShareButton } from '../../components/WhatsAppShareButton.tsx';
import { useNotificationActions, useNotifications } from './api.ts';

const PAGE_SIZE = 20;

export default function NotificationsPage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<'all' | 'unread'>('all');
  const [page, setPage] = useState(1);
  const list = useNotifications({ unread: filter === 'unread', page, pageSize: PAGE_SIZE });
  const actions = useNotificationActions();
  const data = list.data;

  const readAll = async () => {
    try {
      const n = await actions.markAllRead();
      notifySuccess(t('notify.allRead', { count: n }));
    } catch (e) {
      notifyError(e);
    }
  };

  return (
    <Stack gap="md">
      <PageHeader
        title={t('notify.title')}
        description={t('notify.description')}
        actions={
          (data?.unread ?? 0) > 0 && (
            <Button variant="light" leftSection={<IconCheck size={16} />} onClick={() => void readAll()} data-testid="notifications-read-all">
              {t('notify.markAllRead')}
            </Button>
          )
        }
      />
      <Group justify="space-between" gap="xs">
        <SegmentedControl
          value={filter}
          onChange={(v) => {
            setFilter(v as 'all' | 'unread');
            setPage(1);
          }}
          data={[
            { value: 'all', label: t('notify.filterAll') },
            { value: 'unread', label: `${t('notify.filterUnread')} (${data?.unread ?? 0})` },
          ]}
          data-testid="notifications-filter"
        />
        {data && (
          <Text size="sm" c="dimmed" data-testid="notifications-count">
            {t('notify.count', { count: data.total })}
          </Text>
        )}
      </Group>
      <ErrorAlert error={list.error} />
      {list.isLoading ? (
        <Center p="lg">
          <Loader />
        </Center>
      ) : (data?.items.length ?? 0) === 0 ? (
        <Card withBorder>
          <Text c="dimmed" size="sm">
            {filter === 'unread' ? t('notify.emptyUnread') : t('notify.empty')}
          </Text>
        </Card>
      ) : (
        <Stack gap="sm">
          {data!.items.map((n) => (
            <Card key={n.id} withBorder padding="md" data-testid="notification" style={n.isRead ? undefined : { borderLeft: '4px solid var(--mantine-color-red-6)' }}>
              <Stack gap={6}>
                <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
                  <Text fw={n.isRead ? 500 : 700} style={{ flex: '1 1 260px' }}>
                    {n.title}
                  </Text>
                  <Group gap={6}>
                    {!n.isRead && (
                      <Badge color="red" variant="light" size="sm">
                        {t('notify.unread')}
                      </Badge>
                    )}
                    <Badge color={n.emailStatus === 'sent' ? 'teal' : 'gray'} variant="outline" size="sm" tt="none">
                      {t(`notify.emailStatus.${n.emailStatus}`)}
                    </Badge>
                  </Group>
                </Group>
                <Text size="sm">{n.body}</Text>
                <Group justify="space-between" gap="xs" wrap="wrap">
                  <Text size="xs" c="dimmed">
                    {formatDateTime(n.createdAt)}
                  </Text>
                  <Group gap="xs">
                    {n.shareText && <WhatsAppShareButton text={n.shareText} />}
                    {n.link && (
                      <Button
                        component={Link}
                        to={n.link}
                        size="compact-sm"
                        variant="light"
                        leftSection={<IconExternalLink size={16} />}
                        onClick={() => (n.isRead ? undefined : void actions.markRead(n.id).catch(notifyError))}
                        data-testid="notification-open"
                      >
                        {t('notify.open')}
                      </Button>
                    )}
                    {!n.isRead && (
                      <Button size="compact-sm" variant="subtle" onClick={() => void actions.markRead(n.id).catch(notifyError)} data-testid="notification-read">
                        {t('notify.markRead')}
                      </Button>
                    )}
                  </Group>
                </Group>
              </Stack>
            </Card>
          ))}
        </Stack>
      )}
      {data && data.total > PAGE_SIZE && (
        <Center>
          <Pagination total={Math.ceil(data.total / PAGE_SIZE)} value={page} onChange={setPage} size="sm" />
        </Center>
      )}
    </Stack>
  );
}
