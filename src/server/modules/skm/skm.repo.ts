import type { Executor } from '../../db/db.ts';

/** SKM data access used by the routes' verbs; every tenant-scoped function takes tenantId explicitly. */
export const skmRepo = {
  /** The tenant of a region code (public pages name the region, not the tenant id). */
  tenantByRegion(db: Executor, regionCode: string) {
    return db.selectFrom('tenants').select(['id', 'name', 'regionCode']).where('regionCode', '=', regionCode).executeTakeFirst();
  },
  /** Every survey with answers, with its running totals, service and unit names; oldest period first. */
  surveysWithAnswers(db: Executor, tenantId: string) {
    return db
      .selectFrom('skmSurveys as s')
      .innerJoin('skmServices as sv', (j) => j.onRef('sv.tenantId', '=', 's.tenantId').onRef('sv.id', '=', 's.serviceId'))
      .innerJoin('units as u', (j) => j.onRef('u.tenantId', '=', 's.tenantId').onRef('u.id', '=', 's.unitId'))
      .innerJoin('skmAggregates as a', (j) => j.onRef('a.tenantId', '=', 's.tenantId').onRef('a.surveyId', '=', 's.id'))
      .selectAll('a')
      .select(['s.id as surveyId', 's.serviceId', 's.unitId', 's.periodStart', 's.periodEnd', 's.activeUnsur', 's.rulebookId', 's.isDemo', 'sv.name as serviceName', 'u.name as unitName'])
      .where('s.tenantId', '=', tenantId)
      .where('a.n', '>', 0)
      .orderBy('s.periodStart')
      .execute();
  },
  /** Whether the survey exists and its unit (evidence access). */
  async unitOf(db: Executor, tenantId: string, id: string) {
    const r = await db.selectFrom('skmSurveys').select('unitId').where('tenantId', '=', tenantId).where('id', '=', id).executeTakeFirst();
    return { exists: !!r, unitId: r?.unitId ?? null };
  },
};
