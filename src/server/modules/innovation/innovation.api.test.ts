import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestRuntime, signedIn, testDialects, TestClient, type TestRuntime } from '../../testing/harness.ts';
import { createUsersService } from '../users/users.service.ts';

async function tenantAdmin(rt: TestRuntime, platform: TestClient, regionCode: string, username: string) {
  const t = await platform.post('/api/admin/tenants', { regionCode });
  assert.equal(t.status, 201, t.raw);
  const actor = { userId: 'cli', tenantId: t.body.id, name: 'cli', roles: [{ role: 'admin' as const, unitId: null }], isPlatformAdmin: false, unitScope: new Set<string>() };
  const u = await createUsersService(rt.deps).create(actor, { username, name: username, password: 'rahasia-1234567', roles: [{ role: 'admin' }] });
  await rt.deps.db.updateTable('users').set({ mustChangePassword: 0 }).where('id', '=', u.user.id).execute();
  const c = new TestClient(rt.app);
  await c.login(username, 'rahasia-1234567');
  return c;
}

for (const dialect of await testDialects()) {
  describe(`Inovasi Daerah API [${dialect}]`, () => {
    let rt: TestRuntime;
    let operator: TestClient;
    let kepala: TestClient;
    let inovasi: TestClient;
    let other: TestClient;
    let dukcapilId: string;
    let otherUnitId: string;

    const body = (over: Record<string, unknown> = {}) => ({
      title: 'Antar Gratis Dokumen Kependudukan',
      unitId: dukcapilId,
      type: 'pelayanan_publik',
      stage: 'penerapan',
      digital: true,
      initiatedOn: '2024-01-15',
      description: 'Dokumen kependudukan (KTP-el, KK, akta kelahiran) diantar gratis ke rumah warga oleh petugas Disdukcapil.',
      ...over,
    });

    before(async () => {
      rt = await createTestRuntime(dialect);
      operator = await signedIn(rt, 'operator');
      kepala = await signedIn(rt, 'kepala');
      inovasi = await signedIn(rt, 'inovasi');
      const units = (await operator.get('/api/units')).body.items;
      dukcapilId = units.find((u: { shortName: string }) => u.shortName === 'Disdukcapil').id;
      other = await tenantAdmin(rt, await signedIn(rt, 'platform'), '16.71', 'admin.palembang');
      otherUnitId = (await other.get('/api/units?type=kecamatan')).body.items[0].id;
    });
    after(() => rt.close());

    test('POST /api/innovations with the contract fields → 201 draft with an audit entry', async () => {
      const res = await operator.post('/api/innovations', body());
      assert.equal(res.status, 201, res.raw);
      assert.ok(res.body.id);
      assert.equal(res.body.status, 'draft');
      assert.equal(res.body.digital, true);
      assert.equal(res.body.year, 2024);
      const audit = await operator.get(`/api/audit?entityId=${res.body.id}`);
      assert.equal(audit.status, 200);
    });

    test('bad input: trial after application, unknown urusan, bad type, foreign unit → 4xx and nothing stored', async () => {
      const before = (await inovasi.get('/api/innovations')).body.total;
      const dates = await operator.post('/api/innovations', body({ trialOn: '2024-06-01', appliedOn: '2024-03-01' }));
      assert.equal(dates.status, 400);
      assert.equal(dates.body.error.details[0].field, 'appliedOn');
      assert.match(dates.body.error.message, /uji coba/);
      const urusan = await operator.post('/api/innovations', body({ urusanMain: 'sihir' }));
      assert.equal(urusan.status, 400);
      assert.equal(urusan.body.error.details[0].field, 'urusanMain');
      assert.equal((await operator.post('/api/innovations', body({ type: 'rahasia' }))).status, 400);
      assert.equal((await operator.post('/api/innovations', body({ unitId: otherUnitId }))).status, 404);
      assert.equal((await inovasi.get('/api/innovations')).body.total, before);
    });

    test('workflow: operator drafts, kepala submits, Tim Inovasi verifies and publishes; an operator cannot publish', async () => {
      const created = await operator.post('/api/innovations', body({ title: 'Belah Dadoku', description: 'Begitu lahir dapat dokumen kependudukan: akta kelahiran dan KK terbit di rumah sakit.', urusanMain: 'adminduk' }));
      const id = created.body.id;
      assert.equal((await operator.post(`/api/innovations/${id}/submit`)).status, 403, 'submission is the unit head’s');
      const submitted = await kepala.post(`/api/innovations/${id}/submit`);
      assert.equal(submitted.status, 200, submitted.raw);
      assert.equal(submitted.body.status, 'submitted');
      assert.equal((await operator.post(`/api/innovations/${id}/publish`)).status, 403);
      const early = await inovasi.post(`/api/innovations/${id}/publish`);
      assert.equal(early.status, 409, 'publish needs verification first');
      const noComment = await inovasi.post(`/api/innovations/${id}/return`, {});
      assert.equal(noComment.status, 400);
      const returned = await inovasi.post(`/api/innovations/${id}/return`, { comment: 'Lengkapi dasar hukum dan foto kegiatan.' });
      assert.equal(returned.body.status, 'returned');
      assert.equal((await operator.patch(`/api/innovations/${id}`, { legalBasisDoc: 'SK Bupati 100/2021', legalBasisLevel: 'sk_kepala_daerah' })).status, 200);
      await kepala.post(`/api/innovations/${id}/submit`);
      assert.equal((await inovasi.post(`/api/innovations/${id}/verify`)).body.status, 'verified');
      const published = await inovasi.post(`/api/innovations/${id}/publish`);
      assert.equal(published.body.status, 'published');
      assert.ok(published.body.publishedAt);
      const detail = await operator.get(`/api/innovations/${id}`);
      assert.deepEqual(detail.body.timeline.map((t: { action: string }) => t.action), ['create', 'submit', 'return', 'submit', 'verify', 'publish']);
      assert.equal(detail.body.timeline[2].comment, 'Lengkapi dasar hukum dan foto kegiatan.');
      assert.equal(detail.body.permissions.update, false, 'a published record is no longer the unit’s to edit');
      // The public finds it; drafts stay private.
      const anon = new TestClient(rt.app);
      const pub = await anon.get('/api/public/innovations?q=dokumen kelahiran&region=16.03');
      assert.equal(pub.status, 200);
      assert.ok(pub.body.items.some((i: { id: string }) => i.id === id));
      assert.ok(pub.body.items.every((i: { title: string }) => i.title !== 'Antar Gratis Dokumen Kependudukan'));
      assert.equal((await anon.get(`/api/public/innovations/${id}`)).status, 200);
      assert.equal((await anon.get(`/api/public/innovations/${created.body.id}x`)).status, 404);
      const csv = await anon.get('/api/public/innovations.csv?region=16.03');
      assert.match(csv.raw, /Belah Dadoku/);
      assert.match(csv.raw, /ODbL/);
      assert.match(csv.raw, /# Dicetak pada \d{1,2} \S+ \d{4} \d{2}\.\d{2} WIB/, 'printed in the region’s own time zone');
      assert.match(String(csv.headers['content-disposition']), /^attachment; filename="inovasi-daerah-16.03.csv"/);
      const json = await anon.get('/api/public/innovations.json');
      assert.ok(json.body.items.length >= 1);
      assert.match(json.body.attribution, /idn-area-data/);
    });

    test('search with Indonesian stemming: "pelayanan kependudukan" finds "layanan ... penduduk"', async () => {
      const r = await operator.post('/api/innovations', body({ title: 'Layanan Jemput Bola Penduduk Lansia', description: 'Petugas melayani perekaman data penduduk lanjut usia di rumah.' }));
      assert.equal(r.status, 201);
      const found = await operator.get('/api/innovations?q=pelayanan%20kependudukan');
      assert.ok(found.body.items.some((i: { id: string }) => i.id === r.body.id), JSON.stringify(found.body));
      const none = await operator.get('/api/innovations?q=kapal%20selam');
      assert.equal(none.body.total, 0);
      const filtered = await operator.get('/api/innovations?stage=penerapan&year=2024&pageSize=1');
      assert.equal(filtered.body.items.length, 1);
      assert.ok(filtered.body.total >= 2);
    });

    test('similar innovations: own drafts and other regions’ published ones, likely duplicate flagged, others’ drafts hidden', async () => {
      // Another region publishes a similar innovation and keeps one as a draft.
      const unit = otherUnitId;
      const pubRec = await other.post('/api/innovations', { ...body({ unitId: unit }), title: 'Antar Dokumen Kependudukan Gratis ke Rumah', description: 'Layanan antar dokumen kependudukan gratis ke rumah warga kota.' });
      assert.equal(pubRec.status, 201, pubRec.raw);
      const draft = await other.post('/api/innovations', { ...body({ unitId: unit }), title: 'Antar Dokumen Kependudukan Rahasia', description: 'Draf antar dokumen kependudukan yang belum terbit.' });
      await other.post(`/api/innovations/${pubRec.body.id}/submit`);
      await other.post(`/api/innovations/${pubRec.body.id}/verify`);
      await other.post(`/api/innovations/${pubRec.body.id}/publish`);
      const res = await operator.get('/api/innovations/similar?text=' + encodeURIComponent('Antar gratis dokumen kependudukan ke rumah warga'));
      assert.equal(res.status, 200);
      const items = res.body.items as Array<{ id: string; tenantCode: string; score: number; likelyDuplicate: boolean; sameTenant: boolean }>;
      assert.ok(items.length >= 2);
      assert.ok(items.some((i) => i.id === pubRec.body.id && i.tenantCode === '16.71'), 'published record of another region');
      assert.ok(!items.some((i) => i.id === draft.body.id), 'another region’s draft is not shown');
      assert.ok(items.some((i) => i.sameTenant && i.likelyDuplicate), 'own near-identical record flagged');
      for (let k = 1; k < items.length; k++) assert.ok(items[k - 1].score >= items[k].score, 'best first');
    });

    test('index score: answers with weight, choice, points; unknown parameter refused; mandatory evidence flagged', async () => {
      const rec = await operator.post('/api/innovations', body({ title: 'Skor Uji', description: 'Inovasi untuk menguji penilaian indeks inovasi daerah.' }));
      const id = rec.body.id;
      const bad = await operator.put(`/api/innovations/${id}/score`, { answers: { '16': { choice: 5 } } });
      assert.equal(bad.status, 400);
      assert.match(bad.body.error.message, /16/);
      const unknown = await operator.put(`/api/innovations/${id}/score`, { answers: { '99': { choice: 1 } } });
      assert.equal(unknown.status, 400);
      const ok = await operator.put(`/api/innovations/${id}/score`, { answers: { '16': { choice: 2 }, '35': { choice: 3 }, '33': { choice: 1, basis: 'a' } } });
      assert.equal(ok.status, 200, ok.raw);
      const score = await operator.get(`/api/innovations/${id}/score`);
      assert.equal(score.body.max, 111);
      assert.equal(score.body.total, 6 + 12 + 3);
      const i16 = score.body.items.find((i: { indicator: string }) => i.indicator === '16');
      assert.deepEqual([i16.weight, i16.choice, i16.points], [3, 2, 6]);
      assert.ok(score.body.missingEvidence.includes('16'), 'no evidence attached yet');
      assert.equal((await inovasi.get(`/api/innovations/${id}/score?rulebook=tidak-ada`)).status, 404);
    });

    test('replication ledger: a link to an unpublished record is refused; the origin confirms; the count feeds indicator 31', async () => {
      const origin = (await operator.get('/api/innovations?q=belah')).body.items[0];
      assert.equal(origin.status, 'published');
      const draftOrigin = await operator.post('/api/innovations', body({ title: 'Belum Terbit' }));
      const rep = await other.post('/api/innovations', { ...body({ unitId: otherUnitId }), title: 'Belah Dadoku Palembang', description: 'Replikasi Belah Dadoku Muara Enim di Kota Palembang.' });
      const refused = await other.post(`/api/innovations/${rep.body.id}/replication`, { originInnovationId: draftOrigin.body.id });
      assert.equal(refused.status, 404, 'another region’s draft does not exist for it');
      const linked = await other.post(`/api/innovations/${rep.body.id}/replication`, { originInnovationId: origin.id });
      assert.equal(linked.status, 201, linked.raw);
      const detail = await inovasi.get(`/api/innovations/${origin.id}`);
      assert.equal(detail.body.replicatedBy.length, 1);
      assert.equal(detail.body.replicatedBy[0].regionCode, '16.71');
      assert.equal((await operator.post(`/api/innovations/${origin.id}/replications/${linked.body.id}/confirm`)).status, 403);
      assert.equal((await other.post(`/api/innovations/${origin.id}/replications/${linked.body.id}/confirm`)).status, 404, 'only the origin confirms');
      const confirmed = await inovasi.post(`/api/innovations/${origin.id}/replications/${linked.body.id}/confirm`);
      assert.equal(confirmed.status, 200);
      assert.equal(confirmed.body.confirmed, 1);
      const score = await inovasi.get(`/api/innovations/${origin.id}/score`);
      const i31 = score.body.items.find((i: { indicator: string }) => i.indicator === '31');
      assert.deepEqual([i31.choice, i31.points, i31.derived], [1, 3, true]);
      // The Tim Inovasi may edit the published origin, so only the self-reference can refuse this.
      const self = await inovasi.post(`/api/innovations/${origin.id}/replication`, { originInnovationId: origin.id });
      assert.equal(self.status, 400, self.raw);
      assert.equal(self.body.error.details?.[0]?.field, 'originInnovationId', self.raw);
    });

    test('IID for a year: components shown; region answers saved; what-if under the 2028 projection', async () => {
      const origin = (await operator.get('/api/innovations?q=belah')).body.items[0];
      await inovasi.patch(`/api/innovations/${origin.id}`, { appliedOn: '2024-06-01', urusanMain: 'adminduk' });
      const region = await inovasi.put('/api/iid/region', { year: 2026, answers: { '1': { choice: 3 }, '8': { choice: 3 }, '9': { choice: 2 } } });
      assert.equal(region.status, 200, region.raw);
      assert.equal(region.body.components.spd.score, 3 + 4.5 + 2);
      const iid = await inovasi.get('/api/iid?year=2026');
      assert.equal(iid.status, 200);
      assert.equal(iid.body.rulebookId, 'iid-2026');
      // Scored: verified/published, stage penerapan, applied inside the 2026 window (2024–2025):
      // the record above and the demo region's 2024 innovations.
      assert.ok(iid.body.innovations.some((i: { id: string }) => i.id === origin.id));
      assert.equal(iid.body.components.sid.n, iid.body.innovations.length);
      const demo2024 = (await inovasi.get('/api/innovations?year=2024&status=published')).body.items.filter((i: { stage: string; appliedOn: string }) => i.stage === 'penerapan' && i.appliedOn >= '2024-01-01');
      assert.equal(iid.body.components.sid.n, demo2024.length + 1);
      assert.equal(iid.body.components.sid.divisor, 14);
      assert.ok(typeof iid.body.value === 'number');
      assert.ok(iid.body.predicate);
      assert.match(iid.body.explanation, /250/);
      const whatIf = await inovasi.get('/api/iid/what-if?year=2026&rulebooks=iid-2028-proyeksi');
      assert.equal(whatIf.body.columns.length, 2);
      assert.equal(whatIf.body.columns[1].components.sid.divisor, 16);
      assert.equal((await operator.put('/api/iid/region', { year: 2026, answers: {} })).status, 403);
      assert.equal((await inovasi.put('/api/iid/region', { year: 2026, answers: { '16': { choice: 1 } } })).status, 400, 'an innovation indicator in the region sheet');
    });

    test('workflow steps need no body; the Tim Inovasi attaches evidence to any innovation', async () => {
      const rec = await operator.post('/api/innovations', body({ title: 'Tanpa Isi Permintaan' }));
      const submitted = await kepala.request('POST', `/api/innovations/${rec.body.id}/submit`, undefined);
      assert.equal(submitted.status, 200, submitted.raw);
      const pdf = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
      const up = await inovasi.upload('/api/evidence', { entityType: 'innovation', entityId: rec.body.id }, { name: 'sk.pdf', data: pdf });
      assert.equal(up.status, 201, up.raw);
      const rb = await signedIn(rt, 'rb');
      assert.equal((await rb.upload('/api/evidence', { entityType: 'innovation', entityId: rec.body.id }, { name: 'sk.pdf', data: pdf })).status, 403);
    });

    test('lifecycle: retiring needs a reason and keeps the record', async () => {
      const rec = await operator.post('/api/innovations', body({ title: 'Akan Dihentikan' }));
      assert.equal((await kepala.post(`/api/innovations/${rec.body.id}/lifecycle`, { lifecycle: 'retired' })).status, 400);
      const retired = await kepala.post(`/api/innovations/${rec.body.id}/lifecycle`, { lifecycle: 'retired', reason: 'Digantikan aplikasi provinsi.' });
      assert.equal(retired.body.lifecycle, 'retired');
      assert.equal((await operator.get(`/api/innovations/${rec.body.id}`)).body.retiredReason, 'Digantikan aplikasi provinsi.');
      assert.equal((await operator.get('/api/innovations?lifecycle=retired')).body.total, 1);
    });

    test('statistics per year, stage, type, urusan and unit', async () => {
      const s = await inovasi.get('/api/innovations/stats');
      assert.equal(s.status, 200);
      // Exact: each year's count equals the registry's total filtered by that year, and the years add up to the whole registry.
      const perYear = s.body.perYear as Array<{ year: number; n: number }>;
      assert.ok(perYear.some((y) => y.year === 2024));
      for (const y of perYear.filter((x) => x.year !== null)) assert.equal((await inovasi.get(`/api/innovations?year=${y.year}&pageSize=1`)).body.total, y.n, `year ${y.year}`);
      assert.equal(perYear.reduce((sum, y) => sum + y.n, 0), (await inovasi.get('/api/innovations?pageSize=1')).body.total);
      assert.ok(s.body.byStage.some((g: { key: string }) => g.key === 'penerapan'));
      assert.ok(s.body.byUnit[0].name);
      assert.ok(s.body.byUrusan.some((g: { key: string }) => g.key === 'adminduk'));
    });
  });
}
