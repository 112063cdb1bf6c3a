/**
 * Load on the public survey form, Serasan's busiest write path: a real server process and this
 * load generator as a second process, on loopback, bounded in count and time. Runs Serasan on
 * SQLite and on PostgreSQL, and two baselines with the same requests: a bare Fastify route
 * (bench/bare-server.ts) and the bare route plus one prepared SQLite insert; prints them side by
 * side with Serasan's share of the bare route.
 *
 *   node --import tsx bench/skm-load.ts [--requests 10000] [--concurrency 32] [--seconds 60] [--only bare,sqlite|postgres|…]
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/serasan_bench node --import tsx bench/skm-load.ts
 *
 * PostgreSQL runs when DATABASE_URL (default postgres://postgres@127.0.0.1:5432/serasan_bench)
 * is reachable; that database is dropped and created anew. Form tokens are fetched first (as
 * phones do when they open the form); then the submissions are sent with keep-alive connections
 * and timed one by one. Targets (issue 4, issue 10): ≥ 1,000 submissions/s with p99 < 100 ms on
 * both databases; SQLite at ≥ 50 % of the bare route.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Agent, request } from 'undici';
import pg from 'pg';
import { freePort, httpSession, spawnServer } from '../src/server/testing/process.ts';
import { pgReachable } from './pg-reachable.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const only = (() => {
  const i = process.argv.indexOf('--only');
  return i > 0 ? process.argv[i + 1] : undefined;
})();
const total = arg('requests', 10_000);
const concurrency = arg('concurrency', 32);
const seconds = arg('seconds', 60);
const PG_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/serasan_bench';

interface Result {
  name: string;
  ok: number;
  sent: number;
  rate: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  statuses: Record<number, number>;
  /** Server CPU time (user + system, all threads) per request sent, in microseconds. */
  cpuUs?: number;
  note?: string;
}

/** CPU ticks (user + system) a process has used so far, from /proc (Linux); undefined elsewhere. */
function cpuTicks(pid: number | undefined): number | undefined {
  if (!pid) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(f[11]) + Number(f[12]);
  } catch {
    return undefined;
  }
}
const TICK_US = 10_000; // USER_HZ = 100 on Linux

/** Sends one submission per token over `concurrency` keep-alive connections and times each. */
async function load(name: string, origin: string, code: string, tokens: string[], pid?: number): Promise<Result> {
  const cpu0 = cpuTicks(pid);
  const agent = new Agent({ connections: concurrency, pipelining: 1, keepAliveTimeout: 30_000 });
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  let next = 0;
  const deadline = Date.now() + seconds * 1000;
  const start = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, w) => {
      while (next < tokens.length && Date.now() < deadline) {
        const i = next++;
        const answers = Object.fromEntries([1, 2, 3, 4, 5, 6, 7, 8, 9].map((k) => [`U${k}`, 1 + ((i + k + w) % 4)]));
        const s = process.hrtime.bigint();
        const res = await request(`${origin}/api/public/skm/${code}/responses`, {
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
  const cpu1 = cpuTicks(pid);
  await agent.close();
  const sorted = latencies.sort((a, b) => a - b);
  const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
  const ok = statuses.get(201) ?? 0;
  return { name, ok, sent: latencies.length, rate: ok / elapsed, p50: pct(50), p95: pct(95), p99: pct(99), max: sorted.at(-1) ?? NaN, statuses: Object.fromEntries(statuses), cpuUs: cpu0 !== undefined && cpu1 !== undefined && latencies.length ? ((cpu1 - cpu0) * TICK_US) / latencies.length : undefined };
}

async function serasan(dialect: 'sqlite' | 'postgres'): Promise<Result> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'serasan-load-'));
  if (dialect === 'postgres') {
    // A clean database for a reproducible run.
    const admin = new pg.Client({ connectionString: PG_URL.replace(/\/[^/]*$/, '/postgres') });
    await admin.connect();
    const name = PG_URL.split('/').pop()!;
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
    await admin.end();
  }
  const server = await spawnServer({ SERASAN_DATA_DIR: dataDir, DATABASE_URL: dialect === 'postgres' ? PG_URL : '', SKM_RATE_LIMIT_PER_MINUTE: '100000000' });
  try {
    const op = await httpSession(server.url, 'operator');
    const unit = (await op.call('GET', '/api/units')).body.items.find((u: { shortName: string }) => u.shortName === 'Disdukcapil');
    const y = new Date().getUTCFullYear();
    const survey = (await op.call('POST', '/api/skm/surveys', { unitId: unit.id, serviceName: 'Uji Beban Formulir', periodStart: `${y}-01-01`, periodEnd: `${y}-12-31`, population: 100000 })).body;
    const origin = new URL(server.url).origin;
    const agent = new Agent({ connections: concurrency, pipelining: 1, keepAliveTimeout: 30_000 });
    const tokens: string[] = new Array(total);
    let t = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (t < total) {
          const i = t++;
          const res = await request(`${origin}/api/public/skm/${survey.surveyCode}`, { dispatcher: agent });
          tokens[i] = ((await res.body.json()) as { formToken: string }).formToken;
        }
      }),
    );
    await agent.close();
    const r = await load(`Serasan, ${dialect}`, origin, survey.surveyCode, tokens, server.child.pid);
    const results = await op.call('GET', `/api/skm/surveys/${survey.id}/results`);
    r.note = `results after the run: n = ${results.body.n}${results.body.n === r.ok ? ' (= accepted)' : ` (≠ ${r.ok} accepted!)`}, IKM ${results.body.ikmConverted} (${results.body.mutu})`;
    return r;
  } finally {
    await server.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function bare(mode: 'bare' | 'insert'): Promise<Result> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'serasan-bare-'));
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'bare-server.ts'), String(port), mode, dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (d) => String(d).includes('listening') && resolve());
      child.once('exit', (c) => reject(new Error(`bare server exited (${c})`)));
    });
    return await load(mode === 'bare' ? 'bare Fastify route' : 'bare route + 1 SQLite insert', `http://127.0.0.1:${port}`, 'BARE0000', Array.from({ length: total }, (_, i) => `t${i}`), child.pid);
  } finally {
    child.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  const runs: Result[] = [];
  const want = (x: string) => !only || only.split(',').includes(x);
  if (want('bare')) runs.push(await bare('bare'), await bare('insert'));
  if (want('sqlite')) runs.push(await serasan('sqlite'));
  if (want('postgres')) {
    if (await pgReachable(PG_URL)) runs.push(await serasan('postgres'));
    else console.log(`PostgreSQL not reachable at ${PG_URL}: skipped`);
  }
  const base = runs.find((r) => r.name === 'bare Fastify route');
  console.log(`\nSerasan SKM form load — ${Math.min(total, runs[0]?.sent ?? total)} submissions, ${concurrency} connections, node ${process.version}`);
  // "cpu µs/req": the server's own CPU per request (steadier than requests/s on a shared machine);
  // "of bare (cpu)": the bare route's CPU per request over this server's (the rate a CPU-bound server reaches).
  console.log(`${'server'.padEnd(30)} ${'accepted/s'.padStart(10)} ${'p50'.padStart(8)} ${'p95'.padStart(8)} ${'p99'.padStart(8)} ${'max'.padStart(8)}  of bare  ${'cpu µs/req'.padStart(10)}  of bare (cpu)  target`);
  for (const r of runs) {
    const share = base ? `${((100 * r.rate) / base.rate).toFixed(0)} %` : '';
    const cpuShare = base?.cpuUs && r.cpuUs ? `${((100 * base.cpuUs) / r.cpuUs).toFixed(0)} %` : '';
    const target = r.name.startsWith('Serasan') ? (r.rate >= 1000 && r.p99 < 100 ? 'MET' : 'NOT MET') : '';
    console.log(`${r.name.padEnd(30)} ${r.rate.toFixed(0).padStart(10)} ${r.p50.toFixed(1).padStart(8)} ${r.p95.toFixed(1).padStart(8)} ${r.p99.toFixed(1).padStart(8)} ${r.max.toFixed(1).padStart(8)}  ${share.padStart(7)}  ${(r.cpuUs?.toFixed(0) ?? '').padStart(10)}  ${cpuShare.padStart(13)}  ${target}`);
  }
  for (const r of runs) {
    if (r.ok !== r.sent || r.note) console.log(`${r.name}: ${r.ok} accepted of ${r.sent} (statuses ${JSON.stringify(r.statuses)})${r.note ? `; ${r.note}` : ''}`);
  }
  const sqlite = runs.find((r) => r.name === 'Serasan, sqlite');
  if (sqlite && base) {
    const byCpu = base.cpuUs && sqlite.cpuUs ? `; by server CPU per request ${((100 * base.cpuUs) / sqlite.cpuUs).toFixed(0)} %` : '';
    console.log(`SQLite at ≥ 50 % of the bare route: ${sqlite.rate >= base.rate / 2 ? 'MET' : 'NOT MET'} (${((100 * sqlite.rate) / base.rate).toFixed(0)} % by rate${byCpu})`);
  }
  console.log('targets: ≥ 1000/s with p99 < 100 ms (milliseconds, latencies per request)');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
