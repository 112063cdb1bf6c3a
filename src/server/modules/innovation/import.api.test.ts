import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { createTestRuntime, signedIn, testDialects, TestClient, type TestRuntime } from '../../testing/harness.ts';
import { createUsersService } from '../users/users.service.ts';
import { parseBudget } from './innovation.xlsx.ts';

/** Issue 10 item 4: re-importing the app's own export must not duplicate anything. */

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

/** Rows of the "Inovasi" sheet as { header: value }, and a writer for edited copies. */
async function readSheet(data: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('Inovasi')!;
  const headers: string[] = [];
  ws.getRow(1).eachCell((c, i) => (headers[i] = String(c.value).replace(/\s*\*$/, '')));
  return { wb, ws, col: (h: string) => headers.indexOf(h) };
}

async function edited(data: Buffer, edit: (s: Awaited<ReturnType<typeof readSheet>>) => void): Promise<Buffer> {
  const s = await readSheet(data);
  edit(s);
  return Buffer.from(await s.wb.xlsx.writeBuffer());
}

function rowOfId(s: Awaited<ReturnType<typeof readSheet>>, id: string): number {
  let found = -1;
  s.ws.eachRow((r, n) => {
    if (n > 1 && String(r.getCell(s.col('ID Serasan')).value) === id) found = n;
  });
  assert.ok(found > 1, `export has a row for ${id}`);
  return found;
}

function appendRow(s: Awaited<ReturnType<typeof readSheet>>, values: Record<string, string>) {
  const n = s.ws.rowCount + 1;
  for (const [h, v] of Object.entries(values)) s.ws.getCell(n, s.col(h)).value = v;
  return n;
}

const newRow = (title: string, description: string) => ({
  'Nama Inovasi': title,
  'Unit Pengampu': 'Disdukcapil',
  'Jenis Inovasi': 'Pelayanan publik',
  Digital: 'Ya',
  Tahapan: 'Penerapan',
  'Tanggal Inisiatif': '2024-02-01',
  'Rancang Bangun': description,
});

for (const dialect of await testDialects()) {
  describe(`innovation import: update by ID, duplicates, preview [${dialect}]`, () => {
    let rt: TestRuntime;
    let operator: TestClient;
    let admin: TestClient;
    let other: TestClient;
    let draftId: string;
    let otherId: string;
    const total = async () => (await operator.get('/api/innovations?pageSize=1')).body.total as number;
    const exportAll = async () => {
      const exp = await operator.download('/api/innovations/export.xlsx');
      assert.equal(exp.status, 200);
      return exp.data;
    };

    before(async () => {
      rt = await createTestRuntime(dialect);
      operator = await signedIn(rt, 'operator');
      admin = await signedIn(rt, 'admin');
      const units = (await operator.get('/api/units')).body.items;
      const dukcapilId = units.find((u: { shortName: string }) => u.shortName === 'Disdukcapil').id;
      const d = await operator.post('/api/innovations', {
        title: 'Antar Jemput Akta Kelahiran di Rumah Sakit',
        unitId: dukcapilId,
        type: 'pelayanan_publik',
        stage: 'penerapan',
        digital: true,
        urusanMain: 'adminduk',
        initiatedOn: '2024-01-15',
        budget: 12500000.5,
        description: 'Petugas Disdukcapil menerbitkan akta kelahiran bayi langsung di rumah sakit bersalin tanpa antre.',
      });
      assert.equal(d.status, 201, d.raw);
      draftId = d.body.id;
      other = await tenantAdmin(rt, await signedIn(rt, 'platform'), '16.71', 'admin.palembang.import');
      const otherUnit = (await other.get('/api/units?type=kecamatan')).body.items[0].id;
      const o = await other.post('/api/innovations', { title: 'Inovasi Kota Lain', unitId: otherUnit, type: 'pelayanan_publik', stage: 'inisiatif', digital: false, initiatedOn: '2024-01-01', description: 'Rancangan inovasi milik wilayah lain sama sekali.' });
      assert.equal(o.status, 201, o.raw);
      otherId = o.body.id;
    });
    after(() => rt.close());

    test('re-importing the unchanged export changes nothing: every row "tidak berubah", the count is kept, no audit', async () => {
      const before = await total();
      assert.ok(before >= 2);
      const data = await exportAll();
      const preview = await operator.upload('/api/innovations/import/preview', {}, { name: 'ekspor.xlsx', data });
      assert.equal(preview.status, 200, preview.raw);
      assert.equal(preview.body.counts.unchanged, before, JSON.stringify(preview.body.rows.filter((r: { action: string }) => r.action !== 'unchanged')));
      assert.deepEqual({ ...preview.body.counts, unchanged: 0 }, { create: 0, update: 0, unchanged: 0, duplicate: 0, error: 0 });
      const auditBefore = (await admin.get(`/api/audit?entityId=${draftId}`)).body.total;
      assert.equal(auditBefore, 1, 'the create');
      const res = await operator.upload('/api/innovations/import', {}, { name: 'ekspor.xlsx', data });
      assert.equal(res.status, 200, res.raw);
      assert.deepEqual([res.body.created, res.body.updated, res.body.unchanged], [0, 0, before]);
      assert.equal(await total(), before, 'no record was added');
      assert.equal((await admin.get(`/api/audit?entityId=${draftId}`)).body.total, auditBefore, 'nothing audited');
    });

    test('an edited row with "ID Serasan" updates that record, with an audit entry of before and after', async () => {
      const before = await total();
      const data = await edited(await exportAll(), (s) => {
        const n = rowOfId(s, draftId);
        s.ws.getCell(n, s.col('Nama Inovasi')).value = 'Akta Kelahiran Langsung Terbit di Rumah Sakit';
        s.ws.getCell(n, s.col('Tujuan')).value = 'Setiap bayi punya akta sebelum pulang.';
      });
      const preview = await operator.upload('/api/innovations/import/preview', {}, { name: 'ekspor.xlsx', data });
      assert.equal(preview.status, 200, preview.raw);
      const row = preview.body.rows.find((r: { id: string | null }) => r.id === draftId);
      assert.equal(row.action, 'update');
      assert.deepEqual(row.changes, ['Nama Inovasi', 'Tujuan']);
      assert.equal(preview.body.counts.update, 1);
      assert.equal((await operator.get(`/api/innovations/${draftId}`)).body.title, 'Antar Jemput Akta Kelahiran di Rumah Sakit', 'the preview wrote nothing');

      const res = await operator.upload('/api/innovations/import', {}, { name: 'ekspor.xlsx', data });
      assert.equal(res.status, 200, res.raw);
      assert.deepEqual([res.body.created, res.body.updated], [0, 1]);
      assert.deepEqual(res.body.updatedIds, [draftId]);
      assert.equal(await total(), before);
      const rec = (await operator.get(`/api/innovations/${draftId}`)).body;
      assert.equal(rec.title, 'Akta Kelahiran Langsung Terbit di Rumah Sakit');
      assert.equal(rec.goals, 'Setiap bayi punya akta sebelum pulang.');
      assert.equal(rec.budget, 12500000.5, 'a decimal budget survives the round trip');
      const audit = (await admin.get(`/api/audit?entityId=${draftId}`)).body.items[0];
      assert.equal(audit.action, 'import_update');
      assert.deepEqual(audit.changes.title, { before: 'Antar Jemput Akta Kelahiran di Rumah Sakit', after: 'Akta Kelahiran Langsung Terbit di Rumah Sakit' });
    });

    test('an ID of another region or an unknown ID is a row error, and nothing is saved', async () => {
      const before = await total();
      const data = await edited(await exportAll(), (s) => {
        const n = rowOfId(s, draftId);
        s.ws.getCell(n, s.col('Tujuan')).value = 'Diubah, tetapi berkas ditolak.';
        const a = appendRow(s, newRow('Inovasi Kota Lain', 'Rancangan inovasi milik wilayah lain sama sekali.'));
        s.ws.getCell(a, s.col('ID Serasan')).value = otherId;
        const b = appendRow(s, newRow('Tidak Dikenal', 'Baris dengan ID yang tidak pernah ada.'));
        s.ws.getCell(b, s.col('ID Serasan')).value = 'bukan-id-serasan';
      });
      const preview = await operator.upload('/api/innovations/import/preview', {}, { name: 'x.xlsx', data });
      assert.equal(preview.status, 200, preview.raw);
      const errors = preview.body.rows.filter((r: { action: string }) => r.action === 'error');
      assert.equal(errors.length, 2);
      for (const e of errors) assert.match(e.problems[0].message, /ID Serasan .* tidak dikenal di wilayah ini/);
      assert.ok(!JSON.stringify(preview.body).includes('Palembang'), 'nothing of the other region leaks');
      const res = await operator.upload('/api/innovations/import', {}, { name: 'x.xlsx', data });
      assert.equal(res.status, 400, res.raw);
      assert.match(res.body.error.message, /2 baris bermasalah/);
      assert.equal(await total(), before);
      assert.notEqual((await operator.get(`/api/innovations/${draftId}`)).body.goals, 'Diubah, tetapi berkas ditolak.', 'all or nothing');
      assert.equal((await other.get(`/api/innovations/${otherId}`)).body.title, 'Inovasi Kota Lain');
    });

    test('a new row like an existing record is "mungkin sudah ada": the user must create or skip it', async () => {
      const before = await total();
      const data = await edited(await exportAll(), (s) => {
        appendRow(s, newRow('akta kelahiran langsung terbit  di rumah sakit', 'Penerbitan akta kelahiran bayi di rumah sakit bersalin.'));
        appendRow(s, newRow('Penerbitan Akta Kelahiran Bayi di Rumah Sakit Bersalin', 'Petugas Disdukcapil menerbitkan akta kelahiran bayi langsung di rumah sakit bersalin, tanpa antre.'));
        appendRow(s, newRow('Perpustakaan Keliling Desa Terpencil', 'Mobil perpustakaan berkeliling ke desa terpencil setiap pekan.'));
      });
      const preview = await operator.upload('/api/innovations/import/preview', {}, { name: 'x.xlsx', data });
      assert.equal(preview.status, 200, preview.raw);
      const [dup, similar] = preview.body.rows.filter((r: { action: string }) => r.action === 'duplicate');
      assert.ok(dup && similar, JSON.stringify(preview.body.rows.slice(-3)));
      assert.equal(dup.match.id, draftId, 'same title, other case and spaces');
      assert.equal(dup.match.title, 'Akta Kelahiran Langsung Terbit di Rumah Sakit');
      assert.match(dup.match.reason, /judul sama/);
      assert.equal(similar.title, 'Penerbitan Akta Kelahiran Bayi di Rumah Sakit Bersalin');
      assert.equal(similar.match.id, draftId, 'a paraphrase found by the similarity search');
      assert.ok(similar.match.reason);
      assert.equal(preview.body.counts.create, 1);
      assert.equal(preview.body.counts.duplicate, 2);

      const undecided = await operator.upload('/api/innovations/import', {}, { name: 'x.xlsx', data });
      assert.equal(undecided.status, 409, undecided.raw);
      assert.match(undecided.body.error.message, /mungkin sudah ada/);
      assert.equal(await total(), before, 'nothing saved until decided');

      const skipped = await operator.upload(`/api/innovations/import?skip=${dup.row},${similar.row}`, {}, { name: 'x.xlsx', data });
      assert.equal(skipped.status, 201, skipped.raw);
      assert.deepEqual([skipped.body.created, skipped.body.skipped, skipped.body.updated], [1, 2, 0]);
      assert.equal(await total(), before + 1);
    });

    test('a confirmed possible duplicate is created; two identical new rows of one file flag each other', async () => {
      const before = await total();
      const data = await edited(await exportAll(), (s) => {
        appendRow(s, newRow('Sekolah Lapang Petani Milenial', 'Pelatihan pertanian modern bagi petani muda di balai desa.'));
        appendRow(s, newRow('Sekolah Lapang Petani Milenial', 'Pelatihan pertanian modern bagi petani muda di balai desa.'));
      });
      const preview = await operator.upload('/api/innovations/import/preview', {}, { name: 'x.xlsx', data });
      const rows = preview.body.rows.filter((r: { title: string }) => r.title === 'Sekolah Lapang Petani Milenial');
      assert.deepEqual(rows.map((r: { action: string }) => r.action), ['create', 'duplicate']);
      assert.equal(rows[1].match.id, null);
      const res = await operator.upload(`/api/innovations/import?create=${rows[1].row}`, {}, { name: 'x.xlsx', data });
      assert.equal(res.status, 201, res.raw);
      assert.equal(res.body.created, 2);
      assert.equal(await total(), before + 2);
    });
  });
}

test('budget cells: Indonesian thousands, decimals and plain numbers', () => {
  assert.equal(parseBudget('1.500.000'), 1500000);
  assert.equal(parseBudget('1.500.000,50'), 1500000.5);
  assert.equal(parseBudget('12500000.5'), 12500000.5);
  assert.equal(parseBudget('2500000'), 2500000);
  assert.equal(parseBudget('dua juta'), undefined);
});
