import type { Executor } from '../../db/db.ts';

/**
 * Kysely queries of the SAKIP reports (pemda recap, quarterly notula, LKjIP). Every function takes
 * tenantId. The recap is set-based: one query for the units, one for the year's PKs, one for their
 * indicators and one for their realisations — whatever the number of units (no query per unit).
 * The indexes of 0017 serve them: pk_agreements (tenant_id, year, unit_id), pk_indicators
 * (tenant_id, pk_id, seq) and the primary key of pk_realisations (tenant_id, indicator_id, quarter).
 */
export const sakipReportsRepo = {
  /** Active top-level units (OPD, kecamatan, Sekretariat Daerah): each is expected to have a PK. */
  topUnits(db: Executor, tenantId: string) {
    return db.selectFrom('units').select(['id', 'name', 'shortName']).where('tenantId', '=', tenantId).where('parentId', 'is', null).where('isActive', '=', 1).orderBy('name').execute();
  },
  unit(db: Executor, tenantId: string, unitId: string) {
    return db.selectFrom('units').select(['id', 'name', 'shortName', 'parentId']).where('tenantId', '=', tenantId).where('id', '=', unitId).executeTakeFirst();
  },
  /** The PKs of some years with their unit's name (null for the head of region's PK). */
  agreements(db: Executor, tenantId: string, years: number[]) {
    return db
      .selectFrom('pkAgreements as a')
      .leftJoin('units as u', (j) => j.onRef('u.tenantId', '=', 'a.tenantId').onRef('u.id', '=', 'a.unitId'))
      .selectAll('a')
      .select(['u.name as unitName', 'u.shortName as unitShortName', 'u.parentId as unitParentId'])
      .where('a.tenantId', '=', tenantId)
      .where('a.year', 'in', years)
      .orderBy('a.year')
      .orderBy('u.name')
      .orderBy('a.level')
      .orderBy('a.id')
      .execute();
  },
  /** The indicators of every PK of these years, in PK order. */
  indicators(db: Executor, tenantId: string, years: number[]) {
    return db
      .selectFrom('pkIndicators as i')
      .innerJoin('pkAgreements as a', (j) => j.onRef('a.tenantId', '=', 'i.tenantId').onRef('a.id', '=', 'i.pkId'))
      .selectAll('i')
      .where('i.tenantId', '=', tenantId)
      .where('a.year', 'in', years)
      .orderBy('i.pkId')
      .orderBy('i.seq')
      .orderBy('i.id')
      .execute();
  },
  /** The realisations (any status; callers count only verified ones) of those indicators up to a quarter. */
  realisations(db: Executor, tenantId: string, years: number[], upToQuarter = 4) {
    return db
      .selectFrom('pkRealisations as r')
      .innerJoin('pkIndicators as i', (j) => j.onRef('i.tenantId', '=', 'r.tenantId').onRef('i.id', '=', 'r.indicatorId'))
      .innerJoin('pkAgreements as a', (j) => j.onRef('a.tenantId', '=', 'i.tenantId').onRef('a.id', '=', 'i.pkId'))
      .selectAll('r')
      .where('r.tenantId', '=', tenantId)
      .where('a.year', 'in', years)
      .where('r.quarter', '<=', upToQuarter)
      .execute();
  },
};
