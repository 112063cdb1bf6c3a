import { Fraction } from '../fraction.ts';
import type { SkmRulebook } from './skm.rulebook.ts';

/**
 * IKM — PermenPANRB 14/2017 (RULES.md §1.4): NRR per unsur = sum / answered; weight =
 * 1 / active unsur (exact); IKM = Σ NRR × weight; konversi = IKM × 25; one half-up rounding
 * at the end; mutu from the rounded converted value.
 */
export interface UnsurTotals {
  /** Sum of answer values (1–4) per unsur code. */
  sum: Record<string, number>;
  /** Number of questionnaires that answered the unsur. */
  count: Record<string, number>;
}

export interface IkmResult {
  n: number;
  active: string[];
  weight: { numerator: number; denominator: number; decimal: number };
  nrr: Record<string, number>;
  nrrWeighted: Record<string, number>;
  ikm: number;
  ikmConverted: number;
  /** The converted value before the final rounding, to 4 decimals (for the explanation). */
  ikmConvertedExact: number;
  mutu: string | null;
  kinerja: string | null;
  nilaiPersepsi: number | null;
  weakest: string[];
  explanation: string;
}

export function classify(rb: SkmRulebook, converted: number) {
  const band = rb.body.bands.find((b) => converted >= b.min) ?? rb.body.bands.at(-1)!;
  return band;
}

export function computeIkm(rb: SkmRulebook, active: string[], totals: UnsurTotals, n: number): IkmResult {
  const dp = rb.body.decimals;
  const k = active.length;
  const nrrF: Record<string, Fraction> = {};
  for (const code of active) {
    const c = totals.count[code] ?? 0;
    nrrF[code] = c > 0 ? new Fraction(totals.sum[code] ?? 0, c) : new Fraction(0);
  }
  const answeredAll = active.every((c) => (totals.count[c] ?? 0) > 0);
  let ikmF = new Fraction(0);
  for (const code of active) ikmF = ikmF.add(nrrF[code].div(k));
  const convertedF = ikmF.mul(rb.body.conversion);
  const hasData = n > 0 && answeredAll;
  const ikmConverted = hasData ? convertedF.roundHalfUp(dp) : 0;
  const band = hasData ? classify(rb, ikmConverted) : null;
  const nrr = Object.fromEntries(active.map((c) => [c, nrrF[c].roundHalfUp(dp)]));
  const minNrr = Math.min(...active.map((c) => nrrF[c].toNumber()));
  const weakest = hasData ? active.filter((c) => Math.abs(nrrF[c].toNumber() - minNrr) < 1e-12) : [];
  return {
    n,
    active,
    weight: { numerator: 1, denominator: k, decimal: Number((1 / k).toFixed(4)) },
    nrr,
    nrrWeighted: Object.fromEntries(active.map((c) => [c, nrrF[c].div(k).roundHalfUp(4)])),
    ikm: hasData ? ikmF.roundHalfUp(dp + 2) : 0,
    ikmConverted,
    ikmConvertedExact: hasData ? convertedF.roundHalfUp(4) : 0,
    mutu: band?.mutu ?? null,
    kinerja: band?.kinerja ?? null,
    nilaiPersepsi: band?.nilaiPersepsi ?? null,
    weakest,
    explanation: hasData
      ? `IKM = Σ NRR × 1/${k} = ${ikmF.roundHalfUp(4)}; konversi = IKM × ${rb.body.conversion} = ${convertedF.roundHalfUp(4)} → ${ikmConverted.toFixed(dp)} → mutu ${band!.mutu} (${band!.kinerja})`
      : 'Belum ada jawaban.',
  };
}

/** Krejcie & Morgan minimum sample for a population N (RULES.md §1.6; half-up, not ceiling). */
export function minSample(rb: SkmRulebook, population: number): number {
  const { chiSquare: x, p, d, takeAllBelow } = rb.body.sample;
  if (population < takeAllBelow) return population;
  const s = (x * population * p * (1 - p)) / (d * d * (population - 1) + x * p * (1 - p));
  return Math.floor(s + 0.5);
}

/** Answers per unsur code from a questionnaire in its printed order (question 8 is U9). */
export function answersFromQuestionnaire(rb: SkmRulebook, byQuestion: number[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const u of rb.body.unsur) out[u.code] = byQuestion[u.questionNo - 1];
  return out;
}
