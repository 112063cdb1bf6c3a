/**
 * Search and similar-innovation latency on the national-scale dataset
 * (run bench/generate-innovations.ts first, for the same DATABASE_URL or SQLite directory).
 *
 *   node --import tsx bench/search.ts [--queries 300]
 *   DATABASE_URL=postgres://… node --import tsx bench/search.ts
 *
 * Measures the service calls behind GET /api/innovations?q= (search within a region) and
 * GET /api/innovations/similar?text= (own region + every region's published records), after a
 * warm-up, and prints p50/p95/p99 in milliseconds. Targets (issue 3): search p95 ≤ 50 ms,
 * similar p95 ≤ 150 ms on the 2-core machine.
 */
import path from 'node:path';
import { openDatabase } from '../src/server/db/db.ts';
import { loadConfig } from '../src/server/config.ts';
import { systemClock } from '../src/server/lib/clock.ts';
import { createFsBlobStore } from '../src/server/modules/evidence/blob-store.ts';
import { createInnovationService } from '../src/server/modules/innovation/innovation.service.ts';
import type { Actor } from '../src/server/policy/actor.ts';
import { BENCH_DIR, makeInnovation } from './generate-innovations.ts';
import { seededRandom as rng } from '../src/server/lib/seeded-random.ts';

const QUERIES = ['akta kelahiran', 'pajak daerah', 'stunting balita', 'aplikasi android', 'jemput bola kependudukan', 'sampah', 'bantuan sosial desa', 'perizinan usaha online', 'pelayanan', 'puskesmas rujukan', 'wisata', 'UMKM pemasaran', 'pengaduan masyarakat whatsapp', 'air bersih', 'sekolah'];

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function time<T>(samples: number[], fn: () => Promise<T>): Promise<T> {
  const t = process.hrtime.bigint();
  const out = await fn();
  samples.push(Number(process.hrtime.bigint() - t) / 1e6);
  return out;
}

async function main() {
  const n = Number(process.argv[process.argv.indexOf('--queries') + 1]) || 300;
  const url = process.env.DATABASE_URL;
  const database = openDatabase({ databaseUrl: url, sqliteFile: path.join(BENCH_DIR, 'serasan.db') });
  const { db, dialect } = database;
  const config = loadConfig({ SERASAN_DATA_DIR: BENCH_DIR } as NodeJS.ProcessEnv);
  const service = createInnovationService({ db, dialect, clock: systemClock, config, blobs: createFsBlobStore(path.join(BENCH_DIR, 'blobs')) });
  const tenants = await db.selectFrom('tenants').select(['id', 'regionCode']).orderBy('regionCode').execute();
  const placesOf = new Map<string, string[]>();
  for (const t of tenants) placesOf.set(t.id, (await db.selectFrom('regions').select('name').where('parentCode', '=', t.regionCode).execute()).map((d) => d.name));
  const count = await db.selectFrom('innovations').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  if (tenants.length < 2) throw new Error('Run bench/generate-innovations.ts first.');
  const actorOf = (tenantId: string): Actor => ({ userId: 'bench', tenantId, name: 'bench', roles: [{ role: 'innovation_team', unitId: null }], isPlatformAdmin: false, unitScope: new Set() });
  const r = rng(42);

  const search: number[] = [];
  const similar: number[] = [];
  let hits = 0;
  // Warm-up: caches, prepared plans, stemmer cache.
  for (let i = 0; i < 20; i++) {
    await service.list(actorOf(tenants[i % tenants.length].id), { q: QUERIES[i % QUERIES.length], page: 1, pageSize: 25 });
    const g = makeInnovation(r, i, placesOf.get(tenants[i % tenants.length].id));
    await service.similar(actorOf(tenants[i % tenants.length].id), `${g.title} ${g.description}`);
  }
  for (let i = 0; i < n; i++) {
    const tenant = tenants[Math.floor(r() * tenants.length)];
    const actor = actorOf(tenant.id);
    const res = await time(search, () => service.list(actor, { q: QUERIES[i % QUERIES.length], page: 1, pageSize: 25 }));
    hits += res.items.length;
    // A draft as a unit operator types it: a new acronym, a service, its own kecamatan.
    const g = makeInnovation(r, i + 1000, placesOf.get(tenant.id));
    await time(similar, () => service.similar(actor, `${g.title} ${g.description}`));
  }
  const report = (name: string, s: number[], target: number) => {
    const sorted = [...s].sort((a, b) => a - b);
    const p95 = percentile(sorted, 95);
    console.log(
      `${name.padEnd(22)} n=${s.length}  p50=${percentile(sorted, 50).toFixed(1)} ms  p95=${p95.toFixed(1)} ms  p99=${percentile(sorted, 99).toFixed(1)} ms  max=${sorted.at(-1)!.toFixed(1)} ms  target p95 ≤ ${target} ms: ${p95 <= target ? 'MET' : 'NOT MET'}`,
    );
  };
  console.log(`Serasan search benchmark — ${dialect}, ${tenants.length} tenants, ${Number(count.n)} innovations, node ${process.version}`);
  report('search (q, one region)', search, 50);
  report('similar (all regions)', similar, 150);
  console.log(`(average ${(hits / n).toFixed(1)} search hits per query on the first page)`);
  await database.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
