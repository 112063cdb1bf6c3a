import type { Executor } from '../../db/db.ts';
import type { PkCorrectiveActionTable, PkIndicatorTable, PkRealisationCorrectionTable, PkRealisationTable, PkSettingsTable } from '../../db/schema.ts';

/** Evidence entity ids of a realisation: `{indicatorId}:{quarter}` (also its audit entity id). */
export const realisationKey = (indicatorId: string, quarter: number) => `${indicatorId}:${quarter}`;
function parseKey(key: string): { indicatorId: string; quarter: number } | null {
  const m = /^(.+):([1-4])$/.exec(key);
  return m ? { indicatorId: m[1]!, quarter: Number(m[2]) } : null;
}

/** Kysely queries of the PK realisation side (quarterly values, corrections, settings, corrective actions). */
export const pkRealisationRepo = {
  /** An indicator with the PK it belongs to (unit, status, year) — one query. */
  indicatorWithPk(db: Executor, tenantId: string, indicatorId: string) {
    return db
      .selectFrom('pkIndicators as i')
      .innerJoin('pkAgreements as a', (j) => j.onRef('a.tenantId', '=', 'i.tenantId').onRef('a.id', '=', 'i.pkId'))
      .selectAll('i')
      .leftJoin('pkAgreements as nx', (j) => j.onRef('nx.tenantId', '=', 'a.tenantId').onRef('nx.id', '=', 'a.replacedById'))
      .select(['a.unitId as pkUnitId', 'a.status as pkStatus', 'a.year as pkYear', 'nx.status as pkReplacementStatus'])
      .where('i.tenantId', '=', tenantId)
      .where('i.id', '=', indicatorId)
      .executeTakeFirst();
  },
  async updateIndicator(db: Executor, tenantId: string, id: string, set: Partial<PkIndicatorTable>) {
    await db.updateTable('pkIndicators').set(set).where('tenantId', '=', tenantId).where('id', '=', id).execute();
  },
  /**
   * A PK's realisations. Written as `indicator_id IN (the PK's indicators)`: with a join, SQLite's
   * planner started from every realisation of the tenant (2.2 ms vs 0.24 ms at 1,920 a year,
   * bench/sakip-load.ts); both databases then walk the realisations' primary key.
   */
  realisationsOfPk(db: Executor, tenantId: string, pkId: string) {
    return db
      .selectFrom('pkRealisations as r')
      .selectAll('r')
      .where('r.tenantId', '=', tenantId)
      .where('r.indicatorId', 'in', (eb) => eb.selectFrom('pkIndicators as i').select('i.id').where('i.tenantId', '=', tenantId).where('i.pkId', '=', pkId))
      .orderBy('r.indicatorId')
      .orderBy('r.quarter')
      .execute();
  },
  realisation(db: Executor, tenantId: string, indicatorId: string, quarter: number) {
    return db.selectFrom('pkRealisations').selectAll().where('tenantId', '=', tenantId).where('indicatorId', '=', indicatorId).where('quarter', '=', quarter).executeTakeFirst();
  },
  async insertRealisation(db: Executor, row: PkRealisationTable) {
    await db.insertInto('pkRealisations').values(row).execute();
  },
  async updateRealisation(db: Executor, tenantId: string, indicatorId: string, quarter: number, set: Partial<PkRealisationTable>) {
    await db.updateTable('pkRealisations').set(set).where('tenantId', '=', tenantId).where('indicatorId', '=', indicatorId).where('quarter', '=', quarter).execute();
  },

  correctionsOfPk(db: Executor, tenantId: string, pkId: string) {
    return db
      .selectFrom('pkRealisationCorrections as c')
      .innerJoin('pkIndicators as i', (j) => j.onRef('i.tenantId', '=', 'c.tenantId').onRef('i.id', '=', 'c.indicatorId'))
      .selectAll('c')
      .where('c.tenantId', '=', tenantId)
      .where('i.pkId', '=', pkId)
      .orderBy('c.correctedAt')
      .orderBy('c.id')
      .execute();
  },
  async insertCorrection(db: Executor, row: PkRealisationCorrectionTable) {
    await db.insertInto('pkRealisationCorrections').values(row).execute();
  },

  settings(db: Executor, tenantId: string) {
    return db.selectFrom('pkSettings').selectAll().where('tenantId', '=', tenantId).executeTakeFirst();
  },
  async upsertSettings(db: Executor, row: PkSettingsTable) {
    await db
      .insertInto('pkSettings')
      .values(row)
      .onConflict((oc) => oc.column('tenantId').doUpdateSet({ redBelow: row.redBelow, greenAbove: row.greenAbove, displayCap: row.displayCap, updatedBy: row.updatedBy, updatedAt: row.updatedAt }))
      .execute();
  },

  correctiveActionsOfPk(db: Executor, tenantId: string, pkId: string) {
    return db
      .selectFrom('pkCorrectiveActions as c')
      .innerJoin('pkIndicators as i', (j) => j.onRef('i.tenantId', '=', 'c.tenantId').onRef('i.id', '=', 'c.indicatorId'))
      .leftJoin('positions as p', (j) => j.onRef('p.tenantId', '=', 'c.tenantId').onRef('p.id', '=', 'c.picPositionId'))
      .selectAll('c')
      .select('p.title as picTitle')
      .where('c.tenantId', '=', tenantId)
      .where('i.pkId', '=', pkId)
      .execute();
  },
  correctiveAction(db: Executor, tenantId: string, id: string) {
    return db.selectFrom('pkCorrectiveActions').selectAll().where('tenantId', '=', tenantId).where('id', '=', id).executeTakeFirst();
  },
  correctiveActionFor(db: Executor, tenantId: string, indicatorId: string, quarter: number) {
    return db.selectFrom('pkCorrectiveActions').selectAll().where('tenantId', '=', tenantId).where('indicatorId', '=', indicatorId).where('quarter', '=', quarter).executeTakeFirst();
  },
  async insertCorrectiveAction(db: Executor, row: PkCorrectiveActionTable) {
    await db.insertInto('pkCorrectiveActions').values(row).execute();
  },
  async updateCorrectiveAction(db: Executor, tenantId: string, id: string, set: Partial<PkCorrectiveActionTable>) {
    await db.updateTable('pkCorrectiveActions').set(set).where('tenantId', '=', tenantId).where('id', '=', id).execute();
  },
  /** The tenant's corrective actions with their indicator, PK year, unit and PIC, filtered. */
  listCorrectiveActions(db: Executor, tenantId: string, f: { year?: number; status?: 'open' | 'done'; unitIds?: string[]; deadlineBefore?: string }) {
    let q = db
      .selectFrom('pkCorrectiveActions as c')
      .innerJoin('pkIndicators as i', (j) => j.onRef('i.tenantId', '=', 'c.tenantId').onRef('i.id', '=', 'c.indicatorId'))
      .innerJoin('pkAgreements as a', (j) => j.onRef('a.tenantId', '=', 'i.tenantId').onRef('a.id', '=', 'i.pkId'))
      .leftJoin('units as u', (j) => j.onRef('u.tenantId', '=', 'a.tenantId').onRef('u.id', '=', 'a.unitId'))
      .leftJoin('positions as p', (j) => j.onRef('p.tenantId', '=', 'c.tenantId').onRef('p.id', '=', 'c.picPositionId'))
      .selectAll('c')
      .select(['i.name as indicatorName', 'a.id as pkId', 'a.year as year', 'u.name as unitName', 'p.title as picTitle'])
      .where('c.tenantId', '=', tenantId);
    if (f.year !== undefined) q = q.where('a.year', '=', f.year);
    if (f.status) q = q.where('c.status', '=', f.status);
    if (f.unitIds) q = f.unitIds.length ? q.where('c.unitId', 'in', f.unitIds) : q.where('c.id', '=', '');
    if (f.deadlineBefore) q = q.where('c.deadline', '<', f.deadlineBefore);
    return q.orderBy('c.deadline').orderBy('c.id').limit(1000).execute();
  },

  /** Evidence target resolver: a realisation `{indicatorId}:{quarter}` → the unit of its PK. */
  async unitOfRealisation(db: Executor, tenantId: string, entityId: string) {
    const k = parseKey(entityId);
    if (!k) return { exists: false, unitId: null };
    const r = await db
      .selectFrom('pkRealisations as r')
      .innerJoin('pkIndicators as i', (j) => j.onRef('i.tenantId', '=', 'r.tenantId').onRef('i.id', '=', 'r.indicatorId'))
      .innerJoin('pkAgreements as a', (j) => j.onRef('a.tenantId', '=', 'i.tenantId').onRef('a.id', '=', 'i.pkId'))
      .select('a.unitId')
      .where('r.tenantId', '=', tenantId)
      .where('r.indicatorId', '=', k.indicatorId)
      .where('r.quarter', '=', k.quarter)
      .executeTakeFirst();
    return { exists: !!r, unitId: r?.unitId ?? null };
  },
  async unitOfCorrectiveAction(db: Executor, tenantId: string, id: string) {
    const r = await db.selectFrom('pkCorrectiveActions').select('unitId').where('tenantId', '=', tenantId).where('id', '=', id).executeTakeFirst();
    return { exists: !!r, unitId: r?.unitId ?? null };
  },

  /**
   * Signed PKs of a year (all tenants) with indicators that have no submitted or verified value
   * for the quarter: the units the daily reminder writes to.
   */
  signedPksMissingQuarter(db: Executor, year: number, quarter: number) {
    return db
      .selectFrom('pkAgreements as a')
      .innerJoin('pkIndicators as i', (j) => j.onRef('i.tenantId', '=', 'a.tenantId').onRef('i.pkId', '=', 'a.id'))
      .leftJoin('pkRealisations as r', (j) =>
        j.onRef('r.tenantId', '=', 'i.tenantId').onRef('r.indicatorId', '=', 'i.id').on('r.quarter', '=', quarter).on('r.status', 'in', ['submitted', 'verified']),
      )
      .select((eb) => ['a.tenantId', 'a.id', 'a.unitId', 'a.firstTitle', eb.fn.count<number | string>('i.id').as('missing')])
      .where('a.year', '=', year)
      .where('a.status', '=', 'signed')
      .where('r.indicatorId', 'is', null)
      .groupBy(['a.tenantId', 'a.id', 'a.unitId', 'a.firstTitle'])
      .execute();
  },
};
