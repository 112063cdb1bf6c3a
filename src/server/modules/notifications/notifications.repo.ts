import { sql, type Insertable } from 'kysely';
import type { DialectName, Executor } from '../../db/db.ts';
import { orderByList, pageOf, type SortColumns } from '../../lib/list.ts';
import type { LIST_SORTS, SortValue } from '../../../shared/schemas/common.ts';
import type { EmailStatus, NotificationOutboxTable, NotificationTable } from '../../db/schema.ts';
import type { Recipients } from './notify.ts';

/** Kysely only; every function takes tenantId. */

type NotificationSortKey = (typeof LIST_SORTS.notifications.keys)[number];
const NOTIFICATION_SORT: SortColumns<NotificationSortKey> = {
  createdAt: { column: 'createdAt' },
  title: { column: 'title', text: true },
};
/** 'unread' or 'read' only; undefined for all. */
type ReadFilter = 'unread' | 'read' | undefined;

export interface RecipientUser {
  id: string;
  name: string;
  email: string | null;
  locale: string;
}

/** Active users of the tenant matching the recipients (see Recipients). */
export async function resolveRecipients(ex: Executor, tenantId: string, r: Recipients): Promise<RecipientUser[]> {
  const byId = new Map<string, RecipientUser>();
  const users = await ex
    .selectFrom('users')
    .select(['id', 'name', 'email', 'locale'])
    .where('tenantId', '=', tenantId)
    .where('isActive', '=', 1)
    .execute();
  const all = new Map(users.map((u) => [u.id, { id: u.id, name: u.name, email: u.email ?? null, locale: u.locale }]));
  for (const id of r.userIds ?? []) {
    const u = all.get(id);
    if (u) byId.set(id, u);
  }
  if (r.roles?.length) {
    const grants = await ex.selectFrom('userRoles').select(['userId', 'role', 'unitId']).where('tenantId', '=', tenantId).where('role', 'in', r.roles).execute();
    let covered: ((grantUnit: string) => boolean) | undefined;
    if (r.unitIds?.length) {
      // A unit grant covers its sub-units: walk each target unit up to the root.
      const units = await ex.selectFrom('units').select(['id', 'parentId']).where('tenantId', '=', tenantId).execute();
      const parent = new Map(units.map((u) => [u.id, u.parentId]));
      const ancestors = new Set<string>();
      for (const target of r.unitIds) {
        let cur: string | null | undefined = target;
        for (let guard = 0; cur && guard < 100; guard++) {
          ancestors.add(cur);
          cur = parent.get(cur);
        }
      }
      covered = (unit) => ancestors.has(unit);
    }
    for (const g of grants) {
      const u = all.get(g.userId);
      if (!u) continue;
      if (!covered || g.unitId === null || covered(g.unitId)) byId.set(u.id, u);
    }
  }
  return [...byId.values()];
}

/** A user's own notifications: every query is filtered by tenant AND user. */
export const notificationsRepo = {
  async countOfUser(db: Executor, tenantId: string, userId: string, f: { read?: ReadFilter } = {}): Promise<number> {
    let q = db.selectFrom('notifications').where('tenantId', '=', tenantId).where('userId', '=', userId);
    if (f.read === 'unread') q = q.where('readAt', 'is', null);
    else if (f.read === 'read') q = q.where('readAt', 'is not', null);
    const r = await q.select(sql<number>`count(*)`.as('n')).executeTakeFirst();
    return Number(r?.n ?? 0);
  },
  /** One page in the chosen order (newest first by default). */
  pageOfUser(db: Executor, tenantId: string, userId: string, f: { read?: ReadFilter; page: number; pageSize: number; sort: SortValue<NotificationSortKey> }, dialect: DialectName) {
    let q = db.selectFrom('notifications').where('tenantId', '=', tenantId).where('userId', '=', userId);
    if (f.read === 'unread') q = q.where('readAt', 'is', null);
    else if (f.read === 'read') q = q.where('readAt', 'is not', null);
    return q.selectAll().$call((qb) => pageOf(orderByList(qb, f.sort, NOTIFICATION_SORT, 'id', dialect), f)).execute();
  },
  findOfUser(db: Executor, tenantId: string, userId: string, id: string) {
    return db.selectFrom('notifications').selectAll().where('tenantId', '=', tenantId).where('userId', '=', userId).where('id', '=', id).executeTakeFirst();
  },
  async setReadAt(db: Executor, tenantId: string, id: string, readAt: string) {
    await db.updateTable('notifications').set({ readAt }).where('tenantId', '=', tenantId).where('id', '=', id).execute();
  },
  /** Marks every unread notification of the user read; answers how many changed. */
  async markAllReadOfUser(db: Executor, tenantId: string, userId: string, readAt: string): Promise<number> {
    const r = await db
      .updateTable('notifications')
      .set({ readAt })
      .where('tenantId', '=', tenantId)
      .where('userId', '=', userId)
      .where('readAt', 'is', null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows);
  },

  /** Adds an outbox row; answers false when the tenant already has one with its dedupe key. */
  async insertOutbox(db: Executor, row: Insertable<NotificationOutboxTable>): Promise<boolean> {
    const r = await db
      .insertInto('notificationOutbox')
      .values(row)
      .onConflict((oc) => oc.columns(['tenantId', 'dedupeKey']).doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
  },
  findOutbox(db: Executor, tenantId: string, id: string) {
    return db.selectFrom('notificationOutbox').selectAll().where('tenantId', '=', tenantId).where('id', '=', id).executeTakeFirst();
  },
  async markOutboxDelivered(db: Executor, tenantId: string, id: string, deliveredAt: string, recipientCount: number) {
    await db.updateTable('notificationOutbox').set({ deliveredAt, recipientCount }).where('tenantId', '=', tenantId).where('id', '=', id).execute();
  },
  /** One in-app notification per (outbox, user): a retried delivery inserts nothing twice. */
  async insertNotification(db: Executor, row: Insertable<NotificationTable>) {
    await db
      .insertInto('notifications')
      .values(row)
      .onConflict((oc) => oc.columns(['tenantId', 'outboxId', 'userId']).doNothing())
      .execute();
  },
  /** The outbox row's notifications still waiting for their e-mail, with address, language and region name. */
  pendingEmails(db: Executor, tenantId: string, outboxId: string) {
    return db
      .selectFrom('notifications')
      .innerJoin('users', 'users.id', 'notifications.userId')
      .innerJoin('tenants', 'tenants.id', 'notifications.tenantId')
      .select(['notifications.id', 'notifications.title', 'notifications.body', 'notifications.link', 'users.email', 'users.locale', 'tenants.name as tenantName'])
      .where('notifications.tenantId', '=', tenantId)
      .where('notifications.outboxId', '=', outboxId)
      .where('notifications.emailStatus', '=', 'pending')
      .execute();
  },
  async setEmailStatus(db: Executor, tenantId: string, id: string, emailStatus: EmailStatus, emailedAt?: string) {
    await db
      .updateTable('notifications')
      .set(emailedAt ? { emailStatus, emailedAt } : { emailStatus })
      .where('tenantId', '=', tenantId)
      .where('id', '=', id)
      .execute();
  },
};
