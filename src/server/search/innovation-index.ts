import { sql, type RawBuilder } from 'kysely';
import type { DialectName, Executor } from '../db/db.ts';
import { stemText } from './stem.ts';

/**
 * Full-text index of innovations over sastrawijs stems: FTS5 on SQLite, tsvector('simple') with a
 * GIN index on PostgreSQL. The dialect branches live here and nowhere else.
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

/** Title and acronym count twice: they say most about what an innovation is. */
export function innovationStems(r: Omit<IndexableInnovation, 'tenantId' | 'id' | 'status'>): string[] {
  const head = stemText(`${r.title} ${r.acronym ?? ''}`);
  return [...head, ...head, ...stemText([r.description, r.goals, r.benefits, r.results].filter(Boolean).join(' '))];
}

export async function indexInnovation(db: Executor, dialect: DialectName, r: IndexableInnovation): Promise<void> {
  const stems = innovationStems(r).join(' ');
  const isPublic = r.status === 'published' ? 1 : 0;
  await db.deleteFrom('innovationSearch').where('tenantId', '=', r.tenantId).where('innovationId', '=', r.id).execute();
  await db.insertInto('innovationSearch').values({ tenantId: r.tenantId, innovationId: r.id, isPublic, stems }).execute();
  if (dialect === 'sqlite') {
    await sql`delete from innovation_fts where innovation_id = ${r.id} and tenant_id = ${r.tenantId}`.execute(db);
    await sql`insert into innovation_fts (stems, tenant_id, innovation_id, is_public) values (${stems}, ${r.tenantId}, ${r.id}, ${isPublic})`.execute(db);
  }
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

const safeTerm = (t: string) => t.replace(/[^a-z0-9]/g, '');

/**
 * A derived table (innovation_id, tenant_id, score) of matching innovations, higher score first.
 * Returns null when the text has no searchable term.
 */
export function matchInnovations(dialect: DialectName, o: MatchOptions): RawBuilder<{ innovationId: string; tenantId: string; score: number }> | null {
  const terms = [...new Set(o.stems.map(safeTerm).filter((t) => t.length > 1))].slice(0, 40);
  if (terms.length === 0) return null;
  const limit = o.limit ?? 1000;
  if (dialect === 'sqlite') {
    // Prefix match on the last term of a search box query ("pendud" finds "penduduk").
    const parts = terms.map((t, i) => (o.mode === 'all' && i === terms.length - 1 ? `"${t}"*` : `"${t}"`));
    const query = parts.join(o.mode === 'all' ? ' AND ' : ' OR ');
    const tenant = o.tenantId ? sql`and tenant_id = ${o.tenantId}` : sql``;
    const pub = o.publicOnly ? sql`and is_public = 1` : sql``;
    return sql`(select innovation_id, tenant_id, -bm25(innovation_fts) as score from innovation_fts
      where innovation_fts match ${query} ${tenant} ${pub} order by bm25(innovation_fts) limit ${limit})`;
  }
  const query = terms.map((t, i) => (o.mode === 'all' && i === terms.length - 1 ? `${t}:*` : t)).join(o.mode === 'all' ? ' & ' : ' | ');
  const tenant = o.tenantId ? sql`and tenant_id = ${o.tenantId}` : sql``;
  const pub = o.publicOnly ? sql`and is_public = 1` : sql``;
  return sql`(select innovation_id, tenant_id, ts_rank(tsv, q) as score from innovation_search, to_tsquery('simple', ${query}) q
    where tsv @@ q ${tenant} ${pub} order by score desc limit ${limit})`;
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
