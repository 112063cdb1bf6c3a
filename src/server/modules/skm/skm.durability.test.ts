import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { httpSession, spawnServer, type ServerProcess } from '../../testing/process.ts';
import { openDatabase } from '../../db/db.ts';
import { PG_URL, testDialects } from '../../testing/harness.ts';
import Database from 'better-sqlite3';

/** Takes the database's write lock from outside the server; returns its release. */
async function holdWriteLock(dialect: string, target: string): Promise<() => Promise<void>> {
  if (dialect === 'postgres') {
    const client = new pg.Client({ connectionString: target });
    await client.connect();
    await client.query('begin');
    await client.query('lock table skm_aggregates in exclusive mode');
    return async () => {
      await client.query('rollback');
      await client.end();
    };
  }
  const sqlite = new Database(target);
  sqlite.exec('begin immediate');
  return async () => {
    sqlite.exec('rollback');
    sqlite.close();
  };
}

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

      // Tokens first. Then a first burst that must all be acknowledged; then the test itself
      // holds the database's write lock, so a second burst reaches the server but cannot commit,
      // and the server is killed while those writes wait. No race with the clock: the first burst
      // is all 201, the second can never be acknowledged.
      const tokens: string[] = [];
      for (let i = 0; i < 160; i++) tokens.push((await (await fetch(`${server.url}/api/public/skm/${survey.surveyCode}`)).json()).formToken);
      const submit = async (token: string) =>
        fetch(`${server!.url}/api/public/skm/${survey.surveyCode}/responses`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ answers: { U1: 4, U2: 3, U3: 3, U4: 4, U5: 3, U6: 4, U7: 4, U8: 2, U9: 3 }, profile: { sex: 'L' }, formToken: token }),
        });
      const acknowledged: string[] = [];
      const first = tokens.slice(0, 120);
      let next = 0;
      await Promise.all(
        Array.from({ length: 8 }, async () => {
          while (next < first.length) {
            const res = await submit(first[next++]);
            assert.equal(res.status, 201, await res.clone().text());
            acknowledged.push(((await res.json()) as { id: string }).id);
          }
        }),
      );
      assert.equal(acknowledged.length, 120);

      const releaseLock = await holdWriteLock(dialect, dialect === 'postgres' ? pgUrl : path.join(dataDir, 'serasan.db'));
      let blockedAcknowledged = 0;
      let blockedFailed = 0;
      const blocked = tokens.slice(120).map(async (token) => {
        try {
          const res = await submit(token);
          if (res.status === 201) blockedAcknowledged++;
          else blockedFailed++;
        } catch {
          blockedFailed++; // the connection died with the server: not acknowledged
        }
      });
      await new Promise((r) => setTimeout(r, 500)); // let the burst reach the server and wait on the lock
      await server.kill('SIGKILL');
      await Promise.all(blocked);
      await releaseLock();
      assert.equal(blockedAcknowledged, 0, 'nothing commits while the test holds the write lock');
      assert.equal(blockedFailed, 40);

      server = await spawnServer(env);
      const database = openDatabase(dialect === 'postgres' ? { databaseUrl: pgUrl } : { sqliteFile: path.join(dataDir, 'serasan.db') });
      let storedCount = 0;
      try {
        const stored = new Set(
          (await database.db.selectFrom('skmResponses').select('id').where('surveyId', '=', survey.id).execute()).map((r) => r.id),
        );
        const lost = acknowledged.filter((id) => !stored.has(id));
        assert.deepEqual(lost, [], `${lost.length} acknowledged responses lost`);
        // A write whose server died may still commit: on PostgreSQL a submission is one
        // autocommitted statement, which finishes once the lock is released although nobody is
        // left to read its 201 (as any commit whose acknowledgement is lost). What must hold:
        // every acknowledged response is there, none beyond the burst, and each stored response
        // is whole, counted once in the running totals (checked below).
        assert.ok(stored.size >= 120 && stored.size <= 160, `stored ${stored.size}: the acknowledged 120 plus at most the 40 cut off`);
        const agg = await database.db.selectFrom('skmAggregates').select(['n', 'sU1', 'cU8']).where('surveyId', '=', survey.id).executeTakeFirstOrThrow();
        assert.equal(Number(agg.n), stored.size, 'running totals match the stored responses');
        assert.equal(Number(agg.sU1), stored.size * 4);
        storedCount = stored.size;
      } finally {
        await database.close();
      }
      const results = await (await httpSession(server.url, 'operator')).call('GET', `/api/skm/surveys/${survey.id}/results`);
      assert.equal(results.body.n, storedCount);
    });
  });
}
