import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestRuntime, signedIn, testDialects, TestClient, type TestRuntime } from '../../testing/harness.ts';

for (const dialect of await testDialects()) {
  describe(`organisation API [${dialect}]`, () => {
    let rt: TestRuntime;
    let admin: TestClient;
    let operator: TestClient;
    let dukcapilId: string;
    let dinkesId: string;

    before(async () => {
      rt = await createTestRuntime(dialect);
      admin = await signedIn(rt, 'admin');
      operator = await signedIn(rt, 'operator');
      const units = (await admin.get('/api/units')).body.items as Array<{ id: string; shortName: string }>;
      dukcapilId = units.find((u) => u.shortName === 'Disdukcapil')!.id;
      dinkesId = units.find((u) => u.shortName === 'Dinkes')!.id;
    });
    after(() => rt.close());

    test('GET /api/units?type=kecamatan lists the 22 kecamatan of Muara Enim with Kemendagri codes', async () => {
      const res = await admin.get('/api/units?type=kecamatan');
      assert.equal(res.status, 200);
      assert.equal(res.body.items.length, 22);
      const codes = res.body.items.map((u: { code: string }) => u.code).sort();
      assert.equal(codes[0], '16.03.01');
      assert.ok(codes.includes('16.03.27'));
      assert.ok(!codes.includes('16.03.05'), 'codes 05, 12, 13, 18, 20 are unused (RULES §7.2)');
      const tanjung = res.body.items.find((u: { code: string }) => u.code === '16.03.01');
      assert.equal(tanjung.name, 'Kecamatan Tanjung Agung');
      assert.equal(tanjung.type, 'kecamatan');
    });

    test('the active perangkat daerah of opd.csv are units; historical ones are not', async () => {
      const res = await admin.get('/api/units');
      const names = res.body.items.map((u: { name: string }) => u.name);
      assert.ok(names.includes('Dinas Kesehatan'));
      assert.ok(names.includes('Dinas Komunikasi dan Informatika'));
      assert.ok(!names.includes('Dinas PU Cipta Karya'), 'historis rows are skipped');
      const bagian = res.body.items.find((u: { name: string }) => u.name === 'Bagian Organisasi Sekretariat Daerah');
      const setda = res.body.items.find((u: { type: string }) => u.type === 'sekretariat_daerah');
      assert.equal(bagian.parentId, setda.id, 'bagian units sit under the Sekretariat Daerah');
    });

    test('POST /api/people creates a person (201) with an audit entry in the same transaction', async () => {
      const res = await operator.post('/api/people', { name: 'Budi Santoso', nip: '19800115 200312 1 002', kind: 'PNS', unitId: dukcapilId });
      assert.equal(res.status, 201, res.raw);
      assert.ok(res.body.id);
      assert.equal(res.body.nip, '198001152003121002');
      const audit = await operator.get(`/api/audit?entityId=${res.body.id}`);
      assert.equal(audit.status, 200);
      assert.equal(audit.body.items.length, 1);
      const e = audit.body.items[0];
      assert.equal(e.action, 'create');
      assert.equal(e.entityType, 'person');
      assert.equal(e.changes.nip.after, '198001152003121002');
      assert.equal(e.changes.nip.before, null);
      assert.ok(e.actorId);
    });

    test('PPPK numbers are valid for PPPK', async () => {
      const res = await operator.post('/api/people', { name: 'Putri PPPK', nip: '199312282025212001', kind: 'PPPK', unitId: dukcapilId });
      assert.equal(res.status, 201, res.raw);
    });

    test('an impossible NIP gets 400 VALIDATION naming the field, in Indonesian, and stores nothing', async () => {
      const before = (await admin.get('/api/people?pageSize=200')).body.total;
      const res = await operator.post('/api/people', { name: 'Salah NIP', nip: '197813452003121002', kind: 'PNS', unitId: dukcapilId });
      assert.equal(res.status, 400);
      assert.equal(res.body.error.code, 'VALIDATION');
      assert.match(res.body.error.message, /NIP/);
      assert.match(res.body.error.message, /tanggal lahir/);
      assert.equal(res.body.error.details[0].field, 'nip');
      assert.equal((await admin.get('/api/people?pageSize=200')).body.total, before);
    });

    test('English is a choice: the same error in English with Accept-Language: en', async () => {
      const en = new TestClient(rt.app, { 'accept-language': 'en' });
      await en.login('operator');
      const res = await en.post('/api/people', { name: 'Wrong NIP', nip: '1978', kind: 'PNS', unitId: dukcapilId });
      assert.equal(res.status, 400);
      assert.match(res.body.error.message, /18 digits/);
    });

    test('bad input: malformed JSON, unknown fields, wrong types, missing fields, oversized body → 4xx, never 500', async () => {
      const cases: Array<[string, unknown, string | undefined, number]> = [
        ['malformed', undefined, '{"name": ', 400],
        ['unknown field', { name: 'A B', nip: '198001152003121003', kind: 'PNS', salary: 1 }, undefined, 400],
        ['wrong type', { name: 42, nip: '198001152003121003', kind: 'PNS' }, undefined, 400],
        ['missing name', { nip: '198001152003121003', kind: 'PNS' }, undefined, 400],
        ['bad enum', { name: 'A B', nip: '198001152003121003', kind: 'CPNS' }, undefined, 400],
        ['oversized', undefined, JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024), nip: '1', kind: 'PNS' }), 413],
      ];
      for (const [label, body, raw, status] of cases) {
        const res = await admin.request('POST', '/api/people', body, raw !== undefined ? { rawBody: raw, headers: { 'content-type': 'application/json' } } : {});
        assert.equal(res.status, status, `${label}: ${res.status} ${res.raw.slice(0, 200)}`);
        assert.ok(res.body.error?.code, `${label}: error shape`);
        assert.ok(res.body.error.message.length > 5, label);
      }
      const unknown = await admin.post('/api/people', { name: 'A B', nip: '198001152003121003', kind: 'PNS', salary: 1 });
      assert.match(unknown.body.error.message, /salary/);
      const missing = await admin.post('/api/people', { nip: '198001152003121003', kind: 'PNS' });
      assert.equal(missing.body.error.details[0].field, 'name');
      assert.match(missing.body.error.message, /Nama/);
    });

    test('duplicate NIP in the tenant → 409 CONFLICT', async () => {
      const body = { name: 'Dua Kali', nip: '198202022008011001', kind: 'PNS', unitId: dukcapilId };
      assert.equal((await operator.post('/api/people', body)).status, 201);
      const again = await operator.post('/api/people', { ...body, name: 'Orang Lain' });
      assert.equal(again.status, 409);
      assert.equal(again.body.error.code, 'CONFLICT');
      assert.match(again.body.error.message, /Dua Kali/);
    });

    test("a unit operator cannot add or change people of another unit (403), but may read them", async () => {
      const add = await operator.post('/api/people', { name: 'Orang Dinkes', nip: '198303032009012002', kind: 'PNS', unitId: dinkesId });
      assert.equal(add.status, 403);
      const created = await admin.post('/api/people', { name: 'Pegawai Dinkes', nip: '198404042010011002', kind: 'PNS', unitId: dinkesId });
      assert.equal(created.status, 201);
      const change = await operator.patch(`/api/people/${created.body.id}`, { name: 'Diubah Operator' });
      assert.equal(change.status, 403);
      const read = await operator.get(`/api/people/${created.body.id}`);
      assert.equal(read.status, 200);
      assert.equal(read.body.name, 'Pegawai Dinkes');
      assert.equal(read.body.canManage, false);
      // Moving one's own person into another unit is refused too.
      const own = await operator.post('/api/people', { name: 'Pindah', nip: '198505052011011002', kind: 'PNS', unitId: dukcapilId });
      const move = await operator.patch(`/api/people/${own.body.id}`, { unitId: dinkesId });
      assert.equal(move.status, 403);
    });

    test('people list: search by name or NIP, filter by unit and kind, paging', async () => {
      const byName = await admin.get('/api/people?q=budi');
      assert.ok(byName.body.items.some((p: { name: string }) => p.name === 'Budi Santoso'));
      const byNip = await admin.get('/api/people?q=19800115');
      assert.equal(byNip.body.items[0].name, 'Budi Santoso');
      const pppk = await admin.get('/api/people?kind=PPPK');
      assert.ok(pppk.body.items.every((p: { kind: string }) => p.kind === 'PPPK'));
      const page1 = await admin.get(`/api/people?unitId=${dukcapilId}&pageSize=2&page=1`);
      const page2 = await admin.get(`/api/people?unitId=${dukcapilId}&pageSize=2&page=2`);
      assert.equal(page1.body.items.length, 2);
      assert.ok(page1.body.total > 2);
      assert.notEqual(page1.body.items[0].id, page2.body.items[0].id);
    });

    test('assignments: one definitive holder at a time, Plt alongside, history kept when ended', async () => {
      const pos = await admin.post('/api/positions', { unitId: dukcapilId, title: 'Sekretaris Disdukcapil' });
      assert.equal(pos.status, 201);
      const a = await admin.post('/api/people', { name: 'Pejabat A', nip: '197501012000031001', kind: 'PNS', unitId: dukcapilId });
      const b = await admin.post('/api/people', { name: 'Pejabat B', nip: '197601012001031001', kind: 'PNS', unitId: dukcapilId });
      const first = await admin.post('/api/assignments', { positionId: pos.body.id, personId: a.body.id, kind: 'definitif', startDate: '2024-01-02' });
      assert.equal(first.status, 201, first.raw);
      const second = await admin.post('/api/assignments', { positionId: pos.body.id, personId: b.body.id, kind: 'definitif', startDate: '2025-06-01' });
      assert.equal(second.status, 409);
      assert.match(second.body.error.message, /Pejabat A/);
      const plt = await admin.post('/api/assignments', { positionId: pos.body.id, personId: b.body.id, kind: 'plt', startDate: '2025-06-01', endDate: '2025-08-31' });
      assert.equal(plt.status, 201);
      const ended = await admin.post(`/api/assignments/${first.body.id}/end`, { endDate: '2025-12-31' });
      assert.equal(ended.status, 200);
      const next = await admin.post('/api/assignments', { positionId: pos.body.id, personId: b.body.id, kind: 'definitif', startDate: '2026-01-02' });
      assert.equal(next.status, 201, next.raw);
      const history = await admin.get(`/api/assignments?positionId=${pos.body.id}`);
      assert.equal(history.body.items.length, 3, 'nothing is overwritten');
      assert.deepEqual(history.body.items.map((x: { kind: string }) => x.kind), ['definitif', 'plt', 'definitif']);
      const endAudit = await admin.get(`/api/audit?entityId=${first.body.id}`);
      assert.deepEqual(endAudit.body.items.map((e: { action: string }) => e.action), ['end', 'create']);
      assert.deepEqual(endAudit.body.items[0].changes.endDate, { before: null, after: '2025-12-31' });
      const badDates = await admin.post('/api/assignments', { positionId: pos.body.id, personId: a.body.id, kind: 'plh', startDate: '2026-03-10', endDate: '2026-03-01' });
      assert.equal(badDates.status, 400);
      const badDate = await admin.post('/api/assignments', { positionId: pos.body.id, personId: a.body.id, kind: 'plh', startDate: '2026-02-30' });
      assert.equal(badDate.status, 400);
    });

    test('units: create, cycle check, duplicate code', async () => {
      const bidang = await operator.post('/api/units', { name: 'Bidang Pelayanan Pendaftaran Penduduk', type: 'bidang', parentId: dukcapilId });
      assert.equal(bidang.status, 201, bidang.raw);
      const topLevel = await operator.post('/api/units', { name: 'Dinas Baru', type: 'dinas' });
      assert.equal(topLevel.status, 403, 'a unit operator cannot add top-level units');
      const cycle = await admin.patch(`/api/units/${dukcapilId}`, { parentId: bidang.body.id });
      assert.equal(cycle.status, 400);
      const dup = await admin.post('/api/units', { name: 'Kecamatan Tiruan', type: 'kecamatan', code: '16.03.01' });
      assert.equal(dup.status, 409);
    });
  });
}
