/**
 * Results for a survey of 1,000,000 responses in under a second: the answers are generated
 * straight into the database (SQLite by default, or DATABASE_URL), the running totals are built
 * once by a full recount, and then the results call — which reads only the totals — is timed.
 * The same recount is timed for comparison and checked against the totals.
 *
 *   node --import tsx bench/skm-million.ts [--responses 1000000]
 *   DATABASE_URL=postgres://…/serasan_bench node --import tsx bench/skm-million.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/server/config.ts';
import { bootstrap } from '../src/server/bootstrap.ts';
import { createSkmService } from '../src/server/modules/skm/skm.service.ts';
import { newId } from '../src/server/lib/ids.ts';
import type { Actor } from '../src/server/policy/actor.ts';
import pg from 'pg';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};

async function main() {
  const total = arg('responses', 1_000_000);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'serasan-million-'));
  const url = process.env.DATABASE_URL;
  if (url) {
    const admin = new pg.Client({ connectionString: url.replace(/\/[^/]*$/, '/postgres') });
    await admin.connect();
    const name = url.split('/').pop()!;
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
    await admin.end();
  }
  const config = loadConfig({ ...process.env, SERASAN_DATA_DIR: dataDir, DATABASE_URL: url ?? '' } as NodeJS.ProcessEnv);
  const { deps, database } = await bootstrap(config, { seed: true });
  try {
    const skm = createSkmService(deps);
    const tenant = await deps.db.selectFrom('tenants').select('id').where('regionCode', '=', '16.03').executeTakeFirstOrThrow();
    const unit = await deps.db.selectFrom('units').select('id').where('tenantId', '=', tenant.id).where('shortName', '=', 'Disdukcapil').executeTakeFirstOrThrow();
    const actor: Actor = { userId: 'bench', tenantId: tenant.id, name: 'bench', roles: [{ role: 'admin', unitId: null }], isPlatformAdmin: false, unitScope: new Set() };
    const y = new Date().getUTCFullYear();
    const { survey } = await skm.createSurvey(actor, { unitId: unit.id, serviceName: 'Satu Juta Jawaban', periodStart: `${y}-01-01`, periodEnd: `${y}-12-31`, population: 2_000_000, inactiveUnsur: [] });

    const t0 = Date.now();
    let seed = 1;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const batch = url ? 1000 : 5000;
    for (let done = 0; done < total; done += batch) {
      const rows: Record<string, unknown>[] = [];
      for (let k = 0; k < Math.min(batch, total - done); k++) {
        const row: Record<string, unknown> = { tenantId: tenant.id, id: newId(), surveyId: survey.id, submittedAt: `${y}-06-01T08:00:00.000Z`, isDemo: 1, sex: rnd() < 0.5 ? 'L' : 'P' };
        for (let i = 1; i <= 9; i++) row[`u${i}`] = 1 + Math.floor(rnd() * 4);
        rows.push(row);
      }
      // Rows per statement within the parameter limits of both databases.
      const chunk = url ? 1000 : 2000;
      await deps.db.transaction().execute(async (tx) => {
        for (let i = 0; i < rows.length; i += chunk) await tx.insertInto('skmResponses').values(rows.slice(i, i + chunk) as never).execute();
      });
    }
    const loadSeconds = (Date.now() - t0) / 1000;
    const r0 = process.hrtime.bigint();
    const recount = await skm.recount(tenant.id, survey.id);
    const recountMs = Number(process.hrtime.bigint() - r0) / 1e6;
    await deps.db.updateTable('skmAggregates').set(recount as never).where('tenantId', '=', tenant.id).where('surveyId', '=', survey.id).execute();

    const times: number[] = [];
    let last: Awaited<ReturnType<typeof skm.surveyResults>> | undefined;
    for (let i = 0; i < 20; i++) {
      const s = process.hrtime.bigint();
      const row = await skm.requireSurvey(tenant.id, survey.id);
      last = await skm.surveyResults(row);
      times.push(Number(process.hrtime.bigint() - s) / 1e6);
    }
    times.sort((a, b) => a - b);
    console.log(`Serasan SKM results at scale — ${database.dialect}, node ${process.version}`);
    console.log(`generated ${total.toLocaleString('en')} responses in ${loadSeconds.toFixed(1)} s`);
    console.log(`full recount (for comparison): ${recountMs.toFixed(0)} ms`);
    console.log(`results from running totals: n = ${last!.n.toLocaleString('en')}, IKM ${last!.ikmConverted} (${last!.mutu}); p50 ${times[10].toFixed(1)} ms, max ${times.at(-1)!.toFixed(1)} ms over 20 calls`);
    console.log(`running totals equal the recount: ${Number(recount.n) === last!.n ? 'yes' : 'NO'}`);
    console.log(`target results < 1 s: ${times.at(-1)! < 1000 ? 'MET' : 'NOT MET'}`);
  } finally {
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
