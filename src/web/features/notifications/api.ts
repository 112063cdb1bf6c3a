import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export interface NotificationItem {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  shareText: string | null;
  emailStatus: 'off' | 'no_address' | 'pending' | 'sent';
  createdAt: string;
  readAt: string | null;
  isRead: boolean;
}

export interface NotificationPage {
  items: NotificationItem[];
  total: number;
  page: number;
  pageSize: number;
  unread: number;
}

export type JobStatus = 'queued' | 'running' | 'done' | 'failed' | 'dead';
export interface JobItem {
  id: string;
  kind: string;
  status: JobStatus;
  isSystem: boolean;
  attempts: number;
  maxAttempts: number;
  runAt: string;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
  finishedAt: string | null;
}

export const notifyKeys = {
  all: ['notifications'] as const,
  count: ['notifications', 'count'] as const,
  list: (q: object) => ['notifications', 'list', q] as const,
  jobs: (q: object) => ['admin-jobs', q] as const,
  email: ['account-email'] as const,
};

/** The bell's number: polled every two minutes while the tab is visible, and when it regains focus. */
export function useUnreadCount() {
  return useQuery({
    queryKey: notifyKeys.count,
    queryFn: () => api<{ count: number }>('/notifications/unread-count'),
    refetchInterval: 120_000,
  });
}

/** One page of my notifications: `status` (unread/read), `sort`, `page`, `pageSize` as the list endpoint takes them. */
export function useNotifications(q: Record<string, string | number | undefined>, enabled = true) {
  return useQuery({
    queryKey: notifyKeys.list(q),
    queryFn: () => api<NotificationPage>('/notifications', { query: q }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useNotificationActions() {
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: notifyKeys.all });
  return {
    async markRead(id: string) {
      await api(`/notifications/${encodeURIComponent(id)}/read`, { method: 'POST' });
      await refresh();
    },
    async markAllRead() {
      const r = await api<{ count: number }>('/notifications/read-all', { method: 'POST' });
      await refresh();
      return r.count;
    },
  };
}

export function useJobs(q: Record<string, string | number | undefined>) {
  return useQuery({
    queryKey: notifyKeys.jobs(q),
    queryFn: () => api<{ items: JobItem[]; total: number; page: number; pageSize: number; counts: Partial<Record<JobStatus, number>> }>('/admin/jobs', { query: q }),
    placeholderData: keepPreviousData,
    refetchInterval: 15_000,
  });
}

export function useAccountEmail() {
  return useQuery({ queryKey: notifyKeys.email, queryFn: () => api<{ email: string | null; smtpConfigured: boolean }>('/account/email') });
}
