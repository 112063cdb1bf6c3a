/**
 * Issue 10 item 9: times and days are the issuing region's own (WIB, WITA or WIT by province), not
 * the server's and not UTC: the public verification page and the day in export file names.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestRuntime, signedIn, testDialects, type TestRuntime } from '../../testing/harness.ts';
import { createManualClock } from '../../lib/manual-clock.ts';
import { writeWithAudit } from '../../modules/audit/audit.writer.ts';
import { createTenantService } from '../../modules/tenants/tenants.service.ts';
import { issueOfficialDocument } from './issue.ts';
import { suratLayout } from './layouts.ts';
import { kepala, surat } from './layouts.fixtures.ts';

// 17:30 UTC on 1 March 2026: 00.30 on 2 March in WIB, 01.30 in WITA.
const AT = '2026-03-01T17:30:00.000Z';

for (const dialect of await testDialects()) {
  describe(`region time zones in public pages and file names [${dialect}]`, () => {
    let rt: TestRuntime;
    let samarinda: string;

    before(async () => {
      rt = await createTestRuntime(dialect, { clock: createManualClock(AT) });
      // Kota Samarinda, Kalimantan Timur: WITA.
      samarinda = (await createTenantService(rt.deps).createTenant(null, '64.72')).id;
    });
    after(() => rt.close());

    async function issue(tenantId: string) {
      return writeWithAudit(rt.deps.db, { tenantId, actorId: null, actorName: 'uji' }, rt.deps.clock, async (tx, audit) =>
        issueOfficialDocument(tx, rt.deps.blobs, audit, {
          tenantId,
          actorId: null,
          docType: 'surat_dinas',
          title: 'Uji zona waktu',
          unitId: null,
          unitCode: null,
          issuer: 'Sekretariat Daerah',
          signer: kepala,
          date: '2026-03-02',
          now: rt.deps.clock.now().toISOString(),
          publicBase: 'https://serasan.example.go.id',
          build: (number) => suratLayout({ ...surat, number }),
        }),
      );
    }

    test('the verification page of a WITA region shows when the document was issued in WITA', async () => {
      const doc = await issue(samarinda);
      const res = await rt.app.inject({ method: 'GET', url: `/verifikasi/${doc.code}` });
      assert.equal(res.statusCode, 200);
      assert.ok(res.body.includes('2 Maret 2026 01.30 WITA'), 'issued 2026-03-01T17:30Z = 2 Maret 2026 01.30 WITA');
      assert.ok(!res.body.includes('WIB'), 'no Jakarta time on a Kalimantan Timur document');
    });

    test('the verification page of a WIB region (the demo region, Sumatera Selatan) shows WIB', async () => {
      const demo = await rt.deps.db.selectFrom('tenants').select('id').where('regionCode', '=', '16.03').executeTakeFirstOrThrow();
      const doc = await issue(demo.id);
      const res = await rt.app.inject({ method: 'GET', url: `/verifikasi/${doc.code}` });
      assert.ok(res.body.includes('2 Maret 2026 00.30 WIB'), res.body.match(/Diterbitkan<\/dt><dd>[^<]*/)?.[0]);
    });

    test('export file names carry the region’s own day, not the UTC day', async () => {
      assert.equal(await createTenantService(rt.deps).exportFileName(samarinda, 'inovasi'), 'inovasi-samarinda-2026-03-02.csv');
      const admin = await signedIn(rt, 'admin');
      const csv = await admin.get('/api/people/export.csv');
      assert.equal(csv.status, 200);
      // UTC is still 1 March; in Muara Enim it is 00.30 on 2 March.
      assert.match(String(csv.headers['content-disposition']), /filename="pegawai-muara-enim-2026-03-02\.csv"/);
      const xlsx = await admin.download('/api/innovations/export.xlsx');
      assert.equal(xlsx.status, 200);
      assert.match(String(xlsx.headers['content-disposition']), /filename="inovasi-muara-enim-2026-03-02\.xlsx"/, 'the Excel export says what and whose too');
    });
  });
}
