import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestRuntime, signedIn, testDialects, type TestClient, type TestRuntime } from '../../testing/harness.ts';
import { createManualClock, type ManualClock } from '../../lib/manual-clock.ts';
import { pdfText } from '../../documents/official/pdf-tools.ts';
import { scanPkSignLate } from './pk-season.jobs.ts';
import type { ClaimedJob } from '../../jobs/jobs.queue.ts';

/**
 * The PK signing season (issue 11 item 2): generating the year's PKs for every JPT Pratama head
 * and the Bupati, the workflow draft → submitted → agreed → signed with the date of each step in
 * the register, the numbered and verifiable PDF issued at signing, the scan of the wet-signed page
 * checked by content, the revised PK that keeps the old one, the ceremony bundle, and the
 * reminders after the signing deadline on the manual clock.
 */
async function counts(rt: TestRuntime) {
  const r = await sql<{ t: string; n: number | string }>`select 'a' as t, count(*) as n from pk_agreements union all select 'i', count(*) from pk_indicators union all select 'e', count(*) from evidence union all select 'd', count(*) from official_documents union all select 'audit', count(*) from audit_log`.execute(rt.deps.db);
  return Object.fromEntries(r.rows.map((x) => [x.t, Number(x.n)]));
}

const MINIMAL_PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
// A Windows executable ("MZ" header, PE signature) renamed .pdf.
const FAKE_EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(58), Buffer.from([0x80, 0, 0, 0]), Buffer.alloc(64), Buffer.from('PE\0\0'), Buffer.alloc(200)]);

type Row = { positionId: string | null; unitId: string | null; unitName: string | null; level: string; pkId: string | null; status: string; holderName: string | null; revision: number; draftedAt: string | null; submittedAt: string | null; agreedAt: string | null; signedOn: string | null; signingMode: string | null; hasScan: boolean; documentNumber: string | null; indicatorCount: number | null };

for (const dialect of await testDialects()) {
  describe(`PK signing season [${dialect}]`, () => {
    let rt: TestRuntime;
    let clock: ManualClock;
    let admin: TestClient;
    let rb: TestClient;
    let operator: TestClient;
    let kepala: TestClient;
    let disdukcapil: string;
    let disdukcapilHead: string;
    let vacantHead: string;
    let pk2027: string;
    let firstRun: { created: number; skipped: Array<{ positionId: string | null; reason: string }> };

    async function refused(p: Promise<{ status: number; body: any; raw: string }>, status: number, pattern: RegExp) {
      const before = await counts(rt);
      const res = await p;
      assert.equal(res.status, status, res.raw);
      assert.match(res.body.error.message, pattern);
      assert.deepEqual(await counts(rt), before, 'nothing changed');
    }
    const register = async (c: TestClient, qs = '') => ((await c.get(`/api/pk/register?year=2027${qs}`)).body.items as Row[]);

    before(async () => {
      clock = createManualClock('2027-01-05T02:00:00.000Z'); // 09:00 WIB, 5 January 2027
      rt = await createTestRuntime(dialect, { clock });
      admin = await signedIn(rt, 'admin');
      rb = await signedIn(rt, 'rb');
      operator = await signedIn(rt, 'operator');
      kepala = await signedIn(rt, 'kepala');
      const units = (await admin.get('/api/units')).body.items as Array<{ id: string; shortName: string | null }>;
      disdukcapil = units.find((u) => u.shortName === 'Disdukcapil')!.id;
      disdukcapilHead = ((await admin.get(`/api/positions?unitId=${disdukcapil}`)).body.items as Array<{ id: string; isHead: boolean }>).find((p) => p.isHead)!.id;
      // Last year's signed PK of the Kepala Disdukcapil, with two indicators: the "previous" source.
      const last = await rb.post('/api/pk', { year: 2026, positionId: disdukcapilHead });
      assert.equal(last.status, 201, last.raw);
      for (const [name, target] of [['Jumlah dokumen kependudukan terbit', 1000], ['Persentase keluhan layanan', 10]] as const) {
        const r = await operator.post(`/api/pk/${last.body.id}/indicators`, { sasaran: 'Meningkatnya kualitas pelayanan administrasi kependudukan', name, unit: target === 10 ? '%' : 'dokumen', polarity: target === 10 ? 'lower' : 'higher', aggregation: target === 10 ? 'last' : 'sum', target, quarterTargets: target === 10 ? [10, 10, 10, 10] : [250, 250, 250, 250] });
        assert.equal(r.status, 201, r.raw);
      }
      assert.equal((await kepala.post(`/api/pk/${last.body.id}/sign`, { signedOn: '2026-01-31' })).status, 200);
      // A new kecamatan whose camat position is vacant.
      const kec = await admin.post('/api/units', { name: 'Kecamatan Uji Kosong', type: 'kecamatan' });
      assert.equal(kec.status, 201, kec.raw);
      const camat = await admin.post('/api/positions', { unitId: kec.body.id, title: 'Camat Uji Kosong', isHead: true });
      assert.equal(camat.status, 201, camat.raw);
      vacantHead = camat.body.id;
    });
    after(() => rt.close());

    test('generate is for the Tim RB: a unit operator is refused (403), a bad source is a 400; nothing changed', async () => {
      await refused(operator.post('/api/pk/generate', { year: 2027, source: 'previous' }), 403, /tidak berwenang/);
      await refused(rb.post('/api/pk/generate', { year: 2027, source: 'rpjmd' }), 400, /.+/);
    });

    test('POST /api/pk/generate drafts every head\'s PK and the Bupati statement in one action; vacant positions are reported, last year\'s indicators copied', async () => {
      const before = await register(rb);
      assert.ok(before.length >= 3, 'the Bupati row and the unit heads');
      assert.ok(before.every((r) => r.status === 'none'));
      const res = await rb.post('/api/pk/generate', { year: 2027, source: 'previous' });
      assert.equal(res.status, 200, res.raw);
      firstRun = res.body;
      assert.deepEqual(res.body.skipped.filter((s: { reason: string }) => s.reason !== 'vacant'), [], 'only vacant positions are skipped on the first run');
      assert.ok(res.body.skipped.some((s: { positionId: string; reason: string }) => s.positionId === vacantHead && s.reason === 'vacant'), 'the vacant camat is reported');
      const rows = await register(rb);
      const drafted = rows.filter((r) => r.status === 'draft');
      assert.equal(res.body.created, drafted.length, 'every created PK is a draft row in the register');
      assert.equal(res.body.created + res.body.skipped.length, rows.length, 'every row was either created or reported');
      assert.equal(rows.find((r) => r.level === 'bupati')!.status, 'draft', 'the Bupati statement is drafted too');
      assert.equal(rows.find((r) => r.positionId === vacantHead)!.status, 'none');
      const d = rows.find((r) => r.unitId === disdukcapil)!;
      assert.equal(d.holderName, 'Andi Saputra, S.Sos. (demo)');
      assert.equal(d.draftedAt, '2027-01-05T02:00:00.000Z');
      assert.equal(d.indicatorCount, 2);
      pk2027 = d.pkId!;
      const detail = (await rb.get(`/api/pk/${pk2027}`)).body;
      assert.deepEqual(detail.indicators.map((i: { name: string; target: number; quarterTargets: number[]; polarity: string }) => [i.name, i.target, i.quarterTargets, i.polarity]), [
        ['Jumlah dokumen kependudukan terbit', 1000, [250, 250, 250, 250], 'higher'],
        ['Persentase keluhan layanan', 10, [10, 10, 10, 10], 'lower'],
      ]);
      const other = rows.find((r) => r.level === 'jpt_pratama' && r.unitId !== disdukcapil && r.status === 'draft')!;
      assert.equal(other.indicatorCount, 0, 'no PK last year: an empty draft');
    });

    test('generate again is idempotent: nothing created, each existing PK reported as such', async () => {
      const before = await counts(rt);
      const res = await rb.post('/api/pk/generate', { year: 2027, source: 'previous' });
      assert.equal(res.status, 200, res.raw);
      assert.equal(res.body.created, 0);
      assert.equal(res.body.skipped.filter((s: { reason: string }) => s.reason === 'exists').length, firstRun.created);
      assert.deepEqual(await counts(rt), { ...before, audit: before.audit }, 'no row added');
    });

    test('workflow: the kepala submits, the Tim RB agrees, the kepala signs; the register has the date of each step; review_log is the history', async () => {
      await refused(operator.post(`/api/pk/${pk2027}/submit`, {}), 403, /tidak berwenang/);
      await refused(rb.post(`/api/pk/${pk2027}/agree`, {}), 409, /Draf/);
      clock.set('2027-01-05T02:10:00.000Z'); // minutes, not days: sessions expire when idle
      const s = await kepala.post(`/api/pk/${pk2027}/submit`, {});
      assert.equal(s.status, 200, s.raw);
      assert.equal(s.body.status, 'submitted');
      await refused(kepala.post(`/api/pk/${pk2027}/agree`, {}), 403, /tidak berwenang/);
      clock.set('2027-01-05T02:20:00.000Z');
      const a = await rb.post(`/api/pk/${pk2027}/agree`, { note: 'Sesuai Renstra' });
      assert.equal(a.status, 200, a.raw);
      assert.equal(a.body.status, 'agreed');
      let row = (await register(rb)).find((r) => r.pkId === pk2027)!;
      assert.deepEqual([row.status, row.submittedAt, row.agreedAt, row.signedOn], ['agreed', '2027-01-05T02:10:00.000Z', '2027-01-05T02:20:00.000Z', null]);
      const signed = await kepala.post(`/api/pk/${pk2027}/sign`, { signedOn: '2027-01-15' });
      assert.equal(signed.status, 200, signed.raw);
      row = (await register(rb)).find((r) => r.pkId === pk2027)!;
      assert.deepEqual([row.status, row.signedOn, row.signingMode, row.hasScan], ['signed', '2027-01-15', 'ceremony', false]);
      assert.ok(row.documentNumber && row.documentNumber.includes('2027'), `numbered: ${row.documentNumber}`);
      const detail = (await kepala.get(`/api/pk/${pk2027}`)).body;
      assert.deepEqual(detail.history.map((h: { action: string; to: string }) => [h.action, h.to]), [['submit', 'submitted'], ['agree', 'agreed'], ['sign', 'signed']]);
      assert.equal(detail.history[1].note, 'Sesuai Renstra');
      assert.deepEqual(detail.actions, []);
      // Filters: status and a unit name search.
      assert.deepEqual((await register(rb, '&status=signed')).map((r) => r.pkId), [pk2027]);
      assert.ok((await register(rb, '&q=kependudukan')).every((r) => r.unitId === disdukcapil));
      // A unit operator sees their own unit's row only.
      assert.deepEqual((await register(operator)).map((r) => r.unitId), [disdukcapil]);
    });

    test('return sends a submitted PK back to draft with the note; a signed one cannot be returned', async () => {
      const rows = await register(rb);
      const other = rows.find((r) => r.level === 'bupati')!;
      assert.equal((await admin.post(`/api/pk/${other.pkId}/submit`, {})).status, 200);
      const back = await rb.post(`/api/pk/${other.pkId}/return`, { note: 'Lengkapi indikator kemiskinan' });
      assert.equal(back.status, 200, back.raw);
      assert.equal(back.body.status, 'draft');
      assert.equal(back.body.submittedAt, null);
      await refused(rb.post(`/api/pk/${pk2027}/return`, { note: 'x' }), 409, /Ditandatangani/);
    });

    test('GET /api/pk/{id}/export.pdf once signed: the frozen, numbered PDF with PIHAK KESATU/KEDUA, the names and the verification code', async () => {
      const row = (await register(rb)).find((r) => r.pkId === pk2027)!;
      const a = await kepala.download(`/api/pk/${pk2027}/export.pdf`);
      assert.equal(a.status, 200);
      const text = pdfText(a.data).replace(/\s+/g, ' ');
      for (const s of ['PERJANJIAN KINERJA TAHUN 2027', `NOMOR ${row.documentNumber}`, 'selanjutnya disebut PIHAK KESATU.', 'selaku atasan PIHAK KESATU, selanjutnya disebut PIHAK KEDUA.', 'Andi Saputra, S.Sos. (demo)', 'Bupati Muara Enim (demo)', '15 Januari 2027', 'Kode verifikasi']) assert.ok(text.includes(s), `PDF has "${s}"`);
      const b = await rb.download(`/api/pk/${pk2027}/export.pdf`);
      assert.ok(a.data.equals(b.data), 'the frozen bytes, not a new rendering');
      const code = /Kode verifikasi: (\S+)/.exec(text)![1]!;
      const page = await rb.get(`/verifikasi/${code}`);
      assert.equal(page.status, 200);
      assert.ok(page.raw.includes(row.documentNumber!), 'the public verification page names the number');
      // A draft is still rendered on request, without a number or a verification code.
      const draft = (await register(rb)).find((r) => r.level === 'bupati')!;
      const draftText = pdfText((await rb.download(`/api/pk/${draft.pkId}/export.pdf`)).data);
      assert.ok(draftText.includes('PERJANJIAN KINERJA') && !draftText.includes('Kode verifikasi') && !draftText.includes('NOMOR'));
    });

    test('scan of the wet-signed page: checked by content (an .exe renamed .pdf is refused), only on a signed PK, then shown in the register', async () => {
      const draft = (await register(rb)).find((r) => r.level === 'bupati')!;
      await refused(rb.upload(`/api/pk/${draft.pkId}/scan`, {}, { name: 'pk.pdf', data: MINIMAL_PDF, type: 'application/pdf' }), 409, /hanya dapat diunggah untuk Perjanjian Kinerja yang sudah ditandatangani/);
      await refused(kepala.upload(`/api/pk/${pk2027}/scan`, {}, { name: 'pk-ttd.pdf', data: FAKE_EXE, type: 'application/pdf' }), 415, /PDF, JPEG atau PNG/);
      await refused(operator.upload(`/api/pk/${pk2027}/scan`, {}, { name: 'pk-ttd.pdf', data: MINIMAL_PDF, type: 'application/pdf' }), 403, /tidak berwenang/);
      const res = await kepala.upload(`/api/pk/${pk2027}/scan`, {}, { name: 'pk-ttd.pdf', data: MINIMAL_PDF, type: 'application/pdf' });
      assert.equal(res.status, 201, res.raw);
      assert.ok(res.body.scanEvidenceId);
      const row = (await register(rb)).find((r) => r.pkId === pk2027)!;
      assert.equal(row.hasScan, true);
      const dl = await operator.download(`/api/evidence/${res.body.scanEvidenceId}/download`);
      assert.equal(dl.status, 200, 'the unit reads its PK\'s scan');
      assert.ok(dl.data.equals(MINIMAL_PDF));
    });

    test('CSV export of the register: statuses in Indonesian and the number', async () => {
      const csv = await rb.download('/api/pk/register.csv?year=2027');
      assert.equal(csv.status, 200);
      const text = csv.data.toString('utf8');
      assert.ok(text.includes('Unit,Jabatan,Pemangku,Status'), text.slice(0, 200));
      const line = text.split('\n').find((l) => l.includes('Andi Saputra'))!;
      assert.ok(line.includes('Ditandatangani') && line.includes('Seremoni') && line.includes('Ya'), line);
      assert.ok(text.split('\n').some((l) => l.includes('Camat Uji Kosong') && l.includes('Belum dibuat')));
    });

    test('revised PK (perubahan): a new draft with revision 1 and the indicators, the old one kept signed and marked replaced; refusals change nothing', async () => {
      await refused(operator.post(`/api/pk/${pk2027}/revise`, { reason: 'x' }), 400, /.+/);
      const draft = (await register(rb)).find((r) => r.level === 'bupati')!;
      await refused(rb.post(`/api/pk/${draft.pkId}/revise`, { reason: 'Perubahan anggaran' }), 409, /sudah ditandatangani/);
      const res = await operator.post(`/api/pk/${pk2027}/revise`, { reason: 'Perubahan APBD 2027' });
      assert.equal(res.status, 201, res.raw);
      assert.deepEqual([res.body.revision, res.body.replacesId, res.body.status, res.body.revisionReason], [1, pk2027, 'draft', 'Perubahan APBD 2027']);
      const old = (await operator.get(`/api/pk/${pk2027}`)).body;
      assert.deepEqual([old.status, old.replacedById], ['signed', res.body.id], 'the old PK stays signed and readable, marked replaced');
      assert.equal((await operator.get(`/api/pk/${res.body.id}`)).body.indicators.length, 2);
      await refused(operator.post(`/api/pk/${pk2027}/revise`, { reason: 'Perubahan kedua' }), 409, /sudah diganti oleh perubahan/);
      const row = (await register(rb)).find((r) => r.unitId === disdukcapil)!;
      assert.deepEqual([row.pkId, row.revision, row.status], [res.body.id, 1, 'draft'], 'the register shows the current revision');
      // The old frozen PDF is still served; the revision is a draft "PERUBAHAN KE-1".
      assert.ok(pdfText((await operator.download(`/api/pk/${pk2027}/export.pdf`)).data).includes('Kode verifikasi'));
      const revText = pdfText((await operator.download(`/api/pk/${res.body.id}/export.pdf`)).data).replace(/\s+/g, ' ');
      assert.ok(revText.includes('PERUBAHAN KE-1') && !revText.includes('Kode verifikasi'), 'a draft revision: not issued yet');
      // One PK per position and year still holds: POST /api/pk refuses a third one.
      await refused(rb.post('/api/pk', { year: 2027, positionId: disdukcapilHead }), 409, /sudah ada/);
    });

    test('bundle PDF for the ceremony: every current PK of the year in one PDF, for the Tim RB', async () => {
      await refused(operator.get('/api/pk/bundle.pdf?year=2027'), 403, /tidak berwenang/);
      const t0 = performance.now();
      const res = await rb.download('/api/pk/bundle.pdf?year=2027');
      const ms = performance.now() - t0;
      assert.equal(res.status, 200);
      assert.equal(res.headers['content-type'], 'application/pdf');
      const text = pdfText(res.data).replace(/\s+/g, ' ');
      const titles = text.split('LAMPIRAN PERJANJIAN KINERJA TAHUN 2027').length - 1;
      assert.equal(titles, firstRun.created, `one PK each (${ms.toFixed(0)} ms)`);
      assert.ok(text.includes('PERUBAHAN KE-1'), 'the current revision, not the replaced PK');
      const one = pdfText((await rb.download(`/api/pk/bundle.pdf?year=2027&unitId=${disdukcapil}`)).data);
      assert.equal(one.split('LAMPIRAN PERJANJIAN KINERJA TAHUN 2027').length - 1, 1);
    });

    test('reminders: after the deadline (31 January, region time) units without a signed PK are notified once; a signed PK with a pending revision is not', async () => {
      const outbox = async () => (await sql<{ dedupeKey: string }>`select dedupe_key as "dedupeKey" from notification_outbox where kind = 'pk.signLate' order by dedupe_key`.execute(rt.deps.db)).rows.map((r) => r.dedupeKey);
      const job = {} as ClaimedJob;
      const heads = (await register(admin)).filter((r) => r.level === 'jpt_pratama');
      clock.set('2027-01-31T16:59:00.000Z'); // 23:59 WIB on the deadline: not late yet
      await scanPkSignLate(job, rt.deps);
      assert.deepEqual(await outbox(), []);
      clock.set('2027-01-31T17:01:00.000Z'); // 00:01 WIB, 1 February
      await scanPkSignLate(job, rt.deps);
      const keys = await outbox();
      const late = heads.filter((r) => r.unitId !== disdukcapil);
      assert.deepEqual(keys, late.map((r) => `pk.signLate:${r.unitId}:2027`).sort(), 'every late unit, the vacant kecamatan included; not Disdukcapil');
      await scanPkSignLate(job, rt.deps);
      assert.deepEqual(await outbox(), keys, 'once per unit and year');
    });

    test('once the revision is signed, the replaced PK takes no more realisations (409); until then it does', async () => {
      // The clock moved past the sessions' lifetime in the reminder test: sign in again.
      const [rb, operator, kepala] = [await signedIn(rt, 'rb'), await signedIn(rt, 'operator'), await signedIn(rt, 'kepala')];
      const old = (await rb.get(`/api/pk/${pk2027}`)).body;
      const revisionId = old.replacedById as string;
      const indicator = old.indicators[0].id as string;
      const put = (q: number) => operator.put(`/api/pk/indicators/${indicator}/realisations/${q}`, { value: 120 });
      assert.equal((await put(1)).status, 200, 'the revision is still a draft: the signed PK takes realisations');
      assert.equal((await kepala.post(`/api/pk/${revisionId}/sign`, { signedOn: '2027-02-03' })).status, 200);
      const res = await put(2);
      assert.equal(res.status, 409, res.raw);
      assert.match(res.body.error.message, /sudah diganti oleh perubahan/);
    });
  });
}
