import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../plugins/auth.ts';
import { createAuditService } from './audit.service.ts';
import { presentAuditEntry } from './audit.presenters.ts';
import { ZIsoDate, ZPage, ZPageSize } from '../../../shared/schemas/common.ts';

const ZAuditQuery = z.object({
  entityId: z.string().max(64).optional(),
  entityType: z.string().max(40).optional(),
  actorId: z.string().max(64).optional(),
  action: z.string().max(40).optional(),
  from: ZIsoDate.optional(),
  to: ZIsoDate.optional(),
  page: ZPage,
  pageSize: ZPageSize,
});

const ZAuditEntry = z.object({
  id: z.string(),
  at: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  /** The record's name (title, unit name, person name…) when it has one. */
  entityName: z.string().nullable(),
  changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })),
});

export async function auditRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const audit = createAuditService(deps);

  // Read-only on purpose: the audit log has no update or delete route (and the database refuses them).
  r.get('/api/audit', {
    schema: {
      tags: ['riwayat'],
      summary: 'Audit history: tenant-wide log with filters, or the history of one record (?entityId=)',
      querystring: ZAuditQuery,
      response: { 200: z.object({ items: z.array(ZAuditEntry), refs: z.record(z.string(), z.string()), total: z.number(), page: z.number(), pageSize: z.number() }) },
    },
  }, async (request) => {
    const f = request.query;
    const { items, refs, total } = await audit.history(actorOf(request), f);
    return { refs, items: items.map(presentAuditEntry), total, page: f.page, pageSize: f.pageSize };
  });
}
