import { z } from 'zod';
import { ZPage, ZPageSize } from './common.ts';

export const ZNotificationListQuery = z.object({
  unread: z.enum(['true', 'false']).optional(),
  page: ZPage,
  pageSize: ZPageSize,
}).strict();
export type NotificationListQuery = z.infer<typeof ZNotificationListQuery>;

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** An e-mail address for notifications; null or "" removes it. */
export const ZOptionalEmail = z.string().trim().max(254).refine((s) => s === '' || EMAIL_RE.test(s), { message: 'invalidEmail' }).nullable();
export const ZEmailInput = z.object({ email: ZOptionalEmail }).strict();
export type EmailInput = z.infer<typeof ZEmailInput>;

export const JOB_STATUSES = ['queued', 'running', 'done', 'failed', 'dead'] as const;
export const ZJobListQuery = z.object({
  status: z.enum(JOB_STATUSES).optional(),
  page: ZPage,
  pageSize: ZPageSize,
}).strict();
export type JobListQuery = z.infer<typeof ZJobListQuery>;
