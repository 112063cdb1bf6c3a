import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestRuntime, signedIn, testDialects, type TestClient, type TestRuntime } from '../../testing/harness.ts';
import { diff } from './audit.writer.ts';
import { createManualClock } from '../../lib/manual-clock.ts';
import { regionDate } from '../../../shared/region-time.ts';
import { parseCsv } from '../../lib/csv.ts';

test('diff keeps changed fields only and never logs secrets or bookkeeping', () => {
  assert.deepEqual(diff({ name: 'A', rank: 'III/a', passwordHash: 'x', updatedAt: '1' }, { name: 'B', rank: 'III/a', passwordHash: 'y', updatedAt: '2' }), {
    name: { before: 'A', after: 'B' },
  });
  assert.deepEqual(diff(null, { name: 'A' }), { name: { before: null, after: 'A' } });
});

for (const dialect of await testDialects()) {
  describe(`audit history [${dialect}]`, () => {
    let rt: TestRuntime;
    let admin: TestClient;
    let operator: TestClient;
    let personId: string;

    before(async () => {
      rt = await createTestRuntime(dialect);
      admin = await signedIn(rt, 'admin');
      operator = await signedIn(rt, 'operator');
      const unit = (await admin.get('/api/units?q=Kependudukan')).body.items[0];
      personId = (await operator.post('/api/people', { name: 'Riwayat Satu', nip: '199001012015031001', kind: 'PNS', unitId: unit.id })).body.id;
      await operator.patch(`/api/people/${personId}`, { name: 'Riwayat Dua', rank: 'Penata Muda (III/a)' });
    });
    after(() => rt.close());

    test('the history of one record shows every change with before and after, newest first', async () => {
      const res = await admin.get(`/api/audit?entityId=${personId}`);
      assert.equal(res.status, 200);
      assert.deepEqual(res.body.items.map((e: { action: string }) => e.action), ['update', 'create']);
      const upd = res.body.items[0];
      assert.deepEqual(upd.changes.name, { before: 'Riwayat Satu', after: 'Riwayat Dua' });
      assert.deepEqual(upd.changes.rank, { before: null, after: 'Penata Muda (III/a)' });
      assert.equal(upd.changes.nip, undefined, 'unchanged fields are not listed');
      assert.equal(upd.entityType, 'person');
      assert.ok(upd.at.endsWith('Z'));
    });

    test('the tenant-wide log filters by type, action, actor and date, and pages', async () => {
      const byType = await admin.get('/api/audit?entityType=person&action=update');
      assert.ok(byType.body.items.length >= 1);
      assert.ok(byType.body.items.every((e: { entityType: string; action: string }) => e.entityType === 'person' && e.action === 'update'));
      const actorId = byType.body.items[0].actorId;
      const byActor = await admin.get(`/api/audit?actorId=${actorId}`);
      assert.ok(byActor.body.items.every((e: { actorId: string }) => e.actorId === actorId));
      // Date filters are the region's calendar days (Muara Enim: WIB).
      const today = regionDate(new Date(), '16.03');
      assert.ok((await admin.get(`/api/audit?from=${today}&to=${today}`)).body.total >= 2);
      assert.equal((await admin.get('/api/audit?from=2000-01-01&to=2000-01-02')).body.total, 0);
      const page = await admin.get('/api/audit?pageSize=1&page=2');
      assert.equal(page.body.items.length, 1);
      assert.equal((await admin.get('/api/audit?from=kemarin')).status, 400);
    });

    test('a unit operator sees organisation history but not the tenant-wide log of users and sign-ins', async () => {
      const res = await operator.get('/api/audit?pageSize=200');
      assert.ok(res.body.items.length > 0);
      assert.ok(res.body.items.every((e: { entityType: string }) => ['unit', 'position', 'person', 'assignment'].includes(e.entityType)));
      const adminView = await admin.get('/api/audit?entityType=user');
      assert.ok(adminView.body.items.some((e: { action: string }) => e.action === 'login'));
    });

    test('audit entries cannot be changed or deleted: no route, and the database refuses', async () => {
      const id = (await admin.get(`/api/audit?entityId=${personId}`)).body.items[0].id;
      assert.equal((await admin.del(`/api/audit/${id}`)).status, 404);
      assert.equal((await admin.patch(`/api/audit/${id}`, { action: 'x' })).status, 404);
      await assert.rejects(sql`update audit_log set action = 'tampered' where id = ${id}`.execute(rt.deps.db), /append-only/);
      await assert.rejects(sql`delete from audit_log where id = ${id}`.execute(rt.deps.db), /append-only/);
      const still = await admin.get(`/api/audit?entityId=${personId}`);
      assert.equal(still.body.items[0].action, 'update');
    });

    test('a write that fails leaves neither the change nor an audit entry (one transaction)', async () => {
      const before = (await admin.get('/api/audit?pageSize=1')).body.total;
      const units = (await admin.get('/api/units?type=kecamatan')).body.items;
      const dup = await admin.post('/api/units', { name: 'Duplikat Kode', type: 'other', code: units[0].code });
      assert.equal(dup.status, 409);
      assert.equal((await admin.get('/api/audit?pageSize=1')).body.total, before);
    });
  });
}

for (const dialect of await testDialects()) {
  describe(`history names records by their title [${dialect}]`, () => {
    let rt: TestRuntime;
    let admin: TestClient;
    let inovasi: TestClient;
    before(async () => {
      rt = await createTestRuntime(dialect);
      admin = await signedIn(rt, 'admin');
      inovasi = await signedIn(rt, 'inovasi');
    });
    after(() => rt.close());

    test('each entry carries the name of its record: innovation title, unit name, person name', async () => {
      const unit = (await admin.get('/api/units?q=Kependudukan')).body.items[0];
      const inv = await admin.post('/api/innovations', { title: 'Riwayat Bernama Jelas', unitId: unit.id, type: 'pelayanan_publik', stage: 'penerapan', digital: true, initiatedOn: '2024-01-15', description: 'Inovasi untuk menguji nama di riwayat.' });
      assert.equal(inv.status, 201, inv.raw);
      const person = await admin.post('/api/people', { name: 'Nama Di Riwayat', nip: '199001012015031002', kind: 'PNS', unitId: unit.id });
      assert.equal(person.status, 201, person.raw);
      await admin.patch(`/api/units/${unit.id}`, { phone: '0711-000000' });
      const res = await admin.get('/api/audit?pageSize=50');
      assert.equal(res.status, 200);
      const nameOf = (id: string) => res.body.items.find((e: { entityId: string }) => e.entityId === id)?.entityName;
      assert.equal(nameOf(inv.body.id), 'Riwayat Bernama Jelas');
      assert.equal(nameOf(person.body.id), 'Nama Di Riwayat');
      const unitEntry = res.body.items.find((e: { entityType: string; entityId: string }) => e.entityType === 'unit' && e.entityId === unit.id);
      if (unitEntry) assert.equal(unitEntry.entityName, unit.name);
    });

    test('the innovation timeline shows every step: recorded, submitted, verified, published, with who and the note', async () => {
      const unit = (await admin.get('/api/units?q=Kependudukan')).body.items[0];
      const inv = (await admin.post('/api/innovations', { title: 'Alur Lengkap', unitId: unit.id, type: 'pelayanan_publik', stage: 'penerapan', digital: true, initiatedOn: '2024-01-15', description: 'Inovasi untuk menguji alur verifikasi.' })).body;
      for (const step of ['submit', 'verify', 'publish']) assert.equal((await admin.post(`/api/innovations/${inv.id}/${step}`, { comment: `catatan ${step}` })).status, 200, step);
      const d = (await inovasi.get(`/api/innovations/${inv.id}`)).body;
      assert.deepEqual(d.timeline.map((x: { action: string }) => x.action), ['create', 'submit', 'verify', 'publish']);
      const pub = d.timeline[3];
      assert.equal(pub.toStatus, 'published');
      assert.equal(pub.comment, 'catatan publish');
      assert.ok(pub.actorName);
      assert.ok(d.timeline[0].actorName, 'who recorded it');
    });

    test('a record published without a review log entry (seeded) still shows its publication', async () => {
      const seeded = (await inovasi.get('/api/innovations?status=published&pageSize=50')).body.items.find((x: { title: string }) => x.title !== 'Alur Lengkap');
      const d = (await inovasi.get(`/api/innovations/${seeded.id}`)).body;
      const actions = d.timeline.map((x: { action: string }) => x.action);
      assert.equal(actions[0], 'create');
      assert.ok(actions.includes('publish'), JSON.stringify(actions));
    });
  });
}

for (const dialect of await testDialects()) {
  describe(`Riwayat list: region days, sort, CSV [${dialect}]`, () => {
    let rt: TestRuntime;
    let admin: TestClient;
    let personId: string;
    // 17:30 UTC on 1 March is 00.30 on 2 March in Muara Enim (WIB).
    before(async () => {
      rt = await createTestRuntime(dialect, { clock: createManualClock('2026-03-01T17:30:00.000Z') });
      admin = await signedIn(rt, 'admin');
      const unit = (await admin.get('/api/units?q=Kependudukan')).body.items[0];
      personId = (await admin.post('/api/people', { name: 'Waktu Setempat', nip: '199001012015031003', kind: 'PNS', unitId: unit.id })).body.id;
      await admin.patch(`/api/people/${personId}`, { rank: 'Penata Muda (III/a)' });
    });
    after(() => rt.close());

    test('from/to are the region’s calendar days, both included', async () => {
      const on = (q: string) => admin.get(`/api/audit?entityId=${personId}&${q}`).then((r) => r.body.total as number);
      assert.equal(await on('from=2026-03-02&to=2026-03-02'), 2, 'made at 00.30 WIB on 2 March');
      assert.equal(await on('to=2026-03-01'), 0, 'not on 1 March, although it is still 1 March in UTC');
      assert.equal(await on('from=2026-03-03'), 0);
    });

    test('newest first by default; sortable by time, action, record type and actor; unknown sort is a 400', async () => {
      const actions = async (sort?: string) => (await admin.get(`/api/audit?entityId=${personId}${sort ? `&sort=${sort}` : ''}`)).body.items.map((e: { action: string }) => e.action);
      // Both entries carry the same instant (the clock did not move): the later write still comes first.
      assert.deepEqual(await actions(), ['update', 'create']);
      assert.deepEqual(await actions('at'), ['create', 'update']);
      assert.deepEqual(await actions('action'), ['create', 'update']);
      assert.deepEqual(await actions('-action'), ['update', 'create']);
      const byActor = (await admin.get('/api/audit?sort=actor&pageSize=200')).body.items.map((e: { actorName: string | null }) => e.actorName);
      const named = byActor.filter((n: string | null) => n !== null);
      assert.deepEqual(named, [...named].sort((a: string, b: string) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0)), 'actors A→Z');
      assert.equal((await admin.get('/api/audit?sort=entityId')).status, 400);
    });

    test('CSV of the filtered rows: same rows and order as the list, times in WIB, changes spelled out', async () => {
      // The admin's own changes to people: a filter that a page of 200 holds whole.
      const actorId = (await admin.get(`/api/audit?entityId=${personId}`)).body.items[0].actorId;
      const filter = `entityType=person&actorId=${actorId}`;
      const list = (await admin.get(`/api/audit?${filter}&pageSize=200`)).body;
      assert.ok(list.total >= 2 && list.total <= 200, String(list.total));
      const csv = await admin.get(`/api/audit/export.csv?${filter}`);
      assert.equal(csv.status, 200);
      assert.match(String(csv.headers['content-type']), /text\/csv/);
      assert.match(String(csv.headers['content-disposition']), /filename="riwayat-muara-enim-2026-03-02\.csv"/);
      const [header, ...rows] = parseCsv(csv.raw.replace(/^\uFEFF/, '')).filter((r) => r.some(Boolean));
      assert.deepEqual(header, ['Waktu', 'Aksi', 'Jenis data', 'Data', 'ID data', 'Oleh', 'Perubahan']);
      assert.equal(rows.length, list.total, 'one row per filtered entry');
      assert.deepEqual(rows.map((r) => r[4]), list.items.map((e: { entityId: string }) => e.entityId), 'same order as the list');
      const update = rows.find((r) => r[4] === personId && r[1] === 'Diubah')!;
      assert.deepEqual(update.slice(0, 4), ['2026-03-02 00.30 WIB', 'Diubah', 'Pegawai', 'Waktu Setempat'], 'the time in the region’s zone');
      assert.match(update[6], /Pangkat\/golongan: — → Penata Muda \(III\/a\)/);
      const narrowed = await admin.get(`/api/audit/export.csv?entityId=${personId}&action=create`);
      assert.equal(parseCsv(narrowed.raw.replace(/^\uFEFF/, '')).filter((r) => r.some(Boolean)).length, 2, 'header + the one create');
    });
  });
}
