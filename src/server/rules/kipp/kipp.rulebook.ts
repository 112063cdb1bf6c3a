import { z } from 'zod';
import { RulebookRegistry, type Rulebook } from '../rulebook.ts';

/** KIPP proposal rulebook: sections to write, scoring criteria, eligibility — RULES.md §5. */
export const ZKippBody = z.object({
  group: z.enum(['umum', 'khusus']),
  sections: z
    .array(
      z.object({
        key: z.string().regex(/^[a-z0-9_]+$/),
        title: z.string().min(3),
        guidance: z.string().min(10),
        wordLimit: z.number().int().positive(),
        /** The scoring criterion this section is judged under (null: not scored, e.g. the summary). */
        criterion: z.string().nullable(),
        /** Where a new proposal takes its first draft from in the innovation record. */
        prefillFrom: z.array(z.enum(['description', 'goals', 'benefits', 'results', 'legalBasisDoc', 'replication', 'budget'])).default([]),
      }),
    )
    .min(1),
  criteria: z.array(z.object({ key: z.string(), title: z.string(), weight: z.number().min(0).max(100) })).min(1),
  /** Judges score each criterion on this scale. */
  scale: z.object({ min: z.number().int(), max: z.number().int() }),
  /** Minimum implementation age at registration close, in years (§5.2). */
  minAgeYears: z.number().min(0),
  requiredAttachments: z.array(z.object({ kind: z.string(), title: z.string() })),
  requiresVideo: z.boolean(),
  /** Hard size limit per section in characters (protects the editor and exports). */
  maxSectionChars: z.number().int().positive(),
  /** Judges whose weighted totals differ by more than this are flagged for calibration. */
  disagreementMargin: z.number().min(0).default(20),
});
export type KippBody = z.infer<typeof ZKippBody>;
export type KippRulebook = Rulebook<KippBody>;

export const kippRulebooks = new RulebookRegistry<KippBody>('kipp', ZKippBody, (rb) => {
  const problems: string[] = [];
  const sum = rb.body.criteria.reduce((s, c) => s + c.weight, 0);
  if (Math.abs(sum - 100) > 1e-9) problems.push(`criteria weights sum to ${sum}, not 100`);
  const keys = rb.body.criteria.map((c) => c.key);
  for (const s of rb.body.sections) if (s.criterion && !keys.includes(s.criterion)) problems.push(`section ${s.key}: unknown criterion ${s.criterion}`);
  const sk = rb.body.sections.map((s) => s.key);
  if (new Set(sk).size !== sk.length) problems.push('duplicate section keys');
  if (rb.body.scale.max <= rb.body.scale.min) problems.push('scale');
  return problems;
});
