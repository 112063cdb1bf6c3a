/**
 * Relevance of search and similar innovations on the demo region (real Muara Enim innovations),
 * measured with the hand-written set in bench/relevance/queries.json, on SQLite and PostgreSQL,
 * side by side with PostgreSQL's built-in Indonesian full-text search over the same texts.
 *
 *   node --import tsx bench/relevance.ts [--verbose]
 *
 * Search goes through GET /api/public/innovations?q= (the engine behind the internal list too);
 * similar through the service call behind GET /api/innovations/similar. hit@3: share of queries
 * with an expected innovation among the first three; MRR: mean of 1/rank of the first expected
 * one (0 when not in the first 10).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { createTestRuntime, testDialects, type TestRuntime } from '../src/server/testing/harness.ts';
import { createInnovationService } from '../src/server/modules/innovation/innovation.service.ts';
import type { Actor } from '../src/server/policy/actor.ts';

interface RelevanceSet {
  search: Array<{ q: string; expect: string[] }>;
  similar: Array<{ text: string; expect: string[] }>;
}
const SET: RelevanceSet = JSON.parse(readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'relevance', 'queries.json'), 'utf8'));
const verbose = process.argv.includes('--verbose');

interface Score { hit3: number; mrr: number; misses: string[] }

function score(runs: Array<{ label: string; ranked: string[]; expect: string[] }>): Score {
  let hit3 = 0;
  let mrr = 0;
  const misses: string[] = [];
  for (const r of runs) {
    const rank = r.ranked.slice(0, 10).findIndex((t) => r.expect.includes(t));
    if (rank >= 0 && rank < 3) hit3++;
    else misses.push(`${r.label} → [${r.ranked.slice(0, 3).join(' | ')}]`);
    if (rank >= 0) mrr += 1 / (rank + 1);
  }
  return { hit3: hit3 / runs.length, mrr: mrr / runs.length, misses };
}

async function engine(rt: TestRuntime) {
  const tenant = await rt.deps.db.selectFrom('tenants').select('id').where('regionCode', '=', '16.03').executeTakeFirstOrThrow();
  const actor: Actor = { userId: 'bench', tenantId: tenant.id, name: 'bench', roles: [{ role: 'innovation_team', unitId: null }], isPlatformAdmin: false, unitScope: new Set() };
  const service = createInnovationService(rt.deps);
  const search = [];
  for (const s of SET.search) {
    const res = await rt.app.inject({ method: 'GET', url: `/api/public/innovations?region=16.03&pageSize=10&q=${encodeURIComponent(s.q)}` });
    const items = (JSON.parse(res.body).items ?? []) as Array<{ title: string }>;
    search.push({ label: s.q, ranked: items.map((i) => i.title), expect: s.expect });
  }
  const similar = [];
  for (const s of SET.similar) {
    const items = await service.similar(actor, s.text, { limit: 10 });
    similar.push({ label: s.text.slice(0, 40), ranked: items.map((i) => i.title), expect: s.expect });
  }
  return { search: score(search), similar: score(similar) };
}

/** PostgreSQL's own Indonesian stemming and ts_rank over the same fields, as a baseline. */
async function pgBaseline(rt: TestRuntime) {
  const doc = sql`to_tsvector('indonesian', concat_ws(' ', title, acronym, description, goals, benefits, results))`;
  const ranked = async (query: ReturnType<typeof sql>) =>
    (
      await sql<{ title: string }>`select title from (select title, ts_rank(${doc}, q) as r from innovations, ${query} as qt(q)
        where status = 'published' and ${doc} @@ q) x order by r desc, title limit 10`.execute(rt.deps.db)
    ).rows.map((r) => r.title);
  const search = [];
  for (const s of SET.search) search.push({ label: s.q, ranked: await ranked(sql`websearch_to_tsquery('indonesian', ${s.q})`), expect: s.expect });
  const similar = [];
  // A draft is long: any of its words (plainto_tsquery's terms joined by OR), ranked by ts_rank.
  for (const s of SET.similar) {
    similar.push({ label: s.text.slice(0, 40), ranked: await ranked(sql`(select replace(plainto_tsquery('indonesian', ${s.text})::text, '&', '|')::tsquery)`), expect: s.expect });
  }
  return { search: score(search), similar: score(similar) };
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const rows: string[][] = [];
for (const dialect of await testDialects()) {
  const rt = await createTestRuntime(dialect, { seed: 'demo' });
  try {
    const e = await engine(rt);
    rows.push([`Serasan (${dialect})`, pct(e.search.hit3), e.search.mrr.toFixed(3), pct(e.similar.hit3), e.similar.mrr.toFixed(3)]);
    if (verbose) for (const m of [...e.search.misses, ...e.similar.misses]) console.log(`  miss [${dialect}] ${m}`);
    if (dialect === 'postgres') {
      const b = await pgBaseline(rt);
      rows.push(['PostgreSQL indonesian (ts_rank)', pct(b.search.hit3), b.search.mrr.toFixed(3), pct(b.similar.hit3), b.similar.mrr.toFixed(3)]);
      if (verbose) for (const m of [...b.search.misses, ...b.similar.misses]) console.log(`  miss [pg-indonesian] ${m}`);
    }
  } finally {
    await rt.close();
  }
}
console.log(`\n${SET.search.length} search queries, ${SET.similar.length} similar drafts (bench/relevance/queries.json)\n`);
console.log('| engine | search hit@3 | search MRR | similar hit@3 | similar MRR |');
console.log('|---|---|---|---|---|');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
