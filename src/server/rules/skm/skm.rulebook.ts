import { z } from 'zod';
import { RulebookRegistry, type Rulebook } from '../rulebook.ts';

/** Survei Kepuasan Masyarakat rulebook body — RULES.md §1. */
export const ZSkmBody = z.object({
  /** The unsur in body order, each with its questionnaire position and answer labels (1 = worst). */
  unsur: z
    .array(
      z.object({
        code: z.string().regex(/^U\d+$/),
        name: z.string().min(3),
        questionNo: z.number().int().positive(),
        question: z.string().min(5),
        answers: z.array(z.string().min(1)).length(4),
        /** A unit may switch this unsur off when it does not apply (e.g. no fee). */
        optional: z.boolean().default(false),
      }),
    )
    .min(1),
  scale: z.object({ min: z.literal(1), max: z.literal(4) }),
  /** IKM (1–4) × conversion = IKM konversi (25–100). */
  conversion: z.number().positive(),
  /** Bands on the converted value rounded to 2 decimals, highest first; min inclusive. */
  bands: z.array(z.object({ min: z.number(), mutu: z.string(), kinerja: z.string(), nilaiPersepsi: z.number().int() })).min(2),
  decimals: z.number().int().min(0).max(4),
  /** Krejcie & Morgan sample: S = χ²NP(1−P) / (d²(N−1) + χ²P(1−P)), rounded half-up; N below `takeAllBelow` → all. */
  sample: z.object({ chiSquare: z.number().positive(), p: z.number().gt(0).lt(1), d: z.number().gt(0).lt(1), takeAllBelow: z.number().int().min(0) }),
});
export type SkmBody = z.infer<typeof ZSkmBody>;
export type SkmRulebook = Rulebook<SkmBody>;

export const skmRulebooks = new RulebookRegistry<SkmBody>('skm', ZSkmBody, (rb) => {
  const problems: string[] = [];
  const codes = rb.body.unsur.map((u) => u.code);
  if (new Set(codes).size !== codes.length) problems.push('duplicate unsur codes');
  const qs = rb.body.unsur.map((u) => u.questionNo).sort((a, b) => a - b);
  if (qs.some((q, i) => q !== i + 1)) problems.push('questionnaire numbers must be 1…n');
  const mins = rb.body.bands.map((b) => b.min);
  if (mins.some((m, i) => i > 0 && m >= mins[i - 1])) problems.push('bands must be ordered highest first');
  return problems;
});
