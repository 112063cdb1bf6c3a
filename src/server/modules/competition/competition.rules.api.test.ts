import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestRuntime, signedIn, testDialects, TestClient, type TestRuntime } from '../../testing/harness.ts';
import { createManualClock } from '../../lib/manual-clock.ts';
import { createUsersService } from '../users/users.service.ts';

/** Issue 10 item 11: no ranks before scores, one name per year, judges see only their competitions. */

const BASE = '2026-06-15T02:00:00.000Z';
const CLOSE = '2026-06-30';
const all = (v: number) => ({ latar_belakang: v, kebaruan: v, implementasi: v, signifikansi: v, adaptabilitas: v, sumber_daya: v, keberlanjutan: v });

async function makeJudge(rt: TestRuntime, username: string) {
  const tenant = await rt.deps.db.selectFrom('tenants').select('id').where('regionCode', '=', '16.03').executeTakeFirstOrThrow();
  const actor = { userId: 'cli', tenantId: tenant.id, name: 'cli', roles: [{ role: 'admin' as const, unitId: null }], isPlatformAdmin: false, unitScope: new Set<string>() };
  const { user } = await createUsersService(rt.deps).create(actor, { username, name: username, password: 'rahasia-juri-123', personId: null, roles: [{ role: 'judge' }] });
  await rt.deps.db.updateTable('users').set({ mustChangePassword: 0 }).where('id', '=', user.id).execute();
  const c = new TestClient(rt.app);
  await c.login(username, 'rahasia-juri-123');
  return { client: c, id: user.id };
}

for (const dialect of await testDialects()) {
  describe(`competition rules [${dialect}]`, () => {
    let rt: TestRuntime;
    let inovasi: TestClient;
    let assigned: { client: TestClient; id: string };
    let outsider: { client: TestClient; id: string };
    let competitionId: string;
    let proposals: string[];

    before(async () => {
      rt = await createTestRuntime(dialect, { clock: createManualClock(BASE) });
      inovasi = await signedIn(rt, 'inovasi');
      const admin = await signedIn(rt, 'admin');
      const units = (await admin.get('/api/units')).body.items;
      const unitOf = (s: string) => units.find((u: { shortName: string }) => u.shortName === s).id;
      const mk = async (unitId: string, title: string) => {
        const inv = await admin.post('/api/innovations', { title, unitId, type: 'pelayanan_publik', stage: 'penerapan', digital: true, initiatedOn: '2021-01-04', appliedOn: '2021-06-01', description: `${title}: inovasi pelayanan publik untuk uji kompetisi.` });
        return (await admin.post('/api/proposals', { innovationId: inv.body.id })).body.id as string;
      };
      proposals = [await mk(unitOf('Disdukcapil'), 'Akta Kilat'), await mk(unitOf('Dinkes'), 'Posyandu Digital'), await mk(unitOf('Dinkes'), 'Ambulans Desa')];
      assigned = await makeJudge(rt, 'juri.ditugaskan');
      outsider = await makeJudge(rt, 'juri.lain');
      const c = await inovasi.post('/api/competitions', { name: 'Kompetisi  Inovasi Pelayanan', year: 2026, registrationClose: CLOSE, quota: 2 });
      assert.equal(c.status, 201, c.raw);
      competitionId = c.body.id;
      for (const p of proposals) assert.equal((await inovasi.post(`/api/competitions/${competitionId}/entries`, { proposalId: p })).status, 204);
      assert.equal((await inovasi.post(`/api/competitions/${competitionId}/judges`, { userId: assigned.id })).status, 204);
    });
    after(() => rt.close());

    test('a ranking without any score ranks nobody; scored entries rank first, the others have no rank', async () => {
      const empty = await inovasi.get(`/api/competitions/${competitionId}/ranking`);
      assert.equal(empty.status, 200, empty.raw);
      assert.equal(empty.body.items.length, 3);
      for (const i of empty.body.items) {
        assert.equal(i.rank, null, 'no rank at 0');
        assert.equal(i.nominated, false);
        assert.equal(i.judges, 0);
      }
      assert.equal((await assigned.client.put(`/api/competitions/${competitionId}/scores/${proposals[1]}`, { scores: all(70) })).status, 200);
      const partial = (await inovasi.get(`/api/competitions/${competitionId}/ranking`)).body.items as Array<{ proposalId: string; rank: number | null; nominated: boolean }>;
      assert.deepEqual(partial.map((i) => i.rank), [1, null, null]);
      assert.equal(partial[0].proposalId, proposals[1]);
      assert.deepEqual(partial.map((i) => i.nominated), [true, false, false], 'an unscored entry is not nominated even within the quota');
    });

    test('a second competition with the same name in the same year is refused with 409, whatever the case and spaces', async () => {
      const before = (await inovasi.get('/api/competitions')).body.items.length;
      const twin = await inovasi.post('/api/competitions', { name: 'kompetisi inovasi   PELAYANAN ', year: 2026, registrationClose: CLOSE, quota: 1 });
      assert.equal(twin.status, 409, twin.raw);
      assert.match(twin.body.error.message, /Sudah ada kompetisi bernama "Kompetisi Inovasi Pelayanan" pada tahun 2026/);
      assert.equal((await inovasi.get('/api/competitions')).body.items.length, before, 'nothing created');
      const stored = (await inovasi.get(`/api/competitions/${competitionId}`)).body.competition.name;
      assert.equal(stored, 'Kompetisi Inovasi Pelayanan', 'names are stored with spaces collapsed');
      const nextYear = await inovasi.post('/api/competitions', { name: 'Kompetisi Inovasi Pelayanan', year: 2027, registrationClose: '2027-06-30', quota: 1 });
      assert.equal(nextYear.status, 201, 'the same name in another year is fine');
    });

    test('the database refuses a same-name twin too (unique index on lower(name))', async () => {
      const c = await rt.deps.db.selectFrom('competitions').selectAll().where('id', '=', competitionId).executeTakeFirstOrThrow();
      await assert.rejects(rt.deps.db.insertInto('competitions').values({ ...c, id: 'kembar', name: c.name.toUpperCase() }).execute());
    });

    test('a judge sees only the competitions they are assigned to: the others are not listed and answer 404', async () => {
      const mine = (await assigned.client.get('/api/competitions')).body.items.map((c: { id: string }) => c.id);
      assert.deepEqual(mine, [competitionId]);
      assert.equal((await assigned.client.get(`/api/competitions/${competitionId}`)).status, 200);
      const theirs = await outsider.client.get('/api/competitions');
      assert.equal(theirs.status, 200);
      assert.ok(!theirs.body.items.some((c: { id: string }) => c.id === competitionId));
      assert.equal((await outsider.client.get(`/api/competitions/${competitionId}`)).status, 404);
      assert.equal((await outsider.client.get(`/api/competitions/${competitionId}/ranking`)).status, 404);
      assert.equal((await outsider.client.put(`/api/competitions/${competitionId}/scores/${proposals[0]}`, { scores: all(60) })).status, 404);
      // The Tim Inovasi still sees every competition.
      assert.ok((await inovasi.get('/api/competitions')).body.items.some((c: { id: string }) => c.id === competitionId));
    });
  });
}
