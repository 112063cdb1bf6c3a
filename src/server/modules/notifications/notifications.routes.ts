import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../plugins/auth.ts';
import { ZId } from '../../../shared/schemas/common.ts';
import { ZNotificationListQuery } from '../../../shared/schemas/notifications.ts';
import { createNotificationsService } from './notifications.service.ts';

export async function notificationRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const service = createNotificationsService(deps);
  const tags = ['notifikasi'];

  r.get('/api/notifications', { schema: { tags, summary: 'My notifications, newest first (paged; unread=true for unread only)', querystring: ZNotificationListQuery } }, async (request) =>
    service.list(actorOf(request), request.query),
  );
  r.get('/api/notifications/unread-count', { schema: { tags, summary: 'Number of my unread notifications (the bell)' } }, async (request) => ({
    count: await service.unreadCount(actorOf(request)),
  }));
  r.post('/api/notifications/read-all', { schema: { tags, summary: 'Mark all my notifications read' } }, async (request) => service.markAllRead(actorOf(request), request.id));
  r.post('/api/notifications/:id/read', { schema: { tags, params: z.object({ id: ZId }), summary: 'Mark one of my notifications read' } }, async (request) =>
    service.markRead(actorOf(request), request.params.id, request.id),
  );
}
