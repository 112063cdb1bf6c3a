import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestRuntime, signedIn, testDialects, TestClient, type TestRuntime } from '../../testing/harness.ts';
import { createManualClock } from '../../lib/manual-clock.ts';
import { pdfText } from '../../documents/official/pdf-tools.ts';

// A fixed day: the demo surveys run quarterly up to "today", so their counts are exact only then.
const TODAY = '2026-11-30';

const T_SKM_1 = [
  [4, 3, 3, 4, 3, 3, 4, 3, 2],
  [3, 3, 2, 4, 3, 3, 3, 3, 3],
  [4, 4, 3, 4, 4, 3, 4, 3, 3],
  [3, 2, 2, 4, 3, 3, 3, 2, 2],
  [4, 3, 3, 4, 3, 4, 4, 3, 3],
];
const answersOf = (row: number[]) => Object.fromEntries(row.map((v, i) => [`U${i + 1}`, v]));

for (const dialect of await testDialects()) {
  describe(`Survei Kepuasan Masyarakat API [${dialect}]`, () => {
    let rt: TestRuntime;
    let operator: TestClient;
    let citizen: TestClient;
    let dukcapilId: string;
    let survey: { id: string; surveyCode: string };

    async function form(code = survey.surveyCode) {
      const res = await citizen.get(`/api/public/skm/${code}`);
      assert.equal(res.status, 200, res.raw);
      return res.body;
    }
    async function submit(body: Record<string, unknown>, code = survey.surveyCode) {
      return citizen.request('POST', `/api/public/skm/${code}/responses`, body, { csrf: false });
    }

    before(async () => {
      rt = await createTestRuntime(dialect, { seed: 'demo', clock: createManualClock(`${TODAY}T03:00:00.000Z`) });
      operator = await signedIn(rt, 'operator');
      citizen = new TestClient(rt.app);
      dukcapilId = (await operator.get('/api/units')).body.items.find((u: { shortName: string }) => u.shortName === 'Disdukcapil').id;
      const today = TODAY;
      const year = today.slice(0, 4);
      const res = await operator.post('/api/skm/surveys', { unitId: dukcapilId, serviceName: 'Perekaman KTP-el', periodStart: `${year}-01-01`, periodEnd: `${year}-12-31`, population: 100 });
      assert.equal(res.status, 201, res.raw);
      assert.match(res.body.surveyCode, /^[A-Z2-9]{8}$/);
      survey = res.body;
    });
    after(() => rt.close());

    test('the public form lists the nine questions in questionnaire order (question 8 is U9) with a form token', async () => {
      const f = await form();
      assert.equal(f.closed, false);
      assert.equal(f.questions.length, 9);
      assert.deepEqual(f.questions.map((q: { unsur: string }) => q.unsur), ['U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U9', 'U8']);
      assert.equal(f.questions[7].answers[0].label, 'Buruk');
      assert.ok(f.formToken);
    });

    test('T-SKM-1 through the public form: results are exact (79,44, B) and equal a full recount', async () => {
      for (const row of T_SKM_1) {
        const f = await form();
        const res = await submit({ answers: answersOf(row), profile: { sex: 'P', ageBand: '30_39' }, formToken: f.formToken });
        assert.equal(res.status, 201, res.raw);
      }
      const r = await operator.get(`/api/skm/surveys/${survey.id}/results`);
      assert.equal(r.status, 200);
      assert.equal(r.body.n, 5);
      assert.deepEqual(r.body.nrr, { U1: 3.6, U2: 3, U3: 2.6, U4: 4, U5: 3.2, U6: 3.2, U7: 3.6, U8: 2.8, U9: 2.6 });
      assert.equal(r.body.ikmConverted, 79.44);
      assert.equal(r.body.mutu, 'B');
      assert.equal(r.body.kinerja, 'Baik');
      assert.equal(r.body.minSample, 80, 'Krejcie–Morgan for N = 100');
      assert.deepEqual(r.body.weakest, ['U3', 'U9']);
      assert.equal(r.body.profile.sex.P, 5);
      const { createSkmService } = await import('./skm.service.ts');
      const recount = await createSkmService(rt.deps).recount(rt.deps.db ? (await rt.deps.db.selectFrom('skmSurveys').select('tenantId').where('id', '=', survey.id).executeTakeFirstOrThrow()).tenantId : '', survey.id);
      const agg = await rt.deps.db.selectFrom('skmAggregates').selectAll().where('surveyId', '=', survey.id).executeTakeFirstOrThrow();
      for (const [k, v] of Object.entries(recount)) assert.equal(Number((agg as Record<string, unknown>)[k]), v, k);
    });

    test('bad input stores nothing and gets a clear 4xx: out-of-range, missing, unknown unsur, replayed and forged tokens, honeypot', async () => {
      const before = (await operator.get(`/api/skm/surveys/${survey.id}/results`)).body.n;
      const f = await form();
      const good = answersOf([4, 4, 4, 4, 4, 4, 4, 4, 4]);
      const outOfRange = await submit({ answers: { ...good, U3: 5 }, formToken: f.formToken });
      assert.equal(outOfRange.status, 400);
      const missing = await submit({ answers: { ...good, U7: undefined }, formToken: f.formToken });
      assert.equal(missing.status, 400);
      assert.match(missing.body.error.message, /U7/);
      const unknown = await submit({ answers: { ...good, U10: 3 }, formToken: f.formToken });
      assert.equal(unknown.status, 400);
      const forged = await submit({ answers: good, formToken: `${f.formToken.slice(0, -3)}abc` });
      assert.equal(forged.status, 400);
      assert.match(forged.body.error.message, /Muat ulang/);
      const honeypot = await submit({ answers: good, formToken: f.formToken, website: 'http://spam' });
      assert.equal(honeypot.status, 400);
      // The honeypot burnt that token (issue 9, item 12): a fresh form is needed.
      assert.equal((await submit({ answers: good, formToken: f.formToken })).status, 409);
      const g = await form();
      assert.equal((await submit({ answers: good, formToken: g.formToken })).status, 201);
      const replay = await submit({ answers: good, formToken: g.formToken });
      assert.equal(replay.status, 409);
      assert.equal((await submit({ answers: good, formToken: f.formToken }, 'TIDAKADA')).status, 404);
      assert.equal((await operator.get(`/api/skm/surveys/${survey.id}/results`)).body.n, before + 1, 'only the one good submission');
      const rej = await operator.get(`/api/skm/surveys/${survey.id}/rejections`);
      const reasons = rej.body.items.map((x: { reason: string }) => x.reason);
      for (const reason of ['invalid', 'missing_unsur', 'unknown_unsur', 'token_forged', 'honeypot', 'token_replayed']) assert.ok(reasons.includes(reason), reason);
    });

    test('a closed survey says so politely and accepts nothing', async () => {
      const f = await form();
      assert.equal((await operator.patch(`/api/skm/surveys/${survey.id}`, { status: 'closed' })).status, 200);
      const closed = await form();
      assert.equal(closed.closed, true);
      assert.equal(closed.formToken, null);
      const res = await submit({ answers: answersOf([3, 3, 3, 3, 3, 3, 3, 3, 3]), formToken: f.formToken });
      assert.equal(res.status, 409);
      assert.match(res.body.error.message, /sudah ditutup/);
      await operator.patch(`/api/skm/surveys/${survey.id}`, { status: 'open' });
    });

    test('a unit switches off U4 (no fee): the form asks 8 questions and the weights are 1/8', async () => {
      const year = 2026;
      const res = await operator.post('/api/skm/surveys', { unitId: dukcapilId, serviceName: 'Akta Kelahiran', periodStart: `${year}-01-01`, periodEnd: `${year}-12-31`, inactiveUnsur: ['U4'] });
      assert.equal(res.status, 201, res.raw);
      const f = await form(res.body.surveyCode);
      assert.equal(f.questions.length, 8);
      const withU4 = await submit({ answers: answersOf([3, 3, 3, 3, 3, 3, 3, 3, 3]), formToken: f.formToken }, res.body.surveyCode);
      assert.equal(withU4.status, 400, 'U4 is not asked');
      const { U4: _u4, ...rest } = answersOf([3, 3, 3, 4, 3, 3, 3, 3, 4]);
      assert.equal((await submit({ answers: rest, formToken: f.formToken }, res.body.surveyCode)).status, 201);
      const r = await operator.get(`/api/skm/surveys/${res.body.id}/results`);
      assert.equal(r.body.weight.denominator, 8);
      assert.equal(r.body.ikmConverted, 78.13);
      const posterRes = await operator.download(`/api/skm/surveys/${res.body.id}/poster.pdf`);
      assert.match(String(posterRes.headers['content-disposition']), new RegExp(`^inline; filename="poster-skm-akta-kelahiran-${year}-01-01.pdf"`));
      const poster = pdfText(posterRes.data).replace(/\s+/g, ' ');
      assert.ok(poster.includes('Hanya 8 pertanyaan'), `the poster states the survey's own question count: ${poster.slice(0, 400)}`);
      const bad = await operator.post('/api/skm/surveys', { unitId: dukcapilId, serviceName: 'X Y Z', periodStart: `${year}-01-01`, periodEnd: `${year}-12-31`, inactiveUnsur: ['U1'] });
      assert.equal(bad.status, 400, 'U1 cannot be switched off');
    });

    test('follow-up actions, trend, unit results and documents (PDF poster, PDF report, Excel)', async () => {
      const pos = (await operator.get(`/api/positions?unitId=${dukcapilId}`)).body.items[0];
      const act = await operator.post(`/api/skm/surveys/${survey.id}/actions`, { unsur: 'U3', action: 'Tambah loket perekaman pada jam sibuk', ownerPositionId: pos.id, dueDate: '2026-12-31' });
      assert.equal(act.status, 201, act.raw);
      assert.equal((await operator.post(`/api/skm/surveys/${survey.id}/actions`, { unsur: 'U42', action: 'Tidak ada unsur ini' })).status, 400);
      const trend = await operator.get(`/api/skm/trend?unitId=${dukcapilId}`);
      assert.equal(trend.body.items.length, 18, 'two demo services × 8 quarters up to TODAY, and the two surveys of this file');
      const year = 2026;
      const unit = await operator.get(`/api/skm/results?unitId=${dukcapilId}&from=${year}-01-01&to=${year}-12-31`);
      assert.equal(unit.body.n, 1161, 'this year: the demo quarters of Disdukcapil plus the answers sent here');
      for (const doc of ['poster.pdf', 'report.pdf']) {
        const d = await operator.download(`/api/skm/surveys/${survey.id}/${doc}`);
        assert.equal(d.status, 200, doc);
        assert.equal(d.data.subarray(0, 5).toString(), '%PDF-', doc);
        const text = pdfText(d.data).replace(/\s+/g, ' ');
        if (doc === 'poster.pdf') {
          for (const s of ['SURVEI KEPUASAN MASYARAKAT', 'Perekaman KTP-el', `/skm/${survey.surveyCode}`, 'Periode survei: 1 Januari 2026 – 31 Desember 2026'])
            assert.ok(text.includes(s), `${doc}: ${s}`);
        } else {
          for (const s of ['LAPORAN HASIL SURVEI KEPUASAN MASYARAKAT', 'Jumlah responden 6', 'Nilai IKM konversi (25–100) 82,87', 'B — Baik', 'U3 Tambah loket perekaman pada jam'])
            assert.ok(text.includes(s), `${doc}: ${s}`);
        }
      }
      const x = await operator.download(`/api/skm/surveys/${survey.id}/export.xlsx`);
      assert.equal(x.status, 200);
      assert.equal(x.data.subarray(0, 2).toString(), 'PK');
    });

    test('public results of the region: IKM and mutu per service with the trend, and open data', async () => {
      const anon = new TestClient(rt.app);
      const res = await anon.get('/api/public/skm/results?region=16.03');
      assert.equal(res.status, 200, res.raw);
      const ktp = res.body.items.find((i: { serviceName: string }) => i.serviceName === 'Perekaman KTP-el');
      assert.ok(ktp);
      assert.equal(ktp.unitName, 'Dinas Kependudukan dan Pencatatan Sipil');
      assert.equal(ktp.n, 65);
      assert.equal(ktp.ikmConverted, 84.4);
      assert.equal(ktp.mutu, 'B');
      assert.ok(res.body.units.some((u: { unitName: string }) => u.unitName === ktp.unitName));
      const csv = await anon.get('/api/public/skm/results.csv?region=16.03');
      assert.match(csv.raw, /Perekaman KTP-el/);
      assert.match(String(csv.headers['content-disposition']), /^attachment; filename="hasil-skm-kabupaten-muara-enim-16.03.csv"/, 'the file name says what it holds');
      assert.match(csv.raw, /14 Tahun 2017/);
      assert.match(csv.raw, /# Dicetak pada \d{1,2} \S+ \d{4} \d{2}\.\d{2} WIB/, 'printed in the region’s time zone (Sumatera Selatan: WIB)');
      assert.equal((await anon.get('/api/public/skm/results?region=99.99')).status, 404);
    });

    test('another unit cannot open a survey for Disdukcapil; the public endpoints need no sign-in', async () => {
      const rb = await signedIn(rt, 'rb');
      const res = await rb.post('/api/skm/surveys', { unitId: dukcapilId, serviceName: 'Bukan Hak', periodStart: '2026-01-01', periodEnd: '2026-03-31' });
      assert.equal(res.status, 403);
      assert.equal((await new TestClient(rt.app).get(`/api/skm/surveys/${survey.id}/results`)).status, 401);
    });
  });
}

for (const dialect of await testDialects()) {
  describe(`public form flood control [${dialect}]`, () => {
    test('more submissions per minute from one address than SKM_RATE_LIMIT_PER_MINUTE → 429, counted', async () => {
      const rt = await createTestRuntime(dialect, { clock: createManualClock(`${TODAY}T03:00:00.000Z`), env: { SKM_RATE_LIMIT_PER_MINUTE: '3' } });
      try {
        const op = await signedIn(rt, 'operator');
        const unit = (await op.get('/api/units')).body.items.find((u: { shortName: string }) => u.shortName === 'Disdukcapil');
        const y = 2026;
        const s = (await op.post('/api/skm/surveys', { unitId: unit.id, serviceName: 'Kios', periodStart: `${y}-01-01`, periodEnd: `${y}-12-31` })).body;
        const c = new TestClient(rt.app);
        const statuses: number[] = [];
        for (let i = 0; i < 5; i++) {
          const f = (await c.get(`/api/public/skm/${s.surveyCode}`)).body;
          statuses.push((await c.request('POST', `/api/public/skm/${s.surveyCode}/responses`, { answers: answersOf([3, 3, 3, 3, 3, 3, 3, 3, 3]), formToken: f.formToken }, { csrf: false })).status);
        }
        assert.deepEqual(statuses, [201, 201, 201, 429, 429]);
        const rej = await op.get(`/api/skm/surveys/${s.id}/rejections`);
        assert.equal(rej.body.items.find((x: { reason: string; n: number }) => x.reason === 'rate_limited')?.n, 2);
      } finally {
        await rt.close();
      }
    });
  });
}
