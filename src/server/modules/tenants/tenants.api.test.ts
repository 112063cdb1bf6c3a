import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestRuntime, signedIn, testDialects, type TestClient, type TestRuntime } from '../../testing/harness.ts';
import { titleCase } from './tenants.service.ts';

test('titleCase turns reference names into display names', () => {
  assert.equal(titleCase('KABUPATEN MUARA ENIM'), 'Kabupaten Muara Enim');
  assert.equal(titleCase('DKI JAKARTA'), 'DKI Jakarta');
  assert.equal(titleCase('KOTA PALEMBANG'), 'Kota Palembang');
});

for (const dialect of await testDialects()) {
  describe(`tenants and tenant isolation [${dialect}]`, () => {
    let rt: TestRuntime;
    let platform: TestClient;
    let muaraEnimAdmin: TestClient;
    let palembangAdmin: TestClient;
    let muaraEnimPersonId: string;

    before(async () => {
      rt = await createTestRuntime(dialect);
      platform = await signedIn(rt, 'platform');
      muaraEnimAdmin = await signedIn(rt, 'admin');
    });
    after(() => rt.close());

    test('the reference regions hold all provinces, regencies/cities and districts', async () => {
      const count = async (level: 'province' | 'regency' | 'district') =>
        Number((await rt.deps.db.selectFrom('regions').select((eb) => eb.fn.countAll<number>().as('n')).where('level', '=', level).executeTakeFirstOrThrow()).n);
      assert.equal(await count('province'), 38);
      assert.equal(await count('regency'), 514);
      assert.equal(await count('district'), 7277);
    });

    test('a platform operator creates a tenant by Kemendagri code, with its kecamatan as units', async () => {
      const res = await platform.post('/api/admin/tenants', { regionCode: '16.71' });
      assert.equal(res.status, 201, res.raw);
      assert.equal(res.body.name, 'Kota Palembang');
      assert.equal(res.body.kind, 'kota');
      const kecamatan = await rt.deps.db.selectFrom('units').select('code').where('tenantId', '=', res.body.id).where('type', '=', 'kecamatan').execute();
      const expected = await rt.deps.db.selectFrom('regions').select('code').where('parentCode', '=', '16.71').execute();
      assert.equal(kecamatan.length, expected.length);
      assert.ok(kecamatan.length > 10);
    });

    test('bad tenant requests: unknown code 404, a kecamatan code 400, a duplicate 409, a tenant admin 403', async () => {
      assert.equal((await platform.post('/api/admin/tenants', { regionCode: '99.99' })).status, 404);
      assert.equal((await platform.post('/api/admin/tenants', { regionCode: '16.03.01' })).status, 400);
      assert.equal((await platform.post('/api/admin/tenants', { regionCode: '16.03' })).status, 409);
      assert.equal((await muaraEnimAdmin.post('/api/admin/tenants', { regionCode: '16.04' })).status, 403);
    });

    test('a user of one tenant can neither read nor change anything of another tenant', async () => {
      // A Palembang admin, made directly in the database (the CLI path is tested separately).
      const palembang = await rt.deps.db.selectFrom('tenants').select('id').where('regionCode', '=', '16.71').executeTakeFirstOrThrow();
      const { createUsersService } = await import('../users/users.service.ts');
      const bootstrapActor = { userId: 'cli', tenantId: palembang.id, name: 'cli', roles: [{ role: 'admin' as const, unitId: null }], isPlatformAdmin: false, unitScope: new Set<string>() };
      const created = await createUsersService(rt.deps).create(bootstrapActor, { username: 'admin.palembang', name: 'Admin Palembang', password: 'rahasia-palembang-1', roles: [{ role: 'admin' }] });
      await rt.deps.db.updateTable('users').set({ mustChangePassword: 0 }).where('id', '=', created.user.id).execute();
      palembangAdmin = new (await import('../../testing/harness.ts')).TestClient(rt.app);
      await palembangAdmin.login('admin.palembang', 'rahasia-palembang-1');

      const meUnits = (await muaraEnimAdmin.get('/api/units')).body.items;
      const person = await muaraEnimAdmin.post('/api/people', { name: 'Rahasia Muara Enim', nip: '198707072012011001', kind: 'PNS', unitId: meUnits[0].id });
      muaraEnimPersonId = person.body.id;

      const units = (await palembangAdmin.get('/api/units')).body.items;
      assert.ok(units.every((u: { id: string }) => !meUnits.some((m: { id: string }) => m.id === u.id)), 'lists show only own tenant');
      assert.equal((await palembangAdmin.get(`/api/people/${muaraEnimPersonId}`)).status, 404);
      assert.equal((await palembangAdmin.patch(`/api/people/${muaraEnimPersonId}`, { name: 'Dibajak' })).status, 404);
      assert.equal((await palembangAdmin.get(`/api/units/${meUnits[0].id}`)).status, 404);
      assert.equal((await palembangAdmin.patch(`/api/units/${meUnits[0].id}`, { name: 'Dibajak' })).status, 404);
      // A cross-tenant unit id in a body is refused as well.
      assert.equal((await palembangAdmin.post('/api/people', { name: 'Salah Tenant', nip: '198808082013011001', kind: 'PNS', unitId: meUnits[0].id })).status, 404);
      assert.equal((await palembangAdmin.post('/api/positions', { unitId: meUnits[0].id, title: 'Jabatan Asing' })).status, 404);
      const audit = await palembangAdmin.get(`/api/audit?entityId=${muaraEnimPersonId}`);
      assert.equal(audit.body.items.length, 0);
      const people = await palembangAdmin.get('/api/people?q=Rahasia');
      assert.equal(people.body.total, 0);
      // Same NIP may exist in another tenant (unique per tenant).
      const sameNip = await palembangAdmin.post('/api/people', { name: 'Orang Palembang', nip: '198707072012011001', kind: 'PNS' });
      assert.equal(sameNip.status, 201);
      const after = await muaraEnimAdmin.get(`/api/people/${muaraEnimPersonId}`);
      assert.equal(after.body.name, 'Rahasia Muara Enim');
    });

    test('GET /api/tenant summarises my workspace', async () => {
      const res = await muaraEnimAdmin.get('/api/tenant');
      assert.equal(res.body.regionCode, '16.03');
      assert.ok(res.body.unitCount >= 22 + 30);
      assert.ok(res.body.userCount >= 8);
    });
  });
}
