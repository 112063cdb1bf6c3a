import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../deps.ts';
import { actorOf } from '../plugins/auth.ts';
import { ZId } from '../../shared/schemas/common.ts';
import { ZJobListQuery } from '../../shared/schemas/notifications.ts';
import { createJobsService } from './jobs.service.ts';

export async function jobRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const service = createJobsService(deps);
  const tags = ['admin'];
  r.get('/api/admin/jobs', { schema: { tags, summary: 'Background jobs of the tenant (admin), filter by status', querystring: ZJobListQuery } }, async (request) =>
    service.list(actorOf(request), request.query),
  );
  r.post('/api/admin/jobs/:id/retry', { schema: { tags, params: z.object({ id: ZId }), summary: 'Retry a failed or dead job now (admin)' } }, async (request) =>
    service.retry(actorOf(request), request.params.id, request.id),
  );
}
