import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { Document, Packer, Paragraph } from 'docx';
import { createTestRuntime, signedIn, testDialects, type TestClient, type TestRuntime } from '../../testing/harness.ts';
import { sha256Hex } from './blob-store.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
// A 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

async function xlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Data').addRow(['NIP', 'Nama']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
async function docx(): Promise<Buffer> {
  return Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('SK Bupati')] }] }));
}

async function upload(c: TestClient, fields: Record<string, string>, file?: { name: string; data: Buffer; type?: string }) {
  return c.upload('/api/evidence', fields, file);
}

for (const dialect of await testDialects()) {
  describe(`evidence store [${dialect}]`, () => {
    let rt: TestRuntime;
    let admin: TestClient;
    let operator: TestClient;
    let dukcapilPersonId: string;

    before(async () => {
      rt = await createTestRuntime(dialect);
      admin = await signedIn(rt, 'admin');
      operator = await signedIn(rt, 'operator');
      const dukcapil = (await admin.get('/api/units?q=Kependudukan')).body.items[0];
      dukcapilPersonId = (await operator.post('/api/people', { name: 'Pemilik Berkas', nip: '199102022016031001', kind: 'PNS', unitId: dukcapil.id })).body.id;
    });
    after(() => rt.close());

    test('PDF, PNG, DOCX and XLSX are accepted, typed from their content, and stored once by SHA-256', async () => {
      const files = [
        { name: 'sk.pdf', data: PDF, mime: 'application/pdf' },
        { name: 'foto.png', data: PNG, mime: 'image/png' },
        { name: 'sk.docx', data: await docx(), mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
        { name: 'data.xlsx', data: await xlsx(), mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
      ];
      for (const f of files) {
        const res = await upload(operator, { entityType: 'person', entityId: dukcapilPersonId }, { name: f.name, data: f.data });
        assert.equal(res.status, 201, `${f.name}: ${res.raw}`);
        assert.equal(res.body.mime, f.mime);
        assert.equal(res.body.sha256, sha256Hex(f.data));
      }
      // The same bytes again: a new record, one blob.
      const again = await upload(operator, {}, { name: 'salinan.pdf', data: PDF });
      assert.equal(again.status, 201);
      assert.ok(rt.deps.blobs.has(sha256Hex(PDF)));
      const linked = await admin.get(`/api/evidence?entityType=person&entityId=${dukcapilPersonId}`);
      assert.equal(linked.body.total, 4);
    });

    test('a file whose content is not an allowed type is refused whatever its name says', async () => {
      const exe = await upload(operator, {}, { name: 'laporan.pdf', data: Buffer.from('MZ\x90\x00 this is not a pdf at all') });
      assert.equal(exe.status, 415);
      assert.match(exe.body.error.message, /PDF, JPEG, PNG, DOCX atau XLSX/);
      const html = await upload(operator, {}, { name: 'foto.png', data: Buffer.from('<html><script>alert(1)</script></html>') });
      assert.equal(html.status, 415);
      const none = await upload(operator, { entityType: 'person' });
      assert.equal(none.status, 400);
    });

    test('files over 20 MB are refused with 413 and nothing is stored', async () => {
      const before = (await admin.get('/api/evidence')).body.total;
      const big = Buffer.concat([PDF, Buffer.alloc(20 * 1024 * 1024 + 10, 0x20)]);
      const res = await upload(operator, {}, { name: 'besar.pdf', data: big });
      assert.equal(res.status, 413);
      assert.equal((await admin.get('/api/evidence')).body.total, before);
    });

    test('download returns the same bytes to users who may see the record; other tenants get 404', async () => {
      const up = await upload(operator, { entityType: 'person', entityId: dukcapilPersonId }, { name: 'bukti.pdf', data: PDF });
      const dl = await admin.download(`/api/evidence/${up.body.id}/download`);
      assert.equal(dl.status, 200);
      assert.equal(dl.headers['content-type'], 'application/pdf');
      assert.equal(sha256Hex(dl.data), sha256Hex(PDF), 'the same bytes come back');
      assert.match(String(dl.headers['content-disposition']), /bukti\.pdf/);
      const platform = await signedIn(rt, 'platform');
      const other = await platform.post('/api/admin/tenants', { regionCode: '16.04' });
      assert.equal(other.status, 201);
      const { TestClient } = await import('../../testing/harness.ts');
      const { createUsersService } = await import('../users/users.service.ts');
      const u = await createUsersService(rt.deps).create(
        { userId: 'cli', tenantId: other.body.id, name: 'cli', roles: [{ role: 'admin', unitId: null }], isPlatformAdmin: false, unitScope: new Set() },
        { username: 'admin.lain', name: 'Admin Lain', password: 'rahasia-lain-123', roles: [{ role: 'admin' }] },
      );
      await rt.deps.db.updateTable('users').set({ mustChangePassword: 0 }).where('id', '=', u.user.id).execute();
      const stranger = new TestClient(rt.app);
      await stranger.login('admin.lain', 'rahasia-lain-123');
      assert.equal((await stranger.get(`/api/evidence/${up.body.id}/download`)).status, 404);
    });

    test('an unlinked file is visible to its uploader only', async () => {
      const up = await upload(operator, {}, { name: 'draf.png', data: PNG });
      assert.equal((await operator.get(`/api/evidence/${up.body.id}/download`)).status, 200);
      const rb = await signedIn(rt, 'rb');
      assert.equal((await rb.get(`/api/evidence/${up.body.id}/download`)).status, 404);
      // Linking it to a record makes it visible to those who may read the record.
      assert.equal((await operator.post(`/api/evidence/${up.body.id}/links`, { entityType: 'person', entityId: dukcapilPersonId })).status, 204);
      assert.equal((await rb.get(`/api/evidence/${up.body.id}/download`)).status, 200);
      const audit = await admin.get(`/api/audit?entityId=${dukcapilPersonId}&action=link`);
      assert.ok(audit.body.items.length >= 1);
    });

    test('an operator cannot attach evidence to another unit’s record', async () => {
      const dinkes = (await admin.get('/api/units?q=Dinas Kesehatan')).body.items[0];
      const p = await admin.post('/api/people', { name: 'Pegawai Dinkes', nip: '199203032017031001', kind: 'PNS', unitId: dinkes.id });
      const res = await upload(operator, { entityType: 'person', entityId: p.body.id }, { name: 'x.pdf', data: PDF });
      assert.equal(res.status, 403);
      const unknownType = await upload(operator, { entityType: 'spaceship', entityId: p.body.id }, { name: 'x.pdf', data: PDF });
      assert.equal(unknownType.status, 400);
    });
  });
}
