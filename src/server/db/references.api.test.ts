import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { newId } from '../lib/ids.ts';
import { createTestRuntime, signedIn, testDialects, type TestClient, type TestRuntime } from '../testing/harness.ts';

/**
 * Issue 9, item 9: every foreign id in a write is checked inside the actor's tenant (404), and
 * the database refuses a reference to another tenant's row or to no row at all.
 */
for (const dialect of await testDialects()) {
  describe(`references stay inside the tenant [${dialect}]`, () => {
    let rt: TestRuntime;
    let admin: TestClient;
    let operator: TestClient;
    let home: string;
    let foreign: { tenantId: string; personId: string; positionId: string };
    let own: { personId: string; positionId: string };
    let actionId: string;

    before(async () => {
      rt = await createTestRuntime(dialect);
      admin = await signedIn(rt, 'admin');
      operator = await signedIn(rt, 'operator');
      const platform = await signedIn(rt, 'platform');
      const t = await platform.post('/api/admin/tenants', { regionCode: '16.71' });
      assert.equal(t.status, 201, t.raw);
      const { db } = rt.deps;
      home = (await db.selectFrom('tenants').select('id').where('regionCode', '=', '16.03').executeTakeFirstOrThrow()).id;
      const now = new Date().toISOString();
      const unit = await db.selectFrom('units').select('id').where('tenantId', '=', t.body.id).executeTakeFirstOrThrow();
      foreign = { tenantId: t.body.id, personId: newId(), positionId: newId() };
      await db.insertInto('people').values({ tenantId: t.body.id, id: foreign.personId, name: 'Pegawai Palembang', nip: '198001012005011001', kind: 'PNS', rank: null, unitId: unit.id, createdAt: now, updatedAt: now }).execute();
      await db.insertInto('positions').values({ tenantId: t.body.id, id: foreign.positionId, unitId: unit.id, title: 'Kepala Dinas', isHead: 0, createdAt: now, updatedAt: now }).execute();
      own = {
        personId: (await db.selectFrom('people').select('id').where('tenantId', '=', home).executeTakeFirstOrThrow()).id,
        positionId: (await db.selectFrom('positions').select('id').where('tenantId', '=', home).executeTakeFirstOrThrow()).id,
      };
      const dukcapil = (await operator.get('/api/units')).body.items.find((u: { shortName: string }) => u.shortName === 'Disdukcapil').id;
      const y = new Date().getUTCFullYear();
      const s = await operator.post('/api/skm/surveys', { unitId: dukcapil, serviceName: 'Akta Kelahiran', periodStart: `${y}-01-01`, periodEnd: `${y}-12-31` });
      assert.equal(s.status, 201, s.raw);
      const a = await operator.post(`/api/skm/surveys/${s.body.id}/actions`, { unsur: 'U3', action: 'Tambah loket pada jam sibuk', ownerPositionId: own.positionId });
      assert.equal(a.status, 201, a.raw);
      actionId = a.body.id;
    });
    after(() => rt.close());

    test('a user cannot be created for a person of another tenant, nor for no person', async () => {
      const users = async () => (await rt.deps.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
      const before = Number(await users());
      for (const personId of [foreign.personId, newId()]) {
        const res = await admin.post('/api/users', { username: `asn.${personId.slice(-6)}`, name: 'ASN Baru', personId, roles: [] });
        assert.equal(res.status, 404, res.raw);
        assert.equal(res.body.error.code, 'NOT_FOUND');
      }
      assert.equal(Number(await users()), before, 'nothing written');
      const ok = await admin.post('/api/users', { username: 'asn.sendiri', name: 'ASN Sendiri', personId: own.personId, roles: [] });
      assert.equal(ok.status, 201, ok.raw);
    });

    test('a follow-up action cannot be given to a position of another tenant, nor to no position', async () => {
      for (const ownerPositionId of [foreign.positionId, newId()]) {
        const res = await operator.patch(`/api/skm/actions/${actionId}`, { ownerPositionId });
        assert.equal(res.status, 404, res.raw);
        assert.equal(res.body.error.code, 'NOT_FOUND');
      }
      const row = await rt.deps.db.selectFrom('skmActions').select('ownerPositionId').where('id', '=', actionId).executeTakeFirstOrThrow();
      assert.equal(row.ownerPositionId, own.positionId, 'unchanged');
      assert.equal((await operator.patch(`/api/skm/actions/${actionId}`, { ownerPositionId: null })).status, 200);
      assert.equal((await operator.patch(`/api/skm/actions/${actionId}`, { ownerPositionId: own.positionId })).status, 200);
    });

    test('the database itself refuses a person or position of another tenant', async () => {
      const { db } = rt.deps;
      await assert.rejects(db.updateTable('skmActions').set({ ownerPositionId: foreign.positionId }).where('id', '=', actionId).execute());
      await assert.rejects(db.updateTable('skmActions').set({ ownerPositionId: newId() }).where('id', '=', actionId).execute());
      await assert.rejects(db.updateTable('users').set({ personId: foreign.personId }).where('username', '=', 'asn.sendiri').execute());
      await db.updateTable('users').set({ personId: null }).where('username', '=', 'asn.sendiri').execute();
      await db.updateTable('skmActions').set({ ownerPositionId: own.positionId }).where('id', '=', actionId).execute();
    });
  });
}
