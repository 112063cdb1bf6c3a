import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestRuntime, signedIn, testDialects, type TestClient, type TestRuntime } from '../../testing/harness.ts';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { decodeQrCodes, hasZbar, pdfText } from '../../documents/official/pdf-tools.ts';
import { formatDate } from '../../../shared/i18n/translate.ts';
import { regionToday } from '../tenants/tenants.region.ts';

/**
 * SAKIP internal evaluation (issue 11 item 5, RULES.md §2.1–2.4) over HTTP: the unit fills the 80
 * criteria (Ya/Tidak + evidence) through the one answers store, the Inspektorat gives the letter
 * per sub-component (score = weight × factor, the §2.4 vector), the LHE with the follow-up flow
 * open → answered → accepted, the LHE PDF, the table of all units year on year (CSV too), and the
 * refusals (a unit cannot evaluate, cannot read another unit; nothing changes); issuing the LHE
 * as an official document (number, frozen bytes, verification page, findings frozen after) and
 * the sub-units in the table.
 */
const PDF = (tag: string) => Buffer.from(`%PDF-1.4\n% ${tag}\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n`);
const RB = 'lke-akip-2021';
const VECTOR = { '1.a': 'A', '1.b': 'BB', '1.c': 'BB', '4.a': 'A', '4.b': 'A', '4.c': 'AA' };

/** The PDF's Title (pdfinfo): a draft's says RANCANGAN (the watermark itself is scattered text). */
function pdfTitle(pdf: Buffer): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'serasan-lhe-'));
  try {
    writeFileSync(path.join(dir, 'lhe.pdf'), pdf);
    return /^Title:\s*(.*)$/m.exec(execFileSync('pdfinfo', [path.join(dir, 'lhe.pdf')], { encoding: 'utf8' }))?.[1] ?? '';
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function counts(rt: TestRuntime) {
  const r = await sql<{ t: string; n: number | string }>`select 'answers' as t, count(*) as n from assessment_answers union all select 'lhe', count(*) from sakip_lhe_items union all select 'links', count(*) from evidence_links union all select 'audit', count(*) from audit_log union all select 'issued', count(*) from sakip_lhe_issues union all select 'documents', count(*) from official_documents union all select 'numbers', count(*) from doc_numbers union all select 'evidence', count(*) from evidence`.execute(rt.deps.db);
  return Object.fromEntries(r.rows.map((x) => [x.t, Number(x.n)]));
}

for (const dialect of await testDialects()) {
  describe(`SAKIP internal evaluation [${dialect}]`, () => {
    let rt: TestRuntime;
    let operator: TestClient;
    let kepala: TestClient;
    let inspektorat: TestClient;
    let rb: TestClient;
    let admin: TestClient;
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
      admin = await signedIn(rt, 'admin');
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
      assert.match(csv.raw, /Dinas Kependudukan dan Pencatatan Sipil,,,,"?100,00"?,AA,"?48,35"?,C,0,0,1/);
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

    test('issuing the LHE: refused without findings, to a non-evaluator, with the Inspektur vacant; then a number, frozen bytes, the verification page; findings frozen, follow-ups go on', async () => {
      const url = `/api/sakip/evaluations/${dukcapil}/2021/lhe`;
      const second = await inspektorat.post(url, { subComponent: '3.b', finding: 'LKjIP belum membandingkan capaian dengan tahun lalu', recommendation: 'Tambahkan perbandingan capaian tahun lalu pada Bab III' });
      assert.equal(second.status, 201, second.raw);
      const draft = (await pimpinan.download(`${url}.pdf`)).data;
      assert.match(pdfTitle(draft), /^RANCANGAN — LHE AKIP Dinas Kependudukan/);
      assert.match(pdfText(draft), /Nomor: ……/);
      // The LHE waits for a complete grading: the six sub-components outside the RULES §2.4 vector
      // get E (0 %), so the total stays the vector's 48,35.
      const rest = Object.fromEntries(['1.a', '1.b', '1.c', '2.a', '2.b', '2.c', '3.a', '3.b', '3.c', '4.a', '4.b', '4.c'].filter((k) => !(k in VECTOR)).map((k) => [k, { value: 'E' }]));
      assert.equal((await inspektorat.put('/api/assessments/evaluation', { ...sheet(dukcapil, 2021), answers: rest })).status, 200);

      const before = await counts(rt);
      await refused(inspektorat.post(`/api/sakip/evaluations/${other}/2021/lhe/issue`), 409, before, /belum ada temuan/);
      await refused(inspektorat.post('/api/sakip/evaluations/pemda/2021/lhe/issue'), 409, before, /belum ada temuan/);
      for (const c of [operator, kepala, rb, pimpinan]) await refused(c.post(`${url}/issue`), 403, before, /tidak berwenang/);
      await refused(inspektorat.post(`${url}/issue`), 409, before, /Inspektur kosong pada/);
      // Findings but no letters yet: the LHE waits for the grading to be complete.
      assert.equal((await inspektorat.post(`/api/sakip/evaluations/${other}/2019/lhe`, { finding: 'Belum ada IKU', recommendation: 'Tetapkan IKU' })).status, 201);
      const partial = await counts(rt);
      await refused(inspektorat.post(`/api/sakip/evaluations/${other}/2019/lhe/issue`), 409, partial, /baru 0 dari 12 sub-komponen/);

      // The Inspektur takes office; the LHE is signed by the holder at the document's date.
      const pos = await rt.deps.db.selectFrom('positions as p').innerJoin('units as u', (j) => j.onRef('u.tenantId', '=', 'p.tenantId').onRef('u.id', '=', 'p.unitId')).select('p.id').where('u.type', '=', 'inspektorat').where('p.isHead', '=', 1).executeTakeFirstOrThrow();
      const person = await rt.deps.db.selectFrom('people').select('id').where('nip', '=', '198107152006041004').executeTakeFirstOrThrow();
      assert.equal((await admin.post('/api/assignments', { positionId: pos.id, personId: person.id, kind: 'definitif', startDate: '2020-01-02' })).status, 201);

      const res = await inspektorat.post(`${url}/issue`);
      assert.equal(res.status, 200, res.raw);
      assert.match(res.body.number, /^700\.1\.2\/1\/.+\/\d{4}$/, 'the register number with the LHE classification, sequence 1');
      assert.match(res.body.verificationCode, /^[\w-]{20}$/);
      const tenantId = (await rt.deps.db.selectFrom('tenants').select('id').where('regionCode', '=', '16.03').executeTakeFirstOrThrow()).id;
      const today = await regionToday(rt.deps, tenantId);
      assert.equal(res.body.documentDate, today, 'dated the region’s day');
      const after = await counts(rt);
      assert.deepEqual([after.issued - before.issued, after.documents - before.documents, after.numbers - before.numbers], [1, 1, 1]);
      const audit = await rt.deps.db.selectFrom('auditLog').select(['entityType', 'action']).where('entityId', 'in', [`${dukcapil}:2021`, res.body.documentId]).where('action', '=', 'issue').execute();
      assert.deepEqual(audit.map((a) => `${a.entityType}/${a.action}`).sort(), ['official_document/issue', 'sakip_evaluation/issue']);

      // lhe.pdf is now the frozen document: the same bytes every time, the hash the register holds.
      const a = await pimpinan.download(`${url}.pdf`);
      const b = await operator.download(`${url}.pdf`);
      const sha = (x: Buffer) => createHash('sha256').update(x).digest('hex');
      assert.equal(a.status, 200);
      assert.equal(sha(a.data), sha(b.data), 'same bytes every time');
      assert.equal(sha(a.data), res.body.sha256);
      const text = pdfText(a.data).replace(/\s+/g, ' ');
      for (const w of [`Nomor: ${res.body.number}`, 'LAPORAN HASIL EVALUASI', 'INSPEKTORAT', `Muara Enim, ${formatDate('id', today)}`, 'INSPEKTUR', 'Hendra Gunawan, S.T. (demo)', 'NIP. 19810715 200604 1 004', 'Rencana aksi belum dipantau', 'LKjIP belum membandingkan', 'Tambahkan perbandingan capaian', '48,35', `/verifikasi/${res.body.verificationCode}`]) {
        assert.ok(text.includes(w), `issued PDF has "${w}"`);
      }
      assert.equal(pdfTitle(a.data), 'LHE AKIP Dinas Kependudukan dan Pencatatan Sipil 2021', 'not a draft');
      if (hasZbar()) assert.deepEqual(decodeQrCodes(a.data), [res.body.verificationUrl], 'the QR leads to the verification page');

      const e = await kepala.get(`/api/sakip/evaluations/${dukcapil}/2021`);
      assert.deepEqual([e.body.lheIssued.number, e.body.lheIssued.status, e.body.lheIssued.verificationCode], [res.body.number, 'issued', res.body.verificationCode]);
      const page = await rt.app.inject({ method: 'GET', url: `/verifikasi/${res.body.verificationCode}` });
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Laporan Hasil Evaluasi/);
      assert.ok(page.body.includes(res.body.number) && page.body.includes(res.body.sha256));

      // Issued once; its findings are frozen; the unit's follow-up and the review still work.
      const frozen = await counts(rt);
      await refused(inspektorat.post(`${url}/issue`), 409, frozen, /sudah terbit dengan nomor/);
      await refused(inspektorat.post(url, { finding: 'Temuan susulan', recommendation: 'Rekomendasi susulan' }), 409, frozen, /tidak dapat ditambah/);
      // The worksheet the LHE reports on is final too: neither the evaluator's letters nor the
      // unit's criteria answers change (the live page cannot drift from the issued PDF).
      const evalBefore = JSON.stringify((await kepala.get(`/api/sakip/evaluations/${dukcapil}/2021`)).body);
      await refused(inspektorat.put('/api/assessments/evaluation', { ...sheet(dukcapil, 2021), answers: { '1.a': { value: 'AA' } } }), 409, frozen, /nilai evaluator tidak dapat diubah/);
      await refused(operator.put('/api/assessments/answers', { ...sheet(dukcapil, 2021), answers: { '1.a.1': { value: 'Tidak' } } }), 409, frozen, /jawaban kriteria/);
      assert.equal(JSON.stringify((await kepala.get(`/api/sakip/evaluations/${dukcapil}/2021`)).body), evalBefore, 'the evaluation is unchanged');
      const otherYear = await inspektorat.put('/api/assessments/evaluation', { ...sheet(dukcapil, 2022), answers: { '1.a': { value: 'A' } } });
      assert.equal(otherYear.status, 200, 'another year of the same unit stays open');
      const fu = await operator.post(`/api/sakip/lhe/${second.body.id}/follow-up`, { text: 'Bab III LKjIP 2021 sudah direvisi' });
      assert.equal(fu.status, 200, fu.raw);
      assert.equal((await inspektorat.post(`/api/sakip/lhe/${second.body.id}/review`, { decision: 'accept' })).body.status, 'accepted');
      assert.equal(sha((await pimpinan.download(`${url}.pdf`)).data), res.body.sha256, 'the frozen PDF does not follow later changes');

      // Withdrawn from the register (e.g. a wrong finding): the evaluation opens again and a new
      // LHE is issued with a new number; the withdrawn one stays in the register.
      const wd = await inspektorat.post(`/api/documents/${res.body.documentId}/withdraw`, { reason: 'Temuan kedua keliru' });
      assert.equal(wd.status, 200, wd.raw);
      assert.equal((await kepala.get(`/api/sakip/evaluations/${dukcapil}/2021`)).body.lheIssued.status, 'withdrawn');
      assert.equal((await inspektorat.post(url, { finding: 'Temuan pengganti', recommendation: 'Rekomendasi pengganti' })).status, 201, 'findings open again');
      const again = await inspektorat.post(`${url}/issue`);
      assert.equal(again.status, 200, again.raw);
      assert.notEqual(again.body.number, res.body.number);
      assert.match(again.body.number, /^700\.1\.2\/2\//, 'the next number of the register');
      const ev2 = (await kepala.get(`/api/sakip/evaluations/${dukcapil}/2021`)).body.lheIssued;
      assert.deepEqual([ev2.number, ev2.status], [again.body.number, 'issued']);
      assert.equal(sha((await pimpinan.download(`${url}.pdf`)).data), again.body.sha256, 'the PDF is the new LHE');
      assert.ok(pdfText((await pimpinan.download(`${url}.pdf`)).data).includes('Temuan pengganti'));
      const reg = (await inspektorat.get('/api/documents')).body.items as Array<{ number: string; status: string }>;
      assert.deepEqual(reg.filter((d) => [res.body.number, again.body.number].includes(d.number)).map((d) => d.status).sort(), ['issued', 'withdrawn'], 'the withdrawn LHE stays in the register beside the new one');
    });

    test('table: sub-units follow their parent (tree order, parent’s name, depth), the pemda row stays; a unit sees its own sub-units; CSV with the parent column', async () => {
      const t = await pimpinan.get('/api/sakip/evaluations?year=2021');
      const items = t.body.items as Array<{ unitId: string; name: string; type: string; parentId: string | null; parentName: string | null; depth: number }>;
      const setda = items.findIndex((i) => i.name === 'Sekretariat Daerah Kabupaten Muara Enim');
      const org = items.findIndex((i) => i.name === 'Bagian Organisasi Sekretariat Daerah');
      assert.ok(setda >= 0 && org > setda, 'the bagian is listed after the Setda');
      assert.deepEqual([items[org].parentId, items[org].parentName, items[org].depth], [items[setda].unitId, items[setda].name, 1]);
      assert.ok(items.slice(setda + 1, org).every((i) => i.depth === 1 && i.parentId === items[setda].unitId), 'only the Setda’s bagian between it and Bagian Organisasi');
      for (const [k, i] of items.entries()) {
        if (!i.depth) continue;
        let p = k - 1;
        while (items[p].depth >= i.depth) p--;
        assert.equal(items[p].unitId, i.parentId, `${i.name} comes under its parent`);
      }
      const tops = items.filter((i) => i.depth === 0).map((i) => i.name);
      assert.deepEqual(tops, [...tops].sort((x, y) => x.localeCompare(y, 'id')), 'top-level units in name order');
      assert.ok(tops.includes('Dinas Kependudukan dan Pencatatan Sipil') && items.filter((i) => i.depth > 0).length >= 4);
      assert.ok(t.body.pemda, 'the pemda row stays');

      // A sub-unit's evaluation is scored in the table like any unit's.
      const all = Object.fromEntries(['1', '2', '3', '4'].flatMap((c) => ['a', 'b', 'c'].map((s) => [`${c}.${s}`, { value: 'A' }])));
      assert.equal((await inspektorat.put('/api/assessments/evaluation', { ...sheet(items[org].unitId, 2021), answers: all })).status, 200);
      const t2 = await pimpinan.get('/api/sakip/evaluations?year=2021');
      assert.deepEqual(t2.body.items.find((i: any) => i.unitId === items[org].unitId).years[2].score, { total: 90, predikat: 'A', label: 'Memuaskan' }, '90,00 → A (AA needs more than 90)');
      const csv = await pimpinan.get('/api/sakip/evaluations/export.csv?year=2021');
      assert.match(csv.raw, /Bagian Organisasi Sekretariat Daerah,Sekretariat Daerah Kabupaten Muara Enim,,,,,"?90,00"?,A,0,0,0/);

      // The Disdukcapil operator reads its own unit and a sub-unit created under it, nothing else.
      const bidang = await admin.post('/api/units', { name: 'Bidang Pelayanan Pendaftaran Penduduk', type: 'bidang', parentId: dukcapil });
      assert.equal(bidang.status, 201, bidang.raw);
      const own = await (await signedIn(rt, 'operator')).get('/api/sakip/evaluations?year=2021');
      assert.deepEqual(own.body.items.map((i: any) => [i.unitId, i.depth]), [[dukcapil, 0], [bidang.body.id, 1]]);
    });
  });
}
