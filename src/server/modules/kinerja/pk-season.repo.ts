import type { Executor } from '../../db/db.ts';

/** Queries of the PK signing season (generate, register, reminders); every function takes tenantId. */
export const pkSeasonRepo = {
  /**
   * The JPT Pratama head positions: heads of the active top-level units (OPD, kecamatan, Setda),
   * with their unit, ordered by unit name.
   */
  topLevelHeads(db: Executor, tenantId: string) {
    return db
      .selectFrom('positions as p')
      .innerJoin('units as u', (j) => j.onRef('u.tenantId', '=', 'p.tenantId').onRef('u.id', '=', 'p.unitId'))
      .select(['p.id as positionId', 'p.title as positionTitle', 'u.id as unitId', 'u.name as unitName', 'u.shortName as unitShortName', 'u.type as unitType'])
      .where('p.tenantId', '=', tenantId)
      .where('p.isHead', '=', 1)
      .where('u.parentId', 'is', null)
      .where('u.isActive', '=', 1)
      .orderBy('u.name')
      .orderBy('p.id')
      .execute();
  },
  /** Every PK of a year (current and replaced) of the bupati and JPT Pratama levels. */
  seasonPks(db: Executor, tenantId: string, year: number) {
    return db
      .selectFrom('pkAgreements')
      .selectAll()
      .where('tenantId', '=', tenantId)
      .where('year', '=', year)
      .where('level', 'in', ['bupati', 'jpt_pratama'])
      .orderBy('revision')
      .orderBy('id')
      .execute();
  },
  /** The current (not replaced) PK of a position, or of the head of region when positionId is null. */
  current(db: Executor, tenantId: string, positionId: string | null, year: number) {
    let q = db.selectFrom('pkAgreements').selectAll().where('tenantId', '=', tenantId).where('year', '=', year).where('replacedById', 'is', null);
    q = positionId ? q.where('positionId', '=', positionId) : q.where('positionId', 'is', null).where('level', '=', 'bupati');
    return q.orderBy('revision', 'desc').executeTakeFirst();
  },
  /** Names of the users who took each review step of these PKs (for the register and the history). */
  reviewSteps(db: Executor, tenantId: string, pkIds: string[]) {
    if (!pkIds.length) return Promise.resolve([]);
    return db
      .selectFrom('reviewLog')
      .select(['entityId', 'fromState', 'toState', 'action', 'actorName', 'at', 'note'])
      .where('tenantId', '=', tenantId)
      .where('entityType', '=', 'pk')
      .where('entityId', 'in', pkIds)
      .orderBy('at')
      .orderBy('id')
      .execute();
  },
  tenant(db: Executor, tenantId: string) {
    return db.selectFrom('tenants').select(['id', 'regionCode']).where('id', '=', tenantId).executeTakeFirst();
  },
  tenants(db: Executor) {
    return db.selectFrom('tenants').select(['id', 'regionCode', 'name']).orderBy('id').execute();
  },
  /** Evidence access: a PK's scan is readable by whoever may read the PK (its unit). */
  async unitOfEvidenceTarget(db: Executor, tenantId: string, id: string) {
    const r = await db.selectFrom('pkAgreements').select(['unitId']).where('tenantId', '=', tenantId).where('id', '=', id).executeTakeFirst();
    return { exists: !!r, unitId: r?.unitId ?? null };
  },
  officialDocument(db: Executor, tenantId: string, id: string) {
    return db.selectFrom('officialDocuments').select(['id', 'sha256', 'number', 'verificationCode']).where('tenantId', '=', tenantId).where('id', '=', id).executeTakeFirst();
  },
};
