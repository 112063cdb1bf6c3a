import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { actorOf } from '../../plugins/auth.ts';
import { can, authorize } from '../../policy/policy.ts';
import { ZIsoDate, ZPage, ZPageSize } from '../../../shared/schemas/common.ts';
import { entityNames } from './audit.labels.ts';

/** Record types whose history any signed-in user of the tenant may read (they read the records). */
const ORG_ENTITY_TYPES = ['unit', 'position', 'person', 'assignment'];

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

/**
 * Names for the ids an entry mentions (unitId, personId… before and after), so the history reads
 * "Dinas Kesehatan", not a uuid. Only records of the caller's tenant are resolved.
 */
async function resolveRefs(deps: Deps, tenantId: string, items: Array<{ changes: Record<string, { before: unknown; after: unknown }> }>) {
  const ids = new Set<string>();
  for (const e of items) {
    for (const [field, ch] of Object.entries(e.changes)) {
      if (!/Id$/.test(field)) continue;
      for (const v of [ch?.before, ch?.after]) if (typeof v === 'string' && v.length <= 64) ids.add(v);
    }
  }
  const list = [...ids];
  if (!list.length) return {};
  const { db } = deps;
  const [units, positions, people, innovations] = await Promise.all([
    db.selectFrom('units').select(['id', 'name as label']).where('tenantId', '=', tenantId).where('id', 'in', list).execute(),
    db.selectFrom('positions').select(['id', 'title as label']).where('tenantId', '=', tenantId).where('id', 'in', list).execute(),
    db.selectFrom('people').select(['id', 'name as label']).where('tenantId', '=', tenantId).where('id', 'in', list).execute(),
    db.selectFrom('innovations').select(['id', 'title as label']).where('tenantId', '=', tenantId).where('id', 'in', list).execute(),
  ]);
  return Object.fromEntries([...units, ...positions, ...people, ...innovations].map((r) => [r.id, r.label]));
}

export async function auditRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  // Read-only on purpose: the audit log has no update or delete route (and the database refuses them).
  r.get('/api/audit', {
    schema: {
      tags: ['riwayat'],
      summary: 'Audit history: tenant-wide log with filters, or the history of one record (?entityId=)',
      querystring: ZAuditQuery,
      response: { 200: z.object({ items: z.array(ZAuditEntry), refs: z.record(z.string(), z.string()), total: z.number(), page: z.number(), pageSize: z.number() }) },
    },
  }, async (request) => {
    const actor = actorOf(request);
    const f = request.query;
    authorize(actor, 'audit.readOrg', { tenantId: actor.tenantId });
    const all = can(actor, 'audit.readAll', { tenantId: actor.tenantId });
    let q = deps.db.selectFrom('auditLog').where('tenantId', '=', actor.tenantId);
    if (!all) q = q.where('entityType', 'in', ORG_ENTITY_TYPES);
    if (f.entityId) q = q.where('entityId', '=', f.entityId);
    if (f.entityType) q = q.where('entityType', '=', f.entityType);
    if (f.actorId) q = q.where('actorId', '=', f.actorId);
    if (f.action) q = q.where('action', '=', f.action);
    if (f.from) q = q.where('at', '>=', `${f.from}T00:00:00.000Z`);
    if (f.to) q = q.where('at', '<=', `${f.to}T23:59:59.999Z`);
    const { total } = await q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
    const rows = await q
      .selectAll()
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute();
    const items = rows.map((e) => ({ ...e, changes: JSON.parse(e.changes) as Record<string, { before: unknown; after: unknown }> }));
    const names = await entityNames(deps.db, actor.tenantId, items);
    return {
      refs: await resolveRefs(deps, actor.tenantId, items),
      items: items.map((e) => ({
        id: e.id,
        at: e.at,
        action: e.action,
        entityType: e.entityType,
        entityId: e.entityId,
        actorId: e.actorId,
        actorName: e.actorName,
        entityName: names.get(`${e.entityType}:${e.entityId}`) ?? null,
        changes: e.changes,
      })),
      total: Number(total),
      page: f.page,
      pageSize: f.pageSize,
    };
  });
}
