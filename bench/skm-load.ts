/**
 * Load on the public survey form, Serasan's busiest write path: a real server process and this
 * load generator as a second process, on loopback, bounded in count and time.
 *
 *   node --import tsx bench/skm-load.ts [--requests 10000] [--concurrency 32] [--seconds 60]
 *   DATABASE_URL=postgres://…/serasan_bench node --import tsx bench/skm-load.ts
 *
 * Form tokens are fetched first (as phones do when they open the form); then the submissions are
 * sent with keep-alive connections and timed one by one. Prints submissions per second and the
 * latency percentiles. Target (issue 4): ≥ 1,000 submissions/s with p99 < 100 ms on SQLite.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Agent, request } from 'undici';
import pg from 'pg';
import { httpSession, spawnServer } from '../src/server/testing/process.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};

async function main() {
  const total = arg('requests', 10_000);
  const concurrency = arg('concurrency', 32);
  const seconds = arg('seconds', 60);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'serasan-load-'));
  const url = process.env.DATABASE_URL;
  if (url) {
    // A clean database for a reproducible run.
    const admin = new pg.Client({ connectionString: url.replace(/\/[^/]*$/, '/postgres') });
    await admin.connect();
    const name = url.split('/').pop()!;
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
    await admin.end();
  }
  const server = await spawnServer({ SERASAN_DATA_DIR: dataDir, DATABASE_URL: url ?? '', SKM_RATE_LIMIT_PER_MINUTE: '100000000' });
  try {
    const op = await httpSession(server.url, 'operator');
    const unit = (await op.call('GET', '/api/units')).body.items.find((u: { shortName: string }) => u.shortName === 'Disdukcapil');
    const y = new Date().getUTCFullYear();
    const survey = (await op.call('POST', '/api/skm/surveys', { unitId: unit.id, serviceName: 'Uji Beban Formulir', periodStart: `${y}-01-01`, periodEnd: `${y}-12-31`, population: 100000 })).body;
    const agent = new Agent({ connections: concurrency, pipelining: 1, keepAliveTimeout: 30_000 });
    const base = new URL(server.url);

    const tokens: string[] = new Array(total);
    let t = 0;
    const t0 = Date.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (t < total) {
          const i = t++;
          const res = await request(`${base.origin}/api/public/skm/${survey.surveyCode}`, { dispatcher: agent });
          tokens[i] = ((await res.body.json()) as { formToken: string }).formToken;
        }
      }),
    );
    const tokenSeconds = (Date.now() - t0) / 1000;

    const latencies: number[] = [];
    const statuses = new Map<number, number>();
    let next = 0;
    const deadline = Date.now() + seconds * 1000;
    const start = process.hrtime.bigint();
    await Promise.all(
      Array.from({ length: concurrency }, async (_, w) => {
        while (next < total && Date.now() < deadline) {
          const i = next++;
          const answers = Object.fromEntries([1, 2, 3, 4, 5, 6, 7, 8, 9].map((k) => [`U${k}`, 1 + ((i + k + w) % 4)]));
          const s = process.hrtime.bigint();
          const res = await request(`${base.origin}/api/public/skm/${survey.surveyCode}/responses`, {
            method: 'POST',
            dispatcher: agent,
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ answers, profile: { sex: i % 2 ? 'L' : 'P', ageBand: '30_39' }, formToken: tokens[i], website: '' }),
          });
          await res.body.dump();
          latencies.push(Number(process.hrtime.bigint() - s) / 1e6);
          statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        }
      }),
    );
    const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
    const sorted = latencies.sort((a, b) => a - b);
    const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
    const ok = statuses.get(201) ?? 0;
    const rate = ok / elapsed;
    const results = await op.call('GET', `/api/skm/surveys/${survey.id}/results`);
    console.log(`Serasan SKM form load — ${url ? 'postgres' : 'sqlite'}, ${concurrency} connections, node ${process.version}`);
    console.log(`tokens: ${total} fetched in ${tokenSeconds.toFixed(1)} s`);
    console.log(`submissions: ${ok} accepted of ${latencies.length} sent in ${elapsed.toFixed(2)} s → ${rate.toFixed(0)} submissions/s (statuses ${JSON.stringify(Object.fromEntries(statuses))})`);
    console.log(`latency: p50 ${pct(50).toFixed(1)} ms  p95 ${pct(95).toFixed(1)} ms  p99 ${pct(99).toFixed(1)} ms  max ${sorted.at(-1)!.toFixed(1)} ms`);
    console.log(`results after the run: n = ${results.body.n}, IKM ${results.body.ikmConverted} (${results.body.mutu})`);
    console.log(`target ≥ 1000/s with p99 < 100 ms: ${rate >= 1000 && pct(99) < 100 ? 'MET' : 'NOT MET'}`);
    await agent.close();
  } finally {
    await server.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
