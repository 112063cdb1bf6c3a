import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { createTestRuntime, signedIn, testDialects, type TestClient, type TestRuntime } from '../../testing/harness.ts';

async function filledTemplate(template: Buffer, rows: Array<Record<string, string | Date>>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('Inovasi')!;
  const headers: string[] = [];
  ws.getRow(1).eachCell((c, i) => (headers[i] = String(c.value).replace(/\s*\*$/, '')));
  rows.forEach((r, n) => {
    for (const [header, value] of Object.entries(r)) {
      const col = headers.indexOf(header);
      assert.ok(col > 0, `template has column ${header}`);
      ws.getCell(n + 2, col).value = value;
    }
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const good = (title: string): Record<string, string | Date> => ({
  'Nama Inovasi': title,
  'Unit Pengampu': 'Disdukcapil',
  'Jenis Inovasi': 'Pelayanan publik',
  Digital: 'Ya',
  'Urusan Utama': 'Administrasi Kependudukan dan Pencatatan Sipil',
  Tahapan: 'Penerapan',
  'Tanggal Inisiatif': new Date(Date.UTC(2023, 2, 1)),
  'Tanggal Penerapan': '2023-09-01',
  'Rancang Bangun': 'Perekaman KTP-el keliling ke desa-desa terpencil dengan mobil layanan.',
});

for (const dialect of await testDialects()) {
  describe(`innovation Excel import/export [${dialect}]`, () => {
    let rt: TestRuntime;
    let operator: TestClient;
    let template: Buffer;
    before(async () => {
      rt = await createTestRuntime(dialect);
      operator = await signedIn(rt, 'operator');
      const t = await operator.download('/api/innovations/import-template.xlsx');
      assert.equal(t.status, 200);
      template = t.data;
    });
    after(() => rt.close());

    test('the template is a real workbook with the data sheet, references and instructions', async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(template as unknown as ArrayBuffer);
      assert.deepEqual(wb.worksheets.map((w) => w.name), ['Inovasi', 'Referensi', 'Petunjuk']);
      assert.equal(String(wb.getWorksheet('Inovasi')!.getCell('A1').value), 'Nama Inovasi *');
    });

    test('one bad row imports nothing and the report names each row and field in Indonesian', async () => {
      const before = (await operator.get('/api/innovations')).body.total;
      const bad = await filledTemplate(template, [
        good('Jemput Bola KTP-el'),
        { ...good('Tanggal Terbalik'), 'Tanggal Uji Coba': '2023-12-01', 'Tanggal Penerapan': '2023-06-01' },
        { ...good('Urusan Aneh'), 'Urusan Utama': 'Urusan Sihir' },
        { ...good(''), 'Rancang Bangun': 'pendek' },
        { ...good('Unit Lain'), 'Unit Pengampu': 'Dinas Kesehatan' },
      ]);
      const res = await operator.upload('/api/innovations/import', {}, { name: 'impor.xlsx', data: bad });
      assert.equal(res.status, 400, res.raw);
      assert.match(res.body.error.message, /4 baris bermasalah/);
      const details = res.body.error.details as Array<{ row: number; field: string; message: string }>;
      assert.ok(details.some((d) => d.row === 3 && d.field === 'appliedOn' && /uji coba/.test(d.message)));
      assert.ok(details.some((d) => d.row === 4 && d.field === 'urusanMain' && /Urusan Sihir/.test(d.message)));
      assert.ok(details.some((d) => d.row === 5 && d.field === 'title'));
      assert.ok(details.some((d) => d.row === 5 && d.field === 'description'));
      assert.ok(details.some((d) => d.row === 6 && d.field === 'unit' && /tidak berwenang/.test(d.message)), 'another unit is out of scope');
      assert.ok(details.every((d) => d.message.startsWith(`Baris ${d.row}`)));
      assert.equal((await operator.get('/api/innovations')).body.total, before, 'nothing saved');
    });

    test('a clean file imports every row as drafts; the export opens and lists them', async () => {
      const ok = await filledTemplate(template, [good('Jemput Bola KTP-el'), good('Akta Kelahiran Online')]);
      const res = await operator.upload('/api/innovations/import', {}, { name: 'impor.xlsx', data: ok });
      assert.equal(res.status, 201, res.raw);
      assert.equal(res.body.imported, 2);
      const list = await operator.get('/api/innovations?q=akta%20kelahiran%20online');
      assert.equal(list.body.items[0].status, 'draft');
      const exp = await operator.download('/api/innovations/export.xlsx?status=draft');
      assert.equal(exp.status, 200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(exp.data as unknown as ArrayBuffer);
      const titles: string[] = [];
      wb.getWorksheet('Inovasi')!.eachRow((r, i) => i > 1 && titles.push(String(r.getCell(1).value)));
      assert.ok(titles.includes('Jemput Bola KTP-el') && titles.includes('Akta Kelahiran Online'));
      // Round trip: the export is itself a valid import file, and importing it again changes nothing.
      const again = await operator.upload('/api/innovations/import', {}, { name: 'ekspor.xlsx', data: exp.data });
      assert.equal(again.status, 200, again.raw);
      assert.deepEqual([again.body.created, again.body.updated, again.body.unchanged], [0, 0, 2]);
    });

    test('a file that is not a workbook is refused clearly', async () => {
      const res = await operator.upload('/api/innovations/import', {}, { name: 'x.xlsx', data: Buffer.from('bukan excel') });
      assert.equal(res.status, 400);
      assert.match(res.body.error.message, /Excel/);
    });
  });
}
