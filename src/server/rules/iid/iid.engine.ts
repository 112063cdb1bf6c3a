import { roundHalfUp } from '../rulebook.ts';
import type { IidResult, IidScoredIndicator } from '../../../shared/schemas/iid.ts';
import type { IidRulebook } from './iid.rulebook.ts';
import { iidWorksheet } from './iid.worksheet.ts';
import { AssessmentAnswerError, scoreWorksheet, validateAnswers as validateWorksheetAnswers, type Answers, type AnswerProblem } from '../assessment/assessment.engine.ts';

/**
 * Indeks Inovasi Daerah scoring — pure functions of (rulebook, answers) → result with its
 * explanation. RULES.md §6.2: row score = weight × p, p ∈ {0,1,2,3};
 * IID = (SPD + Σ SID / max(divisorMin, n) + min(n, cap) × perInnovation [if urusan met]) / total × 100.
 */
export interface IndicatorAnswer {
  /** 0 = not filled; 1–3 = the parameter chosen. */
  choice: number;
  /** Indicator 33: the measurement basis (a–f). */
  basis?: string | null;
  evidenceCount: number;
}

export class IidAnswerError extends Error {
  constructor(readonly indicator: string, readonly reason: 'unknownIndicator' | 'unknownParameter' | 'basisRequired' | 'unknownBasis') {
    super(`${reason}: ${indicator}`);
  }
}

/** One scored indicator (the shape is shared with the API and the SPA: src/shared/schemas/iid.ts). */
export type ScoredIndicator = IidScoredIndicator;

export interface IndicatorScore {
  total: number;
  max: number;
  items: ScoredIndicator[];
  missingEvidence: string[];
  explanation: string;
  unverified: boolean;
}

const REASONS: Record<AnswerProblem, IidAnswerError['reason']> = {
  unknownQuestion: 'unknownIndicator',
  unknownOption: 'unknownParameter',
  invalidRatio: 'unknownParameter',
  invalidNumber: 'unknownParameter',
  basisRequired: 'basisRequired',
  unknownBasis: 'unknownBasis',
};

/** IID answers (p = 0…3, 0 = not filled) as assessment-engine answers. */
function toEngine(answers: Record<string, IndicatorAnswer>): Answers {
  const out: Answers = {};
  for (const [no, a] of Object.entries(answers)) {
    if (!Number.isInteger(a.choice) || a.choice < 0 || a.choice > 3) throw new IidAnswerError(no, 'unknownParameter');
    out[no] = { value: a.choice > 0 ? String(a.choice) : null, basis: a.basis ?? null, evidenceCount: a.evidenceCount };
  }
  return out;
}

function engineCall<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof AssessmentAnswerError) throw new IidAnswerError(e.question, REASONS[e.reason]);
    throw e;
  }
}

/** Check answers against the rulebook; unknown indicators and parameters are errors, not zeros. */
export function validateAnswers(rb: IidRulebook, part: 'spd' | 'sid', answers: Record<string, IndicatorAnswer>): void {
  const engineAnswers = toEngine(answers);
  engineCall(() => validateWorksheetAnswers(iidWorksheet(rb, part).body, engineAnswers));
}

/** One IID sheet scored by the assessment engine: Σ b × p over the part's indicators. */
export function scoreIndicators(rb: IidRulebook, part: 'spd' | 'sid', answers: Record<string, IndicatorAnswer>): IndicatorScore {
  const ws = iidWorksheet(rb, part);
  const engineAnswers = toEngine(answers);
  const r = engineCall(() => scoreWorksheet(ws, engineAnswers));
  const byNo = new Map(rb.body[part].indicators.map((i) => [i.no, i]));
  const items = r.root.children.map((n): ScoredIndicator => {
    const a = answers[n.code];
    return {
      indicator: n.code,
      name: n.title,
      variable: n.meta.variable,
      weight: n.weight!,
      mandatory: n.mandatory,
      choice: a?.choice ?? 0,
      choiceLabel: n.answer?.label ?? null,
      basis: a?.basis ?? null,
      points: n.score,
      maxPoints: n.max,
      evidenceCount: a?.evidenceCount ?? 0,
      flag: byNo.get(n.code)!.mandatory && (a?.evidenceCount ?? 0) === 0 ? 'missing_evidence' : null,
      formula: n.formula,
      unverified: n.unverified,
    };
  });
  return { total: r.total, max: r.max, items, missingEvidence: r.missingEvidence, explanation: r.explanation, unverified: r.root.unverified };
}

export const scoreInnovation = (rb: IidRulebook, answers: Record<string, IndicatorAnswer>) => scoreIndicators(rb, 'sid', answers);

export const scoreRegion = (rb: IidRulebook, answers: Record<string, IndicatorAnswer>) => scoreIndicators(rb, 'spd', answers);

export interface IidInput {
  spdScore: number;
  /** The scored innovations: their SID totals and the urusan they touch. */
  innovations: Array<{ sid: number; urusan: string[] }>;
}

/** computeIid's answer (the shape is shared with the API and the SPA: src/shared/schemas/iid.ts). */
export type { IidResult };

export function predicateOf(rb: IidRulebook, value: number): string {
  const v = roundHalfUp(value, 2);
  return (rb.body.predicates.find((p) => v >= p.min) ?? rb.body.predicates.at(-1)!).label;
}

export function computeIid(rb: IidRulebook, input: IidInput): IidResult {
  const { count, divisorMin, total } = rb.body;
  const n = input.innovations.length;
  const sum = input.innovations.reduce((s, i) => s + i.sid, 0);
  const divisor = Math.max(divisorMin, n);
  const average = sum / divisor;
  const covered = count.urusanWajib.filter((u) => input.innovations.some((i) => i.urusan.includes(u)));
  const urusanMet = covered.length >= count.minUrusanCovered;
  const counted = Math.min(n, count.cap);
  const countScore = urusanMet ? counted * count.perInnovation : 0;
  const score = input.spdScore + average + countScore;
  // One half-up rounding, at the end.
  const value = roundHalfUp((score / total) * 100, 2);
  const predicate = predicateOf(rb, value);
  const fmt = (x: number) => roundHalfUp(x, 4).toString();
  return {
    value,
    predicate,
    components: {
      spd: { score: input.spdScore, max: rb.body.spd.max },
      sid: { n, sum: roundHalfUp(sum, 4), divisor, divisorMin, average: roundHalfUp(average, 4), max: rb.body.sid.max },
      count: {
        n,
        counted,
        perInnovation: count.perInnovation,
        cap: count.cap,
        urusanWajib: count.urusanWajib,
        urusanCovered: covered,
        urusanRequired: count.minUrusanCovered,
        urusanMet,
        score: roundHalfUp(countScore, 4),
        max: count.cap * count.perInnovation,
      },
      score: roundHalfUp(score, 4),
      total,
    },
    explanation:
      `(${fmt(input.spdScore)} + ${fmt(sum)} / max(${divisorMin}, ${n}) + ` +
      `${urusanMet ? `min(${n}, ${count.cap}) × ${count.perInnovation}` : `0 [urusan ${covered.length}/${count.minUrusanCovered}]`}) / ${total} × 100 = ${value.toFixed(2)} → ${predicate}`,
  };
}
