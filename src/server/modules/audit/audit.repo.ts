import type { Executor } from '../../db/db.ts';

export interface AuditFilter {
  entityId?: string;
  entityType?: string;
  actorId?: string;
  action?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

/** The audit log (read side) and the labels of the records it mentions; tenantId explicit. */
export const auditRepo = {
  /** One page of the log, newest first; `entityTypes` limits the record types (null: all). */
  async listEntries(db: Executor, tenantId: string, f: AuditFilter, entityTypes: string[] | null) {
    let q = db.selectFrom('auditLog').where('tenantId', '=', tenantId);
    if (entityTypes) q = q.where('entityType', 'in', entityTypes);
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
    return { rows, total: Number(total) };
  },
  /** Names of units, positions, people and innovations among `ids` (only the tenant's records). */
  async labelsOf(db: Executor, tenantId: string, list: string[]) {
    const [units, positions, people, innovations] = await Promise.all([
      db.selectFrom('units').select(['id', 'name as label']).where('tenantId', '=', tenantId).where('id', 'in', list).execute(),
      db.selectFrom('positions').select(['id', 'title as label']).where('tenantId', '=', tenantId).where('id', 'in', list).execute(),
      db.selectFrom('people').select(['id', 'name as label']).where('tenantId', '=', tenantId).where('id', 'in', list).execute(),
      db.selectFrom('innovations').select(['id', 'title as label']).where('tenantId', '=', tenantId).where('id', 'in', list).execute(),
    ]);
    return Object.fromEntries([...units, ...positions, ...people, ...innovations].map((r) => [r.id, r.label]));
  },
};
