import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { httpSession, spawnServer, type ServerProcess } from '../../testing/process.ts';
import { openDatabase } from '../../db/db.ts';
import { PG_URL, testDialects } from '../../testing/harness.ts';

/**
 * An acknowledged response is never lost: a real server process is killed with SIGKILL in the
 * middle of a burst of submissions; after a restart on the same data every response that got a
 * 201 is there, and the running totals equal a recount.
 */
for (const dialect of await testDialects()) {
  describe(`SKM durability under SIGKILL [${dialect}]`, () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'serasan-durable-'));
    const dbName = `serasan_durable_${process.pid}`;
    const pgUrl = PG_URL.replace(/\/[^/]*$/, `/${dbName}`);
    let server: ServerProcess | undefined;

    after(async () => {
      await server?.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
      if (dialect === 'postgres') {
        const admin = new pg.Client({ connectionString: PG_URL });
        await admin.connect();
        await admin.query(`drop database if exists ${dbName} with (force)`);
        await admin.end();
      }
    });

    test('every 201 before the kill is found after the restart', { timeout: 180_000 }, async () => {
      if (dialect === 'postgres') {
        const admin = new pg.Client({ connectionString: PG_URL });
        await admin.connect();
        await admin.query(`drop database if exists ${dbName} with (force)`);
        await admin.query(`create database ${dbName}`);
        await admin.end();
      }
      const env = { SERASAN_DATA_DIR: dataDir, DATABASE_URL: dialect === 'postgres' ? pgUrl : '', SKM_RATE_LIMIT_PER_MINUTE: '1000000' };
      server = await spawnServer(env);
      const op = await httpSession(server.url, 'operator');
      const unit = (await op.call('GET', '/api/units')).body.items.find((u: { shortName: string }) => u.shortName === 'Disdukcapil');
      const y = new Date().getUTCFullYear();
      const survey = (await op.call('POST', '/api/skm/surveys', { unitId: unit.id, serviceName: 'Uji Ketahanan', periodStart: `${y}-01-01`, periodEnd: `${y}-12-31` })).body;
      assert.ok(survey.surveyCode, JSON.stringify(survey));

      // Tokens first, then a concurrent burst; the server is killed part-way through it.
      const tokens: string[] = [];
      for (let i = 0; i < 400; i++) tokens.push((await (await fetch(`${server.url}/api/public/skm/${survey.surveyCode}`)).json()).formToken);
      const acknowledged: string[] = [];
      let failed = 0;
      let next = 0;
      const send = async () => {
        while (next < tokens.length) {
          const token = tokens[next++];
          try {
            const res = await fetch(`${server!.url}/api/public/skm/${survey.surveyCode}/responses`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ answers: { U1: 4, U2: 3, U3: 3, U4: 4, U5: 3, U6: 4, U7: 4, U8: 2, U9: 3 }, profile: { sex: 'L' }, formToken: token }),
            });
            if (res.status === 201) acknowledged.push(((await res.json()) as { id: string }).id);
            else failed++;
          } catch {
            failed++; // the connection died with the server: not acknowledged
          }
        }
      };
      const killer = (async () => {
        while (acknowledged.length < 120) await new Promise((r) => setTimeout(r, 2));
        await server!.kill('SIGKILL');
      })();
      await Promise.all([...Array.from({ length: 16 }, send), killer]);
      assert.ok(acknowledged.length >= 120, `acknowledged ${acknowledged.length}`);
      assert.ok(failed > 0, 'the kill happened during the burst');

      server = await spawnServer(env);
      const database = openDatabase(dialect === 'postgres' ? { databaseUrl: pgUrl } : { sqliteFile: path.join(dataDir, 'serasan.db') });
      try {
        const stored = new Set(
          (await database.db.selectFrom('skmResponses').select('id').where('surveyId', '=', survey.id).execute()).map((r) => r.id),
        );
        const lost = acknowledged.filter((id) => !stored.has(id));
        assert.deepEqual(lost, [], `${lost.length} acknowledged responses lost`);
        const agg = await database.db.selectFrom('skmAggregates').select(['n', 'sU1', 'cU8']).where('surveyId', '=', survey.id).executeTakeFirstOrThrow();
        assert.equal(Number(agg.n), stored.size, 'running totals match the stored responses');
        assert.equal(Number(agg.sU1), stored.size * 4);
      } finally {
        await database.close();
      }
      const results = await (await httpSession(server.url, 'operator')).call('GET', `/api/skm/surveys/${survey.id}/results`);
      assert.ok(results.body.n >= acknowledged.length);
    });
  });
}
