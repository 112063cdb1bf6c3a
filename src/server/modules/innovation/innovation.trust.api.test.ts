import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { parseCsv } from '../../lib/csv.ts';
import { cellText } from '../../documents/xlsx/innovation-sheet.ts';
import { indexInnovation } from '../../search/innovation-index.ts';
import { newInnovationRow } from './innovation.service.ts';
import { createTestRuntime, signedIn, testDialects, TestClient, type TestRuntime } from '../../testing/harness.ts';

/** Regressions of issue 9 in the innovation registry: exports, search. */
const FORMULA = /^[=+\-@\t\r]/;

for (const dialect of await testDialects()) {
  describe(`innovation trust regressions [${dialect}]`, () => {
    let rt: TestRuntime;
    let operator: TestClient;
    let kepala: TestClient;
    let inovasi: TestClient;
    let dukcapilId: string;

    before(async () => {
      rt = await createTestRuntime(dialect);
      operator = await signedIn(rt, 'operator');
      kepala = await signedIn(rt, 'kepala');
      inovasi = await signedIn(rt, 'inovasi');
      dukcapilId = (await operator.get('/api/units')).body.items.find((u: { shortName: string }) => u.shortName === 'Disdukcapil').id;
    });
    after(() => rt.close());

    test('item 5: a title starting with "=" is text in the open-data CSV and in the Excel export', async () => {
      const title = '=HYPERLINK("http://contoh.invalid";"Antar Dokumen")';
      const created = await operator.post('/api/innovations', {
        title,
        unitId: dukcapilId,
        type: 'pelayanan_publik',
        stage: 'penerapan',
        digital: true,
        initiatedOn: '2024-01-15',
        description: '-Dokumen kependudukan diantar gratis ke rumah warga oleh petugas Disdukcapil.',
      });
      assert.equal(created.status, 201, created.raw);
      const id = created.body.id;
      assert.equal((await kepala.post(`/api/innovations/${id}/submit`)).status, 200);
      assert.equal((await inovasi.post(`/api/innovations/${id}/verify`)).status, 200);
      assert.equal((await inovasi.post(`/api/innovations/${id}/publish`)).status, 200);

      const csv = await new TestClient(rt.app).get('/api/public/innovations.csv?region=16.03');
      assert.equal(csv.status, 200);
      const rows = parseCsv(csv.raw.replace(/^\uFEFF/, ''));
      const header = rows[0];
      const data = rows.slice(1).filter((r) => !r[0].startsWith('#'));
      const mine = data.find((r) => r[0] === id);
      assert.ok(mine, 'the published record is in the CSV');
      assert.equal(mine[header.indexOf('title')], `'${title}`);
      assert.equal(mine[header.indexOf('description')], "'-Dokumen kependudukan diantar gratis ke rumah warga oleh petugas Disdukcapil.");
      for (const row of data) {
        assert.equal(row.length, header.length);
        for (const cell of row) assert.doesNotMatch(cell, FORMULA);
      }

      // The registry's list export (the DataList CSV button) goes through the same writer.
      const list = await inovasi.get('/api/innovations/export.csv');
      assert.equal(list.status, 200, list.raw.slice(0, 200));
      const listRows = parseCsv(list.raw.replace(/^\uFEFF/, ''));
      assert.ok(listRows.some((r) => r.includes(`'${title}`)), 'the title, neutralised, in the list export');
      for (const row of listRows.slice(1)) {
        assert.equal(row.length, listRows[0].length);
        for (const cell of row) assert.doesNotMatch(cell, FORMULA);
      }

      const x = await inovasi.download('/api/innovations/export.xlsx');
      assert.equal(x.status, 200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(x.data as unknown as ArrayBuffer);
      const ws = wb.getWorksheet('Inovasi')!;
      const titles: ExcelJS.CellValue[] = [];
      ws.eachRow((row, n) => n > 1 && titles.push(row.getCell(1).value));
      assert.ok(titles.includes(`'${title}`), JSON.stringify(titles));
      for (const t of titles) assert.equal(typeof t, 'string');
      assert.equal(cellText(`'${title}`), title, 'importing the export gives the title back');
    });

    test('item 12: a user whose only role is judge cannot read the registry, so cannot find a blind entry’s unit', async () => {
      const juri = await signedIn(rt, 'juri');
      const any = (await inovasi.get('/api/innovations?pageSize=1')).body.items[0];
      for (const url of ['/api/innovations', `/api/innovations?q=${encodeURIComponent(any.title)}`, `/api/innovations/${any.id}`, '/api/innovations/similar?text=layanan%20kependudukan', '/api/innovations/export.xlsx']) {
        const res = await juri.get(url);
        assert.equal(res.status, 403, `${url}: ${res.raw.slice(0, 200)}`);
        assert.doesNotMatch(res.raw, /Disdukcapil|Dinas /);
      }
      // The judge's own work is untouched: the competitions stay readable.
      assert.equal((await juri.get('/api/competitions')).status, 200);
    });

    test('item 12: a search with more than 1,000 hits says so (totalCapped) instead of a false total', async () => {
      const { db, dialect } = rt.deps;
      const actor = { userId: 'fixture', tenantId: (await db.selectFrom('tenants').select('id').where('regionCode', '=', '16.03').executeTakeFirstOrThrow()).id, name: 'fixture', roles: [{ role: 'admin' as const, unitId: null }], isPlatformAdmin: false, unitScope: new Set<string>() };
      const now = new Date().toISOString();
      await db.transaction().execute(async (tx) => {
        for (let i = 0; i < 1005; i++) {
          const row = newInnovationRow(actor, { title: `Gerobak Sampah Keliling ${i}`, unitId: dukcapilId, type: 'pelayanan_publik', stage: 'penerapan', digital: false, initiatedOn: '2024-01-15', description: 'Gerobak sampah keliling menjemput sampah warga setiap pagi.' } as never, now);
          Object.assign(row, { status: 'published', publishedAt: now });
          await tx.insertInto('innovations').values(row).execute();
          await indexInnovation(tx, dialect, row);
        }
      });
      const many = await inovasi.get('/api/innovations?q=gerobak%20sampah&pageSize=20');
      assert.equal(many.status, 200, many.raw);
      assert.equal(many.body.total, 1000);
      assert.equal(many.body.totalCapped, true);
      assert.equal(many.body.items.length, 20);
      // Any-word matching (issue 10): every record shares words with this query, the one with all words comes first.
      const best = await inovasi.get('/api/innovations?q=gerobak%20sampah%20keliling%20777&pageSize=3');
      assert.equal(best.body.items[0].title, 'Gerobak Sampah Keliling 777');
      const few = await inovasi.get('/api/innovations?q=777');
      assert.equal(few.body.total, 1);
      assert.equal(few.body.totalCapped, false);
      const all = await inovasi.get('/api/innovations?pageSize=1');
      assert.equal(all.body.totalCapped, false, 'without a search the count is exact');
      assert.ok(all.body.total > 1000);
      // The public catalogue says the same.
      const anon = new TestClient(rt.app);
      const pub = await anon.get('/api/public/innovations?q=gerobak%20sampah');
      assert.equal(pub.status, 200, pub.raw);
      assert.equal(pub.body.total, 1000);
      assert.equal(pub.body.totalCapped, true);
      const one = await anon.get('/api/public/innovations?q=777');
      assert.equal(one.body.total, 1);
      assert.equal(one.body.totalCapped, false);
    });
  });
}
