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
  async insertRealisation(db: Executor, row: PkRealisationTable) {
    await db.insertInto('pkRealisations').values(row).execute();
  },
};
