import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCsv } from './csv.ts';
import { regionSlug } from './list.ts';
import { formatRegionStamp, regionDate } from '../../shared/region-time.ts';
import { createTestRuntime, signedIn, testDialects, TestClient, type TestRuntime } from '../testing/harness.ts';
import { allPages, expectOrder } from '../testing/lists.ts';

/**
 * Issue 10 item 5: every list endpoint sorts by whitelisted keys (`-key` descending), pages
 * deterministically (tie-break by id), refuses unknown sort keys, and exports exactly the
 * filtered rows as CSV. Checked on both databases.
 */

const pdf = (n: number) => Buffer.from(`%PDF-1.4\n% berkas ${n}\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n`);


for (const dialect of await testDialects()) {
  describe(`list sort, paging and export [${dialect}]`, () => {
    let rt: TestRuntime;
    let admin: TestClient;

    before(async () => {
      rt = await createTestRuntime(dialect);
      admin = await signedIn(rt, 'admin');
    });
    after(() => rt.close());

    test('innovations: newest change first by default; title and unit sort case-insensitively across pages', async () => {
      const byDefault = await allPages(admin, '/api/innovations', 7);
      assert.ok(byDefault.length > 14, 'the demo region has more than two pages of innovations');
      assert.deepEqual(byDefault.map((r) => r.id), expectOrder(byDefault, (r) => r.updatedAt, true));
      const byTitle = await allPages(admin, '/api/innovations?sort=title', 7);
      assert.deepEqual(byTitle.map((r) => r.id), expectOrder(byDefault, (r) => r.title, false));
      const byUnitDesc = await allPages(admin, '/api/innovations?sort=-unit', 7);
      assert.deepEqual(byUnitDesc.map((r) => r.id), expectOrder(byDefault, (r) => r.unitName, true));
      const byYear = await allPages(admin, '/api/innovations?sort=year', 5);
      assert.deepEqual(byYear.map((r) => r.id), expectOrder(byDefault, (r) => r.year, false));
    });

    test('innovations: an unknown sort key is a 400 that names the allowed keys; so is a sort on a column not offered', async () => {
      for (const bad of ['password', '-tenantId', 'title;drop', '--title']) {
        const res = await admin.get(`/api/innovations?sort=${encodeURIComponent(bad)}`);
        assert.equal(res.status, 400, bad);
        assert.equal(res.body.error.code, 'VALIDATION');
        assert.match(res.body.error.message, /title/);
      }
      assert.equal((await admin.get('/api/people?sort=password')).status, 400);
      assert.equal((await admin.get('/api/evidence?sort=sha256')).status, 400);
      assert.equal((await admin.get('/api/skm/surveys?sort=ikm')).status, 400);
      assert.equal((await admin.get('/api/innovations/export.csv?sort=nope')).status, 400);
    });

    test('innovations: filter + sort + export gives exactly the filtered rows in the same order, under a file name that says what it holds', async () => {
      const filter = 'stage=penerapan&sort=title';
      const listed = await allPages(admin, `/api/innovations?${filter}`, 200);
      assert.ok(listed.length > 0 && listed.every((r) => r.stage === 'penerapan'));
      const res = await admin.get(`/api/innovations/export.csv?${filter}&page=3&pageSize=2`);
      assert.equal(res.status, 200);
      assert.match(String(res.headers['content-type']), /^text\/csv/);
      const today = regionDate(new Date(), '16.03'); // the region's day (WIB), not the UTC day
      // One Content-Disposition builder (lib/attachment.ts): the ASCII name and its RFC 8187 twin.
      assert.equal(res.headers['content-disposition'], `attachment; filename="inovasi-muara-enim-${today}.csv"; filename*=UTF-8''inovasi-muara-enim-${today}.csv`);
      const [header, ...rows] = parseCsv(res.raw.replace(/^\uFEFF/, ''));
      assert.equal(header[0], 'ID Serasan');
      assert.deepEqual(rows.map((r) => r[0]), listed.map((r) => r.id), 'every filtered row, all pages, same order (paging ignored)');
      assert.deepEqual(rows.map((r) => r[1]), listed.map((r) => r.title));
      // Timestamps in the region's zone (Muara Enim: WIB), as a reader there writes them.
      assert.equal(header[10], 'Diperbarui');
      for (const r of rows) assert.match(r[10]!, /^\d{4}-\d{2}-\d{2} \d{2}\.\d{2} WIB$/);
      assert.equal(rows[0]![10], formatRegionStamp(listed[0]!.updatedAt, '16.03'));
    });

    test('public catalogue: newest publication first, sortable by title, anonymous', async () => {
      const anon = new TestClient(rt.app);
      const all = await allPages(anon, '/api/public/innovations?region=16.03', 4);
      assert.ok(all.length > 4);
      assert.deepEqual(all.map((r) => r.id), expectOrder(all, (r) => r.publishedAt, true));
      const byTitle = await allPages(anon, '/api/public/innovations?region=16.03&sort=title', 4);
      assert.deepEqual(byTitle.map((r) => r.id), expectOrder(all, (r) => r.title, false));
      assert.equal((await anon.get('/api/public/innovations?sort=tenantId')).status, 400);
    });

    test('people: alphabetical by default (case-insensitive), sortable by NIP and unit, export of the filtered rows', async () => {
      // Lower case and upper case names: a byte-wise sort would put "abdul" after "Zainal".
      const units = (await admin.get('/api/units')).body.items as Array<{ id: string; shortName: string }>;
      const unitId = units.find((u) => u.shortName === 'Disdukcapil')!.id;
      for (const [name, nip] of [['abdul kadir', '198001152003121010'], ['ZAINAL ARIFIN', '198001152003121028'], ['Ahmad Yani', '198001152003121036']]) {
        const res = await admin.post('/api/people', { name, nip, kind: 'PNS', unitId });
        assert.equal(res.status, 201, res.raw);
      }
      const all = await allPages(admin, '/api/people', 9);
      assert.deepEqual(all.map((r) => r.id), expectOrder(all, (r) => r.name, false));
      const names = all.map((r) => r.name);
      assert.ok(names.indexOf('abdul kadir') < names.indexOf('Ahmad Yani'), 'abdul before Ahmad (case-insensitive)');
      const byNipDesc = await allPages(admin, '/api/people?sort=-nip', 9);
      assert.deepEqual(byNipDesc.map((r) => r.id), expectOrder(all, (r) => r.nip, true));
      const byUnit = await allPages(admin, '/api/people?sort=unit', 9);
      assert.deepEqual(byUnit.map((r) => r.id), expectOrder(all, (r) => r.unitName, false));

      const filtered = await allPages(admin, `/api/people?unitId=${unitId}&sort=-name`, 200);
      const csv = await admin.get(`/api/people/export.csv?unitId=${unitId}&sort=-name`);
      assert.equal(csv.status, 200);
      assert.match(String(csv.headers['content-disposition']), /filename="pegawai-muara-enim-\d{4}-\d{2}-\d{2}\.csv"/);
      const [, ...rows] = parseCsv(csv.raw.replace(/^\uFEFF/, ''));
      assert.deepEqual(rows.map((r) => r[1]), filtered.map((r) => r.nip));
    });

    test('evidence: newest first, sortable by name and size, search by name, export of the filtered rows', async () => {
      const operator = await signedIn(rt, 'operator');
      for (let i = 0; i < 5; i++) {
        const res = await operator.upload('/api/evidence', {}, { name: `${['b', 'A', 'c', 'D', 'e'][i]}-laporan-${i}.pdf`, data: pdf(i).subarray(0, pdf(i).length - i) });
        assert.equal(res.status, 201, res.raw);
      }
      const everything = await allPages(operator, '/api/evidence', 2);
      assert.deepEqual(everything.map((r) => r.id), expectOrder(everything, (r) => r.createdAt, true));
      const all = await allPages(operator, '/api/evidence?q=-laporan-', 2);
      assert.equal(all.length, 5);
      assert.deepEqual(all.map((r) => r.id), expectOrder(all, (r) => r.createdAt, true));
      const byName = await allPages(operator, '/api/evidence?q=-laporan-&sort=name', 2);
      assert.deepEqual(byName.map((r) => r.originalName), ['A-laporan-1.pdf', 'b-laporan-0.pdf', 'c-laporan-2.pdf', 'D-laporan-3.pdf', 'e-laporan-4.pdf']);
      const bySize = await allPages(operator, '/api/evidence?q=-laporan-&sort=-size', 2);
      assert.deepEqual(bySize.map((r) => r.id), expectOrder(all, (r) => r.size, true));
      const found = await allPages(operator, '/api/evidence?q=LAPORAN-3', 2);
      assert.deepEqual(found.map((r) => r.originalName), ['D-laporan-3.pdf']);
      const csv = await operator.get('/api/evidence/export.csv?q=laporan&sort=name');
      assert.equal(csv.status, 200);
      assert.match(String(csv.headers['content-disposition']), /filename="berkas-bukti-muara-enim-/);
      const [header, ...rows] = parseCsv(csv.raw.replace(/^\uFEFF/, ''));
      assert.equal(header[0], 'Nama berkas');
      assert.deepEqual(rows.map((r) => r[0]), byName.map((r) => r.originalName));
    });

    test('surveys: newest period first, paged, sortable by service; filter + export gives the same rows', async () => {
      const all = await allPages(admin, '/api/skm/surveys', 2);
      assert.ok(all.length >= 3, `demo surveys: ${all.length}`);
      assert.deepEqual(all.map((r) => r.id), expectOrder(all, (r) => r.periodStart, true));
      const byService = await allPages(admin, '/api/skm/surveys?sort=service', 2);
      assert.deepEqual(byService.map((r) => r.id), expectOrder(all, (r) => r.serviceName, false));
      const closed = await allPages(admin, '/api/skm/surveys?status=closed&sort=-service', 200);
      const csv = await admin.get('/api/skm/surveys/export.csv?status=closed&sort=-service');
      assert.equal(csv.status, 200);
      assert.match(String(csv.headers['content-disposition']), /filename="survei-skm-muara-enim-/);
      const [, ...rows] = parseCsv(csv.raw.replace(/^\uFEFF/, ''));
      assert.deepEqual(rows.map((r) => r[0]), closed.map((r) => r.surveyCode));
    });
  });
}

test('regionSlug: the region part of an export file name', () => {
  assert.equal(regionSlug('Kabupaten Muara Enim'), 'muara-enim');
  assert.equal(regionSlug('Kota Palembang'), 'palembang');
  assert.equal(regionSlug('Provinsi Sumatera Selatan'), 'sumatera-selatan');
  assert.equal(regionSlug(''), 'wilayah');
});
