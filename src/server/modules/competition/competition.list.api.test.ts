import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCsv } from '../../lib/csv.ts';
import { createManualClock, type ManualClock } from '../../lib/manual-clock.ts';
import { createTestRuntime, signedIn, testDialects, TestClient, type TestRuntime } from '../../testing/harness.ts';
import { allPages, expectOrder } from '../../testing/lists.ts';
import { createUsersService } from '../users/users.service.ts';

/**
 * Issue 10 items 5 and 11: the internal competitions on the one list component. Search by name,
 * year filter, newest first by default, sortable, paged, CSV of the filtered rows; a judge only
 * ever lists (and exports) the competitions they are assigned to.
 */
for (const dialect of await testDialects()) {
  describe(`competitions list [${dialect}]`, () => {
    let rt: TestRuntime;
    let clock: ManualClock;
    let inovasi: TestClient;
    let juri: TestClient;
    const ids: Record<string, string> = {};

    before(async () => {
      clock = createManualClock('2026-03-02T02:00:00.000Z');
      rt = await createTestRuntime(dialect, { clock });
      inovasi = await signedIn(rt, 'inovasi');
      const admin = await signedIn(rt, 'admin');
      juri = await signedIn(rt, 'juri');
      const juriId = ((await admin.get('/api/users?role=judge')).body.items as Array<{ id: string; username: string }>).find((u) => u.username === 'juri')!.id;
      for (const [key, name, year, close] of [
        ['pelayanan25', 'Seleksi Inovasi Pelayanan Publik', 2025, '2025-06-30'],
        ['desa', 'kompetisi inovasi desa', 2026, '2026-05-31'],
        ['kecamatan', 'Lomba Inovasi Kecamatan', 2026, '2026-08-31'],
        ['pelayanan26', 'Seleksi Inovasi Pelayanan Publik', 2026, '2026-06-30'],
      ] as const) {
        clock.advance(60_000);
        const res = await inovasi.post('/api/competitions', { name, year, registrationClose: close, quota: 3 });
        assert.equal(res.status, 201, res.raw);
        ids[key] = res.body.id;
      }
      for (const key of ['desa', 'pelayanan25']) {
        assert.equal((await inovasi.post(`/api/competitions/${ids[key]}/judges`, { userId: juriId })).status, 204);
      }
    });
    after(() => rt.close());

    test('newest first by default, across pages; sortable by name, year and registration close', async () => {
      const all = await allPages(inovasi, '/api/competitions', 1);
      assert.deepEqual(all.map((c) => c.id), [ids.pelayanan26, ids.kecamatan, ids.desa, ids.pelayanan25]);
      assert.deepEqual(all.map((c) => c.id), expectOrder(all, (c) => c.createdAt, true));
      const byName = await allPages(inovasi, '/api/competitions?sort=name', 3);
      assert.deepEqual(byName.map((c) => c.id), expectOrder(all, (c) => c.name, false));
      assert.equal(byName[0].id, ids.desa, '"kompetisi" before "Lomba": case does not matter');
      const byYear = await allPages(inovasi, '/api/competitions?sort=-year', 3);
      assert.deepEqual(byYear.map((c) => c.id), expectOrder(all, (c) => c.year, true));
      const byClose = await allPages(inovasi, '/api/competitions?sort=registrationClose', 3);
      assert.deepEqual(byClose.map((c) => c.id), [ids.pelayanan25, ids.desa, ids.pelayanan26, ids.kecamatan]);
      for (const bad of ['sort=status', 'year=abc', 'year=1999']) assert.equal((await inovasi.get(`/api/competitions?${bad}`)).status, 400, bad);
    });

    test('search by name and year filter', async () => {
      const find = async (q: string) => (await allPages(inovasi, `/api/competitions?${q}`, 10)).map((c) => c.id);
      assert.deepEqual(await find('year=2026'), [ids.pelayanan26, ids.kecamatan, ids.desa]);
      assert.deepEqual(await find('q=SELEKSI'), [ids.pelayanan26, ids.pelayanan25]);
      assert.deepEqual(await find('q=seleksi&year=2025'), [ids.pelayanan25]);
      assert.deepEqual(await find('q=tidak-ada'), []);
    });

    test('a judge lists and exports only the competitions they are assigned to', async () => {
      const mine = await allPages(juri, '/api/competitions', 1);
      assert.deepEqual(mine.map((c) => c.id), [ids.desa, ids.pelayanan25]);
      assert.deepEqual((await allPages(juri, '/api/competitions?year=2026', 10)).map((c) => c.id), [ids.desa]);
      assert.deepEqual((await allPages(juri, '/api/competitions?q=kecamatan', 10)).map((c) => c.id), [], 'an unassigned competition is not found by name either');
      const csv = await juri.get('/api/competitions/export.csv');
      assert.equal(csv.status, 200);
      const [, ...rows] = parseCsv(csv.raw.replace(/^\uFEFF/, ''));
      assert.deepEqual(rows.map((r) => `${r[0]} ${r[1]}`), ['kompetisi inovasi desa 2026', 'Seleksi Inovasi Pelayanan Publik 2025']);
      const operator = await signedIn(rt, 'operator');
      assert.equal((await operator.get('/api/competitions')).status, 403);
      assert.equal((await operator.get('/api/competitions/export.csv')).status, 403);
    });

    test('CSV export: the filtered rows in the same order, under a file name that says what it holds', async () => {
      const listed = await allPages(inovasi, '/api/competitions?year=2026&sort=name', 10);
      const res = await inovasi.get('/api/competitions/export.csv?year=2026&sort=name&page=2&pageSize=1');
      assert.equal(res.status, 200, res.raw);
      assert.match(String(res.headers['content-type']), /^text\/csv/);
      assert.equal(res.headers['content-disposition'], `attachment; filename="kompetisi-inovasi-muara-enim-2026-03-02.csv"; filename*=UTF-8''kompetisi-inovasi-muara-enim-2026-03-02.csv`);
      const [header, ...rows] = parseCsv(res.raw.replace(/^\uFEFF/, ''));
      assert.deepEqual(header, ['Nama kompetisi', 'Tahun', 'Status', 'Penutupan pendaftaran', 'Kuota', 'Penilaian tertutup', 'Nomor SK penetapan', 'Dibuat']);
      assert.deepEqual(rows.map((r) => r[0]), listed.map((c) => c.name));
      assert.deepEqual(rows[0]!.slice(1, 6), ['2026', 'Dibuka', '2026-05-31', '3', 'tidak']);
    });

    test('another pemda lists none of these competitions', async () => {
      const platform = await signedIn(rt, 'platform');
      const t = await platform.post('/api/admin/tenants', { regionCode: '16.71' });
      assert.equal(t.status, 201, t.raw);
      const actor = { userId: 'cli', tenantId: t.body.id, name: 'cli', roles: [{ role: 'admin' as const, unitId: null }], isPlatformAdmin: false, unitScope: new Set<string>() };
      const u = await createUsersService(rt.deps).create(actor, { username: 'admin.palembang', name: 'Admin Palembang', password: 'Sungai-Musi-Mengalir-2026', roles: [{ role: 'admin' }] });
      await rt.deps.db.updateTable('users').set({ mustChangePassword: 0 }).where('id', '=', u.user.id).execute();
      const other = new TestClient(rt.app);
      await other.login('admin.palembang', 'Sungai-Musi-Mengalir-2026');
      assert.deepEqual(await allPages(other, '/api/competitions', 10), []);
      const [, ...rows] = parseCsv((await other.get('/api/competitions/export.csv')).raw.replace(/^\uFEFF/, ''));
      assert.deepEqual(rows, []);
      assert.deepEqual((await other.get('/api/competitions/years')).body, { current: 2026, years: [2026] }, 'no competition yet: the current year alone');
    });

    test('the year filter offers the years that have a competition the actor may see, plus the region’s current year', async () => {
      clock.advance(60_000);
      assert.equal((await inovasi.post('/api/competitions', { name: 'Seleksi Inovasi Jangka Panjang', year: 2029, registrationClose: '2029-06-30', quota: 3 })).status, 201);
      assert.deepEqual((await inovasi.get('/api/competitions/years')).body, { current: 2026, years: [2029, 2026, 2025] });
      assert.deepEqual((await juri.get('/api/competitions/years')).body, { current: 2026, years: [2026, 2025] }, 'a judge: only the years of assigned competitions');
      assert.equal((await (await signedIn(rt, 'operator')).get('/api/competitions/years')).status, 403);
      // 01.00 WIB on 1 January 2027: the region is in 2027 although UTC still says 2026.
      clock.set('2026-12-31T18:00:00.000Z');
      assert.deepEqual((await (await signedIn(rt, 'inovasi')).get('/api/competitions/years')).body, { current: 2027, years: [2029, 2027, 2026, 2025] });
    });
  });
}
