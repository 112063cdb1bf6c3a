import type { DialectName, Executor } from '../../db/db.ts';
import { orderByList, pageOf, type SortColumns } from '../../lib/list.ts';
import type { LIST_SORTS, SortValue } from '../../../shared/schemas/common.ts';

type AuditSortKey = (typeof LIST_SORTS.audit.keys)[number];

export interface AuditFilter {
  entityId?: string;
  entityType?: string;
  actorId?: string;
  action?: string;
  /** UTC bounds (ISO) of the region's calendar days: `at >= fromAt` and `at < toAt`. */
  fromAt?: string;
  toAt?: string;
  sort: SortValue<AuditSortKey>;
  page: number;
  pageSize: number;
}

const AUDIT_SORT: SortColumns<AuditSortKey> = {
  at: { column: 'auditLog.at' },
  action: { column: 'auditLog.action' },
  entityType: { column: 'auditLog.entityType' },
  actor: { column: 'auditLog.actorName', text: true },
};

/** The audit log (read side) and the labels of the records it mentions; tenantId explicit. */
export const auditRepo = {
  /** One page of the log (newest first unless sorted otherwise); `entityTypes` limits the record types (null: all). */
  async listEntries(db: Executor, dialect: DialectName, tenantId: string, f: AuditFilter, entityTypes: string[] | null) {
    let q = db.selectFrom('auditLog').where('tenantId', '=', tenantId);
    if (entityTypes) q = q.where('entityType', 'in', entityTypes);
    if (f.entityId) q = q.where('entityId', '=', f.entityId);
    if (f.entityType) q = q.where('entityType', '=', f.entityType);
    if (f.actorId) q = q.where('actorId', '=', f.actorId);
    if (f.action) q = q.where('action', '=', f.action);
    if (f.fromAt) q = q.where('at', '>=', f.fromAt);
    if (f.toAt) q = q.where('at', '<', f.toAt);
    const { total } = await q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
    const rows = await q
      .selectAll()
      .$call((qb) => pageOf(orderByList(qb, f.sort, AUDIT_SORT, 'auditLog.id', dialect, 'follow'), f))
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
