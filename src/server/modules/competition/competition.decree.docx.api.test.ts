import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import JSZip from 'jszip';
import { createTestRuntime, signedIn, testDialects, type TestClient, type TestRuntime } from '../../testing/harness.ts';
import { createManualClock } from '../../lib/manual-clock.ts';

const all = (v: number) => ({ latar_belakang: v, kebaruan: v, implementasi: v, signifikansi: v, adaptabilitas: v, sumber_daya: v, keberlanjutan: v });
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const plain = (x: string) => x.replace(/<w:tab\/>/g, '\t').replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, '');

for (const dialect of await testDialects()) {
  describe(`competition decree: the editable DOCX draft before the decision [${dialect}]`, () => {
    let rt: TestRuntime;
    let admin: TestClient;
    let inovasi: TestClient;
    let juri: TestClient;
    let competitionId: string;

    before(async () => {
      // The injected clock, not the wall clock: every date in these tests is fixed.
      rt = await createTestRuntime(dialect, { clock: createManualClock('2026-11-30T03:00:00.000Z') });
      admin = await signedIn(rt, 'admin');
      inovasi = await signedIn(rt, 'inovasi');
      juri = await signedIn(rt, 'juri');
      const close = '2026-12-30';
      const c = await inovasi.post('/api/competitions', { name: 'Seleksi Inovasi Daerah', year: 2026, registrationClose: close, quota: 1 });
      assert.equal(c.status, 201, c.raw);
      competitionId = c.body.id;
      const units = (await admin.get('/api/units')).body.items as Array<{ id: string; shortName: string }>;
      const inv = await admin.post('/api/innovations', { title: 'Akta Kilat', unitId: units.find((u) => u.shortName === 'Disdukcapil')!.id, type: 'pelayanan_publik', stage: 'penerapan', digital: true, initiatedOn: '2021-01-04', appliedOn: '2021-06-01', description: 'Akta Kilat: inovasi pelayanan publik untuk uji rancangan keputusan.' });
      const proposal = (await admin.post('/api/proposals', { innovationId: inv.body.id })).body.id;
      assert.equal((await inovasi.post(`/api/competitions/${competitionId}/entries`, { proposalId: proposal })).status, 204);
      const juriId = ((await admin.get('/api/users')).body.items as Array<{ id: string; username: string }>).find((u) => u.username === 'juri')!.id;
      assert.equal((await inovasi.post(`/api/competitions/${competitionId}/judges`, { userId: juriId })).status, 204);
      assert.equal((await juri.put(`/api/competitions/${competitionId}/scores/${proposal}`, { scores: all(80) })).status, 200);
    });
    after(async () => rt.close());

    test('the Tim Inovasi downloads a DOCX marked RANCANGAN: kop, KEPUTUSAN, no number yet, Menimbang, Mengingat, KESATU, the ranked proposal, the signer', async () => {
      const res = await inovasi.download(`/api/competitions/${competitionId}/decree.docx`);
      assert.equal(res.status, 200, res.data.toString());
      assert.equal(res.headers['content-type'], DOCX);
      assert.match(String(res.headers['content-disposition']), /attachment; filename="rancangan-sk-penetapan\.docx"/);
      const zip = await JSZip.loadAsync(res.data);
      const text = plain(await zip.file('word/document.xml')!.async('string'));
      const header = plain(await zip.file(Object.keys(zip.files).find((f) => /^word\/header\d*\.xml$/.test(f))!)!.async('string'));
      assert.match(header, /RANCANGAN/, 'marked as a draft on every page');
      assert.match(await zip.file('docProps/core.xml')!.async('string'), /<dc:title>RANCANGAN — Keputusan Bupati/i);
      for (const line of ['BUPATI MUARA ENIM\n', 'KEPUTUSAN BUPATI MUARA ENIM\n', 'NOMOR ……\n', 'TENTANG\n', 'PENETAPAN HASIL SELEKSI INOVASI DAERAH TAHUN 2026\n', 'MEMUTUSKAN:\n']) {
        assert.ok(text.includes(line), `missing "${line.trim()}" in ${text.slice(0, 800)}`);
      }
      assert.match(text, /Menimbang\n:\na\.\tbahwa dalam rangka mendorong inovasi pelayanan publik[^\n]*Seleksi Inovasi Daerah Tahun 2026;\nb\.\tbahwa berdasarkan hasil penilaian tim juri/);
      assert.match(text, /Mengingat\n:\n1\.\tUndang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik;\n2\.\tUndang-Undang Nomor 23 Tahun 2014/);
      assert.match(text, /MEMUTUSKAN:\nMenetapkan\n:\nKEPUTUSAN BUPATI MUARA ENIM TENTANG PENETAPAN HASIL SELEKSI INOVASI DAERAH TAHUN 2026\.\nKESATU\n:\nMenetapkan peringkat proposal Seleksi Inovasi Daerah Tahun 2026 berdasarkan rata-rata nilai tertimbang para juri \(Juri Kompetisi Inovasi \(demo\)\)/);
      assert.match(text, /KEDUA\n:\nProposal berikut diusulkan sebagai peserta Kompetisi Inovasi Pelayanan Publik melalui SINOVIK: 1\. Akta Kilat/);
      assert.match(text, /Ditetapkan di Muara Enim\npada tanggal \d{1,2} \w+ \d{4}\n/);
      assert.ok(text.includes('Bupati Muara Enim (demo)'), 'the head of region from the tenant settings signs');
      assert.match(text, /\n1\nAkta Kilat \(versi \d+\)\nDinas Kependudukan dan Pencatatan Sipil\n80,00\n0,00\nDiusulkan\n/, 'the lampiran lists the scored version with its mean');
    });

    test('a judge gets 403 before the decision (the ranking is hidden from judges until then), with the reason', async () => {
      const res = await juri.get(`/api/competitions/${competitionId}/decree.docx`);
      assert.equal(res.status, 403);
      assert.match(res.body.error.message, /setelah hasil kompetisi ditetapkan/);
    });

    test('another tenant’s admin gets 404 for our competition’s draft', async () => {
      const platform = await signedIn(rt, 'platform');
      const other = await platform.post('/api/admin/tenants', { regionCode: '16.04' });
      assert.equal(other.status, 201, other.raw);
      const { TestClient } = await import('../../testing/harness.ts');
      const { createUsersService } = await import('../users/users.service.ts');
      const u = await createUsersService(rt.deps).create(
        { userId: 'cli', tenantId: other.body.id, name: 'cli', roles: [{ role: 'admin', unitId: null }], isPlatformAdmin: false, unitScope: new Set() },
        { username: 'admin.lahat', name: 'Admin Lahat', password: 'rahasia-lahat-123', roles: [{ role: 'admin' }] },
      );
      await rt.deps.db.updateTable('users').set({ mustChangePassword: 0 }).where('id', '=', u.user.id).execute();
      const stranger = new TestClient(rt.app);
      await stranger.login('admin.lahat', 'rahasia-lahat-123');
      const res = await stranger.download(`/api/competitions/${competitionId}/decree.docx`);
      assert.equal(res.status, 404);
      assert.notEqual(res.data.subarray(0, 2).toString(), 'PK', 'no DOCX (zip) leaks');
    });

    test('an unknown competition answers 404; after the decision the draft answers 409 and the frozen PDF remains', async () => {
      assert.equal((await inovasi.get('/api/competitions/00000000-0000-4000-8000-000000000000/decree.docx')).status, 404);
      const d = await inovasi.post(`/api/competitions/${competitionId}/decide`, {});
      assert.equal(d.status, 200, d.raw);
      const res = await inovasi.get(`/api/competitions/${competitionId}/decree.docx`);
      assert.equal(res.status, 409);
      assert.match(res.body.error.message, /PDF resmi/);
      assert.equal((await inovasi.download(`/api/competitions/${competitionId}/decree.pdf`)).status, 200);
    });
  });
}
