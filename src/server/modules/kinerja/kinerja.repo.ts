import type { Executor } from '../../db/db.ts';
import type { PkAgreementTable, PkIndicatorTable, PkRealisationTable } from '../../db/schema.ts';

/** Kysely queries of the Perjanjian Kinerja module; every function takes tenantId. */
export const kinerjaRepo = {
  position(db: Executor, tenantId: string, positionId: string) {
    return db.selectFrom('positions').select(['id', 'unitId', 'title', 'isHead']).where('tenantId', '=', tenantId).where('id', '=', positionId).executeTakeFirst();
  },
  unit(db: Executor, tenantId: string, unitId: string) {
    return db.selectFrom('units').select(['id', 'parentId', 'name']).where('tenantId', '=', tenantId).where('id', '=', unitId).executeTakeFirst();
  },
  find(db: Executor, tenantId: string, id: string) {
    return db.selectFrom('pkAgreements').selectAll().where('tenantId', '=', tenantId).where('id', '=', id).executeTakeFirst();
  },
  /** The PK of a position (null: the head of region) for a year, if one exists. */
  findFor(db: Executor, tenantId: string, positionId: string | null, year: number) {
    // A replaced PK (perubahan) no longer counts: the revision is the position's PK of the year.
    let q = db.selectFrom('pkAgreements').select(['id', 'status']).where('tenantId', '=', tenantId).where('year', '=', year).where('replacedById', 'is', null);
    q = positionId ? q.where('positionId', '=', positionId) : q.where('positionId', 'is', null).where('level', '=', 'bupati');
    return q.executeTakeFirst();
  },
  list(db: Executor, tenantId: string, year: number) {
    return db.selectFrom('pkAgreements').selectAll().where('tenantId', '=', tenantId).where('year', '=', year).orderBy('level').orderBy('firstTitle').orderBy('id').execute();
  },
  async insert(db: Executor, row: PkAgreementTable) {
    await db.insertInto('pkAgreements').values(row).execute();
  },
  async update(db: Executor, tenantId: string, id: string, set: Partial<PkAgreementTable>) {
    await db.updateTable('pkAgreements').set(set).where('tenantId', '=', tenantId).where('id', '=', id).execute();
  },
  indicators(db: Executor, tenantId: string, pkId: string) {
    return db.selectFrom('pkIndicators').selectAll().where('tenantId', '=', tenantId).where('pkId', '=', pkId).orderBy('seq').orderBy('id').execute();
  },
  async nextSeq(db: Executor, tenantId: string, pkId: string) {
    const r = await db.selectFrom('pkIndicators').select((eb) => eb.fn.max('seq').as('m')).where('tenantId', '=', tenantId).where('pkId', '=', pkId).executeTakeFirst();
    return Number(r?.m ?? 0) + 1;
  },
  async insertIndicator(db: Executor, row: PkIndicatorTable) {
    await db.insertInto('pkIndicators').values(row).execute();
  },
  /**
   * Plan indicators by id with what a PK link is checked against: the unit of their sasaran (null:
   * the pemda's RPJMD) and the years of their period. One query for any number of ids.
   */
  planIndicators(db: Executor, tenantId: string, ids: string[]) {
    if (!ids.length) return Promise.resolve([]);
    return db
      .selectFrom('planIndicators as i')
      .innerJoin('planSasaran as s', (j) => j.onRef('s.tenantId', '=', 'i.tenantId').onRef('s.id', '=', 'i.sasaranId'))
      .innerJoin('planPeriods as p', (j) => j.onRef('p.tenantId', '=', 'i.tenantId').onRef('p.id', '=', 'i.periodId'))
      .select(['i.id', 'i.code', 'i.name', 's.unitId', 'p.name as periodName', 'p.startYear', 'p.endYear'])
      .where('i.tenantId', '=', tenantId)
      .where('i.id', 'in', [...new Set(ids)])
      .execute();
  },
  /**
   * Final (medium-term) targets of plan indicators with their period's end year: of the given ids, or
   * of every plan indicator of the tenant that has one (`'all'`, for the name fallback), ordered by
   * period and code.
   */
  planFinalTargets(db: Executor, tenantId: string, ids: string[] | 'all') {
    if (ids !== 'all' && !ids.length) return Promise.resolve([]);
    let q = db
      .selectFrom('planIndicators as i')
      .innerJoin('planPeriods as p', (j) => j.onRef('p.tenantId', '=', 'i.tenantId').onRef('p.id', '=', 'i.periodId'))
      .select(['i.id', 'i.name', 'i.finalTarget', 'p.endYear'])
      .where('i.tenantId', '=', tenantId);
    q = ids === 'all' ? q.where('i.finalTarget', 'is not', null) : q.where('i.id', 'in', [...new Set(ids)]);
    return q.orderBy('p.startYear').orderBy('i.code').execute();
  },
  async insertRealisation(db: Executor, row: PkRealisationTable) {
    await db.insertInto('pkRealisations').values(row).execute();
  },
};
