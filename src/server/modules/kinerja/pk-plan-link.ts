import type { Executor } from '../../db/db.ts';
import { validation } from '../../errors.ts';
import { kinerjaRepo } from './kinerja.repo.ts';

/**
 * The link of a PK indicator to the plan indicator it comes from (migration 0023). A link is valid
 * when the plan indicator is of the same tenant, belongs to the plan of the PK's unit (a Renstra
 * sasaran of that unit; the pemda's RPJMD sasaran for the Bupati's PK, whose unit is null) and its
 * period covers the PK's year. The LKjIP reads the medium-term target through it (sakip-extras.ts).
 */
export async function checkPlanLink(db: Executor, tenantId: string, pk: { unitId: string | null; year: number }, planIndicatorId: string) {
  const [p] = await kinerjaRepo.planIndicators(db, tenantId, [planIndicatorId]);
  if (!p) throw validation('planIndicatorId', 'errors.pkPlanIndicatorUnknown');
  if (p.unitId !== pk.unitId) throw validation('planIndicatorId', 'errors.pkPlanIndicatorOtherUnit', { code: p.code });
  if (p.startYear > pk.year || p.endYear < pk.year) throw validation('planIndicatorId', 'errors.pkPlanIndicatorPeriod', { code: p.code, period: p.periodName, start: p.startYear, end: p.endYear, year: pk.year });
  return p;
}

/**
 * Links that still hold for a PK of `year` and unit: a copy (last year's PK to this year's) keeps a
 * link only when the plan indicator's period covers the new year, so a PK of a new RPJMD period is
 * never read against the old period's final target. Returns the ids that hold.
 */
export async function linksValidFor(db: Executor, tenantId: string, pk: { unitId: string | null; year: number }, ids: Array<string | null | undefined>) {
  const wanted = ids.filter((x): x is string => !!x);
  const rows = await kinerjaRepo.planIndicators(db, tenantId, wanted);
  return new Set(rows.filter((p) => p.unitId === pk.unitId && p.startYear <= pk.year && p.endYear >= pk.year).map((p) => p.id));
}

/** Code and name of the linked plan indicators of a PK's indicators, by plan indicator id (one query). */
export async function planLinksOf(db: Executor, tenantId: string, indicators: Array<{ planIndicatorId?: string | null }>) {
  const rows = await kinerjaRepo.planIndicators(db, tenantId, indicators.map((i) => i.planIndicatorId).filter((x): x is string => !!x));
  return new Map(rows.map((p) => [p.id, { code: p.code, name: p.name }]));
}
