import { Fraction } from '../fraction.ts';
import { roundHalfUp, type Rulebook } from '../rulebook.ts';
import { isChecklist, isQuestion, questionsOf, walk, type Band, type WorksheetBody, type WorksheetNode } from './worksheet.ts';

/**
 * The assessment engine: pure functions of (worksheet rulebook, answers) → result with its
 * explanation. All arithmetic is exact (fractions); every number shown is rounded half-up from the
 * exact value, and the total is rounded once, at the end.
 */

/** One answer as stored: the option code ("A", "Ya", "2"), "n/d" for a ratio, a decimal for an index. */
export interface EngineAnswer {
  value: string | null;
  /** The chosen measurement basis, for questions with alternative label sets (IID indicator 33). */
  basis?: string | null;
  /** Number of evidence records linked; when given, mandatory questions without evidence are flagged. */
  evidenceCount?: number;
}
export type Answers = Record<string, EngineAnswer>;

export type AnswerProblem = 'unknownQuestion' | 'unknownOption' | 'invalidRatio' | 'invalidNumber' | 'basisRequired' | 'unknownBasis';
export class AssessmentAnswerError extends Error {
  constructor(readonly question: string, readonly reason: AnswerProblem) {
    super(`${reason}: ${question}`);
  }
}

export interface NodeResult {
  code: string;
  title: string;
  aggregation: WorksheetNode['aggregation'];
  weight: number | null;
  /** Score and maximum, rounded half-up to the worksheet's decimals from exact values. */
  score: number;
  max: number;
  /** Question: the item value (option value, capped ratio, scaled index fraction). */
  value: number | null;
  /** Question: the answer as given, with its option label. */
  answer: { value: string | null; label: string | null; basis: string | null } | null;
  mandatory: boolean;
  flag: 'missing_evidence' | null;
  /**
   * A question carrying checklist items (which do not score): how many there are, how many are
   * answered and how many with the scale's top option (e.g. "Ya"). A hint for the judgement, not a score.
   */
  checklist: { total: number; answered: number; positive: number } | null;
  /** The formula with its numbers, e.g. "6 × 0.9 [A] = 5.4". */
  formula: string;
  /** True when the rulebook or this node (or one below it) is UNVERIFIED: show "belum terverifikasi". */
  unverified: boolean;
  meta: Record<string, string>;
  children: NodeResult[];
}

export interface Shortfall {
  code: string;
  title: string;
  required: number;
  actual: number;
  shortBy: number;
  unverified: boolean;
}

export interface WorksheetResult {
  rulebookId: string;
  rulebookConfidence: Rulebook<unknown>['confidence'];
  total: number;
  max: number;
  band: { code: string; label: string } | null;
  root: NodeResult;
  /** Questions without an answer (scored 0). */
  missing: string[];
  /** Mandatory questions without evidence. */
  missingEvidence: string[];
  /** Per minimum level (e.g. wbk, wbbm): met, and which nodes fall short and by how much. */
  minimums: Record<string, { met: boolean; shortfalls: Shortfall[] }>;
  explanation: string;
}

// ---------------------------------------------------------------------------------------------
// Exact numbers

/** A decimal from rulebook data as an exact fraction (0.67 → 67/100, never 0.67000000000000004). */
export function dec(x: number): Fraction {
  const s = String(x);
  if (/e/i.test(s)) throw new RangeError(`number out of range: ${s}`);
  const [int, frac = ''] = s.replace('-', '').split('.');
  const f = new Fraction(BigInt(int + frac), 10n ** BigInt(frac.length));
  return x < 0 ? f.mul(-1) : f;
}
const ZERO = new Fraction(0);
const ONE = new Fraction(1);
const cmp = (a: Fraction, b: Fraction) => {
  const d = a.n * b.d - b.n * a.d;
  return d < 0n ? -1 : d > 0n ? 1 : 0;
};
const sub = (a: Fraction, b: Fraction) => a.add(b.mul(-1));
const min = (a: Fraction, b: Fraction) => (cmp(a, b) <= 0 ? a : b);
const max = (a: Fraction, b: Fraction) => (cmp(a, b) >= 0 ? a : b);
const round = (f: Fraction, dp: number) => (f.n < 0n ? -f.mul(-1).roundHalfUp(dp) : f.roundHalfUp(dp));
const fmt = (f: Fraction | number) => String(roundHalfUp(typeof f === 'number' ? f : f.toNumber(), 4));

/** Parse a decimal typed by a person ("3,70" or "3.70") exactly. */
function parseDecimal(text: string): Fraction | null {
  const t = text.trim().replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(t)) return null;
  const neg = t.startsWith('-');
  const [int, frac = ''] = t.replace('-', '').split('.');
  const f = new Fraction(BigInt(int + frac), 10n ** BigInt(frac.length));
  return neg ? f.mul(-1) : f;
}

/** A ratio answer is "numerator/denominator" of two entered counts. */
export const ratioAnswer = (numerator: number, denominator: number) => `${numerator}/${denominator}`;

// ---------------------------------------------------------------------------------------------
// Scoring

interface Evaluated {
  result: NodeResult;
  exact: Fraction;
  exactMax: Fraction;
  /** Item value for questions (what a meanTimesWeight group averages). */
  exactValue: Fraction | null;
  maxValue: Fraction | null;
}

/** Check every answer against the worksheet: unknown questions, options, bases and numbers are errors, not zeros. */
export function validateAnswers(body: WorksheetBody, answers: Answers): void {
  const byCode = new Map(questionsOf(body).map((q) => [q.code, q]));
  for (const [code, a] of Object.entries(answers)) {
    const q = byCode.get(code);
    if (!q) throw new AssessmentAnswerError(code, 'unknownQuestion');
    questionValue(body, q, a);
  }
}

/** The item value of one answered question, and its maximum; throws on an invalid answer. */
function questionValue(body: WorksheetBody, q: WorksheetNode, a: EngineAnswer | undefined): { value: Fraction; maxValue: Fraction; label: string | null; text: string } {
  const v = a?.value ?? null;
  if (q.aggregation === 'weightedChoice' || q.aggregation === 'letterFactor' || q.aggregation === 'checklist') {
    const scale = body.scales.find((s) => s.id === q.scale)!;
    const maxValue = scale.options.reduce((m, o) => max(m, dec(o.value)), ZERO);
    if (v === null) return { value: ZERO, maxValue, label: null, text: '—' };
    const opt = scale.options.find((o) => o.code === v);
    if (!opt) throw new AssessmentAnswerError(q.code, 'unknownOption');
    let labels = q.optionLabels;
    if (q.bases && dec(opt.value).n !== 0n) {
      if (!a?.basis) throw new AssessmentAnswerError(q.code, 'basisRequired');
      const b = q.bases.find((x) => x.key === a.basis);
      if (!b) throw new AssessmentAnswerError(q.code, 'unknownBasis');
      labels = b.optionLabels;
    }
    return { value: dec(opt.value), maxValue, label: labels?.[opt.code] ?? opt.label, text: opt.code };
  }
  if (q.aggregation === 'ratioCapped') {
    if (v === null) return { value: ZERO, maxValue: ONE, label: null, text: '—' };
    const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(v);
    if (!m) throw new AssessmentAnswerError(q.code, 'invalidRatio');
    const [n, d] = [BigInt(m[1]), BigInt(m[2])];
    // A ratio of nothing (denominator 0) is not a number: the unit must enter what it counted.
    if (d === 0n) throw new AssessmentAnswerError(q.code, 'invalidRatio');
    const value = min(ONE, new Fraction(n, d));
    return { value, maxValue: ONE, label: `min(1, ${m[1]}/${m[2]})`, text: `${m[1]}/${m[2]}` };
  }
  // indexScaled
  if (v === null) return { value: ZERO, maxValue: ONE, label: null, text: '—' };
  const x = parseDecimal(v);
  if (!x) throw new AssessmentAnswerError(q.code, 'invalidNumber');
  const { from, to } = q.range!;
  const scaled = sub(x, dec(from)).div(sub(dec(to), dec(from)));
  return { value: min(ONE, max(ZERO, scaled)), maxValue: ONE, label: null, text: v };
}

export interface ScoreOptions {
  /** What to do with answers to questions the worksheet does not have: error (default) or ignore (what-if). */
  unknownAnswers?: 'error' | 'ignore';
}

export function scoreWorksheet(rb: Rulebook<WorksheetBody>, answers: Answers, options: ScoreOptions = {}): WorksheetResult {
  const body = rb.body;
  const known = new Set(questionsOf(body).map((q) => q.code));
  if ((options.unknownAnswers ?? 'error') === 'error') validateAnswers(body, answers);
  const dp = body.decimals;
  const rbUnverified = rb.confidence === 'UNVERIFIED';
  const missing: string[] = [];
  const missingEvidence: string[] = [];
  const exactByCode = new Map<string, { exact: Fraction; exactMax: Fraction; node: WorksheetNode; unverified: boolean }>();

  function evalNode(node: WorksheetNode, parent: WorksheetNode | null): Evaluated {
    const own = rbUnverified || node.confidence === 'UNVERIFIED';
    const base = { code: node.code, title: node.title, aggregation: node.aggregation, meta: node.meta ?? {}, mandatory: !!node.mandatory };
    let ev: Evaluated;
    if (isChecklist(node)) {
      // Answered, never scored: score and maximum 0; an unanswered item is not "missing" points.
      const a = known.has(node.code) ? answers[node.code] : undefined;
      const answered = a !== undefined && a.value !== null && a.value !== '';
      const q = questionValue(body, node, a);
      const flag = node.mandatory && (a?.evidenceCount ?? 0) === 0 ? 'missing_evidence' : null;
      if (flag) missingEvidence.push(node.code);
      ev = {
        result: {
          ...base,
          weight: null,
          score: 0,
          max: 0,
          value: round(q.value, 4),
          answer: answered ? { value: a!.value, label: q.label, basis: a!.basis ?? null } : null,
          flag,
          checklist: null,
          formula: `${q.text} (tidak dinilai)`,
          unverified: own,
          children: [],
        },
        exact: ZERO,
        exactMax: ZERO,
        exactValue: q.value,
        maxValue: q.maxValue,
      };
    } else if (isQuestion(node)) {
      const a = known.has(node.code) ? answers[node.code] : undefined;
      const answered = a !== undefined && a.value !== null && a.value !== '';
      if (!answered) missing.push(node.code);
      const items = (node.children ?? []).map((c) => evalNode(c, node));
      const checklist = items.length
        ? {
            total: items.length,
            answered: items.filter((i) => i.result.answer).length,
            positive: items.filter((i) => i.result.answer && cmp(i.exactValue!, i.maxValue!) === 0 && i.maxValue!.n !== 0n).length,
          }
        : null;
      const q = questionValue(body, node, a);
      const evidenceCount = a?.evidenceCount ?? 0;
      const hasEvidence = a?.evidenceCount === undefined || a.evidenceCount > 0;
      // A mandatory question without evidence is flagged (the verifier would zero it).
      const flag = node.mandatory && evidenceCount === 0 ? 'missing_evidence' : null;
      if (flag) missingEvidence.push(node.code);
      const earns = !(answered && !hasEvidence && body.pointsWithoutEvidence === 'zero');
      const inMean = parent?.aggregation === 'meanTimesWeight';
      const w = dec(node.weight ?? 1);
      const exact = inMean ? q.value : earns ? w.mul(q.value) : ZERO;
      const exactMax = inMean ? q.maxValue : w.mul(q.maxValue);
      const formula =
        inMean
          ? `${q.text} → ${fmt(q.value)}`
          : node.aggregation === 'indexScaled'
            ? `(${q.text} − ${node.range!.from}) ÷ (${node.range!.to} − ${node.range!.from}) × ${fmt(w)} = ${fmt(exact)}`
            : node.aggregation === 'ratioCapped'
              ? `min(1, ${q.text}) × ${fmt(w)} = ${fmt(exact)}`
              : `${fmt(w)} × ${fmt(q.value)} [${q.text}]${earns ? '' : ' × 0'} = ${fmt(exact)}`;
      ev = {
        result: {
          ...base,
          weight: node.weight ?? null,
          score: round(exact, dp),
          max: round(exactMax, dp),
          value: round(q.value, 4),
          answer: answered ? { value: a!.value, label: q.label, basis: a!.basis ?? null } : null,
          flag,
          checklist,
          formula,
          unverified: own,
          children: items.map((i) => i.result),
        },
        exact,
        exactMax,
        exactValue: q.value,
        maxValue: q.maxValue,
      };
    } else {
      const kids = (node.children ?? []).map((c) => evalNode(c, node));
      const unverified = own || kids.some((k) => k.result.unverified);
      let exact: Fraction;
      let exactMax: Fraction;
      let formula: string;
      if (node.aggregation === 'meanTimesWeight') {
        const w = dec(node.weight!);
        const n = kids.length;
        const sumValues = kids.reduce((s, k) => s.add(k.exactValue!), ZERO);
        exact = sumValues.mul(w).div(n);
        exactMax = kids.reduce((s, k) => s.add(k.maxValue!), ZERO).mul(w).div(n);
        formula = `(${kids.map((k) => fmt(k.exactValue!)).join(' + ')}) × ${fmt(w)} ÷ ${n} = ${fmt(exact)}`;
      } else {
        exact = kids.reduce((s, k) => s.add(k.exact), ZERO);
        exactMax = kids.reduce((s, k) => s.add(k.exactMax), ZERO);
        formula = `${kids.map((k) => fmt(k.exact)).join(' + ')} = ${fmt(exact)}`;
      }
      ev = {
        result: { ...base, weight: node.weight ?? null, score: round(exact, dp), max: round(exactMax, dp), value: null, answer: null, flag: null, checklist: null, formula, unverified, children: kids.map((k) => k.result) },
        exact,
        exactMax,
        exactValue: null,
        maxValue: null,
      };
    }
    exactByCode.set(node.code, { exact: ev.exact, exactMax: ev.exactMax, node, unverified: ev.result.unverified });
    return ev;
  }

  const root = evalNode(body.root, null);
  // One half-up rounding of the total, at the end.
  const total = round(root.exact, dp);
  const band = bandOf(body.bands, total);

  const minimums: WorksheetResult['minimums'] = {};
  for (const { node } of walk(body.root)) {
    for (const [level, m] of Object.entries(node.minimums ?? {})) {
      const e = exactByCode.get(node.code)!;
      const required = m.fractionOfMax !== undefined ? e.exactMax.mul(dec(m.fractionOfMax)) : dec(m.value!);
      const entry = (minimums[level] ??= { met: true, shortfalls: [] });
      if (cmp(e.exact, required) < 0) {
        entry.met = false;
        entry.shortfalls.push({
          code: node.code,
          title: node.title,
          required: round(required, dp + 2),
          actual: round(e.exact, dp + 2),
          shortBy: round(sub(required, e.exact), dp + 2),
          unverified: e.unverified || m.confidence === 'UNVERIFIED' || m.confidence === 'LOW',
        });
      }
    }
  }

  return {
    rulebookId: rb.id,
    rulebookConfidence: rb.confidence,
    total,
    max: round(root.exactMax, dp),
    band: band ? { code: band.code, label: band.label } : null,
    root: root.result,
    missing,
    missingEvidence,
    minimums,
    // The exact sum, then the one half-up rounding, then the band.
    explanation: `${root.result.formula} → ${total.toFixed(dp)}${band ? ` → ${band.code} (${band.label})` : ''}`,
  };
}

/** The band of a (rounded) value: the first, highest first, whose lower bound it passes. */
export function bandOf(bands: Band[], value: number): Band | null {
  return bands.find((b) => (b.inclusive ? value >= b.min : value > b.min)) ?? null;
}

/** Find a node in a result tree by code. */
export function findNode(r: NodeResult, code: string): NodeResult | undefined {
  if (r.code === code) return r;
  for (const c of r.children) {
    const f = findNode(c, code);
    if (f) return f;
  }
  return undefined;
}

export interface WhatIfColumn {
  rulebookId: string;
  title: string;
  confidence: Rulebook<unknown>['confidence'];
  unverified: boolean;
  result: WorksheetResult;
  /** Answers whose question code this rulebook does not have (left out of its score). */
  unmatched: string[];
}

/**
 * What-if: the same answers rescored under other rulebook versions, matched by question code.
 * Questions a version has but the answers lack are in `result.missing`; answers a version does
 * not know are in `unmatched`.
 */
export function rescore(answers: Answers, rulebooks: Rulebook<WorksheetBody>[]): WhatIfColumn[] {
  return rulebooks.map((rb) => {
    const known = new Set(questionsOf(rb.body).map((q) => q.code));
    const kept = Object.fromEntries(Object.entries(answers).filter(([code]) => known.has(code)));
    return {
      rulebookId: rb.id,
      title: rb.title,
      confidence: rb.confidence,
      unverified: rb.confidence === 'UNVERIFIED',
      result: scoreWorksheet(rb, kept),
      unmatched: Object.keys(answers).filter((c) => !known.has(c)),
    };
  });
}
