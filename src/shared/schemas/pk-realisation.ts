import { z } from 'zod';
import { ZId, ZIsoDate } from './common.ts';

/** The realisation side of the Perjanjian Kinerja (issue 11 items 3 and 6): inputs of its routes. */
const ZAmount = z.number().finite().min(-1e12).max(1e12);
const ZText = (min: number, max: number) => z.string().trim().min(min).max(max);

/** PUT /api/pk/indicators/{id}: the rencana aksi of an indicator while its PK is a draft. */
export const ZPkIndicatorPlanInput = z
  .object({
    quarterTargets: z.tuple([ZAmount, ZAmount, ZAmount, ZAmount]).optional(),
    formula: z.string().trim().max(1000).nullish(),
    dataSource: z.string().trim().max(500).nullish(),
    /** Link to a plan indicator (null clears it); checked like the create body's. */
    planIndicatorId: ZId.nullish(),
  })
  .strict();
export type PkIndicatorPlanInput = z.infer<typeof ZPkIndicatorPlanInput>;

/** POST …/realisations/{q}/return: the verifier sends the value back with a note. */
export const ZPkReturnInput = z.object({ note: ZText(3, 2000) }).strict();

/** POST …/realisations/{q}/corrections: an audited correction of a verified value. */
export const ZPkCorrectionInput = z.object({ value: ZAmount, reason: ZText(5, 2000) }).strict();
export type PkCorrectionInput = z.infer<typeof ZPkCorrectionInput>;

/** PUT /api/pk/settings: the tenant's capaian status bands (percent) and optional display cap. */
export const ZPkSettingsInput = z
  .object({
    redBelow: z.number().finite().min(0).max(1000),
    greenAbove: z.number().finite().min(0).max(1000),
    displayCap: z.number().finite().min(100).max(1000).nullable(),
  })
  .strict()
  .refine((x) => x.redBelow <= x.greenAbove, { message: 'pkBandsOrder', path: ['greenAbove'] });
export type PkSettingsInput = z.infer<typeof ZPkSettingsInput>;

export const CORRECTIVE_ACTION_STATUSES = ['open', 'done'] as const;

/** POST /api/pk/indicators/{id}/quarters/{q}/corrective-action for a red quarter. */
export const ZPkCorrectiveActionInput = z
  .object({
    kendala: ZText(3, 2000),
    solusi: ZText(3, 2000),
    rencana: ZText(3, 2000),
    picPositionId: ZId,
    deadline: ZIsoDate,
  })
  .strict();
export type PkCorrectiveActionInput = z.infer<typeof ZPkCorrectiveActionInput>;

/** POST /api/pk/corrective-actions/{id}/done: what was done (evidence linked beforehand). */
export const ZPkCorrectiveActionDoneInput = z.object({ result: ZText(3, 2000) }).strict();

export const ZPkCorrectiveActionListQuery = z
  .object({
    year: z.coerce.number().int().min(2000).max(2100).optional(),
    status: z.enum(CORRECTIVE_ACTION_STATUSES).optional(),
    unitId: ZId.optional(),
    overdue: z.enum(['true', 'false']).optional(),
  })
  .strict();
