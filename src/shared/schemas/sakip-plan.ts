import { z } from 'zod';
import { ZId } from './common.ts';

/** SAKIP plan and cascade (issue 11 item 1): RPJMD period, tujuan, sasaran, indicators, programmes. */
export const PLAN_POLARITIES = ['higher', 'lower'] as const;
export const PLAN_PROGRAM_LEVELS = ['program', 'kegiatan', 'sub_kegiatan'] as const;

export const ZPlanYear = z.coerce.number().int().min(2000).max(2100);
const ZYear = z.number().int().min(2000).max(2100);
const ZCode = z.string().trim().min(1).max(40);
const ZName = z.string().trim().min(3).max(500);
const ZValue = z.number().finite().min(-1e12).max(1e12);
/** Rupiah: never negative, up to a thousand trillion. */
const ZRupiah = z.number().finite().min(0).max(1e15);

export const ZCreatePlanPeriodInput = z
  .object({ name: z.string().trim().min(3).max(200).optional(), startYear: ZYear, endYear: ZYear })
  .strict()
  .refine((x) => x.endYear >= x.startYear && x.endYear - x.startYear <= 9, { message: 'planPeriodYears', path: ['endYear'] });
export type CreatePlanPeriodInput = z.infer<typeof ZCreatePlanPeriodInput>;

export const ZCreatePlanTujuanInput = z.object({ periodId: ZId, code: ZCode, name: ZName }).strict();
export const ZUpdatePlanTujuanInput = z.object({ name: ZName }).strict();
export type CreatePlanTujuanInput = z.infer<typeof ZCreatePlanTujuanInput>;

/** A sasaran: pemda level without `unitId` (optionally under a tujuan); unit level (Renstra) with `unitId`, linked to a pemda sasaran or not. */
export const ZCreatePlanSasaranInput = z
  .object({
    periodId: ZId,
    code: ZCode,
    name: ZName,
    unitId: ZId.nullish(),
    tujuanId: ZId.nullish(),
    pemdaSasaranId: ZId.nullish(),
  })
  .strict();
export type CreatePlanSasaranInput = z.infer<typeof ZCreatePlanSasaranInput>;
export const ZUpdatePlanSasaranInput = z.object({ name: ZName.optional(), tujuanId: ZId.nullish(), pemdaSasaranId: ZId.nullish() }).strict();
export type UpdatePlanSasaranInput = z.infer<typeof ZUpdatePlanSasaranInput>;

const ZTargets = z.array(z.object({ year: ZYear, target: ZValue }).strict()).max(10);
export const ZCreatePlanIndicatorInput = z
  .object({
    sasaranId: ZId,
    code: ZCode,
    name: ZName,
    satuan: z.string().trim().min(1).max(60),
    polarity: z.enum(PLAN_POLARITIES),
    baseline: ZValue.nullish(),
    finalTarget: ZValue.nullish(),
    targets: ZTargets.default([]),
  })
  .strict();
export type CreatePlanIndicatorInput = z.infer<typeof ZCreatePlanIndicatorInput>;
export const ZUpdatePlanIndicatorInput = z
  .object({
    name: ZName.optional(),
    satuan: z.string().trim().min(1).max(60).optional(),
    polarity: z.enum(PLAN_POLARITIES).optional(),
    baseline: ZValue.nullish(),
    finalTarget: ZValue.nullish(),
    targets: ZTargets.optional(),
  })
  .strict();
export type UpdatePlanIndicatorInput = z.infer<typeof ZUpdatePlanIndicatorInput>;

const ZBudgets = z.array(z.object({ year: ZYear, pagu: ZRupiah, realisasi: ZRupiah.nullish() }).strict()).max(10);
export const ZCreatePlanProgramInput = z
  .object({
    periodId: ZId,
    unitId: ZId,
    parentId: ZId.nullish(),
    level: z.enum(PLAN_PROGRAM_LEVELS),
    sasaranId: ZId.nullish(),
    code: ZCode,
    name: ZName,
    budgets: ZBudgets.default([]),
  })
  .strict();
export type CreatePlanProgramInput = z.infer<typeof ZCreatePlanProgramInput>;
export const ZUpdatePlanProgramInput = z.object({ name: ZName.optional(), sasaranId: ZId.nullish(), budgets: ZBudgets.optional() }).strict();
export type UpdatePlanProgramInput = z.infer<typeof ZUpdatePlanProgramInput>;

export const ZPlanYearQuery = z.object({ year: ZPlanYear }).strict();
