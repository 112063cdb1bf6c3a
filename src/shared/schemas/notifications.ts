import { z } from 'zod';
import { LIST_SORTS, ZListQuery } from './common.ts';

/** `status=unread|read` filters (the bell's older `unread=true` still works); sorted newest first. */
export const ZNotificationListQuery = ZListQuery(LIST_SORTS.notifications.keys, LIST_SORTS.notifications.default).extend({
  unread: z.enum(['true', 'false']).optional(),
  status: z.enum(['unread', 'read']).optional(),
}).strict();
export type NotificationListQuery = z.infer<typeof ZNotificationListQuery>;

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** An e-mail address for notifications; null or "" removes it. */
export const ZOptionalEmail = z.string().trim().max(254).refine((s) => s === '' || EMAIL_RE.test(s), { message: 'invalidEmail' }).nullable();
export const ZEmailInput = z.object({ email: ZOptionalEmail }).strict();
export type EmailInput = z.infer<typeof ZEmailInput>;

export const JOB_STATUSES = ['queued', 'running', 'done', 'failed', 'dead'] as const;
export const ZJobListQuery = ZListQuery(LIST_SORTS.jobs.keys, LIST_SORTS.jobs.default).extend({
  status: z.enum(JOB_STATUSES).optional(),
}).strict();
export type JobListQuery = z.infer<typeof ZJobListQuery>;
