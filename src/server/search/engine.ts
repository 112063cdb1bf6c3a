import { sql } from 'kysely';
import type { DialectName, Executor } from '../db/db.ts';
import { PUBLIC_TOKEN, splitStems, tenantToken } from './innovation-index.ts';
import { stemToken, words } from './stem.ts';
import { synonymMatches, SYNONYM_PREFIX } from './synonyms.ts';

/**
 * The one search engine behind the internal innovation list, the public catalogue and the
 * similar-innovations panel. The database's full-text index (FTS5 / tsvector) only finds
 * candidates; ranking is computed here, in TypeScript, so SQLite and PostgreSQL return the same
 * order for the same data:
 *
 * - every query word is a "concept": its stem, the synonym groups it belongs to (synonyms.ts) and,
 *   for the last word (typed halfway), every indexed term it is a prefix of;
 * - records with every concept come first, then the rest (any-word matching);
 * - within each, a BM25-like score: Σ idf(concept) · tf'(k1 + 1) / (tf' + k1(1 − b + b·len/avg)),
 *   where tf' counts name words (title, acronym, the name's long form) NAME_WEIGHT times and idf
 *   comes from the document frequencies in `search_terms` (rare words weigh more).
 */
export const NAME_WEIGHT = 3;
const K1 = 1.2;
const B = 0.4;
const AVG_LEN = 40;
/** The index yields at most this many candidates per query shape (all words / any word). */
export const CANDIDATE_LIMIT = 1001;
const DOCS_KEY = '#docs';

export interface Concept {
  /** The word as typed (for suggestions and explanations). */
  word: string;
  /** Index terms that satisfy it: its stem and its synonym-group tokens. */
  alts: string[];
  /** Term prefixes that satisfy it (the last word of a search box query). */
  prefixes: string[];
}

export interface Scope {
  tenantId?: string;
  publicOnly?: boolean;
}

export interface Ranked {
  tenantId: string;
  innovationId: string;
  score: number;
  allWords: boolean;
}

const safe = (t: string) => t.replace(/[^a-z0-9]/g, '');

/** A search box query → concepts; the last word also matches as a prefix. */
export function parseQuery(q: string, opts: { prefixLast?: boolean } = {}): Concept[] {
  const w = words(q).slice(0, 12);
  const syn = synonymMatches(w);
  const out: Concept[] = [];
  w.forEach((word, i) => {
    const alts = [...new Set([stemToken(word), ...syn.filter((m) => m.start <= i && i < m.end).map((m) => m.token)].map(safe).filter((t) => t.length > 1))];
    // A word typed halfway has no reliable stem: its prefix-stripped forms ("pendudu" → "dudu") too.
    const prefixes =
      (opts.prefixLast ?? true) && i === w.length - 1 && /^[a-z]+$/.test(word)
        ? [...new Set([word, stemToken(word), ...roughRoots(word, false).filter((r) => r.length >= 4)])].filter((p) => p.length >= 2)
        : [];
    if (!alts.length && !prefixes.length) return;
    const key = [...alts].sort().join(' ');
    const same = out.find((c) => [...c.alts].sort().join(' ') === key);
    if (same) same.prefixes = [...new Set([...same.prefixes, ...prefixes])];
    else out.push({ word, alts, prefixes });
  });
  return out;
}

function scopeTokens(s: Scope): string[] {
  return [s.tenantId ? tenantToken(s.tenantId) : null, s.publicOnly ? PUBLIC_TOKEN : null].filter((x): x is string => !!x);
}

interface Candidate {
  tenantId: string;
  innovationId: string;
  stems: string;
}

/** Records matching all concepts (mode all) or any (mode any) within the scope, from the index. */
export async function retrieve(db: Executor, dialect: DialectName, concepts: Concept[], mode: 'all' | 'any', scope: Scope, limit = CANDIDATE_LIMIT): Promise<Candidate[]> {
  if (!concepts.length) return [];
  const scopeT = scopeTokens(scope);
  if (dialect === 'sqlite') {
    const one = (c: Concept) => `(${[...c.alts.map((t) => `"${t}"`), ...c.prefixes.map((p) => `"${p}"*`)].join(' OR ')})`;
    const text = concepts.map(one).join(mode === 'all' ? ' AND ' : ' OR ');
    const query = [`(${text})`, ...scopeT.map((s) => `"${s}"`)].join(' AND ');
    const rows = await sql<Candidate>`select s.tenant_id, s.innovation_id, s.stems from
      (select tenant_id, innovation_id from innovation_fts where innovation_fts match ${query} order by bm25(innovation_fts) limit ${limit}) f
      join innovation_search s on s.tenant_id = f.tenant_id and s.innovation_id = f.innovation_id`.execute(db);
    return rows.rows;
  }
  const one = (c: Concept) => `(${[...c.alts, ...c.prefixes.map((p) => `${p}:*`)].join(' | ')})`;
  const text = concepts.map(one).join(mode === 'all' ? ' & ' : ' | ');
  const query = [`(${text})`, ...scopeT].join(' & ');
  const rows = await sql<Candidate>`select tenant_id, innovation_id, stems from innovation_search, to_tsquery('simple', ${query}) q
    where tsv @@ q order by ts_rank(tsv, q) desc limit ${limit}`.execute(db);
  return rows.rows;
}

/** Document frequencies of terms, and the number of indexed records. */
export async function documentFrequencies(db: Executor, terms: Iterable<string>): Promise<{ df: Map<string, number>; docs: number }> {
  const all = [...new Set(terms), DOCS_KEY];
  const df = new Map<string, number>();
  for (let i = 0; i < all.length; i += 500) {
    const rows = await db.selectFrom('searchTerms').select(['term', 'df']).where('term', 'in', all.slice(i, i + 500)).execute();
    for (const r of rows) df.set(r.term, Number(r.df));
  }
  const docs = Math.max(1, df.get(DOCS_KEY) ?? 1);
  df.delete(DOCS_KEY);
  return { df, docs };
}

export const idfOf = (df: number, docs: number) => Math.log(1 + (docs - df + 0.5) / (df + 0.5));

function counts(tokens: string[]) {
  const m = new Map<string, number>();
  for (const t of tokens) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
}

/** Score candidates against concepts and order them: all words first, then by score, then id. */
export async function rank(db: Executor, concepts: Concept[], candidates: Candidate[]): Promise<Ranked[]> {
  const parsed = candidates.map((c) => {
    const { head, body } = splitStems(c.stems);
    return { c, head: counts(head), body: counts(body), len: head.length * NAME_WEIGHT + body.length };
  });
  // Terms each concept matches in each record (prefixes expand to the record's own terms).
  const termsFor = (k: Concept, p: (typeof parsed)[number]) => {
    const set = new Set(k.alts.filter((t) => p.head.has(t) || p.body.has(t)));
    if (k.prefixes.length) for (const t of [...p.head.keys(), ...p.body.keys()]) if (k.prefixes.some((x) => t.startsWith(x))) set.add(t);
    return [...set];
  };
  const matched = parsed.map((p) => concepts.map((k) => termsFor(k, p)));
  const { df, docs } = await documentFrequencies(db, matched.flat(2));
  const out = parsed.map((p, i) => {
    let score = 0;
    let hits = 0;
    concepts.forEach((_, j) => {
      const terms = matched[i]![j]!;
      if (!terms.length) return;
      hits++;
      let tf = 0;
      let idf = 0;
      for (const t of terms) {
        tf += (p.head.get(t) ?? 0) * NAME_WEIGHT + (p.body.get(t) ?? 0);
        idf = Math.max(idf, idfOf(df.get(t) ?? 1, docs));
      }
      score += (idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * p.len) / AVG_LEN));
    });
    return { tenantId: p.c.tenantId, innovationId: p.c.innovationId, score: Math.round(score * 1e6) / 1e6, allWords: hits === concepts.length };
  });
  return out
    .filter((r) => r.score > 0)
    .sort((a, b) => Number(b.allWords) - Number(a.allWords) || b.score - a.score || (a.innovationId < b.innovationId ? -1 : a.innovationId > b.innovationId ? 1 : 0));
}

/** Search: records with all words, then with any word, ranked. */
export async function searchInnovations(db: Executor, dialect: DialectName, concepts: Concept[], scope: Scope): Promise<Ranked[]> {
  if (!concepts.length) return [];
  const seen = new Map<string, Candidate>();
  const modes: Array<'all' | 'any'> = concepts.length > 1 ? ['all', 'any'] : ['all'];
  for (const mode of modes) for (const c of await retrieve(db, dialect, concepts, mode, scope)) seen.set(`${c.tenantId}/${c.innovationId}`, c);
  return rank(db, concepts, [...seen.values()]);
}

/** Optimal string alignment distance (Levenshtein with transpositions). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * Roots of a misspelt word by stripping common affixes (the stemmer gives up on typos):
 * "kelahran" → "lahr", which is one edit from the indexed "lahir".
 */
export function roughRoots(word: string, suffixes = true): string[] {
  const out = new Set<string>();
  const prefixes = ['', 'ke', 'pe', 'pen', 'pem', 'peng', 'per', 'me', 'mem', 'men', 'meng', 'ber', 'di', 'ter', 'se'];
  const ends = suffixes ? ['', 'an', 'kan', 'i', 'nya'] : [''];
  for (const p of prefixes) {
    for (const x of ends) {
      if (!word.startsWith(p) || !word.endsWith(x) || word.length - p.length - x.length < 3) continue;
      out.add(word.slice(p.length, word.length - x.length));
    }
  }
  out.delete(word);
  return [...out];
}

/**
 * "Did you mean": query words that match no indexed term are replaced by the closest indexed
 * term (edit distance ≤ 1 for short words, ≤ 2 otherwise; the more frequent term on a tie).
 * Null when nothing could be corrected. The caller runs the corrected query in its own scope,
 * so a suggestion never reveals a record the user could not find.
 */
export async function correctQuery(db: Executor, concepts: Concept[]): Promise<Concept[] | null> {
  const { df } = await documentFrequencies(db, concepts.flatMap((c) => c.alts));
  let changed = false;
  const out: Concept[] = [];
  for (const c of concepts) {
    if (c.alts.some((t) => (df.get(t) ?? 0) > 0)) {
      out.push(c);
      continue;
    }
    const forms = [...new Set([safe(c.word), ...c.alts, ...roughRoots(safe(c.word))])].filter((f) => f.length >= 3 && !f.startsWith(SYNONYM_PREFIX));
    let best: { term: string; dist: number; df: number } | null = null;
    for (const f of forms) {
      const max = f.length <= 4 ? 1 : 2;
      {
        const first = f[0]!;
        const rows = await db
          .selectFrom('searchTerms')
          .select(['term', 'df'])
          .where('term', '>=', first)
          .where('term', '<', String.fromCharCode(first.charCodeAt(0) + 1))
          .where('df', '>', 0)
          .execute();
        for (const r of rows) {
          if (Math.abs(r.term.length - f.length) > max || r.term.startsWith(SYNONYM_PREFIX)) continue;
          const dist = editDistance(f, r.term);
          if (dist <= max && (!best || dist < best.dist || (dist === best.dist && Number(r.df) > best.df))) best = { term: r.term, dist, df: Number(r.df) };
        }
      }
    }
    if (best) {
      changed = true;
      out.push({ word: best.term, alts: [best.term], prefixes: [] });
    }
  }
  return changed && out.length ? out : null;
}

/** Idf-weighted cosine of two term bags (0–1). */
function weightedCosine(a: Map<string, number>, b: Map<string, number>, idf: (t: string) => number): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  const w = (tf: number, t: string) => (1 + Math.log(tf)) * idf(t);
  for (const [t, n] of a) {
    const x = w(n, t);
    na += x * x;
    const m = b.get(t);
    if (m) dot += x * w(m, t);
  }
  for (const [t, n] of b) nb += w(n, t) ** 2;
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

/** A draft's name and text, analysed once, to compare with stored records. */
export interface DraftBag {
  head: Map<string, number>;
  all: Map<string, number>;
}

export function weightedBag(head: string[], body: string[]): Map<string, number> {
  const m = counts(body);
  for (const t of head) m.set(t, (m.get(t) ?? 0) + NAME_WEIGHT);
  return m;
}

/**
 * Similarity of a draft to a stored record: the mean of name similarity (idf-weighted cosine of
 * the name terms) and content similarity (idf-weighted cosine over name-weighted text), or the
 * name similarity alone when it is higher: a near-identical name is a near-duplicate whatever the
 * descriptions say. Common words weigh little (idf), so one shared "Rumah" is not a match.
 */
export function similarity(draft: DraftBag, stems: string, idf: (t: string) => number, titleTerms?: string[]): { score: number; shared: string[] } {
  const { head, body } = splitStems(stems);
  const docHead = counts(head);
  // The record's name is its title, acronym and acronym long form; the draft may repeat just the
  // title (the same title typed again is the plainest duplicate), so the title alone counts too.
  const nameSim = Math.max(weightedCosine(draft.head, docHead, idf), titleTerms?.length ? weightedCosine(draft.head, counts(titleTerms), idf) : 0);
  const contentSim = weightedCosine(draft.all, weightedBag(head, body), idf);
  const docTerms = new Set([...head, ...body]);
  // How much of the draft's name the record explains (idf-weighted): one shared common word
  // explains little, so "Rumah Sehat Ibu Hamil" is not like "Rumah UMKM" first.
  let covered = 0;
  let all = 0;
  for (const t of draft.head.keys()) {
    all += idf(t);
    if (docTerms.has(t)) covered += idf(t);
  }
  const coverage = all ? covered / all : 1;
  const score = Math.max(nameSim, (nameSim + contentSim) / 2) * (0.5 + 0.5 * coverage);
  const shared = [...draft.all.keys()].filter((t) => docTerms.has(t)).sort((a, b) => idf(b) - idf(a) || a.localeCompare(b));
  return { score: Math.round(score * 1000) / 1000, shared };
}
