import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCsv } from './csv.ts';
import { newId } from './ids.ts';
import { createManualClock } from './manual-clock.ts';
import { writeWithAudit } from '../modules/audit/audit.writer.ts';
import { createUsersService } from '../modules/users/users.service.ts';
import { issueOfficialDocument } from '../documents/official/issue.ts';
import { createTestRuntime, signedIn, testDialects, TestClient, type TestRuntime } from '../testing/harness.ts';
import { allPages, expectOrder } from '../testing/lists.ts';

/**
 * Issue 10 item 5, the record lists: the numbering register (search, type/year/status filters,
 * newest first, paging, CSV, unit scope, tenant isolation), the evidence list's type and
 * "linked to" filters, the admin's job list and a user's notifications (status filter, sort,
 * paging). Checked on both databases; expected orders are computed here, independently.
 */


const csvRows = (raw: string) => parseCsv(raw.replace(/^\uFEFF/, ''));

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
const pdf = (n: number) => Buffer.from(`%PDF-1.4\n% rekam ${n}\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n`);

for (const dialect of await testDialects()) {
  describe(`record lists: register, evidence, jobs, notifications [${dialect}]`, () => {
    let rt: TestRuntime;
    let admin: TestClient;
    let operator: TestClient;
    let stranger: TestClient;
    let tenantId: string;
    let dukcapil: string;
    let rsud: string;
    const clock = createManualClock('2026-06-15T02:00:00.000Z');
    /** Register rows created here, by a short name. */
    const n: Record<string, { id: string; number: string }> = {};

    before(async () => {
      rt = await createTestRuntime(dialect, { clock });
      admin = await signedIn(rt, 'admin');
      operator = await signedIn(rt, 'operator');
      tenantId = (await rt.deps.db.selectFrom('users').select('tenantId').where('username', '=', 'admin').executeTakeFirstOrThrow()).tenantId;
      const units = (await admin.get('/api/units')).body.items as Array<{ id: string; shortName: string; parentId: string | null }>;
      dukcapil = units.find((u) => u.shortName === 'Disdukcapil')!.id;
      rsud = (units.find((u) => /rsud/i.test(u.shortName)) ?? units.find((u) => u.id !== dukcapil && u.parentId !== dukcapil))!.id;

      // Another region with its own admin: it must see none of ours.
      const platform = await signedIn(rt, 'platform');
      const other = await platform.post('/api/admin/tenants', { regionCode: '16.04' });
      assert.equal(other.status, 201, other.raw);
      const u = await createUsersService(rt.deps).create(
        { userId: 'cli', tenantId: other.body.id, name: 'cli', roles: [{ role: 'admin', unitId: null }], isPlatformAdmin: false, unitScope: new Set() },
        { username: 'admin.lahat', name: 'Admin Lahat', password: 'rahasia-lahat-123', roles: [{ role: 'admin' }] },
      );
      await rt.deps.db.updateTable('users').set({ mustChangePassword: 0 }).where('id', '=', u.user.id).execute();
      stranger = new TestClient(rt.app);
      await stranger.login('admin.lahat', 'rahasia-lahat-123');

      // The register: numbers taken one minute apart, so "newest first" has one answer.
      const take = async (key: string, who: TestClient, body: Record<string, unknown>) => {
        clock.advance(60_000);
        const res = await who.post('/api/documents/numbers', body);
        assert.equal(res.status, 201, res.raw);
        n[key] = { id: res.body.id, number: res.body.number };
      };
      await take('rapat', admin, { docType: 'surat_dinas', title: 'Undangan rapat koordinasi SKM', unitId: dukcapil, date: '2026-03-02' });
      await take('laporan', admin, { docType: 'nota_dinas', title: 'Laporan capaian inovasi triwulan II', unitId: rsud, date: '2026-04-10' });
      await take('sosialisasi', operator, { docType: 'surat_undangan', title: 'undangan sosialisasi KTP-el', unitId: dukcapil, date: '2026-05-01' });
      await take('permohonan', admin, { docType: 'surat_dinas', title: 'Permohonan data kependudukan', unitId: rsud, date: '2025-11-20' });
      await take('serahTerima', admin, { docType: 'berita_acara', title: 'Berita acara serah terima aplikasi', date: '2026-06-01' });
      // Two issued documents (with a PDF and a verification code); one is withdrawn afterwards.
      for (const [key, title] of [['sk', 'Keputusan tim inovasi daerah'], ['skLama', 'Keputusan tim SKM (diganti)']] as const) {
        clock.advance(60_000);
        const doc = await writeWithAudit(rt.deps.db, { tenantId, actorId: null, actorName: 'uji' }, clock, (tx, audit) =>
          issueOfficialDocument(tx, rt.deps.blobs, audit, {
            tenantId,
            actorId: null,
            docType: 'keputusan',
            title,
            unitId: dukcapil,
            unitCode: 'DISDUKCAPIL',
            issuer: 'Disdukcapil',
            signer: { onBehalfOf: null, prefix: null, jabatan: 'Kepala Dinas', name: 'Uji', rank: null, nip: null, kind: 'definitif', positionId: null, personId: null, unitId: dukcapil, unitName: 'Disdukcapil' },
            date: '2026-06-10',
            now: clock.now().toISOString(),
            publicBase: 'http://localhost',
            build: () => ({ info: { title }, content: [{ text: title }], pageMargins: [40, 40, 40, 40] }),
          }),
        );
        const row = await rt.deps.db.selectFrom('docNumbers').select(['id', 'number']).where('tenantId', '=', tenantId).where('documentId', '=', doc.id).executeTakeFirstOrThrow();
        n[key] = row;
        if (key === 'skLama') {
          const w = await admin.post(`/api/documents/${doc.id}/withdraw`, { reason: 'Diganti keputusan yang baru' });
          assert.equal(w.status, 200, w.raw);
        }
      }
      const c = await admin.post(`/api/documents/numbers/${n.laporan.id}/cancel`, { reason: 'Salah jenis naskah; diganti surat dinas' });
      assert.equal(c.status, 204, c.raw);
    });
    after(() => rt.close());

    const ids = (rows: Array<{ id: string }>) => rows.map((r) => r.id).sort();
    const of = (...keys: string[]) => keys.map((k) => n[k].id).sort();

    test('register: newest first by default, every row once across pages; sortable by title and unit', async () => {
      const all = await allPages(admin, '/api/documents/numbers', 3);
      assert.equal(all.length, 7, 'the seven numbers taken here (the demo region has no register entries)');
      assert.deepEqual(all.map((r) => r.id), expectOrder(all, (r) => r.issuedAt, true));
      assert.equal(all[0].id, n.skLama.id, 'the last number taken comes first');
      const byTitle = await allPages(admin, '/api/documents/numbers?sort=title', 3);
      assert.deepEqual(byTitle.map((r) => r.id), expectOrder(all, (r) => r.title, false));
      assert.deepEqual(byTitle.slice(0, 2).map((r) => r.title), ['Berita acara serah terima aplikasi', 'Keputusan tim inovasi daerah']);
      const byUnitDesc = await allPages(admin, '/api/documents/numbers?sort=-unit', 2);
      assert.deepEqual(byUnitDesc.map((r) => r.id), expectOrder(all, (r) => r.unitName, true));
      assert.equal(byUnitDesc.at(-1).unitName, null, 'a number without a unit sorts last');
      for (const bad of ['sha256', '-tenantId', 'issuedAt;drop']) assert.equal((await admin.get(`/api/documents/numbers?sort=${encodeURIComponent(bad)}`)).status, 400, bad);
    });

    test('register: search by title or number (any case), filter by type, year and status', async () => {
      assert.deepEqual(ids((await admin.get('/api/documents/numbers?q=UNDANGAN')).body.items), of('rapat', 'sosialisasi'));
      const byNumber = await admin.get(`/api/documents/numbers?q=${encodeURIComponent(n.permohonan.number.toLowerCase())}`);
      assert.deepEqual(ids(byNumber.body.items), of('permohonan'));
      assert.deepEqual(ids((await admin.get('/api/documents/numbers?docType=surat_dinas')).body.items), of('rapat', 'permohonan'));
      assert.deepEqual(ids((await admin.get('/api/documents/numbers?year=2025')).body.items), of('permohonan'));
      assert.deepEqual(ids((await admin.get('/api/documents/numbers?docType=surat_dinas&year=2026')).body.items), of('rapat'));
      assert.deepEqual(ids((await admin.get('/api/documents/numbers?status=cancelled')).body.items), of('laporan'));
      assert.deepEqual(ids((await admin.get('/api/documents/numbers?status=reserved')).body.items), of('rapat', 'sosialisasi', 'permohonan', 'serahTerima'));
      assert.deepEqual(ids((await admin.get('/api/documents/numbers?status=issued')).body.items), of('sk'));
      const withdrawn = await admin.get('/api/documents/numbers?status=withdrawn');
      assert.deepEqual(ids(withdrawn.body.items), of('skLama'));
      assert.equal(withdrawn.body.items[0].withdrawnReason, 'Diganti keputusan yang baru');
      const bad = await admin.get('/api/documents/numbers?status=lost');
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.code, 'VALIDATION');
    });

    test('register: the CSV holds exactly the filtered rows in the list order, under a name that says what it is', async () => {
      const listed = await allPages(admin, '/api/documents/numbers?year=2026&sort=title', 2);
      const res = await admin.get('/api/documents/numbers/export.csv?year=2026&sort=title&page=2&pageSize=1');
      assert.equal(res.status, 200);
      assert.match(String(res.headers['content-type']), /^text\/csv/);
      assert.match(String(res.headers['content-disposition']), /filename="register-nomor-dokumen-muara-enim-\d{4}-\d{2}-\d{2}\.csv"/);
      const [header, ...rows] = csvRows(res.raw);
      assert.deepEqual(header.slice(0, 3), ['Nomor', 'Jenis', 'Perihal']);
      assert.deepEqual(rows.map((r) => r[0]), listed.map((r) => r.number), 'every filtered row, paging ignored, same order');
      const status = Object.fromEntries(rows.map((r) => [r[0], r[7]]));
      assert.equal(status[n.laporan.number], 'dibatalkan');
      assert.equal(status[n.skLama.number], 'ditarik');
      assert.equal(status[n.sk.number], 'terbit');
      assert.equal(status[n.rapat.number], 'nomor diambil');
    });

    test('register: a unit operator sees only its unit’s numbers (total and pages agree); another region sees none', async () => {
      const mine = await allPages(operator, '/api/documents/numbers', 2);
      assert.deepEqual(ids(mine), of('rapat', 'sosialisasi', 'sk', 'skLama'));
      assert.equal((await operator.get('/api/documents/numbers?q=permohonan')).body.total, 0, 'a search does not reach other units');
      const [, ...rows] = csvRows((await operator.get('/api/documents/numbers/export.csv')).raw);
      assert.deepEqual(rows.map((r) => r[0]).sort(), [n.rapat, n.sosialisasi, n.sk, n.skLama].map((x) => x.number).sort());
      const theirs = await stranger.get('/api/documents/numbers');
      assert.equal(theirs.status, 200);
      assert.equal(theirs.body.total, 0);
      assert.deepEqual(theirs.body.items, []);
      assert.equal(csvRows((await stranger.get('/api/documents/numbers/export.csv')).raw).length, 1, 'the header only');
    });

    test('evidence: filter by file type and by the kind of record it is linked to', async () => {
      const up = async (name: string, data: Buffer) => {
        const res = await admin.upload('/api/evidence', {}, { name, data });
        assert.equal(res.status, 201, res.raw);
        return res.body.id as string;
      };
      const a = await up('rekam-a.pdf', pdf(1));
      const b = await up('rekam-b.png', PNG);
      const c = await up('rekam-c.pdf', pdf(2));
      const person = (await admin.get('/api/people?pageSize=1')).body.items[0].id;
      assert.equal((await admin.post(`/api/evidence/${c}/links`, { entityType: 'person', entityId: person })).status, 204);
      assert.deepEqual(ids((await admin.get('/api/evidence?q=rekam-')).body.items), [a, b, c].sort());
      assert.deepEqual(ids((await admin.get('/api/evidence?q=rekam-&kind=image')).body.items), [b]);
      assert.deepEqual(ids((await admin.get('/api/evidence?q=rekam-&kind=pdf')).body.items), [a, c].sort());
      assert.deepEqual(ids((await admin.get('/api/evidence?q=rekam-&entityType=person')).body.items), [c]);
      assert.deepEqual(ids((await admin.get('/api/evidence?q=rekam-&entityType=person&kind=image')).body.items), []);
      const [, ...rows] = csvRows((await admin.get('/api/evidence/export.csv?q=rekam-&kind=pdf&sort=name')).raw);
      assert.deepEqual(rows.map((r) => r[0]), ['rekam-a.pdf', 'rekam-c.pdf']);
      assert.equal((await admin.get('/api/evidence?kind=exe')).status, 400);
      assert.equal((await stranger.get('/api/evidence?q=rekam-')).body.total, 0);
    });

    test('jobs: the admin pages, sorts and filters the region’s jobs by status; others’ jobs stay out; CSV is admin-only', async () => {
      const at = (m: number) => new Date(Date.parse('2026-06-01T00:00:00.000Z') + m * 60_000).toISOString();
      const job = (tenant: string | null, kind: string, status: 'queued' | 'done' | 'failed' | 'dead', m: number) => ({
        id: newId(), tenantId: tenant, kind, payload: '{}', status, runAt: at(m), attempts: status === 'queued' ? 0 : 1, maxAttempts: 5,
        leaseOwner: null, leaseUntil: null, lastError: status === 'failed' || status === 'dead' ? 'SMTP 451' : null, dedupeKey: null, createdAt: at(m), updatedAt: at(m + 1), finishedAt: null,
      });
      const ours = [job(tenantId, 'uji.b', 'failed', 3), job(tenantId, 'uji.a', 'done', 1), job(tenantId, 'uji.c', 'dead', 5), job(tenantId, 'Uji.d', 'failed', 2), job(tenantId, 'uji.e', 'queued', 4)];
      const foreign = [job(null, 'uji.system', 'failed', 6), job(newId(), 'uji.other', 'failed', 7)];
      await rt.deps.db.insertInto('jobs').values([...ours, ...foreign]).execute();

      const all = await allPages(admin, '/api/admin/jobs', 2);
      assert.deepEqual(all.map((j) => j.id), expectOrder(all, (j) => j.updatedAt, true), 'latest change first');
      const seen = new Set(all.map((j) => j.id));
      assert.ok(ours.every((j) => seen.has(j.id)));
      assert.ok(foreign.every((j) => !seen.has(j.id)), 'no system job and no other region’s job');
      const failed = await allPages(admin, '/api/admin/jobs?status=failed&sort=kind', 1);
      assert.deepEqual(failed.map((j) => j.id), expectOrder(failed, (j) => j.kind, false), 'by kind');
      assert.deepEqual(failed.filter((j) => /^uji\./i.test(j.kind)).map((j) => j.id), [ours[0].id, ours[3].id], 'uji.b before Uji.d (case-insensitive)');
      assert.ok(failed.every((j) => j.status === 'failed'));
      const page = await admin.get('/api/admin/jobs?status=failed&pageSize=1');
      assert.equal(page.body.counts.dead >= 1 && page.body.counts.failed >= 2, true, 'counts per status come with every page');

      const csv = await admin.get('/api/admin/jobs/export.csv?status=dead');
      assert.equal(csv.status, 200);
      assert.match(String(csv.headers['content-disposition']), /filename="tugas-latar-muara-enim-/);
      const [, ...rows] = csvRows(csv.raw);
      assert.ok(rows.some((r) => r[0] === ours[2].id) && rows.every((r) => r[2] === 'dead'));
      assert.equal((await operator.get('/api/admin/jobs')).status, 403);
      assert.equal((await operator.get('/api/admin/jobs/export.csv')).status, 403);
      assert.equal((await admin.get('/api/admin/jobs?sort=payload')).status, 400);
    });

    test('notifications: mine only, newest first, read/unread filter, sort by title, paged', async () => {
      const userId = (await rt.deps.db.selectFrom('users').select('id').where('username', '=', 'operator').executeTakeFirstOrThrow()).id;
      const kepalaId = (await rt.deps.db.selectFrom('users').select('id').where('username', '=', 'kepala').executeTakeFirstOrThrow()).id;
      const note = (user: string, title: string, m: number, read: boolean) => ({
        tenantId, id: newId(), outboxId: newId(), userId: user, kind: 'uji', title, body: `Isi ${title}`, link: null, shareText: null,
        emailStatus: 'off' as const, emailedAt: null, createdAt: new Date(Date.parse('2026-06-01T00:00:00.000Z') + m * 60_000).toISOString(), readAt: read ? '2026-06-02T00:00:00.000Z' : null,
      });
      const mine = [note(userId, 'b Pengingat SKM', 1, false), note(userId, 'A Laporan siap', 3, true), note(userId, 'c Jadwal verifikasi', 2, false), note(userId, 'D Nomor dibatalkan', 4, true), note(userId, 'e Survei ditutup', 5, false)];
      const rows = [...mine, note(kepalaId, 'Untuk kepala', 6, false)];
      // Each notification comes from an outbox entry (the announcement); the rows are written here directly.
      await rt.deps.db
        .insertInto('notificationOutbox')
        .values(rows.map((r) => ({ tenantId, id: r.outboxId, kind: 'uji', recipients: '{}', message: '{}', link: null, dedupeKey: null, createdBy: null, createdAt: r.createdAt, deliveredAt: r.createdAt, recipientCount: 1 })))
        .execute();
      await rt.deps.db.insertInto('notifications').values(rows).execute();

      const all = await allPages(operator, '/api/notifications', 2);
      assert.deepEqual(all.map((x) => x.id), [mine[4], mine[3], mine[1], mine[2], mine[0]].map((x) => x.id), 'newest first, nobody else’s');
      const byTitle = await allPages(operator, '/api/notifications?sort=title', 2);
      assert.deepEqual(byTitle.map((x) => x.title), ['A Laporan siap', 'b Pengingat SKM', 'c Jadwal verifikasi', 'D Nomor dibatalkan', 'e Survei ditutup']);
      const unread = await allPages(operator, '/api/notifications?status=unread', 2);
      assert.deepEqual(unread.map((x) => x.id), [mine[4], mine[2], mine[0]].map((x) => x.id));
      const read = await allPages(operator, '/api/notifications?status=read&sort=-title', 1);
      assert.deepEqual(read.map((x) => x.title), ['D Nomor dibatalkan', 'A Laporan siap']);
      const first = await operator.get('/api/notifications?pageSize=2');
      assert.equal(first.body.unread, 3, 'the unread count stays the whole count');
      assert.equal((await operator.get('/api/notifications?unread=true')).body.total, 3, 'the bell’s older parameter still works');
      assert.equal((await operator.get('/api/notifications?status=all')).status, 400);
      assert.equal((await operator.get('/api/notifications?sort=userId')).status, 400);
    });
  });
}
