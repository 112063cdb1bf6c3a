import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestRuntime, signedIn, testDialects, TestClient, type TestRuntime } from '../testing/harness.ts';

/** Messages name the field of the form the user filled in: an innovation's title is not a position's. */
for (const dialect of await testDialects()) {
  describe(`field labels per route [${dialect}]`, () => {
    let rt: TestRuntime;
    let admin: TestClient;
    let unitId: string;
    const innovation = (over: Record<string, unknown>) => ({
      title: 'Antar Gratis Dokumen Kependudukan',
      unitId,
      type: 'pelayanan_publik',
      stage: 'penerapan',
      digital: true,
      initiatedOn: '2024-01-15',
      description: 'Dokumen kependudukan diantar gratis ke rumah warga oleh petugas Disdukcapil.',
      ...over,
    });

    before(async () => {
      rt = await createTestRuntime(dialect);
      admin = await signedIn(rt, 'admin');
      unitId = (await admin.get('/api/units')).body.items.find((u: { shortName: string }) => u.shortName === 'Disdukcapil').id;
    });
    after(() => rt.close());

    test('an innovation title and type are named as such', async () => {
      const t = await admin.post('/api/innovations', innovation({ title: '' }));
      assert.equal(t.status, 400, t.raw);
      assert.match(t.body.error.message, /^Data tidak valid: Nama inovasi — /);
      const k = await admin.post('/api/innovations', innovation({ type: 'rahasia' }));
      assert.equal(k.status, 400, k.raw);
      assert.match(k.body.error.message, /^Data tidak valid: Jenis inovasi — /);
    });

    test('a position title and a unit type keep their own labels', async () => {
      const p = await admin.post('/api/positions', { unitId, title: '' });
      assert.equal(p.status, 400, p.raw);
      assert.match(p.body.error.message, /^Data tidak valid: Nama jabatan — /);
      const u = await admin.post('/api/units', { name: 'Dinas Contoh', type: 'kerajaan' });
      assert.equal(u.status, 400, u.raw);
      assert.match(u.body.error.message, /^Data tidak valid: Jenis unit — /);
    });

    test('a document title is a title, in English too', async () => {
      const d = await admin.post('/api/documents/numbers', { docType: 'sk', title: '' });
      assert.equal(d.status, 400, d.raw);
      assert.doesNotMatch(d.body.error.message, /jabatan/i);
      const en = new TestClient(rt.app, { 'accept-language': 'en' });
      await en.login('admin');
      const e = await en.post('/api/innovations', innovation({ title: '' }));
      assert.match(e.body.error.message, /Innovation name/);
    });

    test('the NUL guard names the field the same way', async () => {
      const res = await admin.post('/api/innovations', innovation({ title: 'Antar\u0000Dokumen' }));
      assert.equal(res.status, 400, res.raw);
      assert.match(res.body.error.message, /Nama inovasi/);
    });
  });
}
