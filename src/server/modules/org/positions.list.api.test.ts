import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCsv } from '../../lib/csv.ts';
import { createTestRuntime, signedIn, testDialects, TestClient, type TestRuntime } from '../../testing/harness.ts';
import { allPages, expectOrder } from '../../testing/lists.ts';
import { createUsersService } from '../users/users.service.ts';

type Row = { id: string; title: string; unitId: string; unitName: string; isHead: boolean; holders: Array<{ personName: string; kind: string }> };

/** Independent expectation of the default order: unit name, the unit's head first, then titles; case-insensitive. */
function byUnitOrder(rows: Row[]) {
  const k = (s: string) => s.toLowerCase();
  return [...rows]
    .sort((a, b) => (k(a.unitName) !== k(b.unitName) ? (k(a.unitName) < k(b.unitName) ? -1 : 1) : a.isHead !== b.isHead ? (a.isHead ? -1 : 1) : k(a.title) !== k(b.title) ? (k(a.title) < k(b.title) ? -1 : 1) : a.id < b.id ? -1 : 1))
    .map((r) => r.id);
}

/**
 * Issue 10 item 5: positions (jabatan) on the one list component. Search by title or by the name
 * or NIP of today's holder, unit and holder filters, sorted (by unit, head first, by default),
 * paged, CSV of the filtered rows; one pemda only.
 */
for (const dialect of await testDialects()) {
  describe(`positions list [${dialect}]`, () => {
    let rt: TestRuntime;
    let admin: TestClient;
    let dukcapil: string;
    const ids: Record<string, string> = {};

    before(async () => {
      rt = await createTestRuntime(dialect);
      admin = await signedIn(rt, 'admin');
      const units = (await admin.get('/api/units')).body.items as Array<{ id: string; shortName: string }>;
      dukcapil = units.find((u) => u.shortName === 'Disdukcapil')!.id;
      for (const [key, title] of [['sekretaris', 'sekretaris Disdukcapil'], ['analis', 'Analis Kebijakan Ahli Muda']]) {
        const res = await admin.post('/api/positions', { unitId: dukcapil, title });
        assert.equal(res.status, 201, res.raw);
        ids[key] = res.body.id;
      }
      const people = (await admin.get('/api/people?pageSize=200')).body.items as Array<{ id: string; name: string }>;
      const person = (name: string) => people.find((p) => p.name.startsWith(name))!.id;
      // Rina acts (Plt) as analyst today; Dedi held the secretary's post years ago only.
      const plt = await admin.post('/api/assignments', { positionId: ids.analis, personId: person('Rina Marlina'), kind: 'plt', startDate: '2025-01-02' });
      assert.equal(plt.status, 201, plt.raw);
      const past = await admin.post('/api/assignments', { positionId: ids.sekretaris, personId: person('Dedi Kurniawan'), kind: 'definitif', startDate: '2020-01-02', endDate: '2021-12-31' });
      assert.equal(past.status, 201, past.raw);
    });
    after(() => rt.close());

    test('by unit by default (the head first, then titles), across pages; sortable by title and newest', async () => {
      const all = (await allPages(admin, '/api/positions', 25)) as Row[];
      assert.ok(all.length > 25, `the demo region has more than a page of positions: ${all.length}`);
      assert.deepEqual(all.map((r) => r.id), byUnitOrder(all));
      const byTitle = await allPages(admin, '/api/positions?sort=title', 25);
      assert.deepEqual(byTitle.map((r) => r.id), expectOrder(all, (r) => r.title, false));
      const newest = await allPages(admin, '/api/positions?sort=-createdAt', 25);
      assert.deepEqual(newest.slice(0, 2).map((r) => r.title).sort(), ['Analis Kebijakan Ahli Muda', 'sekretaris Disdukcapil'], 'the positions just added come first');
      assert.equal((await admin.get('/api/positions?sort=holder')).status, 400);
    });

    test('unit filter keeps the head first; holder filters say who holds it today', async () => {
      const unit = (await allPages(admin, `/api/positions?unitId=${dukcapil}`, 50)) as Row[];
      assert.equal(unit.length, 3);
      assert.ok(unit[0]!.isHead, 'the head first');
      assert.deepEqual(unit.slice(1).map((r) => r.title), ['Analis Kebijakan Ahli Muda', 'sekretaris Disdukcapil']);
      assert.match(unit[0]!.holders[0]!.personName, /Andi Saputra/);
      const titles = async (holder: string) => (await allPages(admin, `/api/positions?unitId=${dukcapil}&holder=${holder}&sort=title`, 50)).map((r) => r.title);
      assert.deepEqual(await titles('filled'), ['Analis Kebijakan Ahli Muda', unit[0]!.title]);
      assert.deepEqual(await titles('vacant'), ['Analis Kebijakan Ahli Muda', 'sekretaris Disdukcapil'], 'a Plt is not a definitif holder; a past holder is not one today');
      assert.deepEqual(await titles('acting'), ['Analis Kebijakan Ahli Muda']);
      const actingEverywhere = (await allPages(admin, '/api/positions?holder=acting', 50)) as Row[];
      assert.ok(actingEverywhere.some((r) => r.holders.some((h) => /Yuliana Putri/.test(h.personName) && h.kind === 'plt')), 'the demo Plt of Balitbangda');
      assert.equal((await admin.get('/api/positions?holder=kosong')).status, 400);
    });

    test('search finds the title, or today’s holder by name or NIP (spaces allowed)', async () => {
      const find = async (q: string) => (await allPages(admin, `/api/positions?q=${encodeURIComponent(q)}`, 50)).map((r) => r.id);
      assert.deepEqual(await find('KEBIJAKAN ahli'), [ids.analis]);
      assert.deepEqual(await find('rina marlina'), [ids.analis]);
      const andi = await find('19780512 200312 1 002');
      assert.equal(andi.length, 1);
      assert.deepEqual(await find('Dedi Kurniawan'), [], 'a holder of years ago is not found');
    });

    test('CSV export: the filtered rows in the same order with today’s holders', async () => {
      const listed = (await allPages(admin, `/api/positions?unitId=${dukcapil}&sort=-title`, 50)) as Row[];
      const res = await admin.get(`/api/positions/export.csv?unitId=${dukcapil}&sort=-title&pageSize=1`);
      assert.equal(res.status, 200, res.raw);
      assert.match(String(res.headers['content-disposition']), /^attachment; filename="jabatan-muara-enim-\d{4}-\d{2}-\d{2}\.csv"; filename\*=UTF-8''/);
      const [header, ...rows] = parseCsv(res.raw.replace(/^\uFEFF/, ''));
      assert.deepEqual(header, ['Jabatan', 'Perangkat Daerah', 'Kepala unit', 'Pejabat saat ini', 'NIP', 'Status penugasan']);
      assert.deepEqual(rows.map((r) => r[0]), listed.map((r) => r.title));
      const analis = rows.find((r) => r[0] === 'Analis Kebijakan Ahli Muda')!;
      assert.match(analis[3]!, /Rina Marlina/);
      assert.equal(analis[5], 'plt');
      assert.equal(rows.find((r) => r[0] === 'sekretaris Disdukcapil')![3], '');
    });

    test('another pemda sees none of these positions, even when it names our unit', async () => {
      const platform = await signedIn(rt, 'platform');
      const t = await platform.post('/api/admin/tenants', { regionCode: '16.71' });
      assert.equal(t.status, 201, t.raw);
      const actor = { userId: 'cli', tenantId: t.body.id, name: 'cli', roles: [{ role: 'admin' as const, unitId: null }], isPlatformAdmin: false, unitScope: new Set<string>() };
      const u = await createUsersService(rt.deps).create(actor, { username: 'admin.palembang', name: 'Admin Palembang', password: 'Sungai-Musi-Mengalir-2026', roles: [{ role: 'admin' }] });
      await rt.deps.db.updateTable('users').set({ mustChangePassword: 0 }).where('id', '=', u.user.id).execute();
      const other = new TestClient(rt.app);
      await other.login('admin.palembang', 'Sungai-Musi-Mengalir-2026');
      const theirs = await allPages(other, '/api/positions', 200);
      assert.ok(!theirs.some((r) => r.id === ids.analis || r.unitId === dukcapil));
      assert.deepEqual(await allPages(other, `/api/positions?unitId=${dukcapil}`, 50), []);
      const [, ...rows] = parseCsv((await other.get(`/api/positions/export.csv?q=Analis`)).raw.replace(/^\uFEFF/, ''));
      assert.deepEqual(rows, []);
      assert.equal((await new TestClient(rt.app).get('/api/positions')).status, 401, 'anonymous');
    });
  });
}
