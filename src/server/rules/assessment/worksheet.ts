import { z } from 'zod';
import { RulebookRegistry, type Rulebook } from '../rulebook.ts';

/**
 * Assessment worksheets (LKE) as rulebook data: a tree of components → sub-components →
 * questions, each node with a code, title, weight and an aggregation. The engine
 * (`assessment.engine.ts`) is a set of pure functions over this data.
 *
 * Aggregations:
 * - `weightedChoice` (question): weight × value of the chosen option (IID: b × p).
 * - `letterFactor`   (question): weight × factor of the letter grade (LKE AKIP §2.2).
 * - `ratioCapped`    (question): min(1, numerator ÷ denominator) × weight (LKE ZI numeric items).
 * - `indexScaled`    (question): (x − from) ÷ (to − from) × weight, within [0, weight]
 *                                (LKE ZI hasil: IPAK/IPKP `(x − 1)/3 × 17,5`).
 * - `meanTimesWeight` (group of questions): Σ item values × weight ÷ number of items (LKE ZI §3.5);
 *                                an item value is the option value (0…1) or the capped ratio.
 * - `sum`            (group): Σ of the children's scores.
 * - `checklist`      (item): an answered checklist item (e.g. Ya/Tidak) that does NOT score: it
 *                                informs a judgement (LKE AKIP criteria under a sub-component whose
 *                                letter the evaluator gives). Score and maximum 0; a question may
 *                                carry checklist items as its children (the parent summarises them).
 */
export const ZConfidence = z.enum(['HIGH', 'MED', 'LOW', 'UNVERIFIED']);
export type Confidence = z.infer<typeof ZConfidence>;

export const ZAggregation = z.enum(['sum', 'meanTimesWeight', 'weightedChoice', 'letterFactor', 'ratioCapped', 'indexScaled', 'checklist']);
export type Aggregation = z.infer<typeof ZAggregation>;
export const QUESTION_AGGREGATIONS: ReadonlySet<Aggregation> = new Set(['weightedChoice', 'letterFactor', 'ratioCapped', 'indexScaled', 'checklist']);

export const ZOption = z.object({ code: z.string().min(1).max(20), value: z.number().min(0), label: z.string().min(1) });
export const ZScale = z.object({ id: z.string().regex(/^[a-z0-9-]+$/), title: z.string().min(1), options: z.array(ZOption).min(2) });
export type OptionScale = z.infer<typeof ZScale>;

/** A minimum on a node, per level (e.g. `wbk`, `wbbm`): a fraction of the node's maximum or a value. */
export const ZMinimum = z
  .object({
    fractionOfMax: z.number().positive().max(1).optional(),
    value: z.number().min(0).optional(),
    /** Confidence of this threshold when it differs from the rulebook's (e.g. LOW total minimums). */
    confidence: ZConfidence.optional(),
  })
  .refine((m) => (m.fractionOfMax === undefined) !== (m.value === undefined), 'exactly one of fractionOfMax, value');

export interface WorksheetNode {
  code: string;
  title: string;
  aggregation: Aggregation;
  /** Required for every aggregation except `sum` and the items of a `meanTimesWeight` group. */
  weight?: number;
  /** Option scale id (choice and letter questions). */
  scale?: string;
  /** Option labels specific to this question (code → label), e.g. the IID parameters p1…p3. */
  optionLabels?: Record<string, string>;
  /** Alternative label sets chosen by the answer's `basis` (IID indicator 33, bases a–f). */
  bases?: Array<{ key: string; label: string; optionLabels: Record<string, string> }>;
  /** indexScaled: the input range mapped onto 0…weight. */
  range?: { from: number; to: number };
  /** Evidence is mandatory for this question (flagged when missing). */
  mandatory?: boolean;
  /** Confidence of this node's numbers when it differs from the rulebook's. */
  confidence?: Confidence;
  minimums?: Record<string, z.infer<typeof ZMinimum>>;
  /** Free descriptive data (e.g. the IID variable), passed through to results. */
  meta?: Record<string, string>;
  children?: WorksheetNode[];
}

export const ZWorksheetNode: z.ZodType<WorksheetNode> = z.lazy(() =>
  z
    .object({
      code: z.string().min(1).max(40),
      title: z.string().min(1),
      aggregation: ZAggregation,
      weight: z.number().min(0).optional(),
      scale: z.string().optional(),
      optionLabels: z.record(z.string(), z.string()).optional(),
      bases: z.array(z.object({ key: z.string().min(1), label: z.string().min(1), optionLabels: z.record(z.string(), z.string()) })).optional(),
      range: z.object({ from: z.number(), to: z.number() }).optional(),
      mandatory: z.boolean().optional(),
      confidence: ZConfidence.optional(),
      minimums: z.record(z.string(), ZMinimum).optional(),
      meta: z.record(z.string(), z.string()).optional(),
      children: z.array(ZWorksheetNode).optional(),
    })
    .strict(),
);

/** Bands (predikat), highest first; a lower bound is inclusive (≥) or exclusive (>, "> 80 – 90"). */
export const ZBand = z.object({ code: z.string().min(1), label: z.string().min(1), min: z.number(), inclusive: z.boolean() });
export type Band = z.infer<typeof ZBand>;

export const ZWorksheetBody = z.object({
  /** Decimals of the final rounding (half-up, once, at the end). */
  decimals: z.number().int().min(0).max(6).default(2),
  scales: z.array(ZScale).default([]),
  root: ZWorksheetNode,
  bands: z.array(ZBand).default([]),
  /** Whether an answered question without evidence still earns its points (flagged either way). */
  pointsWithoutEvidence: z.enum(['count', 'zero']).default('count'),
});
export type WorksheetBody = z.infer<typeof ZWorksheetBody>;
export type WorksheetRulebook = Rulebook<WorksheetBody>;

export const isQuestion = (n: WorksheetNode) => QUESTION_AGGREGATIONS.has(n.aggregation);
/** A checklist item: answered, never scored (see `checklist` above). */
export const isChecklist = (n: WorksheetNode) => n.aggregation === 'checklist';

export function* walk(n: WorksheetNode, parent: WorksheetNode | null = null): Generator<{ node: WorksheetNode; parent: WorksheetNode | null }> {
  yield { node: n, parent };
  for (const c of n.children ?? []) yield* walk(c, n);
}

/** The questions of a worksheet (its answerable leaves), in tree order. */
export function questionsOf(body: Pick<WorksheetBody, 'root'>): WorksheetNode[] {
  return [...walk(body.root)].map((x) => x.node).filter(isQuestion);
}

/** Cross-checks a schema cannot express; an invalid worksheet stops the server at start-up. */
export function checkWorksheet(body: WorksheetBody): string[] {
  const problems: string[] = [];
  const scales = new Map(body.scales.map((s) => [s.id, s]));
  if (scales.size !== body.scales.length) problems.push('duplicate scale ids');
  const codes = new Set<string>();
  for (const { node, parent } of walk(body.root)) {
    if (codes.has(node.code)) problems.push(`duplicate node code ${node.code}`);
    codes.add(node.code);
    const inMean = parent?.aggregation === 'meanTimesWeight';
    if (isChecklist(node)) {
      if (node.children?.length) problems.push(`${node.code}: a checklist item has no children`);
      if (inMean) problems.push(`${node.code}: a checklist item cannot be an item of a meanTimesWeight group`);
      if (!scales.has(node.scale ?? '')) problems.push(`${node.code}: unknown scale ${node.scale ?? '(none)'}`);
    } else if (isQuestion(node)) {
      // A scored question may carry checklist items (which do not score) and nothing else.
      if (node.children?.some((c) => !isChecklist(c))) problems.push(`${node.code}: a question has no children other than checklist items`);
      if (!inMean && node.weight === undefined) problems.push(`${node.code}: weight required`);
      if (inMean && node.aggregation !== 'weightedChoice' && node.aggregation !== 'ratioCapped')
        problems.push(`${node.code}: items of a meanTimesWeight group are choice or ratio questions`);
      if ((node.aggregation === 'weightedChoice' || node.aggregation === 'letterFactor') && !scales.has(node.scale ?? ''))
        problems.push(`${node.code}: unknown scale ${node.scale ?? '(none)'}`);
      if (node.aggregation === 'indexScaled' && (!node.range || node.range.to <= node.range.from)) problems.push(`${node.code}: range from < to required`);
    } else {
      if (!node.children?.length) problems.push(`${node.code}: a ${node.aggregation} node needs children`);
      if (node.aggregation === 'meanTimesWeight') {
        if (node.weight === undefined) problems.push(`${node.code}: weight required`);
        if (node.children?.some((c) => !isQuestion(c))) problems.push(`${node.code}: meanTimesWeight children must be questions`);
      }
    }
  }
  // A declared weight on a sum node is its maximum: it must equal what its children add up to.
  for (const { node } of walk(body.root)) {
    if (node.aggregation === 'sum' && node.weight !== undefined && problems.length === 0) {
      const computed = maxOf(node, body);
      if (Math.abs(computed - node.weight) > 1e-9) problems.push(`${node.code}: weight ${node.weight} ≠ Σ children maxima ${computed}`);
    }
  }
  for (let i = 1; i < body.bands.length; i++) if (body.bands[i].min >= body.bands[i - 1].min) problems.push('bands must be ordered highest first');
  return problems;
}

/** The maximum score of a node from the definition (for load-time checks; the engine computes exactly). */
export function maxOf(node: WorksheetNode, body: Pick<WorksheetBody, 'scales'>): number {
  const itemMax = (q: WorksheetNode) =>
    q.aggregation === 'weightedChoice' || q.aggregation === 'letterFactor' ? Math.max(...body.scales.find((s) => s.id === q.scale)!.options.map((o) => o.value)) : 1;
  if (isChecklist(node)) return 0;
  if (isQuestion(node)) return (node.weight ?? 1) * itemMax(node);
  const kids = node.children ?? [];
  if (node.aggregation === 'meanTimesWeight') return (kids.reduce((s, k) => s + itemMax(k), 0) * node.weight!) / kids.length;
  return kids.reduce((s, k) => s + maxOf(k, body), 0);
}

/** A registry of worksheet rulebooks of one kind (e.g. `lke-akip`, `lke-zi`). */
export function createWorksheetRegistry(kind: string) {
  return new RulebookRegistry<WorksheetBody>(kind, ZWorksheetBody as unknown as z.ZodType<WorksheetBody>, (rb) => checkWorksheet(rb.body));
}

// ---------------------------------------------------------------------------------------------
// Option scales as data (RULES.md §2.2, §3.2, §3.5, §6.2).

const opts = (pairs: Array<[string, number, string?]>) => pairs.map(([code, value, label]) => ({ code, value, label: label ?? code }));

export const SCALES = {
  /** LKE ZI §3.5 [HIGH]. */
  yaTidak: { id: 'ya-tidak', title: 'Ya/Tidak', options: opts([['Ya', 1], ['Tidak', 0]]) },
  aC: { id: 'a-c', title: 'A–C', options: opts([['A', 1], ['B', 0.5], ['C', 0]]) },
  aD: { id: 'a-d', title: 'A–D', options: opts([['A', 1], ['B', 0.67], ['C', 0.33], ['D', 0]]) },
  aE: { id: 'a-e', title: 'A–E', options: opts([['A', 1], ['B', 0.75], ['C', 0.5], ['D', 0.25], ['E', 0]]) },
  /** LKE AKIP letter grades §2.2 [MED]: factor of the sub-component weight. */
  letter: {
    id: 'letter-aa-e',
    title: 'AA–E',
    options: opts([['AA', 1], ['A', 0.9], ['BB', 0.8], ['B', 0.7], ['CC', 0.6], ['C', 0.5], ['D', 0.3], ['E', 0]]),
  },
  /** IID parameter p §6.2: 1–3 the parameter chosen (0 = not filled is no answer). */
  iidParameter: { id: 'iid-p', title: 'Parameter 1–3', options: opts([['1', 1], ['2', 2], ['3', 3]]) },
} satisfies Record<string, OptionScale>;
