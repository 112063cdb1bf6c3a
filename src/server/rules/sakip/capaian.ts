import { Fraction } from '../fraction.ts';

/**
 * Capaian kinerja (achievement) of a Perjanjian Kinerja indicator — RULES.md §2.5–2.6.
 *
 * - Higher is better: capaian = realisasi / target × 100.
 * - Lower is better, LAN AKIP formula (default) [MED]: (2·target − realisasi) / target × 100.
 *   The alternative target / realisasi × 100 seen in some apps is a per-indicator setting.
 * - Floored at 0 % (practice rule); never capped in storage — a display cap (e.g. 120 %) is an
 *   option of the caller (`displayCapaian`).
 * - A target of 0 cannot be divided by: the indicator says how to treat it (`zeroTarget`), or the
 *   capaian is undefined and the caller asks the user to fix the target.
 * - The annual value comes from the quarters by the indicator's method: sum (akumulasi), last
 *   value, average, min or max [MED]; only verified quarters are passed in.
 *
 * Arithmetic is exact (fractions); rounding half-up to two decimals happens once, at the end.
 * Every result carries its explanation.
 */

export type Polarity = 'higher' | 'lower';
export type LowerFormula = 'lan' | 'inverse';
export type Aggregation = 'sum' | 'last' | 'average' | 'min' | 'max';
/** A target of 0: 'invalid' (no capaian), or 100 % when the realisation is also 0 and 0 % otherwise. */
export type ZeroTarget = 'invalid' | 'zeroIsFull';

export interface CapaianRule {
  polarity: Polarity;
  /** Only for lower-is-better indicators; default 'lan'. */
  lowerFormula?: LowerFormula;
  zeroTarget?: ZeroTarget;
}

export type CapaianResult =
  | {
      ok: true;
      /** Percent, half-up to two decimals, floored at 0, never capped. */
      value: number;
      /** The exact value before the floor (may be negative), for the explanation. */
      raw: number;
      floored: boolean;
      formula: string;
      explanation: string;
    }
  | { ok: false; reason: 'targetZero' | 'realisasiZero' | 'noValue'; explanation: string };

/** An exact fraction from a JS number written in decimal (e.g. 8.25 → 33/4), without float error. */
export function exact(x: number): Fraction {
  if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
  const s = x.toString();
  if (/e/i.test(s)) {
    const [mant, expStr] = s.toLowerCase().split('e');
    const exp = Number(expStr);
    const m = exact(Number(mant));
    return exp >= 0 ? m.mul(10n ** BigInt(exp)) : m.div(10n ** BigInt(-exp));
  }
  const neg = s.startsWith('-');
  const [int, frac = ''] = (neg ? s.slice(1) : s).split('.');
  const n = BigInt(int + frac) * (neg ? -1n : 1n);
  return new Fraction(n, 10n ** BigInt(frac.length));
}

// One formatter each, built once: toLocaleString builds a new Intl.NumberFormat per call (~0.08 ms),
// which made the pemda recap (480 indicators, several numbers each) miss its 200 ms budget.
const NUM = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 4 });
const PCT = new Intl.NumberFormat('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const fmt = (x: number) => NUM.format(x);
const pct = (x: number) => `${PCT.format(x)} %`;

/** Half-up to two decimals for signed values (Fraction.roundHalfUp is for non-negative ones). */
function round2(f: Fraction): number {
  return f.n < 0n ? -new Fraction(-f.n, f.d).roundHalfUp(2) : f.roundHalfUp(2);
}

export function capaian(rule: CapaianRule, target: number, realisasi: number | null): CapaianResult {
  if (realisasi === null) return { ok: false, reason: 'noValue', explanation: 'Belum ada realisasi terverifikasi.' };
  const t = exact(target);
  const r = exact(realisasi);
  const lower = rule.polarity === 'lower';
  const formulaName = !lower ? 'realisasi ÷ target × 100' : rule.lowerFormula === 'inverse' ? 'target ÷ realisasi × 100' : '(2 × target − realisasi) ÷ target × 100';
  if (t.n === 0n) {
    if (rule.zeroTarget === 'zeroIsFull') {
      const value = r.n === 0n ? 100 : 0;
      return { ok: true, value, raw: value, floored: false, formula: 'target 0', explanation: `Target 0: realisasi ${fmt(realisasi)} → ${pct(value)} (aturan indikator: target 0 tercapai penuh bila realisasi 0).` };
    }
    return { ok: false, reason: 'targetZero', explanation: 'Target 0 tidak dapat menjadi pembagi; tetapkan cara menghitung capaian untuk indikator ini.' };
  }
  let f: Fraction;
  if (!lower) f = r.div(t).mul(100);
  else if (rule.lowerFormula === 'inverse') {
    if (r.n === 0n) return { ok: false, reason: 'realisasiZero', explanation: 'Realisasi 0 tidak dapat menjadi pembagi pada rumus target ÷ realisasi.' };
    f = t.div(r).mul(100);
  } else f = t.mul(2).add(r.mul(-1)).div(t).mul(100);
  const raw = round2(f);
  const floored = f.n < 0n;
  const value = floored ? 0 : raw;
  const shown = !lower
    ? `${fmt(realisasi)} ÷ ${fmt(target)} × 100`
    : rule.lowerFormula === 'inverse'
      ? `${fmt(target)} ÷ ${fmt(realisasi)} × 100`
      : `(2 × ${fmt(target)} − ${fmt(realisasi)}) ÷ ${fmt(target)} × 100`;
  const explanation = `${shown} = ${pct(raw)}${floored ? ' → 0,00 % (tidak kurang dari 0)' : ''}`;
  return { ok: true, value, raw, floored, formula: formulaName, explanation };
}

export interface AnnualValue {
  /** null when no quarter has a verified value. */
  value: number | null;
  quarters: number[];
  explanation: string;
}

/** The year's realisation from the verified quarters (TW I–IV in order; null = not verified yet). */
export function annualValue(method: Aggregation, quarters: ReadonlyArray<number | null>): AnnualValue {
  const present = quarters.map((v, i) => ({ v, q: i + 1 })).filter((x): x is { v: number; q: number } => x.v !== null);
  const used = present.map((x) => x.q);
  if (!present.length) return { value: null, quarters: [], explanation: 'Belum ada realisasi triwulan yang terverifikasi.' };
  const tw = (q: number) => `TW ${['I', 'II', 'III', 'IV'][q - 1]}`;
  const list = present.map((x) => `${tw(x.q)} ${fmt(x.v)}`).join(', ');
  const vals = present.map((x) => exact(x.v));
  let f: Fraction;
  let how: string;
  switch (method) {
    case 'sum':
      f = vals.reduce((a, b) => a.add(b));
      how = 'jumlah (akumulasi)';
      break;
    case 'average':
      f = vals.reduce((a, b) => a.add(b)).div(vals.length);
      how = `rata-rata dari ${vals.length} triwulan`;
      break;
    case 'last':
      f = vals[vals.length - 1]!;
      how = `nilai terakhir (${tw(present[present.length - 1]!.q)})`;
      break;
    case 'min':
      f = vals.reduce((a, b) => (a.n * b.d <= b.n * a.d ? a : b));
      how = 'nilai terendah';
      break;
    case 'max':
      f = vals.reduce((a, b) => (a.n * b.d >= b.n * a.d ? a : b));
      how = 'nilai tertinggi';
      break;
  }
  // Sums, minima and maxima of decimals are exact; an average keeps four decimals.
  const value = method === 'average' ? roundN(f, 4) : f.toNumber();
  return { value, quarters: used, explanation: `${how}: ${list} → ${fmt(value)}` };
}

function roundN(f: Fraction, dp: number): number {
  return f.n < 0n ? -new Fraction(-f.n, f.d).roundHalfUp(dp) : f.roundHalfUp(dp);
}

export interface StatusBands {
  /** Below this percent: merah. */
  red: number;
  /** Above this percent: hijau; from `red` up to and including this: kuning. */
  green: number;
}
/** Default colours seen in practice [LOW, app choice]: merah < 70, kuning 70–90, hijau > 90. */
export const DEFAULT_STATUS_BANDS: StatusBands = { red: 70, green: 90 };
export type CapaianStatus = 'merah' | 'kuning' | 'hijau';

export function capaianStatus(value: number, bands: StatusBands = DEFAULT_STATUS_BANDS): CapaianStatus {
  if (value < bands.red) return 'merah';
  if (value > bands.green) return 'hijau';
  return 'kuning';
}

/** What a page shows: the stored capaian, capped for display only when the tenant asks. */
export function displayCapaian(value: number, cap?: number | null): { shown: number; capped: boolean } {
  return cap != null && value > cap ? { shown: cap, capped: true } : { shown: value, capped: false };
}
