import { ActionIcon, Anchor, Box, Button, Divider, Group, Indicator, Loader, Menu, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { notifyError } from '../../components/feedback.tsx';
import { formatDateTime } from '../../components/format.ts';
import { useNotificationActions, useNotifications, useUnreadCount, type NotificationItem } from './api.ts';

/** The header bell: unread count, and the latest notifications in a dropdown. */
export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [opened, setOpened] = useState(false);
  const count = useUnreadCount().data?.count ?? 0;
  const latest = useNotifications({ page: 1, pageSize: 6 }, opened);
  const actions = useNotificationActions();

  const open = async (n: NotificationItem) => {
    setOpened(false);
    try {
      if (!n.isRead) await actions.markRead(n.id);
    } catch (e) {
      notifyError(e);
    }
    navigate(n.link ?? '/notifikasi');
  };

  return (
    <Menu opened={opened} onChange={setOpened} position="bottom-end" width={360} shadow="md" withinPortal>
      <Menu.Target>
        <Indicator label={count > 99 ? '99+' : count} size={16} color="red" disabled={count === 0} offset={4} data-testid="bell-count">
          <ActionIcon variant="subtle" color="gray" size="lg" aria-label={count ? t('notify.bellUnread', { count }) : t('notify.bell')} data-testid="bell">
            <IconBell size={20} stroke={1.6} />
          </ActionIcon>
        </Indicator>
      </Menu.Target>
      <Menu.Dropdown p={0} maw="calc(100vw - 16px)">
        <Group justify="space-between" px="sm" py={8}>
          <Text fw={650} size="sm">
            {t('notify.latest')}
          </Text>
          {count > 0 && (
            <Button size="compact-xs" variant="subtle" onClick={() => void actions.markAllRead().catch(notifyError)} data-testid="bell-read-all">
              {t('notify.markAllRead')}
            </Button>
          )}
        </Group>
        <Divider />
        <ScrollArea.Autosize mah={380}>
          {latest.isLoading ? (
            <Group justify="center" p="md">
              <Loader size="sm" />
            </Group>
          ) : (latest.data?.items.length ?? 0) === 0 ? (
            <Text size="sm" c="dimmed" p="md">
              {t('notify.empty')}
            </Text>
          ) : (
            <Stack gap={0}>
              {latest.data!.items.map((n) => (
                <UnstyledButton key={n.id} onClick={() => void open(n)} px="sm" py={8} data-testid="bell-item" style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
                  <Group gap={8} wrap="nowrap" align="flex-start">
                    <Box w={8} h={8} mt={6} style={{ borderRadius: 8, flex: '0 0 8px', background: n.isRead ? 'transparent' : 'var(--mantine-color-red-6)' }} aria-label={n.isRead ? undefined : t('notify.unread')} />
                    <Stack gap={2} style={{ minWidth: 0 }}>
                      <Text size="sm" fw={n.isRead ? 400 : 650} lineClamp={2}>
                        {n.title}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {formatDateTime(n.createdAt)}
                      </Text>
                    </Stack>
                  </Group>
                </UnstyledButton>
              ))}
            </Stack>
          )}
        </ScrollArea.Autosize>
        <Divider />
        <Box px="sm" py={8}>
          <Anchor component={Link} to="/notifikasi" size="sm" onClick={() => setOpened(false)} data-testid="bell-see-all">
            {t('notify.seeAll')}
          </Anchor>
        </Box>
      </Menu.Dropdown>
    </Menu>
  );
}
