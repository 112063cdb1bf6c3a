import { z } from 'zod';
import { RulebookRegistry, type Rulebook } from '../rulebook.ts';

/** Indeks Inovasi Daerah (Kemendagri/BSKDN) rulebook body — RULES.md §6.2. */
const ZParam = z.object({ value: z.number().int().min(1).max(3), label: z.string().min(1) });
const ZIndicator = z.object({
  no: z.string().min(1), // "1", "2a", "16" …
  variable: z.string().min(1),
  name: z.string().min(1),
  weight: z.number().positive(),
  mandatory: z.boolean(),
  params: z.array(ZParam).length(3),
  /** Indicator 33: choose exactly one measurement basis, each with its own three parameters. */
  bases: z.array(z.object({ key: z.string().min(1), label: z.string().min(1), params: z.array(ZParam).length(3) })).optional(),
});
export type IidIndicator = z.infer<typeof ZIndicator>;

export const ZIidBody = z.object({
  spd: z.object({ max: z.number().positive(), indicators: z.array(ZIndicator).min(1) }),
  sid: z.object({ max: z.number().positive(), indicators: z.array(ZIndicator).min(1) }),
  count: z.object({
    /** Points per innovation and the cap on the number counted: min(n, cap) × perInnovation. */
    perInnovation: z.number().positive(),
    cap: z.number().int().positive(),
    /** Urusan wajib pelayanan dasar; the count component is scored only if enough are covered. */
    urusanWajib: z.array(z.string().min(1)).min(1),
    minUrusanCovered: z.number().int().min(0),
  }),
  /** avg SID = Σ SID / max(divisorMin, n). */
  divisorMin: z.number().int().positive(),
  total: z.number().positive(),
  /** Predicate bands, highest first; `min` is inclusive on the rounded value. */
  predicates: z.array(z.object({ min: z.number().min(0), label: z.string().min(1) })).min(2),
  /** Only innovations applied (stage penerapan) within this window are scored. */
  window: z.object({ from: z.string(), to: z.string() }),
  /** Whether an answered indicator without evidence still earns its points (flagged either way). */
  pointsWithoutEvidence: z.enum(['count', 'zero']).default('count'),
});
export type IidBody = z.infer<typeof ZIidBody>;
export type IidRulebook = Rulebook<IidBody>;

const maxOf = (inds: IidIndicator[]) => inds.reduce((s, i) => s + i.weight * 3, 0);

export const iidRulebooks = new RulebookRegistry<IidBody>('iid', ZIidBody, (rb) => {
  const problems: string[] = [];
  const { spd, sid, count, total } = rb.body;
  if (Math.abs(maxOf(spd.indicators) - spd.max) > 1e-9) problems.push(`SPD max ${spd.max} ≠ Σ weights × 3 = ${maxOf(spd.indicators)}`);
  if (Math.abs(maxOf(sid.indicators) - sid.max) > 1e-9) problems.push(`SID max ${sid.max} ≠ Σ weights × 3 = ${maxOf(sid.indicators)}`);
  const countMax = count.cap * count.perInnovation;
  if (Math.abs(spd.max + sid.max + countMax - total) > 1e-9) problems.push(`total ${total} ≠ ${spd.max} + ${sid.max} + ${countMax}`);
  const nos = [...spd.indicators, ...sid.indicators].map((i) => i.no);
  if (new Set(nos).size !== nos.length) problems.push('duplicate indicator numbers');
  if (count.minUrusanCovered > count.urusanWajib.length) problems.push('minUrusanCovered exceeds the urusan list');
  const mins = rb.body.predicates.map((p) => p.min);
  if (mins.some((m, i) => i > 0 && m >= mins[i - 1])) problems.push('predicates must be ordered highest first');
  return problems;
});
