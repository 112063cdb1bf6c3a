import type { Deps } from '../../deps.ts';
import { AppError, notFound } from '../../errors.ts';
import type { Actor } from '../../policy/actor.ts';
import type { NotificationListQuery } from '../../../shared/schemas/notifications.ts';
import { writeWithAudit } from '../audit/audit.writer.ts';
import { who } from '../org/org.service.ts';
import type { NotificationTable } from './notifications.types.ts';
import { notificationsRepo as repo } from './notifications.repo.ts';

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

  async function unreadCount(actor: Actor): Promise<number> {
    signedIn(actor);
    return repo.countOfUser(db, actor.tenantId, actor.userId, { read: 'unread' });
  }

  return {
    unreadCount,

    async list(actor: Actor, q: NotificationListQuery) {
      signedIn(actor);
      const read = q.unread === 'true' || q.status === 'unread' ? 'unread' : q.status === 'read' ? 'read' : undefined;
      const total = await repo.countOfUser(db, actor.tenantId, actor.userId, { read });
      const rows = await repo.pageOfUser(db, actor.tenantId, actor.userId, { read, page: q.page, pageSize: q.pageSize, sort: q.sort }, deps.dialect);
      return { items: rows.map(presentNotification), total, page: q.page, pageSize: q.pageSize, unread: await unreadCount(actor) };
    },

    async markRead(actor: Actor, id: string, requestId?: string) {
      signedIn(actor);
      return writeWithAudit(db, who(actor, requestId), clock, async (tx, audit) => {
        const n = await repo.findOfUser(tx, actor.tenantId, actor.userId, id);
        if (!n) throw notFound('notification');
        if (n.readAt) return presentNotification(n);
        const readAt = clock.now().toISOString();
        await repo.setReadAt(tx, actor.tenantId, id, readAt);
        await audit.record({ entityType: 'notification', entityId: id, action: 'read', changes: { readAt: { before: null, after: readAt } } });
        return presentNotification({ ...n, readAt });
      });
    },

    async markAllRead(actor: Actor, requestId?: string) {
      signedIn(actor);
      return writeWithAudit(db, who(actor, requestId), clock, async (tx, audit) => {
        const readAt = clock.now().toISOString();
        const count = await repo.markAllReadOfUser(tx, actor.tenantId, actor.userId, readAt);
        if (count > 0) await audit.record({ entityType: 'notification', entityId: actor.userId, action: 'read_all', changes: { count: { before: null, after: count } } });
        return { count };
      });
    },
  };
}
