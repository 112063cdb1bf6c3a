/**
 * SAKIP at national scale (issue 11 "Done when"): 552 tenants × 60 units × 8 indicators × 4
 * quarters of Perjanjian Kinerja, seeded by bulk inserts straight into the tables, then measured
 * through a real Serasan process over HTTP, on SQLite and on PostgreSQL:
 *   (a) a unit's PK page, GET /api/pk/{id}, random PKs of one region — target p95 ≤ 50 ms;
 *   (b) the pemda recap of one region, `--recap-url` (default /api/sakip/recap?year={year}&quarter=4)
 *       — target p95 ≤ 200 ms. While that endpoint does not answer 200, the stand-in is measured
 *       and named: GET /api/pk?year= plus every PK page of the region (6 at a time, as a browser).
 * Then the query plans of the PK page and list queries (EXPLAIN QUERY PLAN / EXPLAIN ANALYZE),
 * with any full scan of a pk_* table flagged.
 *
 *   node --import tsx bench/sakip-load.ts [--only sqlite|postgres] [--tenants 552] [--units 60]
 *        [--indicators 8] [--requests 500] [--recap-requests 50] [--concurrency 1]
 *        [--recap-url '/api/sakip/recap?year={year}&quarter=4'] [--seed-only] [--keep] [--reuse]
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/serasan_bench_sakip node --import tsx bench/sakip-load.ts --only postgres
 *
 * The measured region is the demo region (Kabupaten Muara Enim, demo sign-ins) with the same shape
 * as the others: its units topped up to `--units`, each head with a PK of `--indicators`
 * indicators and four quarters of realisations. SQLite data goes to $SERASAN_BENCH_DIR/sakip-sqlite
 * (default /tmp/serasan-bench); the PostgreSQL database (default serasan_bench_sakip) is dropped and
 * created anew. Same seed, same data, every run. `--keep` keeps the data after the run;
 * `--reuse` measures the data a previous `--keep`/`--seed-only` run left (no seeding).
 */
import { rmSync, mkdirSync, statSync, existsSync } from 'node:fs';
import path from 'node:path';
import { CompiledQuery, type Kysely } from 'kysely';
import pg from 'pg';
import { loadConfig } from '../src/server/config.ts';
import { bootstrap } from '../src/server/bootstrap.ts';
import { sqliteHandleOf } from '../src/server/db/db.ts';
import { tenantNameOf } from '../src/server/modules/tenants/tenants.service.ts';
import { pkRealisationRepo } from '../src/server/modules/kinerja/pk-realisation.repo.ts';
import { kinerjaRepo } from '../src/server/modules/kinerja/kinerja.repo.ts';
import { httpSession, spawnServer } from '../src/server/testing/process.ts';
import { DEMO_REGION } from '../src/server/demo/demo.ts';
import { seededRandom as rng } from '../src/server/lib/seeded-random.ts';
import { pgReachable } from './pg-reachable.ts';

const argv = process.argv;
const arg = (name: string, fallback: number) => {
  const i = argv.indexOf(`--${name}`);
  return i > 0 ? Number(argv[i + 1]) : fallback;
};
const str = (name: string, fallback?: string) => {
  const i = argv.indexOf(`--${name}`);
  return i > 0 ? argv[i + 1] : fallback;
};
const only = str('only');
const TENANTS = arg('tenants', 552);
const UNITS = arg('units', 60);
const INDICATORS = arg('indicators', 8);
const REQUESTS = arg('requests', 500);
const RECAP_REQUESTS = arg('recap-requests', 50);
const CONCURRENCY = arg('concurrency', 1);
const YEAR = new Date().getUTCFullYear();
const RECAP_URL = (str('recap-url') ?? '/api/sakip/recap?year={year}&quarter=4').replaceAll('{year}', String(YEAR));
const SEED_ONLY = argv.includes('--seed-only');
const KEEP = argv.includes('--keep');
const REUSE = argv.includes('--reuse');
const BENCH_DIR = process.env.SERASAN_BENCH_DIR ?? '/tmp/serasan-bench';
const PG_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/serasan_bench_sakip';


type Row = Array<string | number | null>;
interface Table {
  name: string;
  cols: string[];
  /** PostgreSQL array types for unnest(). */
  types: string[];
}
const T = {
  units: { name: 'units', cols: ['tenant_id', 'id', 'parent_id', 'name', 'short_name', 'type', 'code', 'is_active', 'created_at', 'updated_at'], types: ['text', 'text', 'text', 'text', 'text', 'text', 'text', 'int', 'text', 'text'] },
  positions: { name: 'positions', cols: ['tenant_id', 'id', 'unit_id', 'title', 'is_head', 'created_at', 'updated_at'], types: ['text', 'text', 'text', 'text', 'int', 'text', 'text'] },
  pks: {
    name: 'pk_agreements',
    cols: ['tenant_id', 'id', 'year', 'level', 'position_id', 'unit_id', 'status', 'signed_on', 'first_name', 'first_title', 'first_nip', 'first_rank', 'first_kind', 'second_name', 'second_title', 'second_kind', 'created_at', 'updated_at'],
    types: ['text', 'text', 'int', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text'],
  },
  indicators: {
    name: 'pk_indicators',
    cols: ['tenant_id', 'id', 'pk_id', 'seq', 'sasaran', 'name', 'unit', 'polarity', 'aggregation', 'allow_negative', 'target', 'q1_target', 'q2_target', 'q3_target', 'q4_target', 'created_at'],
    types: ['text', 'text', 'text', 'int', 'text', 'text', 'text', 'text', 'text', 'int', 'float8', 'float8', 'float8', 'float8', 'float8', 'text'],
  },
  realisations: {
    name: 'pk_realisations',
    cols: ['tenant_id', 'indicator_id', 'quarter', 'value', 'note', 'status', 'entered_by', 'entered_at', 'submitted_by', 'submitted_at', 'verified_by', 'verified_at'],
    types: ['text', 'text', 'int', 'float8', 'text', 'text', 'text', 'text', 'text', 'text', 'text', 'text'],
  },
} satisfies Record<string, Table>;

/** Bulk writer: prepared statements in one transaction per batch (SQLite), unnest() batches (PostgreSQL). */
function bulkWriter(db: Kysely<any>, dialect: 'sqlite' | 'postgres') {
  const pending = new Map<Table, Row[]>();
  let rows = 0;
  const sqlite = dialect === 'sqlite' ? sqliteHandleOf(db as never)! : null;
  const pgPool = dialect === 'postgres' ? new pg.Pool({ connectionString: PG_URL, max: 1 }) : null;
  return {
    add(t: Table, r: Row) {
      let list = pending.get(t);
      if (!list) pending.set(t, (list = []));
      list.push(r);
      rows++;
    },
    /** Writes everything pending, parents first (the order of T). */
    async flush() {
      const order = Object.values(T).filter((t) => pending.has(t));
      if (sqlite) {
        sqlite.transaction(() => {
          for (const t of order) {
            const stmt = sqlite.prepare(`insert into ${t.name} (${t.cols.join(', ')}) values (${t.cols.map(() => '?').join(', ')})`);
            for (const r of pending.get(t)!) stmt.run(r);
          }
        })();
      } else {
        const client = await pgPool!.connect();
        try {
          await client.query('begin');
          for (const t of order) {
            const list = pending.get(t)!;
            for (let i = 0; i < list.length; i += 20_000) {
              const chunk = list.slice(i, i + 20_000);
              const columns = t.cols.map((_, c) => chunk.map((r) => r[c]));
              await client.query(`insert into ${t.name} (${t.cols.join(', ')}) select * from unnest(${t.types.map((ty, c) => `$${c + 1}::${ty}[]`).join(', ')})`, columns);
            }
          }
          await client.query('commit');
        } catch (e) {
          await client.query('rollback');
          throw e;
        } finally {
          client.release();
        }
      }
      pending.clear();
    },
    rows: () => rows,
    close: () => pgPool?.end(),
  };
}

const SATUAN: Array<[string, string, 'higher' | 'lower', 'sum' | 'last' | 'average', number]> = [
  ['Persentase penduduk yang memiliki KTP-el', '%', 'higher', 'last', 98],
  ['Angka prevalensi stunting', '%', 'lower', 'last', 14],
  ['Indeks Kepuasan Masyarakat', 'nilai', 'higher', 'average', 85],
  ['Jumlah inovasi daerah yang diterapkan', 'inovasi', 'higher', 'sum', 20],
  ['Persentase realisasi anggaran', '%', 'higher', 'last', 95],
  ['Jumlah kecelakaan lalu lintas', 'kejadian', 'lower', 'sum', 120],
  ['Persentase desa yang menetapkan APBDes tepat waktu', '%', 'higher', 'last', 100],
  ['Rata-rata waktu penerbitan dokumen', 'hari', 'lower', 'average', 2],
];

interface Seeded {
  dialect: 'sqlite' | 'postgres';
  dataDir: string;
  seconds: number;
  rows: number;
  bytes: number | null;
  demoTenant: string;
}

async function seed(dialect: 'sqlite' | 'postgres'): Promise<Seeded> {
  const dataDir = path.join(BENCH_DIR, `sakip-${dialect}`);
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  if (dialect === 'postgres') {
    const admin = new pg.Client({ connectionString: PG_URL.replace(/\/[^/]*$/, '/postgres') });
    await admin.connect();
    const name = PG_URL.split('/').pop()!;
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
    await admin.end();
  }
  const t0 = Date.now();
  // Migrations and the demo region (its users sign in for the measurement), without the demo PKs.
  const config = loadConfig({ SERASAN_DATA_DIR: dataDir, DATABASE_URL: dialect === 'postgres' ? PG_URL : '', SERASAN_DEMO_PASSWORD: 'serasan-demo', SERASAN_SEED_DEMO_SAKIP: 'false' } as NodeJS.ProcessEnv);
  const { deps, database } = await bootstrap(config, { seed: true });
  const db = deps.db as unknown as Kysely<any>;
  const demo = await deps.db.selectFrom('tenants').select('id').where('regionCode', '=', DEMO_REGION).executeTakeFirstOrThrow();
  const regions = await deps.db.selectFrom('regions').selectAll().where('level', 'in', ['province', 'regency']).where('code', '!=', DEMO_REGION).orderBy('code').limit(TENANTS - 1).execute();
  const now = `${YEAR}-01-02T02:00:00.000Z`;
  const r = rng(11_552);
  const w = bulkWriter(db, dialect);
  const realised = (v: number) => Math.round(v * 100) / 100;

  const tenantIds: string[] = [demo.id];
  const tenantRows = regions.map((region, ti) => {
    const id = `00000000-0000-7000-8011-${String(ti + 1).padStart(12, '0')}`;
    tenantIds.push(id);
    const { name, kind } = tenantNameOf(region);
    return { id, regionCode: region.code, name, kind, isDemo: 0 as const, createdAt: now };
  });
  for (let i = 0; i < tenantRows.length; i += 100) await deps.db.insertInto('tenants').values(tenantRows.slice(i, i + 100)).execute();

  for (const [ti, tenantId] of tenantIds.entries()) {
    const p = `b${String(ti).padStart(3, '0')}`;
    // Units and their head positions: the demo region keeps its own and is topped up.
    const heads: Array<{ unitId: string; positionId: string; title: string }> = [];
    if (tenantId === demo.id) {
      const own = await deps.db.selectFrom('positions').innerJoin('units', (j) => j.onRef('units.tenantId', '=', 'positions.tenantId').onRef('units.id', '=', 'positions.unitId')).select(['positions.id', 'positions.unitId', 'positions.title']).where('positions.tenantId', '=', tenantId).where('positions.isHead', '=', 1).orderBy('units.name').limit(UNITS).execute();
      heads.push(...own.map((x) => ({ unitId: x.unitId, positionId: x.id, title: x.title })));
    }
    for (let u = heads.length; u < UNITS; u++) {
      const unitId = `${p}-u${u}`;
      const kec = u < 22;
      const name = kec ? `Kecamatan Bench ${u + 1}` : `Dinas Bench ${u + 1}`;
      w.add(T.units, [tenantId, unitId, null, name, null, kec ? 'kecamatan' : 'dinas', null, 1, now, now]);
      const title = kec ? `Camat Bench ${u + 1}` : `Kepala Dinas Bench ${u + 1}`;
      w.add(T.positions, [tenantId, `${p}-h${u}`, unitId, title, 1, now, now]);
      heads.push({ unitId, positionId: `${p}-h${u}`, title });
    }
    for (const [u, h] of heads.entries()) {
      const pkId = `${p}-pk${u}`;
      w.add(T.pks, [tenantId, pkId, YEAR, 'jpt_pratama', h.positionId, h.unitId, 'signed', `${YEAR}-01-02`, `Pejabat Bench ${u + 1}`, h.title, '197001012000031001', 'Pembina (IV/a)', 'definitif', 'Bupati Bench', 'BUPATI BENCH', 'kepala_daerah', now, now]);
      for (let k = 0; k < INDICATORS; k++) {
        const [name, satuan, polarity, aggregation, target] = SATUAN[k % SATUAN.length]!;
        const q = aggregation === 'sum' ? [target / 4, target / 4, target / 4, target / 4] : [target, target, target, target];
        const indId = `${pkId}-i${k}`;
        w.add(T.indicators, [tenantId, indId, pkId, k + 1, 'Meningkatnya kinerja perangkat daerah', `${name} (${k + 1})`, satuan, polarity, aggregation, 0, target, q[0]!, q[1]!, q[2]!, q[3]!, now]);
        for (let quarter = 1; quarter <= 4; quarter++) {
          const status = quarter < 4 || r() < 0.7 ? 'verified' : 'submitted';
          const at = `${YEAR}-${String(quarter * 3 + 1 > 12 ? 12 : quarter * 3 + 1).padStart(2, '0')}-10T02:00:00.000Z`;
          w.add(T.realisations, [tenantId, indId, quarter, realised(q[quarter - 1]! * (0.85 + r() * 0.25)), null, status, 'bench', at, 'bench', at, status === 'verified' ? 'bench' : null, status === 'verified' ? at : null]);
        }
      }
    }
    if (ti % 10 === 9 || ti === tenantIds.length - 1) await w.flush();
    if (ti % 100 === 99) console.log(`  ${dialect}: ${ti + 1}/${tenantIds.length} tenants, ${w.rows().toLocaleString('en')} rows (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  }
  await w.close();
  if (dialect === 'postgres') await db.executeQuery(CompiledQuery.raw('analyze'));
  const seconds = (Date.now() - t0) / 1000;
  await database.close();
  const file = path.join(dataDir, 'serasan.db');
  const bytes = dialect === 'sqlite' && existsSync(file) ? statSync(file).size + (existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0) : null;
  return { dialect, dataDir, seconds, rows: w.rows(), bytes, demoTenant: demo.id };
}

/** The data a previous run kept (--reuse). */
async function existing(dialect: 'sqlite' | 'postgres'): Promise<Seeded> {
  const dataDir = path.join(BENCH_DIR, `sakip-${dialect}`);
  const config = loadConfig({ SERASAN_DATA_DIR: dataDir, DATABASE_URL: dialect === 'postgres' ? PG_URL : '', SERASAN_SEED_DEMO_SAKIP: 'false' } as NodeJS.ProcessEnv);
  const { deps, database } = await bootstrap(config, { seed: false });
  try {
    const demo = await deps.db.selectFrom('tenants').select('id').where('regionCode', '=', DEMO_REGION).executeTakeFirstOrThrow();
    const n = await deps.db.selectFrom('pkRealisations').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    const file = path.join(dataDir, 'serasan.db');
    return { dialect, dataDir, seconds: NaN, rows: Number(n.n), bytes: dialect === 'sqlite' && existsSync(file) ? statSync(file).size : null, demoTenant: demo.id };
  } finally {
    await database.close();
  }
}

interface Timing {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  statuses: Record<number, number>;
}
function summarise(latencies: number[], statuses: Map<number, number>): Timing {
  const s = [...latencies].sort((a, b) => a - b);
  const pct = (p: number) => s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? NaN;
  return { n: s.length, p50: pct(50), p95: pct(95), p99: pct(99), max: s.at(-1) ?? NaN, statuses: Object.fromEntries(statuses) };
}

/** Runs `count` timed jobs over `concurrency` workers. */
async function timed(count: number, concurrency: number, job: (i: number) => Promise<number>): Promise<Timing> {
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++;
        const s = process.hrtime.bigint();
        const status = await job(i);
        latencies.push(Number(process.hrtime.bigint() - s) / 1e6);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    }),
  );
  return summarise(latencies, statuses);
}

interface Measured {
  /** The same client and session on the cheapest signed-in route: what every request costs here. */
  floor: Timing;
  page: Timing;
  recap: Timing;
  recapMeasured: string;
  pks: number;
}

async function measure(s: Seeded): Promise<Measured> {
  const server = await spawnServer({ SERASAN_DATA_DIR: s.dataDir, DATABASE_URL: s.dialect === 'postgres' ? PG_URL : '', SERASAN_JOBS: 'false', SERASAN_LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
  try {
    const rb = await httpSession(server.url, 'rb');
    const list = await rb.call('GET', `/api/pk?year=${YEAR}`);
    if (list.status !== 200) throw new Error(`GET /api/pk: ${list.status} ${JSON.stringify(list.body)}`);
    const ids = (list.body.items as Array<{ id: string }>).map((x) => x.id);
    const r = rng(42);
    const pick = () => ids[Math.floor(r() * ids.length)]!;
    // Warm-up: caches, prepared statements, JIT.
    await timed(50, CONCURRENCY, async () => (await rb.call('GET', `/api/pk/${pick()}`)).status);
    const floor = await timed(REQUESTS, CONCURRENCY, async () => (await rb.call('GET', '/api/auth/me')).status);
    const page = await timed(REQUESTS, CONCURRENCY, async () => {
      const res = await rb.call('GET', `/api/pk/${pick()}`);
      if (res.status === 200 && res.body.indicators.length !== INDICATORS) throw new Error(`a PK page with ${res.body.indicators.length} indicators`);
      return res.status;
    });
    const probe = await rb.call('GET', RECAP_URL);
    let recap: Timing;
    let recapMeasured: string;
    if (probe.status === 200) {
      recapMeasured = `GET ${RECAP_URL}`;
      await timed(5, 1, async () => (await rb.call('GET', RECAP_URL)).status);
      recap = await timed(RECAP_REQUESTS, CONCURRENCY, async () => (await rb.call('GET', RECAP_URL)).status);
    } else {
      recapMeasured = `STAND-IN (GET ${RECAP_URL} answered ${probe.status}): GET /api/pk?year=${YEAR} + the ${ids.length} PK pages, 6 at a time`;
      recap = await timed(RECAP_REQUESTS, 1, async () => {
        const l = await rb.call('GET', `/api/pk?year=${YEAR}`);
        const items = (l.body.items as Array<{ id: string }>).map((x) => x.id);
        let k = 0;
        let worst = l.status;
        await Promise.all(
          Array.from({ length: 6 }, async () => {
            while (k < items.length) {
              const st = (await rb.call('GET', `/api/pk/${items[k++]}`)).status;
              if (st !== 200) worst = st;
            }
          }),
        );
        return worst;
      });
    }
    return { floor, page, recap, recapMeasured, pks: ids.length };
  } finally {
    await server.kill('SIGTERM');
  }
}

/** The SQL the repo runs for the PK page and the list, captured from Kysely, with each plan. */
async function plans(s: Seeded): Promise<string[]> {
  const config = loadConfig({ SERASAN_DATA_DIR: s.dataDir, DATABASE_URL: s.dialect === 'postgres' ? PG_URL : '', SERASAN_SEED_DEMO_SAKIP: 'false' } as NodeJS.ProcessEnv);
  const { deps, database } = await bootstrap(config, { seed: false });
  const out: string[] = [];
  try {
    const captured: CompiledQuery[] = [];
    const db = deps.db;
    const spy = db.withPlugin({
      transformQuery: (a) => {
        captured.push(db.getExecutor().compileQuery(a.node, a.queryId));
        return a.node;
      },
      transformResult: async (a) => a.result,
    });
    const tenant = s.demoTenant;
    const pk = await db.selectFrom('pkAgreements').select('id').where('tenantId', '=', tenant).orderBy('id').executeTakeFirstOrThrow();
    const named: Array<[string, () => Promise<unknown>]> = [
      ['PK page: the PK', () => kinerjaRepo.find(spy, tenant, pk.id)],
      ['PK page: indicators', () => kinerjaRepo.indicators(spy, tenant, pk.id)],
      ['PK page: realisations', () => pkRealisationRepo.realisationsOfPk(spy, tenant, pk.id)],
      ['list: PKs of a year', () => kinerjaRepo.list(spy, tenant, YEAR)],
    ];
    for (const [name, run] of named) {
      captured.length = 0;
      await run();
      const q = captured[0]!;
      const explain = s.dialect === 'sqlite' ? `explain query plan ${q.sql}` : `explain (analyze, costs off, timing on) ${q.sql}`;
      const res = await db.executeQuery<Record<string, unknown>>(CompiledQuery.raw(explain, [...q.parameters]));
      const lines = res.rows.map((row) => String(s.dialect === 'sqlite' ? row.detail : row['QUERY PLAN']));
      const scans = lines.filter((l) => (s.dialect === 'sqlite' ? /^SCAN (pk_|units|positions)/.test(l.trim()) && !/USING (COVERING )?INDEX/.test(l) : /Seq Scan on (pk_|units|positions)/.test(l)));
      out.push(`${s.dialect} — ${name}${scans.length ? '   ⚠ FULL SCAN: ' + scans.join('; ') : ''}\n    ${q.sql}\n    ${lines.join('\n    ')}`);
    }
  } finally {
    await database.close();
  }
  return out;
}

const ms = (x: number) => x.toFixed(1).padStart(7);

async function main() {
  const dialects: Array<'sqlite' | 'postgres'> = [];
  if (!only || only === 'sqlite') dialects.push('sqlite');
  if (!only || only === 'postgres') {
    if (await pgReachable(PG_URL)) dialects.push('postgres');
    else console.log(`PostgreSQL not reachable at ${PG_URL}: skipped`);
  }
  const results: Array<{ s: Seeded; m?: Measured; plans: string[] }> = [];
  for (const d of dialects) {
    let s: Seeded;
    if (REUSE) {
      s = await existing(d);
      console.log(`reusing ${d} data in ${s.dataDir}${d === 'postgres' ? ` and ${PG_URL}` : ''}: ${s.rows.toLocaleString('en')} realisations`);
    } else {
      console.log(`seeding ${d}: ${TENANTS} tenants × ${UNITS} units × ${INDICATORS} indicators × 4 quarters …`);
      s = await seed(d);
      console.log(`  seeded ${s.rows.toLocaleString('en')} rows in ${s.seconds.toFixed(1)} s${s.bytes !== null ? `, SQLite file ${(s.bytes / 1e6).toFixed(0)} MB` : ''}`);
    }
    const p = await plans(s);
    const m = SEED_ONLY ? undefined : await measure(s);
    results.push({ s, m, plans: p });
    if (!KEEP && !SEED_ONLY && !REUSE) rmSync(s.dataDir, { recursive: true, force: true });
  }
  console.log(`\nSerasan SAKIP load — ${TENANTS} tenants × ${UNITS} units × ${INDICATORS} indicators × 4 quarters, year ${YEAR}, concurrency ${CONCURRENCY}, node ${process.version}`);
  console.log(`${'database'.padEnd(10)} ${'seed s'.padStart(7)} ${'rows'.padStart(11)} ${'size MB'.padStart(8)} | ${'PK page p50'.padStart(11)} ${'p95'.padStart(7)} ${'p99'.padStart(7)} target | ${'recap p50'.padStart(9)} ${'p95'.padStart(7)} ${'p99'.padStart(7)} target`);
  for (const { s, m } of results) {
    const size = s.bytes !== null ? (s.bytes / 1e6).toFixed(0) : '—';
    const a = m ? `${ms(m.page.p50).padStart(11)} ${ms(m.page.p95)} ${ms(m.page.p99)} ${m.page.p95 <= 50 ? 'MET   ' : 'NOT MET'}` : 'not measured (--seed-only)';
    const b = m ? `${ms(m.recap.p50).padStart(9)} ${ms(m.recap.p95)} ${ms(m.recap.p99)} ${m.recap.p95 <= 200 ? 'MET' : 'NOT MET'}` : '';
    console.log(`${s.dialect.padEnd(10)} ${(Number.isNaN(s.seconds) ? 'reused' : s.seconds.toFixed(1)).padStart(7)} ${s.rows.toLocaleString('en').padStart(11)} ${size.padStart(8)} | ${a} | ${b}`);
  }
  for (const { s, m } of results) {
    if (!m) continue;
    console.log(`${s.dialect}: floor (GET /api/auth/me, same session) p50 ${m.floor.p50.toFixed(1)} / p95 ${m.floor.p95.toFixed(1)} / p99 ${m.floor.p99.toFixed(1)} ms`);
    console.log(`${s.dialect}: PK page ${m.page.n} requests over ${m.pks} PKs of the demo region, statuses ${JSON.stringify(m.page.statuses)}, max ${m.page.max.toFixed(1)} ms`);
    console.log(`${s.dialect}: recap measured = ${m.recapMeasured}; ${m.recap.n} runs, statuses ${JSON.stringify(m.recap.statuses)}, max ${m.recap.max.toFixed(1)} ms`);
  }
  console.log('targets: PK page p95 ≤ 50 ms, pemda recap p95 ≤ 200 ms (milliseconds per request, client side, loopback)');
  console.log('\nQuery plans (demo region, one PK):');
  for (const { plans: p } of results) for (const line of p) console.log(line);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
