import { sql } from 'kysely';
import type { Deps } from '../../deps.ts';
import { AppError, notFound } from '../../errors.ts';
import type { Actor } from '../../policy/actor.ts';
import type { NotificationListQuery } from '../../../shared/schemas/notifications.ts';
import { writeWithAudit } from '../audit/audit.writer.ts';
import { who } from '../org/org.service.ts';
import type { NotificationTable } from './notifications.types.ts';
import { orderByList, pageOf, type SortColumns } from '../../lib/list.ts';
import type { LIST_SORTS } from '../../../shared/schemas/common.ts';

const NOTIFICATION_SORT: SortColumns<(typeof LIST_SORTS.notifications.keys)[number]> = {
  createdAt: { column: 'createdAt' },
  title: { column: 'title', text: true },
};

/**
 * A user's own notifications. There is no policy action: a notification belongs to exactly one
 * user, and every query is filtered by tenant AND user, so anyone else's id answers 404.
 */
export function presentNotification(n: NotificationTable) {
  return {
    id: n.id,
    kind: n.kind,
    title: n.title,
    body: n.body,
    link: n.link,
    shareText: n.shareText,
    emailStatus: n.emailStatus,
    createdAt: n.createdAt,
    readAt: n.readAt,
    isRead: n.readAt !== null,
  };
}

function signedIn(actor: Actor | null | undefined): asserts actor is Actor {
  if (!actor) throw new AppError('UNAUTHENTICATED', 'errors.unauthenticated');
}

export function createNotificationsService(deps: Deps) {
  const { db, clock } = deps;
  const mine = (actor: Actor) => db.selectFrom('notifications').where('tenantId', '=', actor.tenantId).where('userId', '=', actor.userId);

  async function unreadCount(actor: Actor): Promise<number> {
    signedIn(actor);
    const r = await mine(actor).select(sql<number>`count(*)`.as('n')).where('readAt', 'is', null).executeTakeFirst();
    return Number(r?.n ?? 0);
  }

  return {
    unreadCount,

    async list(actor: Actor, q: NotificationListQuery) {
      signedIn(actor);
      let base = mine(actor);
      if (q.unread === 'true' || q.status === 'unread') base = base.where('readAt', 'is', null);
      else if (q.status === 'read') base = base.where('readAt', 'is not', null);
      const total = Number((await base.select(sql<number>`count(*)`.as('n')).executeTakeFirst())?.n ?? 0);
      const rows = await base.selectAll().$call((qb) => pageOf(orderByList(qb, q.sort, NOTIFICATION_SORT, 'id', deps.dialect), q)).execute();
      return { items: rows.map(presentNotification), total, page: q.page, pageSize: q.pageSize, unread: await unreadCount(actor) };
    },

    async markRead(actor: Actor, id: string, requestId?: string) {
      signedIn(actor);
      return writeWithAudit(db, who(actor, requestId), clock, async (tx, audit) => {
        const n = await tx.selectFrom('notifications').selectAll().where('tenantId', '=', actor.tenantId).where('userId', '=', actor.userId).where('id', '=', id).executeTakeFirst();
        if (!n) throw notFound('notification');
        if (n.readAt) return presentNotification(n);
        const readAt = clock.now().toISOString();
        await tx.updateTable('notifications').set({ readAt }).where('tenantId', '=', actor.tenantId).where('id', '=', id).execute();
        await audit.record({ entityType: 'notification', entityId: id, action: 'read', changes: { readAt: { before: null, after: readAt } } });
        return presentNotification({ ...n, readAt });
      });
    },

    async markAllRead(actor: Actor, requestId?: string) {
      signedIn(actor);
      return writeWithAudit(db, who(actor, requestId), clock, async (tx, audit) => {
        const readAt = clock.now().toISOString();
        const r = await tx
          .updateTable('notifications')
          .set({ readAt })
          .where('tenantId', '=', actor.tenantId)
          .where('userId', '=', actor.userId)
          .where('readAt', 'is', null)
          .executeTakeFirst();
        const count = Number(r.numUpdatedRows);
        if (count > 0) await audit.record({ entityType: 'notification', entityId: actor.userId, action: 'read_all', changes: { count: { before: null, after: count } } });
        return { count };
      });
    },
  };
}
