import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { Migrator, type Kysely } from 'kysely';
import pg from 'pg';
import { openDatabase } from '../db.ts';
import { migrationProvider } from './index.ts';
import { seedRegions } from '../seeds/regions.ts';
import { newInnovationRow } from '../../modules/innovation/innovation.service.ts';
import { PG_URL, testDialects } from '../../testing/harness.ts';
import { dropPgSchema, withPgSchemaLock } from '../../testing/pg-schemas.ts';

/**
 * Migration 0009 on data written before it: the innovation timeline moves from
 * innovation_reviews into review_log, and proposals already entered in a competition become
 * competition entries (the first proposal per innovation; a second one leaves the competition).
 */
for (const dialect of await testDialects()) {
  describe(`migration 0009 workflow on existing data [${dialect}]`, () => {
    test('innovation reviews and competition entries are carried over', async () => {
      const schema = dialect === 'postgres' ? `t_${randomBytes(6).toString('hex')}` : undefined;
      const admin = schema ? new pg.Client({ connectionString: PG_URL }) : null;
      if (admin) {
        await admin.connect();
        await admin.query(`create schema ${schema}`);
      }
      const lockIfPg = <T,>(fn: () => Promise<T>) => (schema ? withPgSchemaLock(PG_URL, fn) : fn());
      const database = openDatabase(schema ? { databaseUrl: PG_URL, pgSchema: schema, pgPoolSize: 2 } : { sqliteFile: ':memory:' });
      const db = database.db as unknown as Kysely<any>;
      try {
        const migrator = new Migrator({ db, provider: migrationProvider, ...(schema ? { migrationTableSchema: schema } : {}) });
        const before = await lockIfPg(() => migrator.migrateTo('2026-11-30-0008-notifications-jobs'));
        assert.equal(before.error, undefined);
        await seedRegions(database.db);
        const now = '2026-11-01T00:00:00.000Z';
        const t = 'tenant-1';
        await db.insertInto('tenants').values({ id: t, regionCode: '16.03', name: 'Kabupaten Muara Enim', kind: 'kabupaten', isDemo: 0, createdAt: now }).execute();
        await db.insertInto('units').values({ tenantId: t, id: 'unit-1', parentId: null, name: 'Dinas Kesehatan', shortName: 'Dinkes', type: 'dinas', code: null, isActive: 1, createdAt: now, updatedAt: now }).execute();
        const actor = { userId: 'u1', tenantId: t, name: 'Uji', roles: [], isPlatformAdmin: false, unitScope: new Set<string>() };
        const inv = { ...newInnovationRow(actor, { title: 'Posyandu Digital', unitId: 'unit-1', initiatorClass: 'opd', type: 'pelayanan_publik', digital: true, urusanOther: [], stage: 'penerapan', initiatedOn: '2021-01-04', description: 'Pencatatan posyandu lewat aplikasi.' } as never, now), id: 'inv-1', createdBy: null };
        await db.insertInto('innovations').values(inv).execute();
        await db.insertInto('innovationReviews').values([
          { tenantId: t, id: 'rev-1', innovationId: 'inv-1', action: 'submit', fromStatus: 'draft', toStatus: 'submitted', comment: null, actorId: 'u1', actorName: 'Kepala Dinas', at: '2026-11-02T00:00:00.000Z' },
          { tenantId: t, id: 'rev-2', innovationId: 'inv-1', action: 'return', fromStatus: 'submitted', toStatus: 'returned', comment: 'Lengkapi dasar hukum.', actorId: 'u2', actorName: 'Tim Inovasi', at: '2026-11-03T00:00:00.000Z' },
        ]).execute();
        await db.insertInto('competitions').values({ tenantId: t, id: 'comp-1', name: 'Seleksi 2026', year: 2026, rulebookId: 'kipp-umum-2023', registrationClose: '2026-12-31', quota: 1, isBlind: 1, margin: 20, status: 'open', decision: null, decisionNumber: null, decidedAt: null, decidedBy: null, createdAt: now }).execute();
        for (const id of ['prop-a', 'prop-b']) {
          await db.insertInto('proposals').values({ tenantId: t, id, innovationId: 'inv-1', rulebookId: 'kipp-umum-2023', title: `Posyandu Digital ${id}`, basedOnId: null, competitionId: 'comp-1', createdBy: null, createdAt: now, updatedAt: now }).execute();
        }
        for (const v of [1, 2, 3]) await db.insertInto('proposalVersions').values({ tenantId: t, id: `v${v}`, proposalId: 'prop-a', key: 'ringkasan', version: v, text: `teks ${v}`, savedAt: now, savedBy: null, savedByName: 'Uji' }).execute();

        const after = await lockIfPg(() => migrator.migrateToLatest());
        assert.equal(after.error, undefined, String(after.error));

        const log = await db.selectFrom('reviewLog').selectAll().orderBy('at').execute();
        assert.deepEqual(
          log.map((r) => [r.id, r.entityType, r.entityId, r.fromState, r.toState, r.action, r.actorName, r.note]),
          [
            ['rev-1', 'innovation', 'inv-1', 'draft', 'submitted', 'submit', 'Kepala Dinas', null],
            ['rev-2', 'innovation', 'inv-1', 'submitted', 'returned', 'return', 'Tim Inovasi', 'Lengkapi dasar hukum.'],
          ],
        );
        await assert.rejects(db.selectFrom('innovationReviews').selectAll().execute(), 'the old table is dropped');
        const entries = await db.selectFrom('competitionEntries').selectAll().execute();
        assert.deepEqual(entries.map((e) => [e.competitionId, e.proposalId, e.innovationId, e.title, Number(e.version)]), [['comp-1', 'prop-a', 'inv-1', 'Posyandu Digital prop-a', 3]]);
        const props = await db.selectFrom('proposals').select(['id', 'competitionId']).orderBy('id').execute();
        assert.deepEqual(props.map((p) => [p.id, p.competitionId]), [['prop-a', 'comp-1'], ['prop-b', null]], 'the second proposal of the same innovation leaves the competition');
      } finally {
        await database.close();
        if (admin) {
          await admin.end();
          await dropPgSchema(PG_URL, schema!);
        }
      }
    });
  });
}
