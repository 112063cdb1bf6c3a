import { roundHalfUp } from '../rulebook.ts';
import type { KippRulebook } from './kipp.rulebook.ts';

/** Words are whitespace-separated tokens that contain a letter or a digit (issue 5). */
export function wordCount(text: string): number {
  let n = 0;
  for (const token of text.split(/\s+/)) if (/[\p{L}\p{N}]/u.test(token)) n++;
  return n;
}

/** A judge's weighted total: Σ score × weight / 100 on the rulebook's scale. */
export function weightedTotal(rb: KippRulebook, scores: Record<string, number>): number {
  let total = 0;
  for (const c of rb.body.criteria) total += ((scores[c.key] ?? 0) * c.weight) / 100;
  return roundHalfUp(total, 2);
}

export interface RankingEntry {
  proposalId: string;
  judgeTotals: number[];
}

/**
 * Ranking: mean of the judges' weighted totals, best first; spread = highest − lowest judge total;
 * flagged when the spread exceeds the margin (a calibration discussion is needed). Entries without
 * any judge's score have rank null and come last.
 */
export function rank(entries: RankingEntry[], margin: number) {
  return entries
    .map((e) => {
      const n = e.judgeTotals.length;
      const mean = n ? e.judgeTotals.reduce((a, b) => a + b, 0) / n : 0;
      const spread = n ? Math.max(...e.judgeTotals) - Math.min(...e.judgeTotals) : 0;
      return { proposalId: e.proposalId, judges: n, mean: roundHalfUp(mean, 2), spread: roundHalfUp(spread, 2), flagged: spread > margin };
    })
    // An entry nobody has scored yet has no rank (it is not "last at 0"): it follows the scored ones.
    .sort((a, b) => Number(b.judges > 0) - Number(a.judges > 0) || b.mean - a.mean || a.spread - b.spread || a.proposalId.localeCompare(b.proposalId))
    .map((e, i) => ({ rank: e.judges > 0 ? i + 1 : null, ...e }));
}

/** Years between two ISO dates, counting whole days (leap-aware) — for the minimum-age rule. */
export function yearsBetween(from: string, to: string): number {
  const a = new Date(`${from}T00:00:00Z`);
  const b = new Date(`${to}T00:00:00Z`);
  let years = b.getUTCFullYear() - a.getUTCFullYear();
  const anniversary = new Date(Date.UTC(a.getUTCFullYear() + years, a.getUTCMonth(), a.getUTCDate()));
  if (anniversary > b) years--;
  return years;
}
