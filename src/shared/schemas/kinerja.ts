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

/** `mode`: how it was signed — marked at the ceremony (default) or from the scan of the wet-signed page. */
export const ZSignPkInput = z.object({ signedOn: ZIsoDate, mode: z.enum(['ceremony', 'scan']).optional() }).strict();

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
    /** The plan indicator (RPJMD/Renstra) it comes from: of the PK's unit (the pemda's for the Bupati), in a period covering the year. */
    planIndicatorId: ZId.nullish(),
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

// --- PK signing season (issue 11 item 2) ---
export const PK_STATUSES = ['draft', 'submitted', 'agreed', 'signed'] as const;
/** Where generated PKs take their indicators from; `plan` joins when the plan module exists. */
export const PK_GENERATE_SOURCES = ['previous', 'plan', 'empty'] as const;
const ZYear = z.number().int().min(2000).max(2100);
export const ZGeneratePksInput = z.object({ year: ZYear, source: z.enum(PK_GENERATE_SOURCES) }).strict();
export type GeneratePksInput = z.infer<typeof ZGeneratePksInput>;

export const ZPkRegisterQuery = z
  .object({
    year: z.coerce.number().int().min(2000).max(2100),
    status: z.enum([...PK_STATUSES, 'none']).optional(),
    level: z.enum(['bupati', 'jpt_pratama']).optional(),
    unitId: ZId.optional(),
    q: z.string().trim().max(200).optional(),
  })
  .strict();
export type PkRegisterQuery = z.infer<typeof ZPkRegisterQuery>;

export const ZPkBundleQuery = z
  .object({
    year: z.coerce.number().int().min(2000).max(2100),
    level: z.enum(PK_LEVELS).optional(),
    unitId: ZId.optional(),
  })
  .strict();

/** submit / agree / return: an optional note (the reason of a return). */
export const ZPkStepInput = z.object({ note: z.string().trim().max(2000).nullish() }).strict();
export const ZRevisePkInput = z.object({ reason: z.string().trim().min(5).max(1000) }).strict();

/** A PK's status, and the register's (a head without a PK yet: none). */
export type PkStatusValue = (typeof PK_STATUSES)[number];
export type RegisterStatus = PkStatusValue | 'none';

/** What the PK register shows per row (one per JPT Pratama head position, plus the Bupati row): GET /api/pk/register, used by server and SPA. */
export interface RegisterRow {
  positionId: string | null;
  positionTitle: string;
  unitId: string | null;
  unitName: string | null;
  level: 'bupati' | 'jpt_pratama';
  pkId: string | null;
  status: RegisterStatus;
  holderName: string | null;
  holderKind: 'definitif' | 'plt' | 'plh' | 'kepala_daerah' | null;
  revision: number;
  draftedAt: string | null;
  submittedAt: string | null;
  agreedAt: string | null;
  signedOn: string | null;
  signingMode: 'ceremony' | 'scan' | null;
  hasScan: boolean;
  documentNumber: string | null;
  indicatorCount: number | null;
}
