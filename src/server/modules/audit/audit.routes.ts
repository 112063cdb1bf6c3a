import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../plugins/auth.ts';
import { createAuditService } from './audit.service.ts';
import { auditCsvRow, AUDIT_CSV_HEADER, presentAuditEntry } from './audit.presenters.ts';
import { ZAuditEntry, ZAuditListQuery } from '../../../shared/schemas/audit.ts';
import { csvDownload, EXPORT_MAX_ROWS } from '../../lib/list.ts';
import { createTenantService } from '../tenants/tenants.service.ts';

export async function auditRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const audit = createAuditService(deps);

  // Read-only on purpose: the audit log has no update or delete route (and the database refuses them).
  r.get('/api/audit', {
    schema: {
      tags: ['riwayat'],
      summary: 'Audit history: tenant-wide log with filters and sort (newest first), or the history of one record (?entityId=)',
      querystring: ZAuditListQuery,
      response: { 200: z.object({ items: z.array(ZAuditEntry), refs: z.record(z.string(), z.string()), total: z.number(), page: z.number(), pageSize: z.number() }) },
    },
  }, async (request) => {
    const f = request.query;
    const { items, refs, total } = await audit.history(actorOf(request), f);
    return { refs, items: items.map(presentAuditEntry), total, page: f.page, pageSize: f.pageSize };
  });

  r.get('/api/audit/export.csv', {
    schema: { tags: ['riwayat'], summary: 'The filtered, sorted history as CSV (at most 10,000 rows), times in the region’s zone', querystring: ZAuditListQuery },
  }, async (request, reply) => {
    const actor = actorOf(request);
    const { items, refs, regionCode } = await audit.history(actor, { ...request.query, page: 1, pageSize: EXPORT_MAX_ROWS });
    const csv = csvDownload(
      await createTenantService(deps).exportFileName(actor.tenantId, 'riwayat'),
      AUDIT_CSV_HEADER,
      items.map((e) => auditCsvRow(presentAuditEntry(e), refs, regionCode, request.lang)),
    );
    return reply.type(csv.contentType).header('content-disposition', csv.disposition).send(csv.body);
  });
}
