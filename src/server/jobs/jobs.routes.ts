import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../deps.ts';
import { actorOf } from '../plugins/auth.ts';
import { ZId } from '../../shared/schemas/common.ts';
import { ZJobListQuery } from '../../shared/schemas/notifications.ts';
import { createJobsService } from './jobs.service.ts';
import { csvDownload, EXPORT_MAX_ROWS } from '../lib/list.ts';
import { createTenantService } from '../modules/tenants/tenants.service.ts';

export async function jobRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const service = createJobsService(deps);
  const tags = ['admin'];
  r.get('/api/admin/jobs', { schema: { tags, summary: 'Background jobs of the tenant (admin), filter by status', querystring: ZJobListQuery } }, async (request) =>
    service.list(actorOf(request), request.query),
  );
  r.get('/api/admin/jobs/export.csv', { schema: { tags, summary: 'The filtered, sorted job list as CSV (admin)', querystring: ZJobListQuery } }, async (request, reply) => {
    const actor = actorOf(request);
    const { items } = await service.list(actor, { ...request.query, page: 1, pageSize: EXPORT_MAX_ROWS });
    const x = await createTenantService(deps).exportContext(actor.tenantId, 'tugas-latar');
    const csv = csvDownload(
      x.fileName,
      ['ID', 'Jenis', 'Status', 'Percobaan', 'Maks. percobaan', 'Dijadwalkan', 'Dibuat', 'Diperbarui', 'Selesai', 'Galat terakhir'],
      items.map((j) => [j.id, j.kind, j.status, j.attempts, j.maxAttempts, x.stamp(j.runAt), x.stamp(j.createdAt), x.stamp(j.updatedAt), x.stamp(j.finishedAt), j.lastError]),
    );
    return reply.type(csv.contentType).header('content-disposition', csv.disposition).send(csv.body);
  });
  r.post('/api/admin/jobs/:id/retry', { schema: { tags, params: z.object({ id: ZId }), summary: 'Retry a failed or dead job now (admin)' } }, async (request) =>
    service.retry(actorOf(request), request.params.id, request.id),
  );
}
