import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import JSZip from 'jszip';
import { AppError } from '../../errors.ts';
import { checkXlsxLimits } from '../../documents/xlsx/zip-guard.ts';
import { createTestRuntime, signedIn, testDialects, type TestClient, type TestRuntime } from '../../testing/harness.ts';
import { IMPORT_MAX_UNPACKED_BYTES } from './innovation.xlsx.ts';

/** A copy of `xlsx` whose data sheet gets `extra` XML inside <sheetData> and `pad` spaces before its end. */
async function doctored(xlsx: Buffer, opts: { rows?: number; pad?: number }): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  let sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
  if (opts.rows) {
    const rows = Array.from({ length: opts.rows }, (_, i) => `<row r="${i + 2}"/>`).join('');
    sheet = sheet.replace(/<sheetData>[\s\S]*<\/sheetData>|<sheetData\/>/, (m) => m.replace(/<\/sheetData>$|<sheetData\/>$/, `${rows}</sheetData>`).replace(/^<sheetData\/>/, '<sheetData>'));
  }
  if (opts.pad) sheet = sheet.replace('</worksheet>', `${' '.repeat(opts.pad)}</worksheet>`);
  zip.file('xl/worksheets/sheet1.xml', sheet);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

test('the guard inflates with a hard cap: a zip that under-declares its sizes is still refused', async () => {
  const zip = new JSZip();
  zip.file('xl/worksheets/sheet1.xml', ' '.repeat(3 * 1024 * 1024));
  const buf = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  assert.ok(buf.length < 64 * 1024, 'the bomb is small');
  // Rewrite every declared uncompressed size (local header +22, central directory +24) to 10 bytes.
  for (let i = 0; i + 4 <= buf.length; i++) {
    if (buf.readUInt32LE(i) === 0x04034b50) buf.writeUInt32LE(10, i + 22);
    if (buf.readUInt32LE(i) === 0x02014b50) buf.writeUInt32LE(10, i + 24);
  }
  const limits = { maxUnpackedBytes: 1024 * 1024, maxRowsPerSheet: 100, maxCellsPerSheet: 100 };
  assert.throws(() => checkXlsxLimits(buf, limits), (e: unknown) => e instanceof AppError && e.code === 'PAYLOAD_TOO_LARGE');
  assert.throws(() => checkXlsxLimits(Buffer.from('bukan zip'), limits), (e: unknown) => e instanceof AppError && e.code === 'VALIDATION');
});

for (const dialect of await testDialects()) {
  describe(`innovation import limits and roles [${dialect}]`, () => {
    let rt: TestRuntime;
    let operator: TestClient;
    let template: Buffer;

    before(async () => {
      rt = await createTestRuntime(dialect);
      operator = await signedIn(rt, 'operator');
      template = (await operator.download('/api/innovations/import-template.xlsx')).data;
    });
    after(() => rt.close());

    test('a small upload that unpacks past the limit → 413 before the workbook is loaded (import and preview)', async () => {
      const bomb = await doctored(template, { pad: IMPORT_MAX_UNPACKED_BYTES + 1024 });
      assert.ok(bomb.length < 1024 * 1024, `upload is small (${bomb.length} bytes)`);
      for (const url of ['/api/innovations/import', '/api/innovations/import/preview']) {
        const res = await operator.upload(url, {}, { name: 'bom.xlsx', data: bomb });
        assert.equal(res.status, 413, `${url}: ${res.raw}`);
        assert.equal(res.body.error.code, 'PAYLOAD_TOO_LARGE');
        assert.equal(res.body.error.message, 'Berkas Excel terlalu besar setelah dibuka (lebih dari 20 MB). Bagi data menjadi beberapa berkas.');
      }
    });

    test('a sheet with far too many rows → 400 naming the limit, counted while unpacking', async () => {
      const many = await doctored(template, { rows: 50_000 });
      const res = await operator.upload('/api/innovations/import', {}, { name: 'banyak.xlsx', data: many });
      assert.equal(res.status, 400, res.raw);
      assert.equal(res.body.error.code, 'VALIDATION');
      assert.equal(res.body.error.message, 'Berkas Excel berisi terlalu banyak baris (lebih dari 4000). Bagi data menjadi beberapa berkas.');
    });

    for (const username of ['juri', 'pimpinan', 'inspektorat']) {
      test(`${username} may not create innovations, so may not import: 403`, async () => {
        const c = await signedIn(rt, username);
        for (const url of ['/api/innovations/import', '/api/innovations/import/preview']) {
          const res = await c.upload(url, {}, { name: 'impor.xlsx', data: template });
          assert.equal(res.status, 403, `${url}: ${res.raw}`);
          assert.equal(res.body.error.code, 'FORBIDDEN');
        }
      });
    }
  });
}
