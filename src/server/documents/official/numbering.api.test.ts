import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestRuntime, signedIn, testDialects, type TestClient, type TestRuntime } from '../../testing/harness.ts';
import { writeWithAudit } from '../../modules/audit/audit.writer.ts';
import { issueNumber, renderNumber } from './numbering.ts';

for (const dialect of await testDialects()) {
  describe(`numbering register [${dialect}]`, () => {
    let rt: TestRuntime;
    let tenantId: string;
    let admin: TestClient;
    let operator: TestClient;
    let dukcapil: string;

    before(async () => {
      rt = await createTestRuntime(dialect);
      tenantId = (await rt.deps.db.selectFrom('tenants').select('id').where('regionCode', '=', '16.03').executeTakeFirstOrThrow()).id;
      admin = await signedIn(rt, 'admin');
      operator = await signedIn(rt, 'operator');
      dukcapil = ((await admin.get('/api/units')).body.items as Array<{ id: string; shortName: string }>).find((u) => u.shortName === 'Disdukcapil')!.id;
    });
    after(() => rt.close());

    const take = (docType: 'nota_dinas' | 'berita_acara', date: string, fail = false) =>
      writeWithAudit(rt.deps.db, { tenantId, actorId: null, actorName: 'test' }, rt.deps.clock, async (tx) => {
        const n = await issueNumber(tx, { tenantId, docType, date, unitId: null, unitCode: 'UJI', title: 'Uji nomor', issuedBy: null, now: new Date().toISOString() });
        if (fail) throw new Error('the caller’s write failed after taking the number');
        return n;
      });

    test('20 parallel issuances get 20 distinct consecutive numbers', async () => {
      const got = await Promise.all(Array.from({ length: 20 }, () => take('nota_dinas', '2026-03-10')));
      assert.deepEqual(got.map((n) => n.seq).sort((a, b) => a - b), Array.from({ length: 20 }, (_, i) => i + 1));
      assert.equal(new Set(got.map((n) => n.number)).size, 20);
      assert.ok(got.some((n) => n.number === '000.1/7/UJI/2026'), 'default template {klasifikasi}/{seq}/{unit}/{year}');
    });

    test('sequences restart each year, per document type', async () => {
      assert.equal((await take('nota_dinas', '2027-01-02')).seq, 1);
      assert.equal((await take('berita_acara', '2026-03-10')).seq, 1);
      assert.equal((await take('nota_dinas', '2026-12-31')).seq, 21);
    });

    test('a rolled-back transaction leaves no number behind: a number exists only once committed', async () => {
      await assert.rejects(take('nota_dinas', '2026-06-01', true));
      const next = await take('nota_dinas', '2026-06-01');
      assert.equal(next.seq, 22, 'the rolled-back sequence was never committed nor shown, so it is taken by the next issuance');
      const rows = await rt.deps.db.selectFrom('docNumbers').select('seq').where('tenantId', '=', tenantId).where('docType', '=', 'nota_dinas').where('year', '=', 2026).execute();
      assert.deepEqual(rows.map((r) => r.seq).sort((a, b) => a - b), Array.from({ length: 22 }, (_, i) => i + 1), 'no gap, no duplicate');
    });

    test('a cancelled number stays in the register with its reason and is never reused', async () => {
      const r = await operator.post('/api/documents/numbers', { docType: 'surat_dinas', title: 'Undangan sosialisasi KTP-el', unitId: dukcapil, date: '2026-04-02' });
      assert.equal(r.status, 201, r.raw);
      assert.equal(r.body.number, '000.1/1/DISDUKCAPIL/2026', 'unit code from the unit letterhead');
      assert.equal((await operator.post(`/api/documents/numbers/${r.body.id}/cancel`, { reason: 'x' })).status, 400, 'a reason is required');
      assert.equal((await operator.post(`/api/documents/numbers/${r.body.id}/cancel`, { reason: 'Salah ketik perihal; diganti nomor berikutnya' })).status, 204);
      assert.equal((await operator.post(`/api/documents/numbers/${r.body.id}/cancel`, { reason: 'Dibatalkan lagi' })).status, 409);
      const next = await operator.post('/api/documents/numbers', { docType: 'surat_dinas', title: 'Undangan sosialisasi KTP-el (perbaikan)', unitId: dukcapil, date: '2026-04-02' });
      assert.equal(next.body.seq, 2);
      const reg = await operator.get('/api/documents/numbers?docType=surat_dinas&year=2026');
      assert.equal(reg.status, 200);
      const cancelled = reg.body.items.find((x: { id: string }) => x.id === r.body.id);
      assert.equal(cancelled.status, 'cancelled');
      assert.match(cancelled.cancelReason, /Salah ketik/);
      assert.equal(reg.body.items.length, 2);
      const audit = await admin.get(`/api/audit?entityId=${r.body.id}`);
      assert.deepEqual(audit.body.items.map((e: { action: string }) => e.action).sort(), ['cancel', 'create']);
    });

    test('the operator cannot take numbers for another unit; unknown document types are refused', async () => {
      const units = (await admin.get('/api/units')).body.items as Array<{ id: string; shortName: string }>;
      const dinkes = units.find((u) => u.shortName === 'Dinkes')!.id;
      assert.equal((await operator.post('/api/documents/numbers', { docType: 'surat_dinas', title: 'Bukan unit saya', unitId: dinkes })).status, 403);
      assert.equal((await operator.post('/api/documents/numbers', { docType: 'surat_rahasia', title: 'Jenis tak dikenal' })).status, 400);
    });

    test('templates: the segment order is configurable; unknown tokens and templates without {seq}/{year} are refused', async () => {
      assert.equal(renderNumber('{seq}/{klasifikasi}/{unit}/{month}/{year}', { klasifikasi: '800', seq: 12, unit: 'BKPSDM', year: 2026, month: 8 }), '12/800/BKPSDM/VIII/2026');
      const bad = await admin.put('/api/documents/templates/berita_acara', { template: '{klasifikasi}/{nomor}/{year}', classification: '000' });
      assert.equal(bad.status, 400);
      assert.match(bad.body.error.message, /nomor/);
      assert.equal((await admin.put('/api/documents/templates/berita_acara', { template: '{klasifikasi}/{unit}', classification: '000' })).status, 400);
      assert.equal((await admin.put('/api/documents/templates/berita_acara', { template: 'BA-{seq}/{klasifikasi}/{year}', classification: '000.9' })).status, 204);
      assert.equal((await take('berita_acara', '2026-03-11')).number, 'BA-2/000.9/2026');
      assert.equal((await operator.put('/api/documents/templates/berita_acara', { template: '{seq}/{year}', classification: '1' })).status, 403);
    });
  });
}
