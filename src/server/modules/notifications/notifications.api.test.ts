import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { createTestRuntime, signedIn, testDialects, type TestClient, type TestRuntime } from '../../testing/harness.ts';
import { createManualClock } from '../../lib/manual-clock.ts';
import { newId } from '../../lib/ids.ts';
import { hashPassword } from '../auth/password.ts';
import { createJobRegistry, createJobRunner, type JobRunner } from '../../jobs/jobs.runner.ts';
import { registerSkmJobs, SKM_PERIOD_SCAN_JOB } from '../skm/skm.jobs.ts';
import { DELIVER_JOB, notify } from './notify.ts';
import { deliverOutbox } from './notifications.delivery.ts';

/**
 * Delivery and the SKM period reminder only: the app's other daily scans (the PK reminders after
 * the signing deadline and before a quarter's report is due) have their own tests and would add
 * their own notifications to the counts here.
 */
function notificationJobs() {
  const registry = createJobRegistry();
  registry.register(DELIVER_JOB, deliverOutbox);
  registerSkmJobs(registry);
  return registry;
}

/** A real SMTP server on 127.0.0.1 (no TLS, auth optional) that can be told to refuse mail. */
async function startSmtp() {
  const received: Array<{ to: string[]; raw: string }> = [];
  const state = { refuse: false, refused: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.setEncoding('utf8');
      stream.on('data', (c: string) => (raw += c));
      stream.on('end', () => {
        if (state.refuse) {
          state.refused++;
          const err = Object.assign(new Error('Mailbox temporarily unavailable'), { responseCode: 451 });
          return callback(err);
        }
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return { port, received, state, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** The readable text of a received message: unfolded headers, quoted-printable decoded. */
function decode(raw: string) {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const headers = head.replace(/\r?\n(?=[ \t])/g, '');
  const body = rest
    .join('\n\n')
    .replace(/=\r?\n/g, '')
    .replace(/(?:=[0-9A-F]{2})+/g, (m) => Buffer.from(m.replace(/=/g, ''), 'hex').toString('utf8'));
  const header = (name: string) => headers.match(new RegExp(`^${name}: (.*)$`, 'mi'))?.[1];
  return { subject: header('Subject'), toHeader: header('To'), body };
}

for (const dialect of await testDialects()) {
  describe(`[${dialect}] notifications: outbox, in-app, e-mail, reminders`, () => {
    let rt: TestRuntime;
    let runner: JobRunner;
    let smtp: Awaited<ReturnType<typeof startSmtp>>;
    let operator: TestClient;
    let kepala: TestClient;
    let admin: TestClient;
    let tenantId: string;
    // 08:00 WIB on 27 December 2026: the Q4 demo surveys end on 31 December, in 4 days.
    const clock = createManualClock('2026-12-27T01:00:00.000Z');

    before(async () => {
      smtp = await startSmtp();
      rt = await createTestRuntime(dialect, { clock, env: { SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, SMTP_FROM: 'Serasan Muara Enim <serasan@muaraenimkab.go.id>', SERASAN_PUBLIC_URL: 'https://serasan.muaraenimkab.go.id' } });
      runner = createJobRunner(rt.deps, notificationJobs(), { owner: 'test', backoffBaseMs: 60_000 });
      operator = await signedIn(rt, 'operator');
      kepala = await signedIn(rt, 'kepala');
      admin = await signedIn(rt, 'admin');
      tenantId = (await rt.deps.db.selectFrom('users').select('tenantId').where('username', '=', 'operator').executeTakeFirstOrThrow()).tenantId;
    });
    after(async () => {
      await runner.stop();
      await rt.close();
      await smtp.close();
    });

    test('an e-mail address is validated with a clear message and can be set by the user and by the admin', async () => {
      const bad = await operator.put('/api/account/email', { email: 'bukan-alamat' });
      assert.equal(bad.status, 400);
      assert.match(bad.body.error.message, /Alamat e-mail.*alamat e-mail yang sah/);
      const ok = await operator.put('/api/account/email', { email: ' Operator@MuaraEnimKab.go.id ' });
      assert.equal(ok.status, 200, ok.raw);
      assert.equal(ok.body.email, 'operator@muaraenimkab.go.id');
      assert.equal((await operator.get('/api/account/email')).body.email, 'operator@muaraenimkab.go.id');

      const users = (await admin.get('/api/users')).body.items as Array<{ id: string; username: string; email: string | null }>;
      const kepalaId = users.find((u) => u.username === 'kepala')!.id;
      assert.equal((await admin.patch(`/api/users/${kepalaId}`, { email: 'x@' })).status, 400);
      const patched = await admin.patch(`/api/users/${kepalaId}`, { email: 'kepala@muaraenimkab.go.id' });
      assert.equal(patched.status, 200, patched.raw);
      assert.equal(patched.body.email, 'kepala@muaraenimkab.go.id');
      const history = await rt.deps.db.selectFrom('auditLog').select('changes').where('entityId', '=', kepalaId).where('action', '=', 'update').execute();
      assert.ok(history.some((h) => JSON.parse(h.changes).email?.after === 'kepala@muaraenimkab.go.id'));
      assert.equal((await operator.put('/api/account/email', { email: 'a@b.id', extra: 1 })).status, 400);
    });

    test('a notification written in a rolled-back transaction announces nothing', async () => {
      await assert.rejects(
        rt.deps.db.transaction().execute(async (tx) => {
          await notify(tx, clock, { tenantId, kind: 'skm.periodEnding', recipients: { roles: ['unit_operator'] }, message: { key: 'skm.periodEnding', params: { service: 'X' } }, link: '/skm' });
          throw new Error('the change failed');
        }),
        /the change failed/,
      );
      assert.equal((await rt.deps.db.selectFrom('notificationOutbox').select('id').execute()).length, 0);
      assert.equal((await rt.deps.db.selectFrom('jobs').select('id').where('kind', '=', 'notifications.deliver').execute()).length, 0);
      assert.equal((await operator.get('/api/notifications/unread-count')).body.count, 0);
      // A link is an in-app path, never another site.
      for (const link of ['https://evil.example/', '//evil.example/x']) {
        await assert.rejects(rt.deps.db.transaction().execute((tx) => notify(tx, clock, { tenantId, kind: 'x', recipients: {}, message: { key: 'skm.periodEnding' }, link })), /in-app path/);
      }
    });

    test('the daily scan reminds the unit of every survey period ending, by e-mail through SMTP and in-app, once', async () => {
      assert.equal(await runner.drain(), 1 + 4, 'the scan and one delivery per open survey (2 Disdukcapil, RSUD, kecamatan)');
      const scans = await rt.deps.db.selectFrom('jobs').select(['status', 'dedupeKey']).where('kind', '=', SKM_PERIOD_SCAN_JOB).execute();
      assert.deepEqual(scans, [{ status: 'done', dedupeKey: `${SKM_PERIOD_SCAN_JOB}@2026-12-27` }]);

      // E-mail: one per survey of the unit and per recipient with an address.
      const mails = smtp.received.map((m) => ({ to: m.to, ...decode(m.raw) }));
      assert.equal(mails.length, 4, JSON.stringify(mails.map((m) => [m.to, m.subject])));
      const toOperator = mails.filter((m) => m.to.includes('operator@muaraenimkab.go.id'));
      assert.deepEqual(toOperator.map((m) => m.subject).sort(), ['Periode SKM segera berakhir: Akta Kelahiran', 'Periode SKM segera berakhir: Perekaman KTP-el']);
      const ktp = toOperator.find((m) => m.subject!.includes('KTP-el'))!;
      assert.equal(ktp.toHeader, 'operator@muaraenimkab.go.id');
      assert.match(ktp.body, /Periode survei kepuasan masyarakat untuk layanan Perekaman KTP-el \(Dinas Kependudukan dan Pencatatan Sipil[^)]*\) berakhir pada 31 Desember 2026, 4 hari lagi\./);
      const survey = await rt.deps.db.selectFrom('skmSurveys as s').innerJoin('skmServices as v', 'v.id', 's.serviceId').select('s.id').where('v.name', '=', 'Perekaman KTP-el').where('s.status', '=', 'open').executeTakeFirstOrThrow();
      assert.ok(ktp.body.includes(`Buka di Serasan: https://serasan.muaraenimkab.go.id/skm/${survey.id}`), ktp.body);

      // In-app: the operator and the head of Disdukcapil, nobody else.
      const list = await operator.get('/api/notifications');
      assert.equal(list.status, 200);
      assert.equal(list.body.total, 2);
      assert.equal(list.body.unread, 2);
      const item = list.body.items.find((n: { title: string }) => n.title.includes('KTP-el'));
      assert.equal(item.link, `/skm/${survey.id}`);
      assert.equal(item.emailStatus, 'sent');
      assert.match(item.shareText, /^Pengingat SKM: periode survei layanan Perekaman KTP-el .* berakhir pada 31 Desember 2026\. .* https:\/\/serasan\.muaraenimkab\.go\.id\/skm\//);
      assert.equal((await kepala.get('/api/notifications/unread-count')).body.count, 2);
      assert.equal((await admin.get('/api/notifications')).body.total, 0, 'the admin is not of the unit');
      const outbox = await rt.deps.db.selectFrom('notificationOutbox').select(['recipientCount', 'deliveredAt']).execute();
      assert.equal(outbox.length, 4);
      assert.ok(outbox.every((o) => o.deliveredAt !== null));

      // Next day: the scan runs again, but each survey was already announced.
      clock.advance(24 * 3600_000);
      assert.equal(await runner.drain(), 1);
      assert.equal((await rt.deps.db.selectFrom('notificationOutbox').select('id').execute()).length, 4);
      assert.equal(smtp.received.length, 4);
      // Sessions expire after 12 hours of the (test) clock: sign in again.
      operator = await signedIn(rt, 'operator');
      kepala = await signedIn(rt, 'kepala');
      admin = await signedIn(rt, 'admin');
    });

    test('only the recipient sees and marks a notification; another user or tenant gets 404 or nothing', async () => {
      const [first] = (await operator.get('/api/notifications')).body.items;
      const kepalaItems = (await kepala.get('/api/notifications')).body.items as Array<{ id: string }>;
      assert.ok(!kepalaItems.some((n) => n.id === first.id));
      assert.equal((await kepala.post(`/api/notifications/${first.id}/read`)).status, 404);
      assert.equal((await admin.post(`/api/notifications/${first.id}/read`)).status, 404);

      // A user of another pemda.
      const platform = await signedIn(rt, 'platform');
      const other = await platform.post('/api/admin/tenants', { regionCode: '16.71' });
      assert.equal(other.status, 201, other.raw);
      await rt.deps.db.insertInto('users').values({ id: newId(), tenantId: other.body.id, username: 'operator-plg', name: 'Operator Palembang', passwordHash: await hashPassword('serasan-demo'), mustChangePassword: 0, isActive: 1, isPlatformAdmin: 0, personId: null, locale: 'id', failedLogins: 0, lockedUntil: null, createdAt: clock.now().toISOString(), updatedAt: clock.now().toISOString() }).execute();
      const stranger = await signedIn(rt, 'operator-plg');
      assert.equal((await stranger.get('/api/notifications')).body.total, 0);
      assert.equal((await stranger.get('/api/notifications/unread-count')).body.count, 0);
      assert.equal((await stranger.post(`/api/notifications/${first.id}/read`)).status, 404);
      assert.equal((await stranger.post('/api/notifications/read-all')).body.count, 0);
      assert.equal((await operator.get('/api/notifications/unread-count')).body.count, 2, 'nobody else marked it');

      const read = await operator.post(`/api/notifications/${first.id}/read`);
      assert.equal(read.status, 200);
      assert.equal(read.body.isRead, true);
      assert.equal((await operator.get('/api/notifications/unread-count')).body.count, 1);
      const unread = await operator.get('/api/notifications?unread=true');
      assert.equal(unread.body.total, 1);
      assert.notEqual(unread.body.items[0].id, first.id);
      const paged = await operator.get('/api/notifications?pageSize=1&page=2');
      assert.equal(paged.body.items.length, 1);
      assert.equal(paged.body.total, 2);
      assert.equal((await operator.get('/api/notifications?pageSize=0')).status, 400);
      assert.equal((await operator.post('/api/notifications/read-all')).body.count, 1);
      assert.equal((await operator.get('/api/notifications/unread-count')).body.count, 0);
      assert.equal((await kepala.get('/api/notifications/unread-count')).body.count, 2, "the head's copies stay unread");
      const audit = await rt.deps.db.selectFrom('auditLog').select('action').where('entityType', '=', 'notification').execute();
      assert.deepEqual(audit.map((a) => a.action).sort(), ['read', 'read_all']);
    });

    test('an SMTP refusal fails the delivery job, which is retried with backoff and then sends only what was not sent', async () => {
      smtp.state.refuse = true;
      const before = smtp.received.length;
      await rt.deps.db.transaction().execute((tx) =>
        notify(tx, clock, { tenantId, kind: 'skm.periodEnding', recipients: { roles: ['unit_operator', 'unit_head'] }, message: { key: 'skm.periodEnding', params: { service: 'Uji SMTP', unit: 'Disdukcapil', end: '#date:2027-01-05', days: 5, responses: 0 } }, link: '/skm' }),
      );
      assert.equal(await runner.tick(), 1);
      const job = () => rt.deps.db.selectFrom('jobs').selectAll().where('kind', '=', 'notifications.deliver').orderBy('createdAt', 'desc').orderBy('id', 'desc').executeTakeFirstOrThrow();
      let j = await job();
      assert.equal(j.status, 'failed');
      assert.match(j.lastError ?? '', /451|temporarily unavailable/);
      assert.ok(smtp.state.refused >= 1);
      // In-app notifications exist already; the e-mails wait.
      const pending = await rt.deps.db.selectFrom('notifications').select('emailStatus').where('title', 'like', '%Uji SMTP%').execute();
      assert.equal(pending.length, 2);
      assert.ok(pending.every((p) => p.emailStatus === 'pending'));

      // The admin sees the failure with its error text.
      const failed = await admin.get('/api/admin/jobs?status=failed');
      assert.equal(failed.status, 200);
      assert.ok(failed.body.items.some((i: { id: string; lastError: string }) => i.id === j.id && /451|unavailable/.test(i.lastError)));

      smtp.state.refuse = false;
      assert.equal(await runner.tick(), 0, 'not before the backoff');
      clock.advance(60_000);
      assert.equal(await runner.tick(), 1);
      j = await job();
      assert.equal(j.status, 'done');
      assert.equal(j.attempts, 2);
      const delivered = smtp.received.slice(before).map((m) => m.to.join(','));
      assert.deepEqual(delivered.sort(), ['kepala@muaraenimkab.go.id', 'operator@muaraenimkab.go.id']);
      assert.ok((await rt.deps.db.selectFrom('notifications').select('emailStatus').where('title', 'like', '%Uji SMTP%').execute()).every((p) => p.emailStatus === 'sent'));
    });

    test('the admin lists jobs by status and retries a dead one; others may not, and other tenants cannot see it', async () => {
      smtp.state.refuse = true;
      await rt.deps.db.transaction().execute((tx) =>
        notify(tx, clock, { tenantId, kind: 'skm.periodEnding', recipients: { userIds: [] , roles: ['unit_operator'] }, message: { key: 'skm.periodEnding', params: { service: 'Uji mati' } }, link: '/skm' }),
      );
      await rt.deps.db.updateTable('jobs').set({ maxAttempts: 1 }).where('status', '=', 'queued').execute();
      assert.equal(await runner.tick(), 1);
      const dead = await admin.get('/api/admin/jobs?status=dead');
      assert.equal(dead.body.items.length, 1);
      const id = dead.body.items[0].id;
      assert.equal(dead.body.counts.dead, 1);
      assert.equal((await admin.get('/api/admin/jobs?status=kaput')).status, 400);

      assert.equal((await operator.get('/api/admin/jobs')).status, 403);
      assert.equal((await operator.post(`/api/admin/jobs/${id}/retry`)).status, 403);
      const stranger = await signedIn(rt, 'operator-plg');
      assert.equal((await stranger.get('/api/admin/jobs')).status, 403);
      // A tenant admin of another pemda: 404 for this job.
      const otherTenant = (await rt.deps.db.selectFrom('users').select('tenantId').where('username', '=', 'operator-plg').executeTakeFirstOrThrow()).tenantId;
      const otherAdminId = (await rt.deps.db.selectFrom('users').select('id').where('username', '=', 'operator-plg').executeTakeFirstOrThrow()).id;
      await rt.deps.db.insertInto('userRoles').values({ tenantId: otherTenant, id: newId(), userId: otherAdminId, role: 'admin', unitId: null, createdAt: clock.now().toISOString() }).execute();
      const otherAdmin = await signedIn(rt, 'operator-plg');
      assert.equal((await otherAdmin.post(`/api/admin/jobs/${id}/retry`)).status, 404);
      assert.equal((await otherAdmin.get('/api/admin/jobs')).body.total, 0);

      const done = (await admin.get('/api/admin/jobs?status=done')).body.items[0].id;
      const notRetryable = await admin.post(`/api/admin/jobs/${done}/retry`);
      assert.equal(notRetryable.status, 409);
      assert.match(notRetryable.body.error.message, /Hanya tugas yang gagal atau mati/);

      smtp.state.refuse = false;
      const retried = await admin.post(`/api/admin/jobs/${id}/retry`);
      assert.equal(retried.status, 200, retried.raw);
      assert.equal(retried.body.status, 'queued');
      assert.equal(await runner.tick(), 1);
      assert.equal((await admin.get('/api/admin/jobs?status=dead')).body.total, 0);
      const entry = await rt.deps.db.selectFrom('auditLog').select('action').where('entityType', '=', 'job').where('entityId', '=', id).execute();
      assert.deepEqual(entry.map((e) => e.action), ['retry']);
    });
  });
}

for (const dialect of await testDialects()) {
  test(`[${dialect}] without SMTP_URL e-mail is off: the delivery succeeds in-app and records "e-mail off"`, async () => {
    const clock = createManualClock('2026-12-02T02:00:00.000Z');
    const rt = await createTestRuntime(dialect, { clock });
    try {
      assert.equal(rt.config.smtpUrl, undefined);
      const runner = createJobRunner(rt.deps, notificationJobs(), { owner: 'test' });
      const operator = await signedIn(rt, 'operator');
      assert.equal((await operator.put('/api/account/email', { email: 'operator@muaraenimkab.go.id' })).body.smtpConfigured, false);
      const { tenantId } = await rt.deps.db.selectFrom('users').select('tenantId').where('username', '=', 'operator').executeTakeFirstOrThrow();
      await rt.deps.db.transaction().execute((tx) =>
        notify(tx, clock, { tenantId, kind: 'skm.periodEnding', recipients: { roles: ['unit_operator'] }, message: { key: 'skm.periodEnding', params: { service: 'Tanpa SMTP' } }, link: '/skm' }),
      );
      await runner.drain();
      const jobs = await rt.deps.db.selectFrom('jobs').select(['status', 'lastError']).where('kind', '=', 'notifications.deliver').execute();
      assert.deepEqual(jobs, [{ status: 'done', lastError: null }]);
      const [n] = (await operator.get('/api/notifications')).body.items;
      assert.equal(n.title, 'Periode SKM segera berakhir: Tanpa SMTP');
      assert.equal(n.emailStatus, 'off');
    } finally {
      await rt.close();
    }
  });
}
