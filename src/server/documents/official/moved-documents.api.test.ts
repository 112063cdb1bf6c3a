import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import JSZip from 'jszip';
import { createTestRuntime, signedIn, testDialects, type TestClient, type TestRuntime } from '../../testing/harness.ts';
import { pdfText } from './pdf-tools.ts';

/**
 * The SKM report and the KIPP proposal cover run on the kit: kop of the unit, signed by the unit
 * head at the document's date (holderOf), NIP grouped. Also the letterhead settings API.
 */
for (const dialect of await testDialects()) {
  describe(`SKM report, proposal cover and letterhead settings on the kit [${dialect}]`, () => {
    let rt: TestRuntime;
    let admin: TestClient;
    let operator: TestClient;
    let dukcapil: string;
    const today = new Date().toISOString().slice(0, 10);
    const flat = (s: string) => s.replace(/\s+/g, ' ');

    before(async () => {
      rt = await createTestRuntime(dialect);
      admin = await signedIn(rt, 'admin');
      operator = await signedIn(rt, 'operator');
      dukcapil = ((await admin.get('/api/units')).body.items as Array<{ id: string; shortName: string }>).find((u) => u.shortName === 'Disdukcapil')!.id;
    });
    after(() => rt.close());

    test('the unit operator edits its unit letterhead; the preview PDF shows it; another unit is refused', async () => {
      const r = await operator.put(`/api/documents/letterheads/${dukcapil}`, { address: 'Jalan Jenderal Sudirman No. 7, Muara Enim', phone: '(0734) 421000', email: 'disdukcapil@example.go.id', postalCode: '31315', unitCode: 'DUKCAPIL' });
      assert.equal(r.status, 200, r.raw);
      assert.equal((await operator.put(`/api/documents/letterheads/${dukcapil}`, { postalCode: '3131' })).status, 400);
      const dinkes = ((await admin.get('/api/units')).body.items as Array<{ id: string; shortName: string }>).find((u) => u.shortName === 'Dinkes')!.id;
      assert.equal((await operator.put(`/api/documents/letterheads/${dinkes}`, { address: 'Bukan unit saya' })).status, 403);
      assert.equal((await operator.put('/api/documents/settings', { headName: 'Bukan hak operator' })).status, 403);
      const preview = await operator.download(`/api/documents/letterhead-preview.pdf?unitId=${dukcapil}`);
      assert.equal(preview.status, 200);
      const t = flat(pdfText(preview.data));
      for (const w of ['PEMERINTAH KABUPATEN MUARA ENIM', 'DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL', 'Jalan Jenderal Sudirman No. 7, Muara Enim Kode Pos 31315', 'Telepon (0734) 421000', 'Pos-el disdukcapil@example.go.id']) assert.ok(t.includes(w), w);
      const head = flat(pdfText((await admin.download('/api/documents/letterhead-preview.pdf?kind=head')).data));
      assert.ok(head.includes('BUPATI MUARA ENIM'));
      assert.ok(!head.includes('Jalan'), 'emblem-only kop: no address line');
    });

    test('the emblem upload accepts PNG/JPEG by content only; the admin changes the tenant lines', async () => {
      const fakePng = await admin.upload('/api/documents/settings/emblem', {}, { name: 'lambang.png', data: Buffer.from('%PDF-1.4 not an image'), type: 'image/png' });
      assert.equal(fakePng.status, 415);
      assert.match(fakePng.body.error.message, /PNG atau JPEG/);
      const { placeholderEmblem } = await import('../../demo/demo-documents.ts');
      const ok = await admin.upload('/api/documents/settings/emblem', {}, { name: 'lambang.png', data: placeholderEmblem(), type: 'image/png' });
      assert.equal(ok.status, 201, ok.raw);
      assert.equal(ok.body.mime, 'image/png');
      const s = await admin.put('/api/documents/settings', { place: 'Muara Enim', email: 'bukan-email' });
      assert.equal(s.status, 400);
      assert.equal((await admin.put('/api/documents/settings', { headName: 'H. Uji Bupati, S.H.' })).status, 200);
      const audit = await admin.get('/api/audit?entityType=letterhead');
      assert.equal(audit.status, 200);
    });

    test('SKM report: kop of the survey’s unit, signed by the unit head at the report date, NIP grouped', async () => {
      const year = today.slice(0, 4);
      const sv = await operator.post('/api/skm/surveys', { unitId: dukcapil, serviceName: 'Legalisir Dokumen', periodStart: `${year}-01-01`, periodEnd: `${year}-12-31` });
      assert.equal(sv.status, 201, sv.raw);
      const pdf = await operator.download(`/api/skm/surveys/${sv.body.id}/report.pdf`);
      assert.equal(pdf.status, 200);
      const t = flat(pdfText(pdf.data));
      for (const w of ['PEMERINTAH KABUPATEN MUARA ENIM', 'DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL', 'Jalan Jenderal Sudirman No. 7', 'LAPORAN HASIL SURVEI KEPUASAN MASYARAKAT', 'KEPALA DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL,', 'Andi Saputra, S.Sos. (demo)', 'Pembina Tingkat I (IV/b)', 'NIP. 19780512 200312 1 002']) assert.ok(t.includes(w), w);
      assert.ok(!t.includes('Operator Disdukcapil (demo)'), 'never the signed-in user');
    });

    test('proposal cover (PDF and DOCX): kop of the unit and the unit head’s signature block', async () => {
      const inv = await operator.post('/api/innovations', { title: 'Dukcapil Jemput Bola', unitId: dukcapil, type: 'pelayanan_publik', stage: 'penerapan', digital: false, initiatedOn: '2022-01-03', appliedOn: '2022-05-01', description: 'Perekaman KTP-el di desa untuk warga lanjut usia.' });
      assert.equal(inv.status, 201, inv.raw);
      const prop = await operator.post('/api/proposals', { innovationId: inv.body.id });
      assert.equal(prop.status, 201, prop.raw);
      const t = flat(pdfText((await operator.download(`/api/proposals/${prop.body.id}/export.pdf`)).data));
      for (const w of ['PEMERINTAH KABUPATEN MUARA ENIM', 'DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL', 'Dukcapil Jemput Bola', 'Mengetahui,', 'KEPALA DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL,', 'Andi Saputra, S.Sos. (demo)', 'NIP. 19780512 200312 1 002']) assert.ok(t.includes(w), w);
      const docx = await operator.download(`/api/proposals/${prop.body.id}/export.docx`);
      const xml = (await (await JSZip.loadAsync(docx.data)).file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
      for (const w of ['PEMERINTAH KABUPATEN MUARA ENIM', 'DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL', 'KEPALA DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL,', 'NIP. 19780512 200312 1 002']) assert.ok(xml.includes(w), w);
    });

    test('a head who left is not the signer: with the head position vacant the block has the title and an empty name', async () => {
      const pos = ((await admin.get(`/api/positions?unitId=${dukcapil}`)).body.items as Array<{ id: string; isHead: boolean }>).find((p) => p.isHead)!;
      const a = ((await admin.get(`/api/assignments?positionId=${pos.id}`)).body.items as Array<{ id: string }>)[0];
      const yesterday = new Date(Date.now() - 86400_000).toISOString().slice(0, 10);
      const end = await admin.post(`/api/assignments/${a.id}/end`, { endDate: yesterday });
      assert.equal(end.status, 200, end.raw);
      const year = today.slice(0, 4);
      const sv = await operator.post('/api/skm/surveys', { unitId: dukcapil, serviceName: 'Surat Pindah', periodStart: `${year}-01-01`, periodEnd: `${year}-12-31` });
      const t = flat(pdfText((await operator.download(`/api/skm/surveys/${sv.body.id}/report.pdf`)).data));
      assert.ok(t.includes('KEPALA DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL,'));
      assert.ok(!t.includes('Andi Saputra'), 'the former head no longer signs');
    });
  });
}
