import type { PlanIndicatorTable, PlanPeriodTable, PlanProgramTable, PlanSasaranTable, PlanTujuanTable } from '../../db/schema.ts';

/** Plan records as the API shows them (no tenant id; numbers as JSON numbers). */
export const presentPlanPeriod = (p: PlanPeriodTable) => ({ id: p.id, name: p.name, startYear: p.startYear, endYear: p.endYear, isDemo: p.isDemo === 1 });
export const presentPlanTujuan = (t: PlanTujuanTable) => ({ id: t.id, periodId: t.periodId, code: t.code, name: t.name });
export const presentPlanSasaran = (s: PlanSasaranTable) => ({ id: s.id, periodId: s.periodId, code: s.code, name: s.name, level: s.unitId ? ('unit' as const) : ('pemda' as const), unitId: s.unitId, tujuanId: s.tujuanId, pemdaSasaranId: s.pemdaSasaranId });
export const presentPlanIndicator = (i: PlanIndicatorTable) => ({ id: i.id, sasaranId: i.sasaranId, code: i.code, name: i.name, satuan: i.satuan, polarity: i.polarity, baseline: i.baseline, finalTarget: i.finalTarget });
export const presentPlanProgram = (p: PlanProgramTable) => ({ id: p.id, periodId: p.periodId, unitId: p.unitId, parentId: p.parentId, level: p.level, sasaranId: p.sasaranId, code: p.code, name: p.name });
