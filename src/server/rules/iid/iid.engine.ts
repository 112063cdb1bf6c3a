import { roundHalfUp } from '../rulebook.ts';
import type { IidBody, IidIndicator, IidRulebook } from './iid.rulebook.ts';

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

export interface ScoredIndicator {
  indicator: string;
  name: string;
  variable: string;
  weight: number;
  mandatory: boolean;
  choice: number;
  choiceLabel: string | null;
  basis: string | null;
  points: number;
  maxPoints: number;
  evidenceCount: number;
  /** Set when a mandatory indicator has no evidence (the verifier would zero it). */
  flag: 'missing_evidence' | null;
}

export interface IndicatorScore {
  total: number;
  max: number;
  items: ScoredIndicator[];
  missingEvidence: string[];
}

/** Check answers against the rulebook; unknown indicators and parameters are errors, not zeros. */
export function validateAnswers(indicators: IidIndicator[], answers: Record<string, IndicatorAnswer>): void {
  const byNo = new Map(indicators.map((i) => [i.no, i]));
  for (const [no, a] of Object.entries(answers)) {
    const ind = byNo.get(no);
    if (!ind) throw new IidAnswerError(no, 'unknownIndicator');
    if (!Number.isInteger(a.choice) || a.choice < 0 || a.choice > 3) throw new IidAnswerError(no, 'unknownParameter');
    if (ind.bases && a.choice > 0) {
      if (!a.basis) throw new IidAnswerError(no, 'basisRequired');
      if (!ind.bases.some((b) => b.key === a.basis)) throw new IidAnswerError(no, 'unknownBasis');
    }
  }
}

export function scoreIndicators(
  indicators: IidIndicator[],
  answers: Record<string, IndicatorAnswer>,
  pointsWithoutEvidence: IidBody['pointsWithoutEvidence'] = 'count',
): IndicatorScore {
  validateAnswers(indicators, answers);
  const items = indicators.map((ind): ScoredIndicator => {
    const a = answers[ind.no] ?? { choice: 0, evidenceCount: 0 };
    const params = ind.bases && a.basis ? ind.bases.find((b) => b.key === a.basis)!.params : ind.params;
    const noEvidence = a.choice > 0 && a.evidenceCount === 0;
    const earns = !(noEvidence && pointsWithoutEvidence === 'zero');
    return {
      indicator: ind.no,
      name: ind.name,
      variable: ind.variable,
      weight: ind.weight,
      mandatory: ind.mandatory,
      choice: a.choice,
      choiceLabel: a.choice > 0 ? params[a.choice - 1].label : null,
      basis: a.basis ?? null,
      points: earns ? ind.weight * a.choice : 0,
      maxPoints: ind.weight * 3,
      evidenceCount: a.evidenceCount,
      flag: ind.mandatory && a.evidenceCount === 0 ? 'missing_evidence' : null,
    };
  });
  const total = items.reduce((s, i) => s + i.points, 0);
  return {
    total: roundHalfUp(total, 4),
    max: roundHalfUp(indicators.reduce((s, i) => s + i.weight * 3, 0), 4),
    items,
    missingEvidence: items.filter((i) => i.flag).map((i) => i.indicator),
  };
}

export const scoreInnovation = (rb: IidRulebook, answers: Record<string, IndicatorAnswer>) =>
  scoreIndicators(rb.body.sid.indicators, answers, rb.body.pointsWithoutEvidence);

export const scoreRegion = (rb: IidRulebook, answers: Record<string, IndicatorAnswer>) =>
  scoreIndicators(rb.body.spd.indicators, answers, rb.body.pointsWithoutEvidence);

export interface IidInput {
  spdScore: number;
  /** The scored innovations: their SID totals and the urusan they touch. */
  innovations: Array<{ sid: number; urusan: string[] }>;
}

export interface IidResult {
  value: number;
  predicate: string;
  components: {
    spd: { score: number; max: number };
    sid: { n: number; sum: number; divisor: number; divisorMin: number; average: number; max: number };
    count: {
      n: number;
      counted: number;
      perInnovation: number;
      cap: number;
      urusanWajib: string[];
      urusanCovered: string[];
      urusanRequired: number;
      urusanMet: boolean;
      score: number;
      max: number;
    };
    score: number;
    total: number;
  };
  explanation: string;
}

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
