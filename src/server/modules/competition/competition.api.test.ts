import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestRuntime, signedIn, testDialects, TestClient, type TestRuntime } from '../../testing/harness.ts';
import { createManualClock, type ManualClock } from '../../lib/manual-clock.ts';

// Time is the injected clock, never the wall clock: each test that depends on the day sets it.
const BASE = '2026-06-15T02:00:00.000Z';
const CLOSE = '2026-06-30';
import { createUsersService } from '../users/users.service.ts';

async function makeUser(rt: TestRuntime, username: string, opts: { personId?: string; unitId?: string } = {}) {
  const tenant = await rt.deps.db.selectFrom('tenants').select('id').where('regionCode', '=', '16.03').executeTakeFirstOrThrow();
  const actor = { userId: 'cli', tenantId: tenant.id, name: 'cli', roles: [{ role: 'admin' as const, unitId: null }], isPlatformAdmin: false, unitScope: new Set<string>() };
  const { user } = await createUsersService(rt.deps).create(actor, { username, name: username, password: 'rahasia-juri-123', personId: opts.personId ?? null, roles: [{ role: 'judge' }] });
  await rt.deps.db.updateTable('users').set({ mustChangePassword: 0 }).where('id', '=', user.id).execute();
  const c = new TestClient(rt.app);
  await c.login(username, 'rahasia-juri-123');
  return { client: c, id: user.id };
}

const all = (v: number) => ({ latar_belakang: v, kebaruan: v, implementasi: v, signifikansi: v, adaptabilitas: v, sumber_daya: v, keberlanjutan: v });

for (const dialect of await testDialects()) {
  describe(`internal competition [${dialect}]`, () => {
    let rt: TestRuntime;
    let inovasi: TestClient;
    let juri: TestClient;
    let juri2: { client: TestClient; id: string };
    let insider: { client: TestClient; id: string };
    let competitionId: string;
    let dukcapilProposal: string;
    let dinkesProposal: string;
    let clock: ManualClock;

    before(async () => {
      clock = createManualClock(BASE);
      // Sessions must outlive the clock's jumps between years.
      rt = await createTestRuntime(dialect, { clock, env: { SERASAN_SESSION_TTL_HOURS: '100000' } });
      inovasi = await signedIn(rt, 'inovasi');
      juri = await signedIn(rt, 'juri');
      const admin = await signedIn(rt, 'admin');
      const units = (await admin.get('/api/units')).body.items;
      const unitOf = (s: string) => units.find((u: { shortName: string }) => u.shortName === s).id;
      const mk = async (unitId: string, title: string) => {
        const inv = await admin.post('/api/innovations', { title, unitId, type: 'pelayanan_publik', stage: 'penerapan', digital: true, initiatedOn: '2021-01-04', appliedOn: '2021-06-01', description: `${title}: inovasi pelayanan publik untuk uji kompetisi.` });
        return (await admin.post('/api/proposals', { innovationId: inv.body.id })).body.id as string;
      };
      dukcapilProposal = await mk(unitOf('Disdukcapil'), 'Akta Kilat');
      dinkesProposal = await mk(unitOf('Dinkes'), 'Posyandu Digital');
      const person = (await admin.get('/api/people?q=Rina')).body.items[0]; // a Disdukcapil employee
      juri2 = await makeUser(rt, 'juri.dua');
      insider = await makeUser(rt, 'juri.orang.dalam', { personId: person.id });
    });
    after(() => rt.close());

    test('the Tim Inovasi opens a competition, proposals enter, judges are assigned', async () => {
      clock.set(BASE);
      const close = CLOSE;
      const c = await inovasi.post('/api/competitions', { name: 'Seleksi Inovasi Muara Enim', year: 2026, registrationClose: close, quota: 1, blind: true });
      assert.equal(c.status, 201, c.raw);
      competitionId = c.body.id;
      assert.equal((await juri.post('/api/competitions', { name: 'Bukan Hak Juri', year: 2026, registrationClose: close, quota: 1 })).status, 403);
      for (const p of [dukcapilProposal, dinkesProposal]) assert.equal((await inovasi.post(`/api/competitions/${competitionId}/entries`, { proposalId: p })).status, 204);
      const juriId = (await signedIn(rt, 'admin')).get('/api/users');
      const users = (await juriId).body.items as Array<{ id: string; username: string }>;
      for (const u of ['juri', 'juri.dua', 'juri.orang.dalam']) {
        assert.equal((await inovasi.post(`/api/competitions/${competitionId}/judges`, { userId: users.find((x) => x.username === u)!.id })).status, 204);
      }
    });

    test('the Tim Inovasi sees judge candidates and the assigned judges', async () => {
      const cands = await inovasi.get(`/api/competitions/${competitionId}/judge-candidates`);
      assert.equal(cands.status, 200);
      assert.ok(cands.body.items.find((u: { username: string; hasJudgeRole: boolean; assigned: boolean }) => u.username === 'juri' && u.hasJudgeRole && u.assigned));
      assert.equal((await juri.get(`/api/competitions/${competitionId}/judge-candidates`)).status, 403);
      const detail = await inovasi.get(`/api/competitions/${competitionId}`);
      assert.equal(detail.body.judges.length, 3);
      assert.equal(detail.body.permissions.manage, true);
    });

    test('blind mode: judges see no unit names', async () => {
      const view = await juri.get(`/api/competitions/${competitionId}`);
      assert.equal(view.status, 200);
      assert.ok(view.body.items.every((i: { unitName: string | null }) => i.unitName === null));
      const manager = await inovasi.get(`/api/competitions/${competitionId}`);
      assert.ok(manager.body.items.every((i: { unitName: string | null }) => i.unitName));
    });

    test('bad scores are refused: outside the scale, unknown criterion, own unit, declared conflict, not a judge', async () => {
      assert.equal((await juri.put(`/api/competitions/${competitionId}/scores/${dinkesProposal}`, { scores: { ...all(80), signifikansi: 120 } })).status, 400);
      assert.equal((await juri.put(`/api/competitions/${competitionId}/scores/${dinkesProposal}`, { scores: { ...all(80), estetika: 50 } })).status, 400);
      const own = await insider.client.put(`/api/competitions/${competitionId}/scores/${dukcapilProposal}`, { scores: all(90) });
      assert.equal(own.status, 403);
      assert.match(own.body.error.message, /unitnya sendiri/);
      assert.equal((await juri2.client.post(`/api/competitions/${competitionId}/conflicts`, { proposalId: dinkesProposal })).status, 204);
      assert.equal((await juri2.client.put(`/api/competitions/${competitionId}/scores/${dinkesProposal}`, { scores: all(70) })).status, 403);
      const pimpinan = await signedIn(rt, 'pimpinan');
      assert.equal((await pimpinan.put(`/api/competitions/${competitionId}/scores/${dinkesProposal}`, { scores: all(70) })).status, 403, 'not assigned as a judge');
    });

    test('ranking: mean of weighted totals, spread, and the disagreement flag (> 20 points)', async () => {
      assert.equal((await juri.put(`/api/competitions/${competitionId}/scores/${dukcapilProposal}`, { scores: all(90) })).body.total, 90);
      assert.equal((await juri2.client.put(`/api/competitions/${competitionId}/scores/${dukcapilProposal}`, { scores: all(60) })).body.total, 60);
      assert.equal((await juri.put(`/api/competitions/${competitionId}/scores/${dinkesProposal}`, { scores: all(70) })).status, 200);
      assert.equal((await insider.client.put(`/api/competitions/${competitionId}/scores/${dinkesProposal}`, { scores: all(66) })).status, 200);
      const r = await inovasi.get(`/api/competitions/${competitionId}/ranking`);
      assert.equal(r.status, 200);
      const byId = new Map<string, { mean: number; spread: number; flagged: boolean }>(r.body.items.map((i: { proposalId: string; mean: number; spread: number; flagged: boolean }) => [i.proposalId, i]));
      assert.deepEqual([byId.get(dukcapilProposal)!.mean, byId.get(dukcapilProposal)!.spread, byId.get(dukcapilProposal)!.flagged], [75, 30, true]);
      assert.deepEqual([byId.get(dinkesProposal)!.mean, byId.get(dinkesProposal)!.spread, byId.get(dinkesProposal)!.flagged], [68, 4, false]);
      assert.equal(r.body.items[0].proposalId, dukcapilProposal);
      assert.equal(r.body.items[0].nominated, true, 'quota 1');
    });

    test('before the decision a judge sees only their own marks: not another judge’s, not the ranking', async () => {
      // juri gave Akta Kilat 90, juri.dua 60: each sees exactly their own, and nothing else about scores.
      for (const [client, own] of [[juri, 90], [juri2.client, 60]] as const) {
        const view = await client.get(`/api/competitions/${competitionId}`);
        assert.equal(view.status, 200);
        const item = view.body.items.find((i: { proposalId: string }) => i.proposalId === dukcapilProposal);
        assert.equal(item.myTotal, own);
        assert.deepEqual(item.myScores, all(own));
        for (const i of view.body.items) assert.deepEqual(Object.keys(i).sort(), ['myScores', 'myTotal', 'proposalId', 'title', 'unitName', 'version'], 'no field carries other judges’ marks or a mean');
        assert.equal(view.body.permissions.ranking, false);
        const ranking = await client.get(`/api/competitions/${competitionId}/ranking`);
        assert.equal(ranking.status, 403);
        assert.match(ranking.body.error.message, /setelah hasil kompetisi ditetapkan/);
      }
    });

    test('the pre-check counts the innovation’s age at the competition’s registration close', async () => {
      // Applied 2021-06-01; a close date before 2023-06-01 makes it younger than 2 years.
      const units = (await inovasi.get('/api/units')).body.items;
      const mk = async (title: string) => {
        const inv = await inovasi.post('/api/innovations', { title, unitId: units.find((u: { shortName: string }) => u.shortName === 'Bappeda').id, type: 'pelayanan_publik', stage: 'penerapan', digital: true, initiatedOn: '2021-01-04', appliedOn: '2021-06-01', description: `${title}: inovasi pelayanan publik untuk uji umur.` });
        assert.equal(inv.status, 201, inv.raw);
        const p = await inovasi.post('/api/proposals', { innovationId: inv.body.id });
        assert.equal(p.status, 201, p.raw);
        return p.body.id as string;
      };
      clock.set('2023-05-01T02:00:00.000Z');
      const early = await inovasi.post('/api/competitions', { name: 'Seleksi 2023', year: 2023, registrationClose: '2023-05-31', quota: 1 });
      assert.equal(early.status, 201, early.raw);
      const entered = await mk('Umur Dua Tahun');
      assert.equal((await inovasi.post(`/api/competitions/${early.body.id}/entries`, { proposalId: entered })).status, 204);
      clock.set(BASE); // the competition's close counts, not today
      const young = await inovasi.get(`/api/proposals/${entered}/check`);
      const p = young.body.problems.find((x: { code: string }) => x.code === 'too_young');
      assert.ok(p, JSON.stringify(young.body.problems));
      assert.match(p.message, /31 Mei 2023/);
      // Outside a competition, today counts: one day later it is two years old.
      const free = await mk('Umur Tanpa Kompetisi');
      clock.set('2023-05-31T02:00:00.000Z');
      assert.ok((await inovasi.get(`/api/proposals/${free}/check`)).body.problems.some((x: { code: string }) => x.code === 'too_young'));
      clock.set('2023-06-01T02:00:00.000Z');
      const ok = await inovasi.get(`/api/proposals/${free}/check`);
      assert.ok(!ok.body.problems.some((x: { code: string }) => x.code === 'too_young'), JSON.stringify(ok.body.problems));
      clock.set(BASE);
    });

    test('the pre-check flags a title identical to another proposal in the same competition', async () => {
      clock.set('2026-07-01T02:00:00.000Z'); // the day after CLOSE
      const past = await inovasi.post(`/api/competitions/${competitionId}/entries`, { proposalId: dukcapilProposal });
      assert.equal(past.status, 409, 'registration closed');
      clock.set(BASE);
      // Another innovation (another unit) whose proposal carries the same title.
      const units = (await inovasi.get('/api/units')).body.items;
      const inv = await inovasi.post('/api/innovations', { title: 'Akta Kilat', unitId: units.find((u: { shortName: string }) => u.shortName === 'Dinkes').id, type: 'pelayanan_publik', stage: 'penerapan', digital: true, initiatedOn: '2021-01-04', appliedOn: '2021-06-01', description: 'Akta Kilat versi lain: inovasi pelayanan publik untuk uji kompetisi.' });
      const twin = await inovasi.post('/api/proposals', { innovationId: inv.body.id });
      assert.equal(twin.status, 201);
      assert.equal((await inovasi.post(`/api/competitions/${competitionId}/entries`, { proposalId: twin.body.id })).status, 204);
      const check = await inovasi.get(`/api/proposals/${twin.body.id}/check`);
      assert.ok(check.body.problems.some((p: { code: string; message: string }) => p.code === 'title_duplicate' && /sama dengan proposal lain/.test(p.message)));
    });

    test('the decision is frozen: no more scores; the decree PDF lists the ranking', async () => {
      const d = await inovasi.post(`/api/competitions/${competitionId}/decide`, {});
      assert.equal(d.status, 200, d.raw);
      assert.equal(d.body.status, 'frozen');
      const late = await juri.put(`/api/competitions/${competitionId}/scores/${dinkesProposal}`, { scores: all(99) });
      assert.equal(late.status, 409);
      assert.match(late.body.error.message, /sudah ditetapkan/);
      assert.equal((await inovasi.post(`/api/competitions/${competitionId}/decide`, {})).status, 409);
      const pdf = await inovasi.download(`/api/competitions/${competitionId}/decree.pdf`);
      assert.equal(pdf.status, 200);
      assert.equal(pdf.data.subarray(0, 5).toString(), '%PDF-');
      const { pdfText } = await import('../../documents/official/pdf-tools.ts');
      const text = pdfText(pdf.data).replace(/\s+/g, ' ');
      for (const s of ['KEPUTUSAN', 'Akta Kilat', 'Posyandu Digital']) assert.ok(text.includes(s), s);
      assert.ok(text.indexOf('Akta Kilat') < text.indexOf('Posyandu Digital'), 'ranked order: Akta Kilat (75) before Posyandu Digital (68)');
    });
  });
}
