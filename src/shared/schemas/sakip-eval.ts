import { z } from 'zod';
import { ZId } from './common.ts';

/** SAKIP internal evaluation (LKE AKIP 88/2021, issue 11 item 5): inputs of the write routes. */
export const ZSakipYear = z.coerce.number().int().min(2000).max(2100);
/** 'pemda' = the pemda-level self-evaluation; otherwise a unit id. */
export const ZSakipTarget = z.union([z.literal('pemda'), ZId]);
export const ZSakipParams = z.object({ target: ZSakipTarget, year: ZSakipYear }).strict();

export const ZLheItemInput = z
  .object({
    subComponent: z.string().regex(/^[1-4]\.[a-c]$/).nullable().optional(),
    finding: z.string().trim().min(1).max(4000),
    recommendation: z.string().trim().min(1).max(4000),
  })
  .strict();
export type LheItemInput = z.infer<typeof ZLheItemInput>;

export const ZFollowUpInput = z
  .object({
    text: z.string().trim().min(1).max(4000),
    evidenceIds: z.array(ZId).max(20).optional(),
  })
  .strict();
export type FollowUpInput = z.infer<typeof ZFollowUpInput>;

export const ZFollowUpReview = z
  .object({
    decision: z.enum(['accept', 'return']),
    note: z.string().trim().max(2000).nullish(),
  })
  .strict();
export type FollowUpReview = z.infer<typeof ZFollowUpReview>;
