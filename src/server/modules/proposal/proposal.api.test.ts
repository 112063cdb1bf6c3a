import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestRuntime, signedIn, testDialects, type TestClient, type TestRuntime } from '../../testing/harness.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

for (const dialect of await testDialects()) {
  describe(`KIPP proposals [${dialect}]`, () => {
    let rt: TestRuntime;
    let operator: TestClient;
    let inovasi: TestClient;
    let innovationId: string;
    let proposal: { id: string; sections: Array<{ key: string; title: string; text: string; wordCount: number; wordLimit: number; weight: number; version: number; prefillSource: string | null }> };

    before(async () => {
      rt = await createTestRuntime(dialect);
      operator = await signedIn(rt, 'operator');
      inovasi = await signedIn(rt, 'inovasi');
      const unit = (await operator.get('/api/units')).body.items.find((u: { shortName: string }) => u.shortName === 'Disdukcapil');
      const inv = await operator.post('/api/innovations', {
        title: 'Jemput Bola Akta Kelahiran',
        unitId: unit.id,
        type: 'pelayanan_publik',
        stage: 'penerapan',
        digital: false,
        initiatedOn: '2025-01-10',
        appliedOn: '2025-06-01',
        description: 'Petugas mendatangi rumah sakit dan puskesmas untuk menerbitkan akta kelahiran bayi baru lahir.',
        goals: 'Semua bayi baru lahir memiliki akta kelahiran sebelum pulang dari fasilitas kesehatan.',
        results: 'Cakupan akta kelahiran naik dari 72 % menjadi 96 % dalam enam bulan.',
      });
      innovationId = inv.body.id;
    });
    after(() => rt.close());

    test('POST /api/proposals → 201 with the rulebook sections, prefilled from the record and saying from where', async () => {
      const res = await operator.post('/api/proposals', { innovationId });
      assert.equal(res.status, 201, res.raw);
      proposal = res.body;
      assert.deepEqual(proposal.sections.map((s) => s.key), ['ringkasan', 'latar_belakang', 'kebaruan', 'implementasi', 'signifikansi', 'adaptabilitas_replikasi', 'adaptabilitas_potensi', 'sumber_daya', 'keberlanjutan']);
      const lb = proposal.sections.find((s) => s.key === 'latar_belakang')!;
      assert.match(lb.text, /akta kelahiran sebelum pulang/);
      assert.equal(lb.prefillSource, 'innovation.goals');
      assert.deepEqual([lb.wordLimit, lb.weight, lb.version], [300, 10, 1]);
      assert.equal(proposal.sections.find((s) => s.key === 'signifikansi')!.weight, 30);
      assert.equal(proposal.sections.find((s) => s.key === 'implementasi')!.text, '', 'nothing in the record for it');
      assert.equal(lb.wordCount, 12);
    });

    test('saving a section returns its word count; a stale baseVersion is 409 and changes nothing', async () => {
      const key = 'implementasi';
      const saved = await operator.put(`/api/proposals/${proposal.id}/sections/${key}`, { text: 'Tim jemput bola bekerja setiap hari kerja di tiga rumah sakit.', baseVersion: 1 });
      assert.equal(saved.status, 200, saved.raw);
      assert.deepEqual([saved.body.version, saved.body.wordCount, saved.body.wordLimit], [2, 11, 200]);
      const stale = await inovasi.put(`/api/proposals/${proposal.id}/sections/${key}`, { text: 'Teks dari pendamping yang menyunting versi lama.', baseVersion: 1 });
      assert.equal(stale.status, 409);
      assert.match(stale.body.error.message, /sudah diubah orang lain/);
      const now = (await operator.get(`/api/proposals/${proposal.id}`)).body.sections.find((s: { key: string }) => s.key === key);
      assert.equal(now.version, 2);
      assert.match(now.text, /Tim jemput bola/);
    });

    test('bad input: unknown section, text over the hard limit → 4xx, nothing saved', async () => {
      assert.equal((await operator.put(`/api/proposals/${proposal.id}/sections/rahasia`, { text: 'x', baseVersion: 1 })).status, 400);
      const huge = await operator.put(`/api/proposals/${proposal.id}/sections/ringkasan`, { text: 'kata '.repeat(5000), baseVersion: 1 });
      assert.equal(huge.status, 400);
      assert.match(huge.body.error.message, /terlalu panjang/);
      const rb = await signedIn(rt, 'juri');
      assert.equal((await rb.put(`/api/proposals/${proposal.id}/sections/ringkasan`, { text: 'x y', baseVersion: 1 })).status, 403);
    });

    test('the pre-check lists every problem in Indonesian with a link; fixing them makes it pass', async () => {
      const check = await operator.get(`/api/proposals/${proposal.id}/check`);
      assert.equal(check.status, 200);
      assert.equal(check.body.ok, false);
      const codes = check.body.problems.map((p: { code: string }) => p.code);
      for (const c of ['section_empty', 'attachment_missing', 'too_young', 'video_missing']) assert.ok(codes.includes(c), c);
      assert.ok(check.body.problems.every((p: { message: string; link: string }) => p.message.length > 10 && p.link.startsWith('/')));
      assert.ok(check.body.selfScore.length === 7);
      // Over the limit is reported with the counts.
      const ring = proposal.sections.find((s) => s.key === 'ringkasan')!;
      await operator.put(`/api/proposals/${proposal.id}/sections/ringkasan`, { text: 'kata '.repeat(210), baseVersion: ring.version });
      const over = (await operator.get(`/api/proposals/${proposal.id}/check`)).body.problems.find((p: { code: string }) => p.code === 'section_over_limit');
      assert.match(over.message, /210 kata, melebihi batas 200/);
      // Fix everything: texts, attachments, video, an older application date.
      const current = (await operator.get(`/api/proposals/${proposal.id}`)).body.sections as Array<{ key: string; version: number }>;
      for (const s of current) {
        const r = await operator.put(`/api/proposals/${proposal.id}/sections/${s.key}`, { text: 'Uraian singkat yang sudah lengkap untuk bagian ini.', baseVersion: s.version });
        assert.equal(r.status, 200, r.raw);
      }
      for (const kind of ['sk_inovator', 'pernyataan_implementasi', 'pernyataan_identitas', 'pernyataan_replikasi']) {
        const ev = await operator.upload('/api/evidence', {}, { name: `${kind}.pdf`, data: PDF });
        assert.equal((await operator.post(`/api/proposals/${proposal.id}/attachments`, { kind, evidenceId: ev.body.id })).status, 201);
      }
      await operator.patch(`/api/innovations/${innovationId}`, { initiatedOn: '2020-01-10', appliedOn: '2021-01-05', videoUrl: 'https://video.example/jemput-bola' });
      const ok = await operator.get(`/api/proposals/${proposal.id}/check`);
      assert.deepEqual(ok.body.problems, []);
      assert.equal(ok.body.ok, true);
    });

    test('coaching: comments resolve; every save is a version; two versions compare word by word', async () => {
      const c = await inovasi.post(`/api/proposals/${proposal.id}/comments`, { sectionKey: 'signifikansi', body: 'Tambahkan data sebelum dan sesudah.' });
      assert.equal(c.status, 201);
      assert.equal((await operator.post(`/api/proposals/${proposal.id}/comments/${c.body.id}/resolve`)).status, 200);
      const versions = await operator.get(`/api/proposals/${proposal.id}/sections/implementasi/versions`);
      assert.ok(versions.body.items.length >= 3);
      const diff = await operator.get(`/api/proposals/${proposal.id}/sections/implementasi/diff?from=2&to=3`);
      assert.ok(diff.body.parts.some((p: { op: string }) => p.op === 'add'));
      assert.ok(diff.body.parts.some((p: { op: string }) => p.op === 'del'));
    });

    test('a new proposal can start from last year’s, keeping its text and saying so', async () => {
      const next = await operator.post('/api/proposals', { innovationId, basedOnId: proposal.id });
      assert.equal(next.status, 201);
      const s = next.body.sections.find((x: { key: string }) => x.key === 'implementasi');
      assert.match(s.text, /Uraian singkat/);
      assert.equal(s.prefillSource, `proposal:${proposal.id}`);
    });

    test('exports: a real PDF and a DOCX in the official order', async () => {
      const pdf = await operator.download(`/api/proposals/${proposal.id}/export.pdf`);
      assert.equal(pdf.status, 200);
      assert.equal(pdf.data.subarray(0, 5).toString(), '%PDF-');
      const { pdfText } = await import('../../documents/official/pdf-tools.ts');
      const text = pdfText(pdf.data).replace(/\s+/g, ' ');
      const inPdf = ['Ringkasan', 'Latar Belakang', 'Kebaruan', 'Implementasi', 'Signifikansi', 'Sumber Daya', 'Strategi Keberlanjutan'].map((t) => text.indexOf(t));
      assert.ok(inPdf.every((i) => i >= 0), `every heading is in the PDF: ${inPdf}`);
      assert.deepEqual([...inPdf].sort((a, b) => a - b), inPdf, 'in the official order');
      const docx = await operator.download(`/api/proposals/${proposal.id}/export.docx`);
      assert.equal(docx.status, 200);
      assert.equal(docx.data.subarray(0, 2).toString(), 'PK');
      const { default: JSZip } = await import('jszip');
      const zip = await JSZip.loadAsync(docx.data);
      const xml = await zip.file('word/document.xml')!.async('string');
      const order = ['Ringkasan', 'Latar Belakang', 'Kebaruan', 'Implementasi', 'Signifikansi', 'Adaptabilitas (a)', 'Sumber Daya', 'Strategi Keberlanjutan', 'Lampiran'].map((t) => xml.indexOf(t));
      assert.ok(order.every((i) => i > 0), 'every heading is there');
      assert.deepEqual([...order].sort((a, b) => a - b), order, 'in the official order');
    });

    test('export file names say what they hold: the proposal’s title, ASCII-safe, with the KIPP year', async () => {
      // The clock of this runtime is the real one: the year is today's in the region (WIB).
      const year = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 4);
      const pdf = await operator.download(`/api/proposals/${proposal.id}/export.pdf`);
      assert.match(String(pdf.headers['content-disposition']), new RegExp(`^inline; filename="proposal-kipp-${year}-jemput-bola-akta-kelahiran\\.pdf"`));
      const docx = await operator.download(`/api/proposals/${proposal.id}/export.docx`);
      assert.match(String(docx.headers['content-disposition']), new RegExp(`^attachment; filename="proposal-kipp-${year}-jemput-bola-akta-kelahiran\\.docx"`));
      // A title with diacritics and quotes still gives a plain ASCII name (and the exact one in filename*).
      await rt.deps.db.updateTable('proposals').set({ title: 'Rumah “UMKM” Serasan — Déjà vu' }).where('id', '=', proposal.id).execute();
      const odd = await operator.download(`/api/proposals/${proposal.id}/export.pdf`);
      assert.match(String(odd.headers['content-disposition']), new RegExp(`filename="proposal-kipp-${year}-rumah-umkm-serasan-deja-vu\\.pdf"`));
      await rt.deps.db.updateTable('proposals').set({ title: 'Jemput Bola Akta Kelahiran' }).where('id', '=', proposal.id).execute();
    });
  });
}
