/** Row types of the notification outbox and the in-app notifications (migration 0008). */
export interface NotificationOutboxTable {
  tenantId: string;
  id: string;
  kind: string;
  recipients: string; // JSON Recipients
  message: string; // JSON { key, params }
  link: string | null;
  dedupeKey: string | null;
  createdBy: string | null;
  createdAt: string;
  deliveredAt: string | null;
  recipientCount: number | null;
}

export type EmailStatus = 'off' | 'no_address' | 'pending' | 'sent';

export interface NotificationTable {
  tenantId: string;
  id: string;
  outboxId: string;
  userId: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  shareText: string | null;
  emailStatus: EmailStatus;
  emailedAt: string | null;
  createdAt: string;
  readAt: string | null;
}
