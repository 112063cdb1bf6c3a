import type { Executor } from '../../db/db.ts';
import type { PlanBudgetTable, PlanIndicatorTable, PlanPeriodTable, PlanProgramTable, PlanSasaranTable, PlanTargetTable, PlanTujuanTable } from '../../db/schema.ts';

/** Kysely queries of the SAKIP plan (RPJMD, Renstra, programmes); every function takes tenantId. */
export const planRepo = {
  units(db: Executor, tenantId: string) {
    return db.selectFrom('units').select(['id', 'name', 'shortName', 'type', 'parentId', 'isActive']).where('tenantId', '=', tenantId).orderBy('name').orderBy('id').execute();
  },
  periods(db: Executor, tenantId: string) {
    return db.selectFrom('planPeriods').selectAll().where('tenantId', '=', tenantId).orderBy('startYear').execute();
  },
  period(db: Executor, tenantId: string, id: string) {
    return db.selectFrom('planPeriods').selectAll().where('tenantId', '=', tenantId).where('id', '=', id).executeTakeFirst();
  },
  /** The period that contains a year (periods do not overlap). */
  periodOfYear(db: Executor, tenantId: string, year: number) {
    return db.selectFrom('planPeriods').selectAll().where('tenantId', '=', tenantId).where('startYear', '<=', year).where('endYear', '>=', year).executeTakeFirst();
  },
  /** A period overlapping [start, end], if any. */
  overlapping(db: Executor, tenantId: string, start: number, end: number) {
    return db.selectFrom('planPeriods').selectAll().where('tenantId', '=', tenantId).where('startYear', '<=', end).where('endYear', '>=', start).executeTakeFirst();
  },
  async insertPeriod(db: Executor, row: PlanPeriodTable) {
    await db.insertInto('planPeriods').values(row).execute();
  },

  tujuan(db: Executor, tenantId: string, periodId: string) {
    return db.selectFrom('planTujuan').selectAll().where('tenantId', '=', tenantId).where('periodId', '=', periodId).orderBy('code').execute();
  },
  findTujuan(db: Executor, tenantId: string, id: string) {
    return db.selectFrom('planTujuan').selectAll().where('tenantId', '=', tenantId).where('id', '=', id).executeTakeFirst();
  },
  tujuanByCode(db: Executor, tenantId: string, periodId: string, code: string) {
    return db.selectFrom('planTujuan').selectAll().where('tenantId', '=', tenantId).where('periodId', '=', periodId).where('code', '=', code).executeTakeFirst();
  },
  async insertTujuan(db: Executor, row: PlanTujuanTable) {
    await db.insertInto('planTujuan').values(row).execute();
  },
  async updateTujuan(db: Executor, tenantId: string, id: string, set: Partial<PlanTujuanTable>) {
    await db.updateTable('planTujuan').set(set).where('tenantId', '=', tenantId).where('id', '=', id).execute();
  },

  sasaran(db: Executor, tenantId: string, periodId: string) {
    return db.selectFrom('planSasaran').selectAll().where('tenantId', '=', tenantId).where('periodId', '=', periodId).orderBy('code').execute();
  },
  findSasaran(db: Executor, tenantId: string, id: string) {
    return db.selectFrom('planSasaran').selectAll().where('tenantId', '=', tenantId).where('id', '=', id).executeTakeFirst();
  },
  sasaranByCode(db: Executor, tenantId: string, periodId: string, code: string) {
    return db.selectFrom('planSasaran').selectAll().where('tenantId', '=', tenantId).where('periodId', '=', periodId).where('code', '=', code).executeTakeFirst();
  },
  async insertSasaran(db: Executor, row: PlanSasaranTable) {
    await db.insertInto('planSasaran').values(row).execute();
  },
  async updateSasaran(db: Executor, tenantId: string, id: string, set: Partial<PlanSasaranTable>) {
    await db.updateTable('planSasaran').set(set).where('tenantId', '=', tenantId).where('id', '=', id).execute();
  },

  indicators(db: Executor, tenantId: string, periodId: string) {
    return db.selectFrom('planIndicators').selectAll().where('tenantId', '=', tenantId).where('periodId', '=', periodId).orderBy('code').execute();
  },
  findIndicator(db: Executor, tenantId: string, id: string) {
    return db.selectFrom('planIndicators').selectAll().where('tenantId', '=', tenantId).where('id', '=', id).executeTakeFirst();
  },
  indicatorByCode(db: Executor, tenantId: string, periodId: string, code: string) {
    return db.selectFrom('planIndicators').selectAll().where('tenantId', '=', tenantId).where('periodId', '=', periodId).where('code', '=', code).executeTakeFirst();
  },
  async insertIndicator(db: Executor, row: PlanIndicatorTable) {
    await db.insertInto('planIndicators').values(row).execute();
  },
  async updateIndicator(db: Executor, tenantId: string, id: string, set: Partial<PlanIndicatorTable>) {
    await db.updateTable('planIndicators').set(set).where('tenantId', '=', tenantId).where('id', '=', id).execute();
  },
  /** The yearly targets of every indicator of a period. */
  targets(db: Executor, tenantId: string, periodId: string) {
    return db
      .selectFrom('planTargets as t')
      .innerJoin('planIndicators as i', (j) => j.onRef('i.tenantId', '=', 't.tenantId').onRef('i.id', '=', 't.indicatorId'))
      .selectAll('t')
      .where('t.tenantId', '=', tenantId)
      .where('i.periodId', '=', periodId)
      .orderBy('t.indicatorId')
      .orderBy('t.year')
      .execute();
  },
  targetsOf(db: Executor, tenantId: string, indicatorId: string) {
    return db.selectFrom('planTargets').selectAll().where('tenantId', '=', tenantId).where('indicatorId', '=', indicatorId).orderBy('year').execute();
  },
  async replaceTargets(db: Executor, tenantId: string, indicatorId: string, rows: PlanTargetTable[]) {
    await db.deleteFrom('planTargets').where('tenantId', '=', tenantId).where('indicatorId', '=', indicatorId).execute();
    if (rows.length) await db.insertInto('planTargets').values(rows).execute();
  },

  programs(db: Executor, tenantId: string, periodId: string, unitId?: string) {
    let q = db.selectFrom('planPrograms').selectAll().where('tenantId', '=', tenantId).where('periodId', '=', periodId);
    if (unitId) q = q.where('unitId', '=', unitId);
    return q.orderBy('unitId').orderBy('code').execute();
  },
  findProgram(db: Executor, tenantId: string, id: string) {
    return db.selectFrom('planPrograms').selectAll().where('tenantId', '=', tenantId).where('id', '=', id).executeTakeFirst();
  },
  programByCode(db: Executor, tenantId: string, periodId: string, unitId: string, code: string) {
    return db.selectFrom('planPrograms').selectAll().where('tenantId', '=', tenantId).where('periodId', '=', periodId).where('unitId', '=', unitId).where('code', '=', code).executeTakeFirst();
  },
  async insertProgram(db: Executor, row: PlanProgramTable) {
    await db.insertInto('planPrograms').values(row).execute();
  },
  async updateProgram(db: Executor, tenantId: string, id: string, set: Partial<PlanProgramTable>) {
    await db.updateTable('planPrograms').set(set).where('tenantId', '=', tenantId).where('id', '=', id).execute();
  },
  budgets(db: Executor, tenantId: string, periodId: string, unitId?: string) {
    let q = db
      .selectFrom('planBudgets as b')
      .innerJoin('planPrograms as p', (j) => j.onRef('p.tenantId', '=', 'b.tenantId').onRef('p.id', '=', 'b.programId'))
      .selectAll('b')
      .where('b.tenantId', '=', tenantId)
      .where('p.periodId', '=', periodId);
    if (unitId) q = q.where('p.unitId', '=', unitId);
    return q.orderBy('b.programId').orderBy('b.year').execute();
  },
  budgetsOf(db: Executor, tenantId: string, programId: string) {
    return db.selectFrom('planBudgets').selectAll().where('tenantId', '=', tenantId).where('programId', '=', programId).orderBy('year').execute();
  },
  async replaceBudgets(db: Executor, tenantId: string, programId: string, rows: PlanBudgetTable[]) {
    await db.deleteFrom('planBudgets').where('tenantId', '=', tenantId).where('programId', '=', programId).execute();
    if (rows.length) await db.insertInto('planBudgets').values(rows).execute();
  },
  /** What still hangs on a record (a delete is refused while anything does). */
  async dependents(db: Executor, tenantId: string, kind: 'tujuan' | 'sasaran' | 'program', id: string) {
    const n = async (q: Promise<{ n: number | string | bigint } | undefined>) => Number((await q)?.n ?? 0);
    if (kind === 'tujuan') return n(db.selectFrom('planSasaran').select((eb) => eb.fn.countAll().as('n')).where('tenantId', '=', tenantId).where('tujuanId', '=', id).executeTakeFirst());
    if (kind === 'program') return n(db.selectFrom('planPrograms').select((eb) => eb.fn.countAll().as('n')).where('tenantId', '=', tenantId).where('parentId', '=', id).executeTakeFirst());
    const [a, b, c] = await Promise.all([
      n(db.selectFrom('planIndicators').select((eb) => eb.fn.countAll().as('n')).where('tenantId', '=', tenantId).where('sasaranId', '=', id).executeTakeFirst()),
      n(db.selectFrom('planSasaran').select((eb) => eb.fn.countAll().as('n')).where('tenantId', '=', tenantId).where('pemdaSasaranId', '=', id).executeTakeFirst()),
      n(db.selectFrom('planPrograms').select((eb) => eb.fn.countAll().as('n')).where('tenantId', '=', tenantId).where('sasaranId', '=', id).executeTakeFirst()),
    ]);
    return a + b + c;
  },
  /** PK indicators linked to a plan indicator (a delete is refused while any is). */
  async pkIndicatorsLinked(db: Executor, tenantId: string, planIndicatorId: string) {
    const r = await db.selectFrom('pkIndicators').select((eb) => eb.fn.countAll().as('n')).where('tenantId', '=', tenantId).where('planIndicatorId', '=', planIndicatorId).executeTakeFirst();
    return Number(r?.n ?? 0);
  },
  async deleteTujuan(db: Executor, tenantId: string, id: string) {
    await db.deleteFrom('planTujuan').where('tenantId', '=', tenantId).where('id', '=', id).execute();
  },
  async deleteSasaran(db: Executor, tenantId: string, id: string) {
    await db.deleteFrom('planSasaran').where('tenantId', '=', tenantId).where('id', '=', id).execute();
  },
  async deleteIndicator(db: Executor, tenantId: string, id: string) {
    await db.deleteFrom('planTargets').where('tenantId', '=', tenantId).where('indicatorId', '=', id).execute();
    await db.deleteFrom('planIndicators').where('tenantId', '=', tenantId).where('id', '=', id).execute();
  },
  async deleteProgram(db: Executor, tenantId: string, id: string) {
    await db.deleteFrom('planBudgets').where('tenantId', '=', tenantId).where('programId', '=', id).execute();
    await db.deleteFrom('planPrograms').where('tenantId', '=', tenantId).where('id', '=', id).execute();
  },
};
