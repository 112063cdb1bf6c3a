/**
 * Journey: after repeated wrong passwords, sign-ins for that username from that address wait
 * (429 with the time to wait, shown on the sign-in page); the admin finds the delay on the users
 * page and clears it, and the user signs in.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { browserSkipReason, launchBrowser, newPage, shot, signIn, startServer, withArtifacts, type E2EServer } from './harness.ts';

const skip = browserSkipReason();

describe('journey: sign-in delay seen and cleared by the admin', { skip }, () => {
  let server: E2EServer;
  let browser: Browser;

  before(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('wrong passwords delay the operator; the admin clears the delay on the users page', { skip }, async () => {
    for (let i = 0; i < 5; i++) {
      const res = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'operator', password: `salah-${i}` }) });
      assert.equal(res.status, 401);
    }
    const { context, page } = await newPage(browser);
    try {
      await withArtifacts(page, 'login-delays', async () => {
        await page.goto(`${server.url}/masuk`);
        await page.getByTestId('login-username').fill('operator');
        await page.getByTestId('login-password').fill('serasan-demo');
        await page.getByTestId('login-submit').click();
        await page.getByTestId('login-error').waitFor();
        assert.match((await page.getByTestId('login-error').textContent()) ?? '', /Coba lagi dalam \d+ detik/);
        await shot(page, 'login-delayed');

        await signIn(page, server.url, 'admin');
        await page.goto(`${server.url}/pengguna`);
        const row = page.getByTestId('login-delay-row').filter({ hasText: 'operator' });
        await row.waitFor();
        assert.match((await row.textContent()) ?? '', /127\.0\.0\.1/);
        await shot(page, 'login-delays-admin');
        await row.getByTestId('login-delay-clear').click();
        await page.getByTestId('login-delays').getByText('Tidak ada percobaan masuk gagal yang tercatat.').waitFor();
      });
    } finally {
      await context.close();
    }
    const res = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'operator', password: 'serasan-demo' }) });
    assert.equal(res.status, 200);
  });
});
