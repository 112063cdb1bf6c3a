import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../../db/db.ts';
import type { InnovationTable } from '../../db/schema.ts';
import { reviewLogOf } from '../../workflow/state-machine.ts';

/** Inovasi Daerah data access; every function takes tenantId explicitly. */
export const innovationRepo = {
  find(db: Executor, tenantId: string, id: string) {
    return db.selectFrom('innovations').selectAll().where('tenantId', '=', tenantId).where('id', '=', id).executeTakeFirst();
  },
  /** Whether the innovation exists and its unit (evidence access). */
  async unitOf(db: Executor, tenantId: string, id: string) {
    const r = await db.selectFrom('innovations').select('unitId').where('tenantId', '=', tenantId).where('id', '=', id).executeTakeFirst();
    return { exists: !!r, unitId: r?.unitId ?? null };
  },
  async insert(db: Executor, row: Insertable<InnovationTable>) {
    await db.insertInto('innovations').values(row).execute();
  },
  async update(db: Executor, tenantId: string, id: string, set: Updateable<InnovationTable>) {
    await db.updateTable('innovations').set(set).where('tenantId', '=', tenantId).where('id', '=', id).execute();
  },
  innovators(db: Executor, tenantId: string, innovationId: string) {
    return db
      .selectFrom('innovationInnovators as ii')
      .leftJoin('people as p', (j) => j.onRef('p.tenantId', '=', 'ii.tenantId').onRef('p.id', '=', 'ii.personId'))
      .select(['ii.id', 'ii.personId', 'ii.externalName', 'ii.role', 'ii.position', 'p.name as personName', 'p.nip as nip'])
      .where('ii.tenantId', '=', tenantId)
      .where('ii.innovationId', '=', innovationId)
      .orderBy('ii.position')
      .execute();
  },
  /** The innovation's workflow timeline, from the shared review log. */
  reviews(db: Executor, tenantId: string, innovationId: string) {
    return reviewLogOf(db, tenantId, 'innovation', innovationId);
  },
  /** Steps of the record's life that are not workflow transitions: recorded, imported, lifecycle changes (from the audit log). */
  lifeEvents(db: Executor, tenantId: string, innovationId: string) {
    return db
      .selectFrom('auditLog')
      .select(['id', 'action', 'actorName', 'at', 'changes'])
      .where('tenantId', '=', tenantId)
      .where('entityType', '=', 'innovation')
      .where('entityId', '=', innovationId)
      .where('action', 'in', ['create', 'import', 'lifecycle'])
      .orderBy('at')
      .orderBy('id')
      .execute();
  },
  replicationOf(db: Executor, tenantId: string, innovationId: string) {
    return db.selectFrom('innovationReplications').selectAll().where('tenantId', '=', tenantId).where('innovationId', '=', innovationId).executeTakeFirst();
  },
  replicatedBy(db: Executor, originTenantId: string, originInnovationId: string) {
    return db
      .selectFrom('innovationReplications as r')
      .innerJoin('innovations as i', (j) => j.onRef('i.tenantId', '=', 'r.tenantId').onRef('i.id', '=', 'r.innovationId'))
      .innerJoin('tenants as t', 't.id', 'r.tenantId')
      .select(['r.id', 'r.tenantId', 'r.innovationId', 'r.confirmedAt', 'i.title', 'i.status', 't.name as tenantName', 't.regionCode'])
      .where('r.originTenantId', '=', originTenantId)
      .where('r.originInnovationId', '=', originInnovationId)
      .orderBy('r.createdAt')
      .execute();
  },
};
