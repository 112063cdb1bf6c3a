/**
 * The SQLite half of the survey form's write, alone: N submissions through submissionWriter on a
 * file database (WAL, as served), timed in-process. Shows what the storage costs per submission
 * without HTTP, so changes to the write can be compared on a busy machine.
 *
 *   node --import tsx bench/skm-write-micro.ts [--n 20000]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase } from '../src/server/db/db.ts';
import { migrateToLatest } from '../src/server/db/migrate.ts';
import { loadConfig } from '../src/server/config.ts';
import { systemClock } from '../src/server/lib/clock.ts';
import { createFsBlobStore } from '../src/server/modules/evidence/blob-store.ts';
import { seedDemo } from '../src/server/demo/demo.ts';
import { submissionWriter } from '../src/server/modules/skm/skm.write.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const n = arg('n', 20_000);
/** Submissions in flight at once (as from 32 phones); 1 = one after the other. */
const concurrency = arg('concurrency', 32);
const dir = mkdtempSync(path.join(tmpdir(), 'serasan-wmicro-'));
const database = openDatabase({ sqliteFile: path.join(dir, 'serasan.db') });
try {
  await migrateToLatest(database.db);
  await seedDemo({ db: database.db, dialect: 'sqlite', clock: systemClock, config: loadConfig({ SERASAN_DATA_DIR: dir } as NodeJS.ProcessEnv), blobs: createFsBlobStore(path.join(dir, 'blobs')) });
  const s = await database.db.selectFrom('skmSurveys').select(['tenantId', 'id', 'code']).executeTakeFirstOrThrow();
  const store = submissionWriter(database.db, 'sqlite');
  const run = async (k: number, tag: string) => {
    const t0 = process.hrtime.bigint();
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < k) {
          const j = next++;
          const r = await store({ nonce: `${tag}${j}`, surveyCode: s.code, tenantId: s.tenantId, surveyId: s.id, id: `${tag}-${j}`, at: new Date().toISOString(), v: [1, 2, 3, 4, 1, 2, 3, 4, (j % 4) + 1], profile: [['sex', j % 2 ? 'L' : 'P'], ['ageBand', '30_39']], suggestion: null });
          if (r !== 'stored') throw new Error(r);
        }
      }),
    );
    return Number(process.hrtime.bigint() - t0) / 1e3 / k;
  };
  await run(2000, 'warm');
  const us = await run(n, 'm');
  const cpu = process.cpuUsage();
  console.log(`SQLite write: ${us.toFixed(1)} µs per submission (${(1e6 / us).toFixed(0)}/s on one core), n = ${n}, ${concurrency} at once; process CPU user ${(cpu.user / 1e6).toFixed(1)} s, system ${(cpu.system / 1e6).toFixed(1)} s`);
} finally {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
}
