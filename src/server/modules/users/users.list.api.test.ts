import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCsv } from '../../lib/csv.ts';
import { regionDate } from '../../../shared/region-time.ts';
import { createTestRuntime, signedIn, testDialects, TestClient, type TestRuntime } from '../../testing/harness.ts';
import { allPages, expectOrder } from '../../testing/lists.ts';
import { createUsersService } from './users.service.ts';

const STRONG = 'Sungai-Lematang-Mengalir-2026';

/**
 * Issue 10 item 5: the admin's users list on the one list component. Search by username or name,
 * role and status filters, newest first by default, sortable by name and username, paged, and a
 * CSV of exactly the filtered rows without secrets. Only the admin, only their own pemda.
 */
for (const dialect of await testDialects()) {
  describe(`users list [${dialect}]`, () => {
    let rt: TestRuntime;
    let admin: TestClient;
    let otherAdmin: TestClient;

    before(async () => {
      rt = await createTestRuntime(dialect);
      admin = await signedIn(rt, 'admin');
      const units = (await admin.get('/api/units')).body.items as Array<{ id: string; shortName: string }>;
      const dukcapil = units.find((u) => u.shortName === 'Disdukcapil')!.id;
      for (const body of [
        { username: 'budi.santoso', name: 'Budi Santoso', roles: [{ role: 'rb_team' }] },
        { username: 'ani.lestari', name: 'ani lestari', roles: [{ role: 'unit_operator', unitId: dukcapil }] },
        { username: 'zaenal', name: 'ZAENAL Abidin', roles: [{ role: 'judge' }] },
      ]) {
        const res = await admin.post('/api/users', body);
        assert.equal(res.status, 201, res.raw);
        if (body.username === 'zaenal') assert.equal((await admin.patch(`/api/users/${res.body.user.id}`, { isActive: false })).status, 200);
      }
      // Another pemda with its own admin and user.
      const platform = await signedIn(rt, 'platform');
      const t = await platform.post('/api/admin/tenants', { regionCode: '16.71' });
      assert.equal(t.status, 201, t.raw);
      const actor = { userId: 'cli', tenantId: t.body.id, name: 'cli', roles: [{ role: 'admin' as const, unitId: null }], isPlatformAdmin: false, unitScope: new Set<string>() };
      const u = await createUsersService(rt.deps).create(actor, { username: 'admin.palembang', name: 'Admin Palembang', password: STRONG, roles: [{ role: 'admin' }] });
      await createUsersService(rt.deps).create(actor, { username: 'juri.palembang', name: 'Zaenal Palembang', roles: [{ role: 'judge' }] });
      await rt.deps.db.updateTable('users').set({ mustChangePassword: 0 }).where('id', '=', u.user.id).execute();
      otherAdmin = new TestClient(rt.app);
      await otherAdmin.login('admin.palembang', STRONG);
    });
    after(() => rt.close());

    test('newest first by default across pages; sortable by name (case-insensitive) and by username', async () => {
      const all = await allPages(admin, '/api/users', 4);
      assert.ok(all.length >= 11, `demo users plus three: ${all.length}`);
      assert.deepEqual(all.map((u) => u.id), expectOrder(all, (u) => u.createdAt, true));
      assert.deepEqual(all.slice(0, 3).map((u) => u.username), ['zaenal', 'ani.lestari', 'budi.santoso'], 'the users just created come first');
      const byName = await allPages(admin, '/api/users?sort=name', 4);
      assert.deepEqual(byName.map((u) => u.id), expectOrder(all, (u) => u.name, false));
      const names = byName.map((u) => u.name);
      assert.ok(names.indexOf('ani lestari') < names.indexOf('Budi Santoso'), 'ani before Budi: case does not matter');
      const byUsernameDesc = await allPages(admin, '/api/users?sort=-username', 5);
      assert.deepEqual(byUsernameDesc.map((u) => u.id), expectOrder(all, (u) => u.username, true));
      assert.ok(all.every((u) => !('passwordHash' in u)), 'no password hash in the list');
    });

    test('search by username or name; role and status filters; unknown values are a 400', async () => {
      const q = async (query: string) => (await allPages(admin, `/api/users?${query}`, 50)).map((u) => u.username).sort();
      assert.deepEqual(await q('q=LESTARI'), ['ani.lestari'], 'name, any case');
      assert.deepEqual(await q('q=budi.'), ['budi.santoso'], 'username');
      assert.deepEqual(await q('q=zaenal'), ['zaenal'], 'not the other pemda’s Zaenal');
      assert.deepEqual(await q('role=judge'), ['juri', 'zaenal']);
      assert.deepEqual(await q('status=inactive'), ['zaenal']);
      assert.deepEqual(await q('role=unit_operator&status=active'), ['ani.lestari', 'operator']);
      const mustChange = await q('status=mustChange');
      assert.ok(['ani.lestari', 'budi.santoso', 'zaenal'].every((u) => mustChange.includes(u)) && !mustChange.includes('admin'), mustChange.join());
      assert.deepEqual(await q('status=locked'), [], 'nobody waits yet');
      for (let i = 0; i < 5; i++) await new TestClient(rt.app).post('/api/auth/login', { username: 'budi.santoso', password: `salah-${i}` }, { csrf: false });
      assert.deepEqual(await q('status=locked'), ['budi.santoso'], 'wrong passwords made budi wait');
      const listed = (await admin.get('/api/users?q=budi')).body.items[0];
      assert.ok(listed.lockedUntil, 'the row says until when');
      for (const bad of ['role=raja', 'status=banned', 'sort=passwordHash', 'sort=-tenantId', 'pageSize=1000']) {
        const res = await admin.get(`/api/users?${bad}`);
        assert.equal(res.status, 400, bad);
        assert.equal(res.body.error.code, 'VALIDATION');
      }
    });

    test('paging: a page holds pageSize rows and says which page it is', async () => {
      const p2 = await admin.get('/api/users?sort=username&page=2&pageSize=3');
      assert.equal(p2.status, 200, p2.raw);
      assert.equal(p2.body.page, 2);
      assert.equal(p2.body.pageSize, 3);
      assert.equal(p2.body.items.length, 3);
      const all = await allPages(admin, '/api/users?sort=username', 50);
      assert.deepEqual(p2.body.items.map((u: { id: string }) => u.id), all.slice(3, 6).map((u) => u.id));
    });

    test('CSV export: exactly the filtered rows in the same order, roles in Indonesian, no secrets, a file name that says what it holds', async () => {
      const listed = await allPages(admin, '/api/users?status=active&sort=name', 50);
      const res = await admin.get('/api/users/export.csv?status=active&sort=name&page=2&pageSize=1');
      assert.equal(res.status, 200, res.raw);
      assert.match(String(res.headers['content-type']), /^text\/csv/);
      const today = regionDate(new Date(), '16.03'); // the region's day (WIB), not the UTC day
      assert.equal(res.headers['content-disposition'], `attachment; filename="pengguna-muara-enim-${today}.csv"; filename*=UTF-8''pengguna-muara-enim-${today}.csv`);
      const [header, ...rows] = parseCsv(res.raw.replace(/^\uFEFF/, ''));
      assert.deepEqual(header, ['Nama pengguna', 'Nama', 'E-mail', 'Peran', 'Aktif', 'Wajib ganti kata sandi', 'Dibuat']);
      assert.deepEqual(rows.map((r) => r[0]), listed.map((u) => u.username), 'paging ignored, filter and order kept');
      assert.ok(!rows.some((r) => r[0] === 'zaenal'), 'the deactivated user is filtered out');
      assert.equal(rows.find((r) => r[0] === 'ani.lestari')![3], 'Operator unit (Dinas Kependudukan dan Pencatatan Sipil)');
      assert.doesNotMatch(res.raw, /argon2|passwordHash|kata sandi sementara/i, 'no password material');
      for (const r of rows) assert.match(r[6]!, /^\d{4}-\d{2}-\d{2} \d{2}\.\d{2} WIB$/, 'created in the region\'s zone');
    });

    test('another pemda’s admin lists and exports only their own users; other roles may not list users', async () => {
      const theirs = await allPages(otherAdmin, '/api/users', 10);
      assert.deepEqual(theirs.map((u) => u.username).sort(), ['admin.palembang', 'juri.palembang']);
      const csv = await otherAdmin.get('/api/users/export.csv?q=zaenal');
      assert.equal(csv.status, 200);
      const [, ...rows] = parseCsv(csv.raw.replace(/^\uFEFF/, ''));
      assert.deepEqual(rows.map((r) => r[0]), ['juri.palembang']);
      const ours = await allPages(admin, '/api/users?q=palembang', 10);
      assert.deepEqual(ours, []);
      for (const who of ['operator', 'inovasi', 'juri']) {
        const c = await signedIn(rt, who);
        assert.equal((await c.get('/api/users')).status, 403, who);
        assert.equal((await c.get('/api/users/export.csv')).status, 403, who);
      }
    });
  });
}
