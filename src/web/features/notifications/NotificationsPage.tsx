import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { IconCheck, IconExternalLink } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LIST_SORTS } from '../../../shared/schemas/common.ts';
import { DataList, useListState, type Column, type FilterDef } from '../../components/DataList/index.ts';
import { notifyError, notifySuccess } from '../../components/feedback.tsx';
import { formatDateTime, formatNumber } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { WhatsAppShareButton } from '../../components/WhatsAppShareButton.tsx';
import { useNotificationActions, useNotifications, type NotificationItem } from './api.ts';

const FILTERS = ['status'] as const;

/** My notifications on the one list component: read/unread filter, sort, paging (kept in the URL). */
export default function NotificationsPage() {
  const { t } = useTranslation();
  const list = useListState({ filters: FILTERS, defaultSort: LIST_SORTS.notifications.default, pageSize: 20 });
  const result = useNotifications(list.query);
  const actions = useNotificationActions();
  const data = result.data;

  const readAll = async () => {
    try {
      const n = await actions.markAllRead();
      notifySuccess(t('notify.allRead', { count: n }));
    } catch (e) {
      notifyError(e);
    }
  };

  const filters: FilterDef[] = [
    {
      kind: 'select',
      param: 'status',
      label: t('notify.status'),
      options: [
        { value: 'unread', label: data ? `${t('notify.filterUnread')} (${formatNumber(data.unread)})` : t('notify.filterUnread') },
        { value: 'read', label: t('notify.filterRead') },
      ],
      testId: 'notifications-filter',
    },
  ];

  const columns: Column<NotificationItem>[] = [
    {
      key: 'title',
      label: t('notify.message'),
      sortKey: 'title',
      render: (n) => (
        <Stack gap={6} py={4}>
          <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
            <Text fw={n.isRead ? 500 : 700} size="sm" style={{ flex: '1 1 220px' }}>
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
          <Text size="xs" c="dimmed" hiddenFrom="sm">
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
        </Stack>
      ),
    },
    { key: 'createdAt', label: t('notify.createdAt'), sortKey: 'createdAt', descFirst: true, desktopOnly: true, width: 190, render: (n) => <Text size="sm">{formatDateTime(n.createdAt)}</Text> },
  ];

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
      <DataList
        id="notifications"
        state={list}
        result={result}
        filters={filters}
        columns={columns}
        rowKey={(n) => n.id}
        rowTestId="notification"
        countText={(total) => t('notify.count', { count: total })}
        emptyText={t('notify.empty')}
        empty={
          list.filters.status === 'unread' && (
            <Text size="sm" c="dimmed">
              {t('notify.emptyUnread')}
            </Text>
          )
        }
        minWidth={640}
      />
    </Stack>
  );
}
