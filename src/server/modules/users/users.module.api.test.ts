import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestRuntime, signedIn, testDialects, TestClient, type TestRuntime } from '../../testing/harness.ts';
import { createUsersService } from './users.service.ts';

const STRONG = 'Sungai-Lematang-Mengalir-2026';

/** Users and role grants (admin): create, roles, deactivate, reset, and tenant isolation. */
for (const dialect of await testDialects()) {
  describe(`users module [${dialect}]`, () => {
    let rt: TestRuntime;
    let admin: TestClient;
    let otherAdmin: TestClient;
    let dukcapilId: string;
    let userId: string;
    let temporary: string;

    before(async () => {
      rt = await createTestRuntime(dialect);
      admin = await signedIn(rt, 'admin');
      dukcapilId = (await admin.get('/api/units')).body.items.find((u: { shortName: string }) => u.shortName === 'Disdukcapil').id;
      const platform = await signedIn(rt, 'platform');
      const t = await platform.post('/api/admin/tenants', { regionCode: '16.71' });
      assert.equal(t.status, 201, t.raw);
      const actor = { userId: 'cli', tenantId: t.body.id, name: 'cli', roles: [{ role: 'admin' as const, unitId: null }], isPlatformAdmin: false, unitScope: new Set<string>() };
      const u = await createUsersService(rt.deps).create(actor, { username: 'admin.palembang', name: 'Admin Palembang', password: STRONG, roles: [{ role: 'admin' }] });
      await rt.deps.db.updateTable('users').set({ mustChangePassword: 0 }).where('id', '=', u.user.id).execute();
      otherAdmin = new TestClient(rt.app);
      await otherAdmin.login('admin.palembang', STRONG);
    });
    after(() => rt.close());

    test('the admin creates a user with a unit role; the user gets a temporary password that must be changed', async () => {
      const res = await admin.post('/api/users', { username: 'operator.baru', name: 'Operator Baru', roles: [{ role: 'unit_operator', unitId: dukcapilId }] });
      assert.equal(res.status, 201, res.raw);
      userId = res.body.user.id;
      temporary = res.body.temporaryPassword;
      assert.equal(typeof temporary, 'string');
      assert.deepEqual(res.body.user.roles.map((r: { role: string; unitId: string | null }) => [r.role, r.unitId]), [['unit_operator', dukcapilId]]);
      const entry = await rt.deps.db.selectFrom('auditLog').select(['action']).where('entityId', '=', userId).execute();
      assert.ok(entry.length >= 1, 'the creation is audited');
      const dup = await admin.post('/api/users', { username: 'operator.baru', name: 'Lagi', roles: [] });
      assert.equal(dup.status, 409, dup.raw);
      const user = new TestClient(rt.app);
      await user.login('operator.baru', temporary);
      const blocked = await user.get('/api/units');
      assert.equal(blocked.status, 403);
      assert.equal(blocked.body.error.code, 'PASSWORD_CHANGE_REQUIRED');
    });

    test('only the admin manages users', async () => {
      const operator = await signedIn(rt, 'operator');
      assert.equal((await operator.post('/api/users', { username: 'tidak.boleh', name: 'Tidak Boleh', roles: [] })).status, 403);
      assert.equal((await operator.patch(`/api/users/${userId}`, { isActive: false })).status, 403);
      assert.equal((await operator.post(`/api/users/${userId}/reset-password`, {})).status, 403);
    });

    test('roles are replaced by PATCH', async () => {
      const res = await admin.patch(`/api/users/${userId}`, { roles: [{ role: 'unit_head', unitId: dukcapilId }, { role: 'judge' }] });
      assert.equal(res.status, 200, res.raw);
      assert.deepEqual(res.body.roles.map((r: { role: string }) => r.role).sort(), ['judge', 'unit_head']);
    });

    test('reset issues a new temporary password; the old one stops working', async () => {
      const res = await admin.post(`/api/users/${userId}/reset-password`, {});
      assert.equal(res.status, 200, res.raw);
      const fresh = res.body.temporaryPassword as string;
      assert.notEqual(fresh, temporary);
      const old = await new TestClient(rt.app).post('/api/auth/login', { username: 'operator.baru', password: temporary }, { csrf: false });
      assert.equal(old.status, 401);
      const ok = await new TestClient(rt.app).post('/api/auth/login', { username: 'operator.baru', password: fresh }, { csrf: false });
      assert.equal(ok.status, 200, ok.raw);
      temporary = fresh;
    });

    test('deactivation ends the sessions and refuses sign-in', async () => {
      const user = new TestClient(rt.app);
      await user.login('operator.baru', temporary);
      const res = await admin.patch(`/api/users/${userId}`, { isActive: false });
      assert.equal(res.status, 200, res.raw);
      assert.equal(res.body.isActive, false);
      const me = await user.get('/api/auth/me');
      assert.equal(me.status, 401, me.raw);
      const again = await new TestClient(rt.app).post('/api/auth/login', { username: 'operator.baru', password: temporary }, { csrf: false });
      assert.equal(again.status, 403, again.raw);
      assert.match(again.body.error.message, /tidak aktif/);
    });

    test('another tenant’s admin neither sees nor touches our users (404)', async () => {
      const list = await otherAdmin.get('/api/users');
      assert.equal(list.status, 200);
      assert.ok(!list.body.items.some((u: { id: string }) => u.id === userId));
      assert.deepEqual(list.body.items.map((u: { username: string }) => u.username), ['admin.palembang']);
      assert.equal((await otherAdmin.patch(`/api/users/${userId}`, { name: 'Diambil Alih' })).status, 404);
      assert.equal((await otherAdmin.post(`/api/users/${userId}/reset-password`, {})).status, 404);
      const ours = (await admin.get('/api/users')).body.items.find((u: { id: string }) => u.id === userId);
      assert.equal(ours.name, 'Operator Baru');
    });
  });
}
