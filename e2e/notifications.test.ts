/**
 * Journey: a reminder reaches the head of Disdukcapil. The outbox row is written the way a module
 * writes it (notify() in a transaction, here straight into the server's database file); the job
 * runner inside the running server delivers it in-app and through a real SMTP server. The head
 * sets an e-mail address (a wrong one is refused in Indonesian), sees the bell count, opens the
 * reminder from the bell, lands on the survey, and finds a WhatsApp share link on the list page.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { SMTPServer } from 'smtp-server';
import { openDatabase } from '../src/server/db/db.ts';
import { systemClock } from '../src/server/lib/clock.ts';
import { notify } from '../src/server/modules/notifications/notify.ts';
import { browserSkipReason, horizontalOverflow, launchBrowser, newPage, pageApi, PHONE, shot, signIn, startServer, withArtifacts, type E2EServer } from './harness.ts';

const skip = browserSkipReason();

describe('journey: a survey-period reminder by bell, e-mail and WhatsApp link', { skip }, () => {
  let server: E2EServer;
  let browser: Browser;
  let smtp: SMTPServer;
  const mails: Array<{ to: string[]; raw: string }> = [];

  before(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, cb) {
        let raw = '';
        stream.setEncoding('utf8');
        stream.on('data', (c: string) => (raw += c));
        stream.on('end', () => {
          mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
          cb();
        });
      },
    });
    await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', () => r()));
    const port = (smtp.server.address() as AddressInfo).port;
    [server, browser] = await Promise.all([startServer({ SMTP_URL: `smtp://127.0.0.1:${port}`, SERASAN_JOBS_POLL_MS: '200' }), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    await new Promise<void>((r) => (smtp ? smtp.close(() => r()) : r()));
  });

  test('the head sets an e-mail, gets the reminder in the bell and by e-mail, opens the survey, and can share it', async () => {
    const { context, page } = await newPage(browser);
    await withArtifacts(page, 'notifications', async () => {
      await signIn(page, server.url, 'kepala');
      await page.goto(`${server.url}/akun`);
      await page.getByTestId('account-email').fill('kepala.dukcapil@');
      await page.getByTestId('account-email-save').click();
      await page.getByText('harus alamat e-mail yang sah').waitFor();
      await page.getByTestId('account-email').fill('kepala.dukcapil@muaraenimkab.go.id');
      await page.getByTestId('account-email-save').click();
      await page.getByText('Alamat e-mail disimpan.').waitFor();

      // Other daily reminders may already be in the bell (e.g. "PK not signed" after 31 January):
      // the head reads them first, so that this journey's one reminder is the one unread.
      assert.equal((await pageApi(page, 'POST', '/api/notifications/read-all')).status, 200);
      // A module announces: the outbox row in a transaction on the server's own database.
      const database = openDatabase({ sqliteFile: path.join(server.dataDir, 'serasan.db') });
      let surveyId: string;
      try {
        const s = await database.db
          .selectFrom('skmSurveys as s')
          .innerJoin('skmServices as v', (j) => j.onRef('v.tenantId', '=', 's.tenantId').onRef('v.id', '=', 's.serviceId'))
          .select(['s.tenantId', 's.id', 's.unitId', 's.periodEnd'])
          .where('v.name', '=', 'Perekaman KTP-el')
          .where('s.status', '=', 'open')
          .executeTakeFirstOrThrow();
        surveyId = s.id;
        await database.db.transaction().execute((tx) =>
          notify(tx, systemClock, {
            tenantId: s.tenantId,
            kind: 'skm.periodEnding',
            recipients: { roles: ['unit_head'], unitIds: [s.unitId] },
            message: { key: 'skm.periodEnding', params: { service: 'Perekaman KTP-el', unit: 'Disdukcapil', end: `#date:${s.periodEnd}`, days: 3, responses: 120 } },
            link: `/skm/${s.id}`,
          }),
        );
        // The server's runner delivers it (polling every 200 ms).
        for (let i = 0; i < 100 && mails.length === 0; i++) await new Promise((r) => setTimeout(r, 100));
      } finally {
        await database.close();
      }
      assert.equal(mails.length, 1, 'one e-mail through the SMTP server');
      assert.deepEqual(mails[0].to, ['kepala.dukcapil@muaraenimkab.go.id']);
      assert.match(mails[0].raw.replace(/\r?\n(?=[ \t])/g, ''), /^Subject: Periode SKM segera berakhir: Perekaman KTP-el$/m);

      await page.goto(`${server.url}/`);
      await page.locator('[data-testid="bell-count"] .mantine-Indicator-indicator', { hasText: '1' }).waitFor();
      await page.getByTestId('bell').click();
      const item = page.getByTestId('bell-item').filter({ hasText: 'Perekaman KTP-el' });
      await item.waitFor();
      await shot(page, 'notifications-bell');
      await item.click();
      await page.waitForURL((u) => u.pathname === `/skm/${surveyId}`);
      await page.locator('[data-testid="bell-count"] .mantine-Indicator-indicator').waitFor({ state: 'detached' });

      await page.goto(`${server.url}/notifikasi`);
      const card = page.getByTestId('notification').filter({ hasText: 'Perekaman KTP-el' });
      await card.getByText('Terkirim ke e-mail').waitFor();
      const href = await card.getByTestId('wa-share').getAttribute('href');
      assert.ok(href?.startsWith('https://wa.me/?text='), href ?? '');
      const text = new URL(href!).searchParams.get('text')!;
      assert.match(text, /^Pengingat SKM: periode survei layanan Perekaman KTP-el \(Disdukcapil\) berakhir pada \d{1,2} \w+ \d{4}\./);
      assert.ok(text.endsWith(`/skm/${surveyId}`), text);
      await shot(page, 'notifications-list');
    });
    await context.close();

    // On a phone the list fits the screen.
    const phone = await newPage(browser, PHONE);
    await withArtifacts(phone.page, 'notifications-phone', async () => {
      await signIn(phone.page, server.url, 'kepala');
      await phone.page.goto(`${server.url}/notifikasi`);
      await phone.page.getByTestId('notification').first().waitFor();
      assert.equal(await horizontalOverflow(phone.page), null);
      await shot(phone.page, 'notifications-list-phone');
    });
    await phone.context.close();
  });
});
