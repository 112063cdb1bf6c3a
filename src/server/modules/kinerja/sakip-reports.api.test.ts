import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { createTestRuntime, signedIn, testDialects, type TestClient, type TestRuntime } from '../../testing/harness.ts';
import { pdfText } from '../../documents/official/pdf-tools.ts';
import { clockStartingAt } from '../../lib/clock.ts';
import { LKJIP_HEADINGS, LKJIP_PLACEHOLDER, RECAP_HEADER_ROW, STATUS_FILL, lkjipInput, lkjipPdf, notulaPdf } from './sakip-reports.documents.ts';
import { createSakipReportsService, type SakipExtras } from './sakip-reports.service.ts';

/**
 * SAKIP reports (issue 11 items 3–4): the pemda recap per quarter (JSON + Excel) counts VERIFIED
 * values only; the quarterly notula PDF of a PK; the LKjIP (Bab I–IV, RULES §2.6) as DOCX and PDF
 * with Bab II from the PK, Bab III from verified realisations (this year, previous years' PK of the
 * same unit), placeholders for the analysis; access (tenant-wide readers for the pemda, own unit
 * for a unit's LKjIP) and refusals in Indonesian.
 */
const words = (pdf: Buffer) => pdfText(pdf).replace(/\s+/g, ' ');
async function docxText(buf: Buffer) {
  const xml = await (await JSZip.loadAsync(buf)).file('word/document.xml')!.async('string');
  return xml.replace(/<w:p[ >]/g, '\n$&').replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}

for (const dialect of await testDialects()) {
  describe(`SAKIP reports [${dialect}]`, () => {
    let rt: TestRuntime;
    let admin: TestClient;
    let rb: TestClient;
    let operator: TestClient;
    let kepala: TestClient;
    let inspektorat: TestClient;
    let pimpinan: TestClient;
    let disdukcapil: string;
    let balitbangda: string;
    let pkId: string;
    let otherPkId: string;

    /** Draft an indicator; enter, submit and (optionally) verify quarter values. */
    async function indicator(pk: string, body: Record<string, unknown>) {
      const res = await rb.post(`/api/pk/${pk}/indicators`, { sasaran: 'Meningkatnya kualitas pelayanan administrasi kependudukan', ...body });
      assert.equal(res.status, 201, res.raw);
      return res.body.id as string;
    }
    async function realise(id: string, quarter: number, value: number, until: 'draft' | 'submitted' | 'verified') {
      assert.equal((await operator.put(`/api/pk/indicators/${id}/realisations/${quarter}`, { value })).status, 200);
      if (until === 'draft') return;
      assert.equal((await kepala.post(`/api/pk/indicators/${id}/realisations/${quarter}/submit`)).status, 200);
      if (until === 'verified') assert.equal((await inspektorat.post(`/api/pk/indicators/${id}/realisations/${quarter}/verify`)).status, 200);
    }

    before(async () => {
      // Late December of the PKs' year (a running clock): every quarter of 2026 has begun, whatever the day the tests run.
      rt = await createTestRuntime(dialect, { clock: clockStartingAt('2026-12-20T03:00:00Z') });
      [admin, rb, operator, kepala, inspektorat, pimpinan] = await Promise.all(['admin', 'rb', 'operator', 'kepala', 'inspektorat', 'pimpinan'].map((u) => signedIn(rt, u)));
      const units = (await admin.get('/api/units')).body.items as Array<{ id: string; shortName: string | null }>;
      disdukcapil = units.find((u) => u.shortName === 'Disdukcapil')!.id;
      balitbangda = units.find((u) => u.shortName === 'Balitbangda')!.id;
      const headOf = async (unitId: string) => ((await admin.get(`/api/positions?unitId=${unitId}`)).body.items as Array<{ id: string; isHead: boolean }>).find((p) => p.isHead)!.id;
      const head = await headOf(disdukcapil);

      // Last year's PK of the same position: 4 × 200 verified against a target of 800 → 100 %.
      const last = await rb.post('/api/pk', { year: 2025, positionId: head });
      assert.equal(last.status, 201, last.raw);
      const lastDocs = await indicator(last.body.id, { name: 'Jumlah dokumen kependudukan terbit', unit: 'dokumen', polarity: 'higher', aggregation: 'sum', target: 800, quarterTargets: [200, 200, 200, 200] });
      assert.equal((await rb.post(`/api/pk/${last.body.id}/sign`, { signedOn: '2026-01-15' })).status, 200, 'marked signed at the ceremony');
      for (const q of [1, 2, 3, 4]) await realise(lastDocs, q, 200, 'verified');

      const pk = await rb.post('/api/pk', { year: 2026, positionId: head });
      assert.equal(pk.status, 201, pk.raw);
      pkId = pk.body.id;
      const docs = await indicator(pkId, { name: 'Jumlah dokumen kependudukan terbit', unit: 'dokumen', polarity: 'higher', aggregation: 'sum', target: 1000, quarterTargets: [250, 250, 250, 250] });
      const complaints = await indicator(pkId, { name: 'Persentase keluhan layanan', unit: '%', polarity: 'lower', aggregation: 'last', target: 10, quarterTargets: [10, 10, 10, 10] });
      assert.equal((await kepala.post(`/api/pk/${pkId}/sign`, { signedOn: '2026-01-31' })).status, 200);
      // TW I: 150 of 250 → 60 % (merah); 8 against 10, lower is better → 120 % (hijau). Both verified.
      await realise(docs, 1, 150, 'verified');
      await realise(complaints, 1, 8, 'verified');
      // TW II: 400 submitted but not verified (does not count); 12 entered only (not reported).
      await realise(docs, 2, 400, 'submitted');
      await realise(complaints, 2, 12, 'draft');

      const other = await rb.post('/api/pk', { year: 2026, positionId: await headOf(balitbangda) });
      assert.equal(other.status, 201, other.raw);
      otherPkId = other.body.id;
    });
    after(() => rt.close());

    test('GET /api/sakip/recap: per unit PK status, reported/verified and capaian from verified values only', async () => {
      const res = await rb.get('/api/sakip/recap?year=2026&quarter=1');
      assert.equal(res.status, 200, res.raw);
      const d = res.body.units.find((u: { unitId: string }) => u.unitId === disdukcapil);
      assert.deepEqual({ pkStatus: d.pkStatus, indicators: d.indicators, reported: d.reported, verified: d.verified, average: d.averageCapaian, status: d.status }, { pkStatus: 'signed', indicators: 2, reported: 2, verified: 2, average: 90, status: 'kuning' }, '(60 + 120) ÷ 2');
      const docs = d.items.find((i: { name: string }) => i.name.startsWith('Jumlah dokumen'));
      assert.deepEqual([docs.quarterTarget, docs.quarterValue, docs.quarterCapaian, docs.quarterCapaianStatus], [250, 150, 60, 'merah']);
      assert.deepEqual([docs.toDate.value, docs.toDate.capaian], [150, 15], 'year to date against the annual target 1.000');
      const complaints = d.items.find((i: { name: string }) => i.name.startsWith('Persentase keluhan'));
      assert.deepEqual([complaints.quarterCapaian, complaints.quarterCapaianStatus], [120, 'hijau'], 'RULES §2.5: T=10, R=8 → 120 %');
      const b = res.body.units.find((u: { unitId: string }) => u.unitId === balitbangda);
      assert.deepEqual([b.pkStatus, b.indicators, b.averageCapaian], ['draft', 0, null]);
      assert.ok(res.body.units.some((u: { pkStatus: string }) => u.pkStatus === 'none'), 'a top-level unit without a PK is listed as such');

      const q2 = (await pimpinan.get('/api/sakip/recap?year=2026&quarter=2')).body.units.find((u: { unitId: string }) => u.unitId === disdukcapil);
      assert.deepEqual({ reported: q2.reported, verified: q2.verified, average: q2.averageCapaian }, { reported: 1, verified: 0, average: null }, 'a submitted value is reported but does not count; a draft is not reported');
      const docs2 = q2.items.find((i: { name: string }) => i.name.startsWith('Jumlah dokumen'));
      assert.deepEqual([docs2.quarterStatus, docs2.quarterValue, docs2.quarterCapaian, docs2.toDate.value], ['submitted', null, null, 150]);
    });

    test('the pemda recap is for tenant-wide readers: operator and unit head 403, in Indonesian; bad quarter 400', async () => {
      for (const c of [operator, kepala]) {
        const res = await c.get('/api/sakip/recap?year=2026&quarter=1');
        assert.equal(res.status, 403, res.raw);
        assert.match(res.body.error.message, /tidak berwenang/);
        assert.equal((await c.download('/api/sakip/recap.xlsx?year=2026&quarter=1')).status, 403);
      }
      assert.equal((await inspektorat.get('/api/sakip/recap?year=2026&quarter=1')).status, 200);
      const bad = await rb.get('/api/sakip/recap?year=2026&quarter=5');
      assert.equal(bad.status, 400, bad.raw);
      assert.match(bad.body.error.message, /[Tt]riwulan|quarter|maksimal|minimal/i);
    });

    test('GET /api/sakip/recap.xlsx: title block, frozen header, one row per indicator under its unit, capaian coloured by status', async () => {
      const res = await rb.download('/api/sakip/recap.xlsx?year=2026&quarter=1');
      assert.equal(res.status, 200);
      assert.match(String(res.headers['content-disposition']), /rekap-sakip-2026-tw1-.*\.xlsx/);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.data as unknown as ArrayBuffer);
      const ws = wb.worksheets[0]!;
      assert.equal(ws.getCell('A1').value, 'REKAPITULASI CAPAIAN KINERJA TRIWULAN I TAHUN 2026');
      assert.match(String(ws.getCell('A2').value), /^PEMERINTAH KABUPATEN MUARA ENIM/);
      assert.equal((ws.views[0] as { state: string; ySplit: number }).state, 'frozen');
      assert.equal((ws.views[0] as { ySplit: number }).ySplit, RECAP_HEADER_ROW);
      assert.equal(ws.getRow(RECAP_HEADER_ROW).getCell(9).value, 'Capaian TW (%)');
      const rows: ExcelJS.Row[] = [];
      ws.eachRow((r) => rows.push(r));
      const unitRow = rows.find((r) => String(r.getCell(2).value).startsWith('Dinas Kependudukan'))!;
      assert.ok(unitRow, 'the unit row');
      assert.equal(unitRow.getCell(9).value, 90);
      assert.equal((unitRow.getCell(9).fill as ExcelJS.FillPattern).fgColor?.argb, STATUS_FILL.kuning);
      const docs = ws.getRow(unitRow.number + 1);
      assert.equal(docs.getCell(2).value, 'Jumlah dokumen kependudukan terbit', 'indicators follow their unit');
      assert.deepEqual([docs.getCell(6).value, docs.getCell(8).value, docs.getCell(9).value, docs.getCell(12).value], [250, 150, 60, 'Merah']);
      assert.equal(docs.getCell(9).numFmt, '#,##0.00', 'two decimals');
      assert.equal((docs.getCell(9).fill as ExcelJS.FillPattern).fgColor?.argb, STATUS_FILL.merah);
      const complaints = ws.getRow(unitRow.number + 2);
      assert.equal((complaints.getCell(9).fill as ExcelJS.FillPattern).fgColor?.argb, STATUS_FILL.hijau);
    });

    test('GET /api/pk/{id}/notula.pdf: kop of the unit, the quarter\'s indicator table with capaian, status and follow-up column', async () => {
      const res = await kepala.download(`/api/pk/${pkId}/notula.pdf?quarter=1`);
      assert.equal(res.status, 200);
      assert.equal(res.headers['content-type'], 'application/pdf');
      const text = words(res.data);
      for (const s of ['NOTULA RAPAT', 'Monitoring capaian kinerja Triwulan I Tahun 2026', 'DINAS KEPENDUDUKAN', 'Capaian indikator Triwulan I Tahun 2026', 'Target TW I', '60,00 %', '120,00 %', 'Merah', 'Hijau', 'Capaian merah: rencana', 'Andi Saputra, S.Sos. (demo)']) {
        assert.ok(text.includes(s), `notula has "${s}"`);
      }
      const q2 = words((await kepala.download(`/api/pk/${pkId}/notula.pdf?quarter=2`)).data);
      assert.ok(q2.includes('diajukan') && q2.includes('Tindak lanjut triwulan sebelumnya'), 'TW II: submitted value shown as such; last quarter\'s follow-up line');
      assert.equal((await operator.download(`/api/pk/${otherPkId}/notula.pdf?quarter=1`)).status, 403, 'another unit\'s PK');
      const bad = await kepala.get(`/api/pk/${pkId}/notula.pdf?quarter=0`);
      assert.equal(bad.status, 400, bad.raw);
    });

    test('GET /api/sakip/lkjip.docx for a unit: Bab I–IV, Bab II from the PK, Bab III from verified values and last year\'s PK, placeholders', async () => {
      const res = await operator.download(`/api/sakip/lkjip.docx?year=2026&unitId=${disdukcapil}`);
      assert.equal(res.status, 200);
      assert.match(String(res.headers['content-disposition']), /lkjip-2026-Disdukcapil.*\.docx/i);
      const text = await docxText(res.data);
      let at = -1;
      for (const h of LKJIP_HEADINGS) {
        const i = text.indexOf(h);
        assert.ok(i > at, `"${h}" present and in order`);
        at = i;
      }
      for (const s of [
        'LAPORAN KINERJA INSTANSI PEMERINTAH (LKjIP) TAHUN 2026',
        'Bab ini disusun dari Perjanjian Kinerja',
        'Meningkatnya kualitas pelayanan administrasi kependudukan',
        'Jumlah dokumen kependudukan terbit',
        '1.000', // Bab II target
        '15,00 %', // annual: 150 verified (TW II submitted does not count) of 1.000
        '120,00 %', // lower is better, last verified value 8 against 10
        'Realisasi 2025',
        '100,00 %', // 2025: 4 × 200 verified against 800
        'belum tersedia', // medium-term target and budget not wired yet
        LKJIP_PLACEHOLDER.target,
        LKJIP_PLACEHOLDER.sebab,
        LKJIP_PLACEHOLDER.penutup,
      ]) {
        assert.ok(text.includes(s), `DOCX has "${s}"`);
      }
      assert.ok(!text.includes('55,00 %'), 'TW II (submitted, 150 + 400 = 550) is not counted');
      const xml = async (b: Buffer) => (await JSZip.loadAsync(b)).file('word/document.xml')!.async('string');
      assert.match(await xml(res.data), /<w:pgSz w:w="11906" w:h="16838"/, 'A4 by default');
      const f4 = await operator.download(`/api/sakip/lkjip.docx?year=2026&unitId=${disdukcapil}&paper=F4`);
      assert.match(await xml(f4.data), /<w:pgSz w:w="12189" w:h="18709"/, 'F4 (folio) on request');
      assert.ok((await docxText(f4.data)).includes('DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL'), 'kop of the unit');
    });

    test('GET /api/sakip/lkjip.pdf for the pemda: without a Bupati PK all JPT Pratama PKs, and says so; with one, the Bupati PK', async () => {
      let text = words((await rb.download('/api/sakip/lkjip.pdf?year=2026')).data);
      for (const s of ['BAB I PENDAHULUAN', 'BAB II PERENCANAAN KINERJA', 'BAB III AKUNTABILITAS KINERJA', 'BAB IV PENUTUP', 'seluruh Perjanjian Kinerja pimpinan perangkat daerah dan camat (JPT Pratama)', 'Jumlah dokumen', '15,00 %', '[Uraikan analisis']) {
        assert.ok(text.includes(s), `PDF has "${s}"`);
      }
      const bupati = await rb.post('/api/pk', { year: 2026, headOfRegion: true });
      assert.equal(bupati.status, 201, bupati.raw);
      const res = await rb.post(`/api/pk/${bupati.body.id}/indicators`, { sasaran: 'Meningkatnya pertumbuhan ekonomi daerah', name: 'Laju pertumbuhan ekonomi', unit: '%', polarity: 'higher', aggregation: 'last', target: 5.2, quarterTargets: [5.2, 5.2, 5.2, 5.2], allowNegative: true });
      assert.equal(res.status, 201, res.raw);
      text = words((await pimpinan.download('/api/sakip/lkjip.pdf?year=2026')).data);
      assert.ok(text.includes('Bab ini disusun dari Perjanjian Kinerja Kepala Daerah tahun 2026'));
      assert.ok(text.includes('Laju pertumbuhan ekonomi') && text.includes('5,2'), 'the Bupati PK indicator and its target with a comma');
      assert.ok(!text.includes('Jumlah dokumen'), 'unit PKs are not the pemda\'s when the Bupati PK exists');
      const notula = words((await rb.download(`/api/pk/${bupati.body.id}/notula.pdf?quarter=1`)).data);
      assert.ok(notula.includes('NOTULA RAPAT') && notula.includes('Laju pertumbuhan') && notula.includes('Bupati Muara Enim (demo)'), 'the head of region\'s PK: his kop and name');
    });

    test('when the plan and corrective actions are wired (SakipExtras), the notula and the LKjIP print them', async () => {
      const tenantId = (await rt.deps.db.selectFrom('units').select('tenantId').where('id', '=', disdukcapil).executeTakeFirstOrThrow()).tenantId;
      const actor = { userId: 'cli', tenantId, name: 'cli', roles: [{ role: 'admin' as const, unitId: null }], isPlatformAdmin: false, unitScope: new Set<string>() };
      const seen: Array<[number, number]> = [];
      const extras: SakipExtras = {
        mediumTermTargets: async (_t, indicators) => new Map(indicators.filter((i) => i.name.startsWith('Jumlah dokumen')).map((i) => [i.id, { target: 5000, year: 2029 }])),
        budget: async (_t, unitId, year) => (unitId === disdukcapil && year === 2026 ? { pagu: 2_000_000_000, realised: 1_500_000_000 } : null),
        correctiveActions: async (_t, ids, year, quarter) => {
          seen.push([year, quarter]);
          return quarter === 1 ? [{ indicatorId: ids[0]!, quarter, kendala: 'Blangko KTP-el terbatas', solusi: null, tindakLanjut: 'Ajukan tambahan blangko', pic: 'Kabid Dafduk', due: '2026-05-15' }] : [];
        },
      };
      const reports = createSakipReportsService(rt.deps, extras);
      const notula = words(await notulaPdf(rt.deps, await reports.notula(actor as never, pkId, 1)));
      for (const s of ['Blangko KTP-el terbatas', 'Ajukan tambahan blangko', 'Kabid Dafduk', '15 Mei 2026']) assert.ok(notula.includes(s), `notula has "${s}"`);
      assert.ok(!notula.includes('Capaian merah: rencana'), 'the red indicator has its action');
      await reports.notula(actor as never, pkId, 2);
      assert.deepEqual(seen.slice(-2), [[2026, 1], [2026, 2]], 'TW II asks for last quarter\'s follow-up too');
      const lk = words(await lkjipPdf(await lkjipInput(rt.deps, tenantId, await reports.lkjip(actor as never, 2026, disdukcapil))));
      for (const s of ['5.000 (2029)', '3,00 %', '2.000.000.000', '1.500.000.000', '75,00 %']) assert.ok(lk.includes(s), `LKjIP has "${s}"`);
    });

    test('LKjIP access: the pemda\'s for tenant-wide readers; a unit\'s only for its unit; refusals in Indonesian', async () => {
      const pemda = await operator.get('/api/sakip/lkjip.pdf?year=2026');
      assert.equal(pemda.status, 403, pemda.raw);
      assert.match(pemda.body.error.message, /tidak berwenang/);
      const other = await operator.get(`/api/sakip/lkjip.docx?year=2026&unitId=${balitbangda}`);
      assert.equal(other.status, 403, other.raw);
      assert.match(other.body.error.message, /tidak berwenang/);
      assert.equal((await kepala.download(`/api/sakip/lkjip.pdf?year=2026&unitId=${disdukcapil}`)).status, 200);
      const unknown = await rb.get('/api/sakip/lkjip.pdf?year=2026&unitId=tidak-ada');
      assert.equal(unknown.status, 404, unknown.raw);
      assert.match(unknown.body.error.message, /tidak ditemukan/);
      const bad = await rb.get('/api/sakip/lkjip.docx?year=tahun');
      assert.equal(bad.status, 400, bad.raw);
    });

    test('the recap follows the tenant’s status bands, and reports on a revised PK (perubahan) only once it is signed', async () => {
      const disdukcapilRow = async () => (await rb.get('/api/sakip/recap?year=2026&quarter=1')).body.units.filter((u: { unitId: string }) => u.unitId === disdukcapil);
      assert.equal((await admin.put('/api/pk/settings', { redBelow: 50, greenAbove: 55, displayCap: null })).status, 200);
      let [d] = await disdukcapilRow();
      const docs = d.items.find((i: { name: string }) => i.name.startsWith('Jumlah dokumen'));
      assert.deepEqual([docs.quarterCapaian, docs.quarterCapaianStatus, d.status], [60, 'hijau', 'hijau'], '60 % is green above 55 %');

      const revision = await operator.post(`/api/pk/${pkId}/revise`, { reason: 'Perubahan APBD' });
      assert.equal(revision.status, 201, revision.raw);
      const rows = await disdukcapilRow();
      assert.deepEqual(rows.map((r: { pkId: string }) => r.pkId), [pkId], 'the draft revision does not replace the signed PK yet');
      assert.equal((await kepala.post(`/api/pk/${revision.body.id}/sign`, { signedOn: '2026-07-01' })).status, 200);
      [d] = await disdukcapilRow();
      assert.deepEqual([d.pkId, d.indicators, d.verified], [revision.body.id, 2, 0], 'the signed revision is reported on, with its own (not yet entered) realisations');
    });
  });
}
