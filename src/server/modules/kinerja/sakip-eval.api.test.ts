import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestRuntime, signedIn, testDialects, type TestClient, type TestRuntime } from '../../testing/harness.ts';
import { pdfText } from '../../documents/official/pdf-tools.ts';

/**
 * SAKIP internal evaluation (issue 11 item 5, RULES.md §2.1–2.4) over HTTP: the unit fills the 80
 * criteria (Ya/Tidak + evidence) through the one answers store, the Inspektorat gives the letter
 * per sub-component (score = weight × factor, the §2.4 vector), the LHE with the follow-up flow
 * open → answered → accepted, the LHE PDF, the table of all units year on year (CSV too), and the
 * refusals (a unit cannot evaluate, cannot read another unit; nothing changes).
 */
const PDF = (tag: string) => Buffer.from(`%PDF-1.4\n% ${tag}\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n`);
const RB = 'lke-akip-2021';
const VECTOR = { '1.a': 'A', '1.b': 'BB', '1.c': 'BB', '4.a': 'A', '4.b': 'A', '4.c': 'AA' };

async function counts(rt: TestRuntime) {
  const r = await sql<{ t: string; n: number | string }>`select 'answers' as t, count(*) as n from assessment_answers union all select 'lhe', count(*) from sakip_lhe_items union all select 'links', count(*) from evidence_links union all select 'audit', count(*) from audit_log`.execute(rt.deps.db);
  return Object.fromEntries(r.rows.map((x) => [x.t, Number(x.n)]));
}

for (const dialect of await testDialects()) {
  describe(`SAKIP internal evaluation [${dialect}]`, () => {
    let rt: TestRuntime;
    let operator: TestClient;
    let kepala: TestClient;
    let inspektorat: TestClient;
    let rb: TestClient;
    let pimpinan: TestClient;
    let dukcapil: string;
    let other: string;
    let itemId: string;
    const sheet = (unitId: string, year: number) => ({ kind: 'sakip_unit', scope: `${unitId}:${year}`, rulebookId: RB });

    async function refused(p: Promise<{ status: number; body: any; raw: string }>, status: number, before: Record<string, number>, pattern?: RegExp) {
      const res = await p;
      assert.equal(res.status, status, res.raw);
      if (pattern) assert.match(res.body.error.message, pattern);
      assert.deepEqual(await counts(rt), before, 'nothing changed');
    }

    before(async () => {
      rt = await createTestRuntime(dialect);
      operator = await signedIn(rt, 'operator');
      kepala = await signedIn(rt, 'kepala');
      inspektorat = await signedIn(rt, 'inspektorat');
      rb = await signedIn(rt, 'rb');
      pimpinan = await signedIn(rt, 'pimpinan');
      const units = (await rb.get('/api/units')).body.items as Array<{ id: string; shortName: string | null }>;
      dukcapil = units.find((u) => u.shortName === 'Disdukcapil')!.id;
      other = units.find((u) => u.shortName === 'Balitbangda')!.id;
    });
    after(() => rt.close());

    test('the unit answers criteria with evidence; the Inspektorat letters give the §2.4 vector; its letters never overwrite the unit’s answers', async () => {
      const up = await operator.upload('/api/evidence', {}, { name: 'Renstra Disdukcapil 2019-2024.pdf', data: PDF('renstra') });
      assert.equal(up.status, 201, up.raw);
      const own = await operator.put('/api/assessments/answers', {
        ...sheet(dukcapil, 2021),
        answers: { '1.a.1': { value: 'Ya', evidenceIds: [up.body.id] }, '1.a.2': { value: 'Tidak' }, '1.a.3': { value: 'Ya' }, '1.a': { value: 'AA', note: 'penilaian mandiri' } },
      });
      assert.equal(own.status, 200, own.raw);
      const ev = await inspektorat.put('/api/assessments/evaluation', { ...sheet(dukcapil, 2021), answers: Object.fromEntries(Object.entries(VECTOR).map(([k, v]) => [k, { value: v, note: `catatan ${k}` }])) });
      assert.equal(ev.status, 200, ev.raw);

      const e = await kepala.get(`/api/sakip/evaluations/${dukcapil}/2021`);
      assert.equal(e.status, 200, e.raw);
      const node = (r: any, code: string): any => (r.code === code ? r : r.children.map((c: any) => node(c, code)).find(Boolean));
      const ev1 = e.body.evaluation.root;
      assert.deepEqual(['1.a', '1.b', '1.c', '1', '4.a', '4.b', '4.c'].map((c) => node(ev1, c).score), [5.4, 7.2, 12, 24.6, 4.5, 6.75, 12.5]);
      assert.equal(node(ev1, '1.a').formula, '6 × 0.9 [A] = 5.4');
      assert.equal(e.body.evaluation.total, 48.35);
      assert.equal(e.body.evaluation.band.code, 'C');
      assert.deepEqual(node(ev1, '1.a').checklist, { total: 6, answered: 3, positive: 2 }, 'the unit’s Ya share is the hint beside the letter');
      assert.equal(e.body.self.total, 6, 'the self-assessed letter (AA on 1.a) scores the self column only');
      const a1a = e.body.answers.find((a: any) => a.questionCode === '1.a');
      assert.deepEqual([a1a.ownValue, a1a.evalValue, a1a.ownNote], ['AA', 'A', 'penilaian mandiri']);
      assert.equal(e.body.answers.find((a: any) => a.questionCode === '1.a.1').evidence[0].originalName, 'Renstra Disdukcapil 2019-2024.pdf');
      assert.deepEqual(e.body.may, { fill: true, evaluate: false });
    });

    test('refusals: a unit cannot write evaluator letters, cannot read or fill another unit; the Inspektorat cannot fill the unit side', async () => {
      const before = await counts(rt);
      await refused(operator.put('/api/assessments/evaluation', { ...sheet(dukcapil, 2021), answers: { '1.a': { value: 'AA' } } }), 403, before, /tidak berwenang/);
      await refused(kepala.put('/api/assessments/evaluation', { ...sheet(dukcapil, 2021), answers: { '2.a': { value: 'AA' } } }), 403, before);
      await refused(operator.put('/api/assessments/answers', { ...sheet(other, 2021), answers: { '1.a.1': { value: 'Ya' } } }), 403, before);
      await refused(inspektorat.put('/api/assessments/answers', { ...sheet(dukcapil, 2021), answers: { '1.a.1': { value: 'Tidak' } } }), 403, before);
      await refused(operator.put('/api/assessments/answers', { ...sheet(dukcapil, 2021), answers: { '1.a.1': { value: 'Mungkin' } } }), 400, before);
      assert.equal((await operator.get(`/api/sakip/evaluations/${other}/2021`)).status, 403);
      assert.equal((await operator.get(`/api/assessments/answers?kind=sakip_unit&scope=${other}:2021&rulebookId=${RB}`)).status, 403);
      assert.equal((await pimpinan.get(`/api/sakip/evaluations/${other}/2021`)).status, 200, 'pimpinan reads all');
      assert.equal((await rb.get(`/api/sakip/evaluations/${dukcapil}/2021`)).status, 200, 'Tim RB reads all');
      await refused(operator.post(`/api/sakip/evaluations/${dukcapil}/2021/lhe`, { finding: 'x', recommendation: 'y' }), 403, before);
    });

    test('LHE: the Inspektorat writes findings; the unit answers with evidence; the Inspektorat returns, then accepts; accepted is final', async () => {
      const add = await inspektorat.post(`/api/sakip/evaluations/${dukcapil}/2021/lhe`, { subComponent: '1.c', finding: 'Rencana aksi belum dipantau triwulanan', recommendation: 'Pantau rencana aksi setiap triwulan dan dokumentasikan hasilnya' });
      assert.equal(add.status, 201, add.raw);
      assert.equal(add.body.status, 'open');
      itemId = add.body.id;
      const before = await counts(rt);
      await refused(inspektorat.post(`/api/sakip/evaluations/${dukcapil}/2021/lhe`, { subComponent: '5.a', finding: 'x', recommendation: 'y' }), 400, before);
      await refused(inspektorat.post(`/api/sakip/lhe/${itemId}/review`, { decision: 'accept' }), 409, before, /belum ditanggapi/);
      const up = await operator.upload('/api/evidence', {}, { name: 'Notula monev TW I.pdf', data: PDF('monev') });
      const fu = await operator.post(`/api/sakip/lhe/${itemId}/follow-up`, { text: 'Monev triwulan dilaksanakan mulai TW I', evidenceIds: [up.body.id] });
      assert.equal(fu.status, 200, fu.raw);
      assert.equal(fu.body.status, 'answered');
      const ret = await inspektorat.post(`/api/sakip/lhe/${itemId}/review`, { decision: 'return', note: 'Lampirkan notula TW II juga' });
      assert.equal(ret.body.status, 'open', ret.raw);
      assert.equal((await operator.post(`/api/sakip/lhe/${itemId}/follow-up`, { text: 'Notula TW I dan TW II terlampir' })).body.status, 'answered');
      const before2 = await counts(rt);
      await refused(operator.post(`/api/sakip/lhe/${itemId}/review`, { decision: 'accept' }), 403, before2);
      const acc = await inspektorat.post(`/api/sakip/lhe/${itemId}/review`, { decision: 'accept' });
      assert.equal(acc.body.status, 'accepted', acc.raw);
      const before3 = await counts(rt);
      await refused(operator.post(`/api/sakip/lhe/${itemId}/follow-up`, { text: 'ubah' }), 409, before3, /sudah diterima/);
      const e = await operator.get(`/api/sakip/evaluations/${dukcapil}/2021`);
      assert.deepEqual(e.body.lhe.map((i: any) => [i.subComponent, i.status, i.followUp, i.evidence.map((x: any) => x.originalName)]), [['1.c', 'accepted', 'Notula TW I dan TW II terlampir', ['Notula monev TW I.pdf']]]);
      // The follow-up's evidence is readable by whoever reads the evaluation, not by another unit.
      assert.equal((await inspektorat.get(`/api/evidence/${up.body.id}/download`)).status, 200);
    });

    test('LHE PDF: kop of the Inspektorat, score table with predikat, findings and recommendations, signed as Inspektur', async () => {
      const res = await pimpinan.download(`/api/sakip/evaluations/${dukcapil}/2021/lhe.pdf`);
      assert.equal(res.status, 200);
      const text = pdfText(res.data).replace(/\s+/g, ' ');
      for (const w of ['LAPORAN HASIL EVALUASI', 'INSPEKTORAT', 'DINAS KEPENDUDUKAN', 'TAHUN 2021', '5,40', '7,20', '12,00', '24,60', '48,35', 'Kurang', 'Rencana aksi belum dipantau', 'Pantau rencana aksi', 'Diterima', 'INSPEKTUR']) {
        assert.ok(text.toUpperCase().includes(w.toUpperCase()), `PDF has "${w}"`);
      }
    });

    test('table of all units: score and predikat per unit with the previous year beside; only own unit for unit roles; CSV with the decimal comma', async () => {
      // 2020: all AA → 100,00 AA; 2021 as above (48,35 C). Band edge through the API: 80,00 is BB.
      const all = (g: string) => Object.fromEntries(['1', '2', '3', '4'].flatMap((c) => ['a', 'b', 'c'].map((s) => [`${c}.${s}`, { value: g }])));
      assert.equal((await inspektorat.put('/api/assessments/evaluation', { ...sheet(dukcapil, 2020), answers: all('AA') })).status, 200);
      assert.equal((await inspektorat.put('/api/assessments/evaluation', { ...sheet(other, 2021), answers: all('BB') })).status, 200);
      const t = await pimpinan.get('/api/sakip/evaluations?year=2021');
      assert.equal(t.status, 200, t.raw);
      assert.deepEqual(t.body.years, [2019, 2020, 2021]);
      const row = (id: string) => t.body.items.find((i: any) => i.unitId === id);
      assert.deepEqual(row(dukcapil).years.map((y: any) => y.score && [y.score.total, y.score.predikat]), [null, [100, 'AA'], [48.35, 'C']]);
      assert.deepEqual(row(other).years[2].score, { total: 80, predikat: 'BB', label: 'Sangat Baik' }, '80,00 → BB (exclusive lower bound of A)');
      assert.deepEqual(row(dukcapil).followUps, { open: 0, answered: 0, accepted: 1 });
      assert.ok(t.body.pemda, 'the pemda row');
      const own = await operator.get('/api/sakip/evaluations?year=2021');
      assert.deepEqual(own.body.items.map((i: any) => i.unitId), [dukcapil], 'a unit sees its own row only');
      assert.equal(own.body.pemda, null);
      const csv = await pimpinan.get('/api/sakip/evaluations/export.csv?year=2021');
      assert.equal(csv.status, 200);
      assert.match(csv.raw, /Dinas Kependudukan dan Pencatatan Sipil,,,"?100,00"?,AA,"?48,35"?,C,0,0,1/);
    });

    test('pemda self-evaluation: the Tim RB fills the own side, the Inspektorat evaluates, a unit cannot touch it', async () => {
      const p = { kind: 'sakip_pemda', scope: '2021', rulebookId: RB };
      assert.equal((await rb.put('/api/assessments/answers', { ...p, answers: { '3.a.1': { value: 'Ya' }, '3.a': { value: 'A' } } })).status, 200);
      assert.equal((await inspektorat.put('/api/assessments/evaluation', { ...p, answers: { '3.a': { value: 'BB' } } })).status, 200);
      const before = await counts(rt);
      await refused(operator.put('/api/assessments/answers', { ...p, answers: { '3.a.2': { value: 'Ya' } } }), 403, before);
      const e = await rb.get('/api/sakip/evaluations/pemda/2021');
      assert.equal(e.status, 200, e.raw);
      assert.equal(e.body.evaluation.total, 2.4, '3 × 0,8 [BB]');
      assert.equal(e.body.self.total, 2.7, '3 × 0,9 [A]');
      assert.deepEqual(e.body.may, { fill: true, evaluate: false });
      assert.equal((await operator.get('/api/sakip/evaluations/pemda/2021')).status, 403);
    });
    test('demo region: evaluations for last year and this year of a few units and the pemda, LHE items marked demo', async () => {
      const year = rt.deps.clock.now().getUTCFullYear();
      const t = await pimpinan.get(`/api/sakip/evaluations?year=${year}`);
      const bappeda = t.body.items.find((i: any) => i.name === 'Badan Perencanaan Pembangunan Daerah');
      assert.ok(bappeda.years[1].score && bappeda.years[2].score, 'last year and this year scored');
      assert.ok(t.body.pemda.years[1].score, 'the pemda self-evaluation of last year');
      const e = await operator.get(`/api/sakip/evaluations/${dukcapil}/${year - 1}`);
      assert.ok(e.body.lhe.length >= 2 && e.body.lhe.every((i: any) => i.isDemo), 'LHE items marked demo');
    });
  });
}
