import { z } from 'zod';
import { ZId } from './common.ts';

/** One worksheet instance in the answers store: kind, scope (e.g. innovation:<id>, region:2026), rulebook. */
export const ZSheetRef = z.object({
  kind: z.string().regex(/^[a-z0-9_]+$/).max(40),
  scope: z.string().min(1).max(120),
  rulebookId: z.string().min(1).max(60),
});

const ZAnswerCode = z.string().min(1).max(40);
const ZSide = z.object({
  /** Option code ("A", "Ya", "2"), "n/d" for a ratio of two counts, a decimal for an index; null clears. */
  value: z.string().max(40).nullable(),
  basis: z.string().max(8).nullish(),
  note: z.string().max(2000).nullish(),
});

export const ZOwnAnswersInput = ZSheetRef.extend({
  answers: z.record(ZAnswerCode, ZSide.extend({ evidenceIds: z.array(ZId).max(20).optional() }).strict()),
}).strict();

export const ZEvaluatorAnswersInput = ZSheetRef.extend({
  answers: z.record(ZAnswerCode, ZSide.strict()),
}).strict();
