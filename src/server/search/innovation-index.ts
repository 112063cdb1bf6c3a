import { sql, type RawBuilder } from 'kysely';
import type { DialectName, Executor } from '../db/db.ts';
import { stemToken, words } from './stem.ts';
import { synonymMatches } from './synonyms.ts';
import { nameExpansions } from './acronyms.ts';

/**
 * Full-text index of innovations over sastrawijs stems: FTS5 on SQLite, tsvector('simple') with a
 * GIN index on PostgreSQL. The dialect branches live here and nowhere else.
 *
 * Each indexed body carries scope tokens — one for its tenant, one when published — so "in this
 * region" and "published anywhere" are index intersections, not filters over every match.
 */
export interface IndexableInnovation {
  tenantId: string;
  id: string;
  title: string;
  acronym: string | null;
  description: string;
  goals: string | null;
  benefits: string | null;
  results: string | null;
  status: string;
}

export const tenantToken = (tenantId: string) => `qt${tenantId.replace(/[^a-z0-9]/gi, '').toLowerCase()}`;
export const PUBLIC_TOKEN = 'qpublished';

/** Separates the name part (title, acronym, its long form) from the body in the stored stems. */
export const HEAD_SEPARATOR = '|';

/** Stems of a text plus the synonym-group tokens of its words (synonyms.ts). */
export function analyze(text: string): string[] {
  const w = words(text);
  return [...w.map(stemToken), ...synonymMatches(w).map((m) => m.token)];
}

/**
 * The stored form of a record: the name part (title, acronym and the long form of the name found
 * in the texts) written twice, "|", then the body. Twice keeps the database's own ranking (bm25,
 * ts_rank), which picks candidates from very long hit lists, leaning to names too.
 */
export function innovationStems(r: Pick<IndexableInnovation, 'title' | 'acronym' | 'description' | 'goals' | 'benefits' | 'results'>): string[] {
  const texts = [r.description, r.goals, r.benefits, r.results].filter((x): x is string => !!x);
  const head = analyze([r.title, r.acronym ?? '', ...nameExpansions(r.title, r.acronym, texts)].join(' '));
  return [...head, ...head, HEAD_SEPARATOR, ...analyze(texts.join(' '))];
}

/** Name and body tokens of stored stems (records indexed before the separator: all body). */
export function splitStems(stems: string): { head: string[]; body: string[] } {
  const tokens = stems.split(' ').filter(Boolean);
  const sep = tokens.indexOf(HEAD_SEPARATOR);
  if (sep < 0) return { head: [], body: tokens };
  return { head: tokens.slice(0, sep / 2), body: tokens.slice(sep + 1) };
}

/** Keep per-term document frequencies in step with one record's old and new terms. */
async function updateTermStats(db: Executor, oldStems: string | undefined, newStems: string) {
  const before = new Set(oldStems ? oldStems.split(' ').filter((t) => t && t !== HEAD_SEPARATOR) : []);
  const after = new Set(newStems.split(' ').filter((t) => t && t !== HEAD_SEPARATOR));
  const gone = [...before].filter((t) => !after.has(t));
  const added = [...after].filter((t) => !before.has(t));
  // '#docs' (not a possible stem) counts indexed records: the denominator of "common".
  if (oldStems === undefined) await bump(db, [DOCS_KEY]);
  if (gone.length) await db.updateTable('searchTerms').set((eb) => ({ df: eb('df', '-', 1) })).where('term', 'in', gone).execute();
  await bump(db, added);
}

const DOCS_KEY = '#docs';

async function bump(db: Executor, terms: string[]) {
  for (let i = 0; i < terms.length; i += 200) {
    await db
      .insertInto('searchTerms')
      .values(terms.slice(i, i + 200).map((term) => ({ term, df: 1 })))
      .onConflict((oc) => oc.column('term').doUpdateSet((eb) => ({ df: eb('searchTerms.df', '+', 1) })))
      .execute();
  }
}

export async function indexInnovation(db: Executor, dialect: DialectName, r: IndexableInnovation): Promise<void> {
  const stems = innovationStems(r).join(' ');
  const isPublic = r.status === 'published' ? 1 : 0;
  const scope = [tenantToken(r.tenantId), ...(isPublic ? [PUBLIC_TOKEN] : [])].join(' ');
  const old = await db.selectFrom('innovationSearch').select('stems').where('tenantId', '=', r.tenantId).where('innovationId', '=', r.id).executeTakeFirst();
  await updateTermStats(db, old?.stems, stems);
  await db.deleteFrom('innovationSearch').where('tenantId', '=', r.tenantId).where('innovationId', '=', r.id).execute();
  await db.insertInto('innovationSearch').values({ tenantId: r.tenantId, innovationId: r.id, isPublic, stems, scope }).execute();
  if (dialect === 'sqlite') {
    await sql`delete from innovation_fts where innovation_id = ${r.id} and tenant_id = ${r.tenantId}`.execute(db);
    await sql`insert into innovation_fts (body, tenant_id, innovation_id) values (${`${stems} ${scope}`}, ${r.tenantId}, ${r.id})`.execute(db);
  }
}

/**
 * Recompute every record's stored stems (after the stored form changed: synonyms, name long
 * forms, the name/body separator), then the term statistics. Used by migration 0013.
 */
export async function reindexAll(db: Executor, dialect: DialectName): Promise<number> {
  let n = 0;
  let after = { tenantId: '', id: '' };
  for (;;) {
    const rows = await db
      .selectFrom('innovations')
      .select(['tenantId', 'id', 'title', 'acronym', 'description', 'goals', 'benefits', 'results', 'status'])
      .where((eb) => eb.or([eb('tenantId', '>', after.tenantId), eb.and([eb('tenantId', '=', after.tenantId), eb('id', '>', after.id)])]))
      .orderBy('tenantId')
      .orderBy('id')
      .limit(1000)
      .execute();
    if (!rows.length) break;
    for (const r of rows) {
      const stems = innovationStems(r).join(' ');
      const isPublic = r.status === 'published' ? 1 : 0;
      const scope = [tenantToken(r.tenantId), ...(isPublic ? [PUBLIC_TOKEN] : [])].join(' ');
      await db.deleteFrom('innovationSearch').where('tenantId', '=', r.tenantId).where('innovationId', '=', r.id).execute();
      await db.insertInto('innovationSearch').values({ tenantId: r.tenantId, innovationId: r.id, isPublic, stems, scope }).execute();
      if (dialect === 'sqlite') {
        await sql`delete from innovation_fts where innovation_id = ${r.id} and tenant_id = ${r.tenantId}`.execute(db);
        await sql`insert into innovation_fts (body, tenant_id, innovation_id) values (${`${stems} ${scope}`}, ${r.tenantId}, ${r.id})`.execute(db);
      }
      n++;
    }
    after = { tenantId: rows.at(-1)!.tenantId, id: rows.at(-1)!.id };
  }
  await rebuildTermStats(db);
  return n;
}

/** Rebuild the term statistics from the stored stems (bulk loads, repairs). */
export async function rebuildTermStats(db: Executor): Promise<void> {
  await db.deleteFrom('searchTerms').execute();
  const df = new Map<string, number>();
  let after = '';
  for (;;) {
    const rows = await db.selectFrom('innovationSearch').select(['innovationId', 'stems']).where('innovationId', '>', after).orderBy('innovationId').limit(5000).execute();
    if (!rows.length) break;
    for (const r of rows) for (const t of new Set(r.stems.split(' '))) if (t && t !== HEAD_SEPARATOR) df.set(t, (df.get(t) ?? 0) + 1);
    after = rows.at(-1)!.innovationId;
  }
  const docs = Number((await db.selectFrom('innovationSearch').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const all = [...df, [DOCS_KEY, docs] as [string, number]].map(([term, n]) => ({ term, df: n }));
  for (let i = 0; i < all.length; i += 500) await db.insertInto('searchTerms').values(all.slice(i, i + 500)).execute();
}

export interface MatchOptions {
  stems: string[];
  /** all = every term must match (search box); any = rank by overlap (similar innovations). */
  mode: 'all' | 'any';
  /** Restrict to one tenant… */
  tenantId?: string;
  /** …or to published records (of every tenant). */
  publicOnly?: boolean;
  limit?: number;
}

/** A search counts at most this many hits; above it the total is shown as "1.000+" (totalCapped). */
export const SEARCH_TOTAL_CAP = 1000;

const safeTerm = (t: string) => t.replace(/[^a-z0-9]/g, '');

/**
 * A derived table (innovation_id, tenant_id, score) of matching innovations, higher score first.
 * Returns null when the text has no searchable term.
 */
export function matchInnovations(dialect: DialectName, o: MatchOptions): RawBuilder<{ innovationId: string; tenantId: string; score: number }> | null {
  const terms = [...new Set(o.stems.map(safeTerm).filter((t) => t.length > 1))].slice(0, 40);
  if (terms.length === 0) return null;
  const limit = o.limit ?? 1000;
  const scope = [o.tenantId ? tenantToken(o.tenantId) : null, o.publicOnly ? PUBLIC_TOKEN : null].filter(Boolean) as string[];
  if (dialect === 'sqlite') {
    // Prefix match on the last term of a search box query ("pendud" finds "penduduk").
    const parts = terms.map((t, i) => (o.mode === 'all' && i === terms.length - 1 ? `"${t}"*` : `"${t}"`));
    const text = o.mode === 'all' ? parts.join(' AND ') : `(${parts.join(' OR ')})`;
    const query = [text, ...scope.map((s) => `"${s}"`)].join(' AND ');
    return sql`(select innovation_id, tenant_id, -bm25(innovation_fts) as score from innovation_fts
      where innovation_fts match ${query} order by bm25(innovation_fts) limit ${limit})`;
  }
  const text = terms.map((t, i) => (o.mode === 'all' && i === terms.length - 1 ? `${t}:*` : t)).join(o.mode === 'all' ? ' & ' : ' | ');
  const query = [`(${text})`, ...scope].join(' & ');
  return sql`(select innovation_id, tenant_id, ts_rank(tsv, q) as score from innovation_search, to_tsquery('simple', ${query}) q
    where tsv @@ q order by score desc limit ${limit})`;
}

/**
 * The most distinctive terms of a text for a "more like this" query: terms present in the index
 * and not common (in at most 2 % of records, or 20), rarest first, up to k; at least `min` terms
 * even if they are common. Short posting lists keep the query fast at national scale.
 */
export async function distinctiveTerms(db: Executor, stems: string[], k = 8, min = 3): Promise<string[]> {
  const unique = [...new Set(stems.map(safeTerm).filter((t) => t.length > 1))];
  if (!unique.length) return [];
  const rows = await db.selectFrom('searchTerms').select(['term', 'df']).where('term', 'in', [...unique.slice(0, 200), DOCS_KEY]).where('df', '>', 0).execute();
  const docs = rows.find((r) => r.term === DOCS_KEY)?.df ?? 0;
  const ranked = rows.filter((r) => r.term !== DOCS_KEY).sort((a, b) => a.df - b.df || b.term.length - a.term.length);
  const commonAbove = Math.max(20, docs * 0.02);
  const rare = ranked.filter((r) => r.df <= commonAbove).slice(0, k);
  const chosen = rare.length >= min ? rare : ranked.slice(0, Math.min(min, ranked.length));
  return chosen.map((r) => r.term);
}

/** Cosine similarity of two stem bags: an explainable 0–1 score. */
export function cosine(a: string[], b: string[]): number {
  const fa = new Map<string, number>();
  const fb = new Map<string, number>();
  for (const t of a) fa.set(t, (fa.get(t) ?? 0) + 1);
  for (const t of b) fb.set(t, (fb.get(t) ?? 0) + 1);
  let dot = 0;
  for (const [t, n] of fa) dot += n * (fb.get(t) ?? 0);
  const norm = (f: Map<string, number>) => Math.sqrt([...f.values()].reduce((s, n) => s + n * n, 0));
  const d = norm(fa) * norm(fb);
  return d === 0 ? 0 : dot / d;
}
