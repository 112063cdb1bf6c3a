import { z } from 'zod';
import { ZId, ZIsoDate } from './common.ts';

/** Perjanjian Kinerja (issue 11): the API contract's inputs. */
export const PK_LEVELS = ['bupati', 'jpt_pratama', 'administrator', 'pengawas'] as const;
export const PK_POLARITIES = ['higher', 'lower'] as const;
export const PK_AGGREGATIONS = ['sum', 'last', 'average', 'min', 'max'] as const;
export const PK_REALISATION_STATUSES = ['draft', 'submitted', 'verified', 'returned'] as const;

const ZAmount = z.number().finite().min(-1e12).max(1e12);

/** `{ year, positionId }` for a head of unit; `{ year, headOfRegion: true }` for the PK Bupati (no position: he is elected). */
export const ZCreatePkInput = z
  .object({
    year: z.number().int().min(2000).max(2100),
    positionId: ZId.optional(),
    headOfRegion: z.literal(true).optional(),
  })
  .strict()
  .refine((x) => (x.positionId ? !x.headOfRegion : x.headOfRegion === true), { message: 'pkParty', path: ['positionId'] });
export type CreatePkInput = z.infer<typeof ZCreatePkInput>;

export const ZSignPkInput = z.object({ signedOn: ZIsoDate }).strict();

export const ZCreatePkIndicatorInput = z
  .object({
    sasaran: z.string().trim().min(3).max(500),
    name: z.string().trim().min(3).max(500),
    unit: z.string().trim().min(1).max(60),
    polarity: z.enum(PK_POLARITIES),
    aggregation: z.enum(PK_AGGREGATIONS),
    target: ZAmount,
    quarterTargets: z.tuple([ZAmount, ZAmount, ZAmount, ZAmount]),
    /** Whether a realisation may be negative (e.g. pertumbuhan ekonomi in %); counts may not. */
    allowNegative: z.boolean().optional(),
    /** Rencana aksi details (pk-realisation): how the value is computed and where the data comes from. */
    formula: z.string().trim().max(1000).nullish(),
    dataSource: z.string().trim().max(500).nullish(),
  })
  .strict();
export type CreatePkIndicatorInput = z.infer<typeof ZCreatePkIndicatorInput>;

export const ZPkRealisationInput = z
  .object({
    value: ZAmount,
    note: z.string().trim().max(2000).nullish(),
  })
  .strict();
export type PkRealisationInput = z.infer<typeof ZPkRealisationInput>;

export const ZPkQuarterParams = z.object({ id: ZId, quarter: z.coerce.number().int().min(1).max(4) });
