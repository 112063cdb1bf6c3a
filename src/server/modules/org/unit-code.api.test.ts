import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { Migrator, type Kysely } from 'kysely';
import pg from 'pg';
import { openDatabase } from '../../db/db.ts';
import { migrationProvider } from '../../db/migrations/index.ts';
import { seedRegions } from '../../db/seeds/regions.ts';
import { dropPgSchema, withPgSchemaLock } from '../../testing/pg-schemas.ts';
import { createTestRuntime, PG_URL, signedIn, testDialects, type TestClient, type TestRuntime } from '../../testing/harness.ts';

/** An empty unit code means "no code": stored as null, so any number of units may leave it empty. */
for (const dialect of await testDialects()) {
  describe(`empty unit codes [${dialect}]`, () => {
    let rt: TestRuntime;
    let admin: TestClient;

    before(async () => {
      rt = await createTestRuntime(dialect);
      admin = await signedIn(rt, 'admin');
    });
    after(() => rt.close());

    test('two units created with code "" (or blanks) are both stored with code null', async () => {
      const a = await admin.post('/api/units', { name: 'Dinas Tanpa Kode Satu', type: 'dinas', code: '' });
      assert.equal(a.status, 201, a.raw);
      assert.equal(a.body.code, null);
      const b = await admin.post('/api/units', { name: 'Dinas Tanpa Kode Dua', type: 'dinas', code: '   ' });
      assert.equal(b.status, 201, b.raw);
      assert.equal(b.body.code, null);
      const rows = await rt.deps.db.selectFrom('units').select('code').where('id', 'in', [a.body.id, b.body.id]).execute();
      assert.deepEqual(rows.map((r) => r.code), [null, null]);
    });

    test('changing a unit code to "" while another unit has no code → 200 with code null', async () => {
      const c = await admin.post('/api/units', { name: 'Dinas Berkode', type: 'dinas', code: 'DB-01' });
      assert.equal(c.status, 201, c.raw);
      const res = await admin.patch(`/api/units/${c.body.id}`, { code: '' });
      assert.equal(res.status, 200, res.raw);
      assert.equal(res.body.code, null);
    });
  });

  describe(`migration 0011 unit codes [${dialect}]`, () => {
    test('existing empty codes become null', async () => {
      const schema = dialect === 'postgres' ? `t_${randomBytes(6).toString('hex')}` : undefined;
      const pgAdmin = schema ? new pg.Client({ connectionString: PG_URL }) : null;
      if (pgAdmin) {
        await pgAdmin.connect();
        await pgAdmin.query(`create schema ${schema}`);
      }
      const database = openDatabase(schema ? { databaseUrl: PG_URL, pgSchema: schema, pgPoolSize: 2 } : { sqliteFile: ':memory:' });
      const db = database.db as unknown as Kysely<any>;
      try {
        const migrator = new Migrator({ db, provider: migrationProvider, ...(schema ? { migrationTableSchema: schema } : {}) });
        // Migrating introspects every schema: hold the lock parallel test files take to drop theirs.
        const locked = <T>(fn: () => Promise<T>) => (schema ? withPgSchemaLock(PG_URL, fn) : fn());
        assert.equal((await locked(() => migrator.migrateTo('2026-11-30-0009-workflow'))).error, undefined);
        await seedRegions(database.db);
        const now = '2026-11-01T00:00:00.000Z';
        await db.insertInto('tenants').values({ id: 't1', regionCode: '16.03', name: 'Kabupaten Muara Enim', kind: 'kabupaten', isDemo: 0, createdAt: now }).execute();
        const unit = (id: string, code: string | null) => ({ tenantId: 't1', id, parentId: null, name: `Unit ${id}`, shortName: null, type: 'dinas', code, isActive: 1, createdAt: now, updatedAt: now });
        await db.insertInto('units').values([unit('u1', ''), unit('u2', 'KODE'), unit('u3', null)]).execute();
        const res = await locked(() => migrator.migrateToLatest());
        assert.equal(res.error, undefined);
        const rows = await db.selectFrom('units').select(['id', 'code']).orderBy('id').execute();
        assert.deepEqual(rows, [{ id: 'u1', code: null }, { id: 'u2', code: 'KODE' }, { id: 'u3', code: null }]);
      } finally {
        await database.close();
        if (pgAdmin) {
          await pgAdmin.end();
          // Under the same lock, so no parallel migration sees it half-gone.
          await dropPgSchema(PG_URL, schema!);
        }
      }
    });
  });
}
