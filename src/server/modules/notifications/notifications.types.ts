/** Row types of the notification outbox and the in-app notifications (migration 0008); they live
 * in db/schema.ts with every table type, so the database layer imports no module. */
export type { EmailStatus, NotificationOutboxTable, NotificationTable } from '../../db/schema.ts';
