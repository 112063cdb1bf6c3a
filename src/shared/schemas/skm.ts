import { z } from 'zod';
import { ZId, ZIsoDate } from './common.ts';

export const PERIOD_KINDS = ['triwulan', 'semester', 'tahun'] as const;
export const SEXES = ['L', 'P'] as const;
export const AGE_BANDS = ['lt20', '20_29', '30_39', '40_49', '50_59', '60plus'] as const;
export const EDUCATIONS = ['sd', 'smp', 'sma', 'd1_d3', 'd4_s1', 's2plus'] as const;
export const OCCUPATIONS = ['pns', 'tni_polri', 'swasta', 'wirausaha', 'pelajar', 'lainnya'] as const;
export const ACTION_STATUSES = ['rencana', 'proses', 'selesai'] as const;

export const ZCreateSurveyInput = z
  .object({
    unitId: ZId,
    serviceName: z.string().trim().min(3).max(200),
    periodStart: ZIsoDate,
    periodEnd: ZIsoDate,
    periodKind: z.enum(PERIOD_KINDS).optional(),
    population: z.number().int().min(1).max(100_000_000).nullish(),
    /** Unsur switched off because they do not apply (e.g. U4 when the service is free of charge). */
    inactiveUnsur: z.array(z.string().regex(/^U\d+$/)).max(8).default([]),
  })
  .strict();
export type CreateSurveyInput = z.infer<typeof ZCreateSurveyInput>;

export const ZUpdateSurveyInput = z
  .object({
    population: z.number().int().min(1).max(100_000_000).nullish(),
    status: z.enum(['open', 'closed']).optional(),
    periodEnd: ZIsoDate.optional(),
  })
  .strict();

export const ZSubmitResponseInput = z
  .object({
    answers: z.record(z.string().max(4), z.number().int().min(1).max(4)),
    profile: z
      .object({
        sex: z.enum(SEXES).nullish(),
        ageBand: z.enum(AGE_BANDS).nullish(),
        education: z.enum(EDUCATIONS).nullish(),
        occupation: z.enum(OCCUPATIONS).nullish(),
      })
      .strict()
      .default({}),
    suggestion: z.string().trim().max(2000).nullish(),
    formToken: z.string().min(10).max(300),
    /** Honeypot: hidden in the form; people leave it empty, bots fill it. */
    website: z.string().max(500).optional(),
  })
  .strict();
export type SubmitResponseInput = z.infer<typeof ZSubmitResponseInput>;

export const ZActionInput = z
  .object({
    unsur: z.string().regex(/^U\d+$/),
    action: z.string().trim().min(5).max(2000),
    ownerPositionId: ZId.nullish(),
    dueDate: ZIsoDate.nullish(),
    status: z.enum(ACTION_STATUSES).default('rencana'),
  })
  .strict();
export const ZUpdateActionInput = z
  .object({ action: z.string().trim().min(5).max(2000).optional(), ownerPositionId: ZId.nullish(), dueDate: ZIsoDate.nullish(), status: z.enum(ACTION_STATUSES).optional() })
  .strict();
