/**
 * Journey (c): Bahasa Indonesia by default, one click to English that survives a reload and
 * reaches the server's messages too; and the sign-in page works on a phone.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { browserSkipReason, horizontalOverflow, launchBrowser, newPage, pageApi, PHONE, shot, signIn, startServer, withArtifacts, type E2EServer } from './harness.ts';

const skip = browserSkipReason();

async function text(l: Locator): Promise<string> {
  return ((await l.textContent()) ?? '').trim();
}

async function assertInsideViewport(page: Page, testId: string) {
  const el = page.getByTestId(testId);
  await el.waitFor();
  const box = await el.boundingBox();
  const vp = page.viewportSize()!;
  assert.ok(box, `${testId} is rendered`);
  assert.ok(box.x >= 0 && box.x + box.width <= vp.width, `${testId} fits the width: ${JSON.stringify(box)}`);
  assert.ok(box.y >= 0 && box.y + box.height <= vp.height, `${testId} is visible without scrolling: ${JSON.stringify(box)}`);
  assert.ok(box.width >= 40 && box.height >= 24, `${testId} is not squeezed: ${JSON.stringify(box)}`);
}

describe('journey: language and the phone sign-in', { skip }, () => {
  let server: E2EServer;
  let browser: Browser;

  before(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('the sign-in form is usable on a 390×844 phone', { skip }, async () => {
    const { context, page } = await newPage(browser, PHONE);
    try {
      await withArtifacts(page, 'language-phone-login', async () => {
        await page.goto(`${server.url}/masuk`);
        for (const id of ['login-username', 'login-password', 'login-submit', 'lang-switch']) await assertInsideViewport(page, id);
        assert.equal(await horizontalOverflow(page), null, 'the sign-in page does not scroll sideways');
        assert.equal(await page.evaluate(() => document.documentElement.lang), 'id');
        await shot(page, 'login-phone-id');

        // A wrong password is reported where the thumb is, in Indonesian.
        await page.getByTestId('login-username').fill('operator');
        await page.getByTestId('login-password').fill('salah-sandi');
        await page.getByTestId('login-submit').click();
        await assertInsideViewport(page, 'login-error');
        assert.match(await text(page.getByTestId('login-error')), /salah/i);
        assert.equal(await horizontalOverflow(page), null);
        await shot(page, 'login-phone-error-id');

        await page.getByTestId('login-password').fill('serasan-demo');
        await page.getByTestId('login-submit').click();
        await page.waitForURL((u) => !u.pathname.startsWith('/masuk'));
        await page.getByTestId('logout').waitFor();
      });
    } finally {
      await context.close();
    }
  });

  test('switching to English changes labels, persists over a reload and reaches API messages', { skip }, async () => {
    const { context, page } = await newPage(browser);
    try {
      await withArtifacts(page, 'language-switch', async () => {
        await signIn(page, server.url, 'operator');
        await page.getByTestId('tenant-name').waitFor();
        await shot(page, 'home-id');
        assert.equal(await text(page.getByTestId('nav-organisasi')), 'Organisasi');
        assert.equal(await text(page.getByTestId('nav-riwayat')), 'Riwayat');
        assert.equal(await text(page.getByTestId('logout')), 'Keluar');
        assert.equal(await page.evaluate(() => document.documentElement.lang), 'id');

        const saved = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/auth/locale' && r.request().method() === 'PUT');
        await page.getByTestId('lang-switch').click();
        assert.ok((await saved).ok(), 'the choice is saved to the account');
        await page.getByTestId('nav-organisasi').filter({ hasText: 'Organisation' }).waitFor();
        assert.equal(await text(page.getByTestId('nav-riwayat')), 'History');
        assert.equal(await text(page.getByTestId('logout')), 'Sign out');
        assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');

        await page.reload();
        await page.getByTestId('nav-organisasi').filter({ hasText: 'Organisation' }).waitFor();
        assert.equal(await text(page.getByTestId('nav-riwayat')), 'History');
        assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
        await page.getByTestId('tenant-name').waitFor();
        await shot(page, 'home-en');

        // The form's own NIP check speaks English…
        await page.getByTestId('nav-organisasi').click();
        await page.getByTestId('org-tab-pegawai').click();
        await page.waitForURL((u) => u.pathname === '/organisasi/pegawai');
        assert.equal(await text(page.getByTestId('org-tab-pegawai')), 'Staff');
        await page.getByTestId('person-row').first().waitFor();
        await shot(page, 'people-list-en');
        await page.getByTestId('people-add').click();
        const dialog = page.getByRole('dialog');
        await page.getByTestId('person-name').fill('Fajar Nugroho (e2e)');
        await page.getByTestId('person-nip').fill('19781345 200312 1 002');
        await page.getByTestId('person-submit').click();
        await dialog.getByText('NIP: digits 1–8 (19781345) are not a valid date of birth.').waitFor();

        // …and so does the server: a NIP already registered is refused in English, shown in the form.
        await page.getByTestId('person-nip').fill('19780512 200312 1 002');
        const refused = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/people' && r.request().method() === 'POST');
        await page.getByTestId('person-submit').click();
        assert.equal((await refused).status(), 409);
        const formError = page.getByTestId('person-form-error');
        await formError.waitFor();
        assert.equal(await text(formError), 'NIP 19780512 200312 1 002 is already registered for Andi Saputra, S.Sos. (demo).');
        assert.equal(await horizontalOverflow(page), null);
        await shot(page, 'people-add-error-en');

        // A NIP of the wrong length, sent straight to the API, is explained in English too.
        const unitId = await page.getByTestId('person-unit').inputValue();
        const short = await pageApi(page, 'POST', '/api/people', { name: 'Fajar Nugroho (e2e)', nip: '1978051220', kind: 'PNS', rank: null, unitId });
        assert.equal(short.status, 400, JSON.stringify(short.body));
        assert.match(short.body.error.message, /18 digits/);
        assert.doesNotMatch(short.body.error.message, /digit\b(?! )|harus|sekarang/, `no Indonesian left: ${short.body.error.message}`);
      });
    } finally {
      await context.close();
    }
  });
});
