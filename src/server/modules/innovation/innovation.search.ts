import { SEARCH_TOTAL_CAP } from '../../search/innovation-index.ts';
import { correctQuery, parseQuery, searchInnovations, type Ranked, type Scope } from '../../search/engine.ts';
import type { DialectName, Executor } from '../../db/db.ts';

/**
 * One page of a ranked search, after the page's own filters (year, stage, region, …): `idsIn`
 * returns which of the given ids pass the filters, `rowsOf` loads rows by id. The order is the
 * engine's; the total counts filtered hits up to SEARCH_TOTAL_CAP (then totalCapped).
 */
export async function pageByRank<R extends { id: string }>(
  ranked: Ranked[],
  idsIn: (ids: string[]) => Promise<string[]>,
  rowsOf: (ids: string[]) => Promise<R[]>,
  offset: number,
  limit: number,
  sortIds?: (ids: string[]) => Promise<string[]>,
): Promise<{ rows: R[]; total: number; totalCapped: boolean }> {
  if (!ranked.length) return { rows: [], total: 0, totalCapped: false };
  const ids = ranked.map((r) => r.innovationId);
  let order: string[];
  if (sortIds) {
    // A column sort chosen while searching: the page's filtered query orders the hits itself
    // (≤ 2 × CANDIDATE_LIMIT ids), so it also does the filtering.
    order = await sortIds(ids);
  } else {
    const allowed = new Set<string>();
    for (let i = 0; i < ids.length; i += 500) for (const id of await idsIn(ids.slice(i, i + 500))) allowed.add(id);
    order = ids.filter((id) => allowed.has(id));
  }
  const pageIds = order.slice(offset, offset + limit);
  const pos = new Map(pageIds.map((id, i) => [id, i]));
  const rows = pageIds.length ? (await rowsOf(pageIds)).sort((a, b) => pos.get(a.id)! - pos.get(b.id)!) : [];
  const totalCapped = order.length > SEARCH_TOTAL_CAP;
  return { rows, total: totalCapped ? SEARCH_TOTAL_CAP : order.length, totalCapped };
}

/** Up to this many "Mungkin maksud Anda" titles when a search finds nothing. */
export const SUGGESTIONS = 3;

/**
 * A search box query in a scope, paged, with suggestions (titles found by the corrected query,
 * within the same scope and filters) when nothing matches.
 */
export async function searchPage<R extends { id: string; title: string }>(
  db: Executor,
  dialect: DialectName,
  q: string,
  scope: Scope,
  idsIn: (ids: string[]) => Promise<string[]>,
  rowsOf: (ids: string[]) => Promise<R[]>,
  offset: number,
  limit: number,
  sortIds?: (ids: string[]) => Promise<string[]>,
): Promise<{ rows: R[]; total: number; totalCapped: boolean; suggestions: string[] }> {
  const concepts = parseQuery(q);
  const page = await pageByRank(await searchInnovations(db, dialect, concepts, scope), idsIn, rowsOf, offset, limit, sortIds);
  let suggestions: string[] = [];
  if (page.total === 0 && concepts.length) {
    const fixed = await correctQuery(db, concepts);
    if (fixed) suggestions = (await pageByRank(await searchInnovations(db, dialect, fixed, scope), idsIn, rowsOf, 0, SUGGESTIONS)).rows.map((r) => r.title);
  }
  return { ...page, suggestions };
}
