/**
 * Journey: the PK signing season (issue 11 item 2). The Tim RB drafts the year's PKs from the
 * register and sees the summary (vacant positions reported); the Kepala Disdukcapil opens his PK
 * and submits it; the Tim RB agrees; the kepala signs it with a date; the register then shows it
 * signed with its number. Screenshots at 1366×768 and at phone width (no sideways scrolling).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { browserSkipReason, horizontalOverflow, launchBrowser, newPage, PHONE, shot, signIn, startServer, typeDate, withArtifacts, yearEnd, type E2EServer } from './harness.ts';

const skip = browserSkipReason();
// The server's clock in late December of the browser's year: signing on 30 January is never in the future.
const CLOCK = yearEnd();
const YEAR = CLOCK.year;

describe('journey: the Tim RB drafts the season, a kepala submits and signs his PK', { skip }, () => {
  let server: E2EServer;
  let browser: Browser;
  let pkPath = '';

  before(async () => {
    [server, browser] = await Promise.all([startServer(CLOCK.env), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  const openRegister = async (page: Page) => {
    await page.goto(`${server.url}/sakip?tahun=${YEAR}`);
    await page.getByTestId('pk-register').waitFor();
  };

  test('the Tim RB generates the year\'s drafts from the register and reads the summary', async () => {
    const { page } = await newPage(browser);
    await withArtifacts(page, 'pk-season-generate', async () => {
      await signIn(page, server.url, 'rb');
      await openRegister(page);
      await page.getByTestId('pk-generate').click();
      await page.getByTestId('pk-generate-run').click();
      const summary = page.getByTestId('pk-generate-summary');
      await summary.waitFor();
      const text = await summary.innerText();
      assert.match(text, /\d+ draf dibuat; \d+ dilewati\./);
      assert.match(text, /jabatan kosong/, 'vacant positions are reported');
      await shot(page, 'pk-season-generate-summary');
      await page.keyboard.press('Escape');
      const link = page.getByTestId('pk-register').getByRole('link', { name: 'Dinas Kependudukan dan Pencatatan Sipil' });
      pkPath = new URL((await link.getAttribute('href'))!, server.url).pathname;
      assert.match(pkPath, /^\/sakip\/pk\/[\w-]+$/);
      await shot(page, 'pk-season-register');
    });
  });

  test('the kepala submits, the Tim RB agrees, the kepala signs with a date; the register shows it signed and numbered', async () => {
    const { page: kepala } = await newPage(browser);
    const { page: rb } = await newPage(browser);
    await withArtifacts(kepala, 'pk-season-sign', async () => {
      await signIn(kepala, server.url, 'kepala');
      await kepala.goto(`${server.url}${pkPath}`);
      await kepala.getByTestId('pk-action-submit').click();
      await kepala.getByTestId('pk-status-submitted').waitFor();
      await signIn(rb, server.url, 'rb');
      await rb.goto(`${server.url}${pkPath}`);
      await rb.getByTestId('pk-action-agree').click();
      await rb.getByTestId('pk-status-agreed').waitFor();
      await kepala.reload();
      await kepala.getByTestId('pk-action-sign').click();
      await typeDate(kepala, 'pk-signed-on', `30/01/${YEAR}`);
      await kepala.getByTestId('pk-dialog-confirm').click();
      await kepala.getByTestId('pk-status-signed').waitFor();
      await kepala.getByTestId('pk-history').waitFor();
      const body = await kepala.locator('body').innerText();
      assert.match(body, /Nomor: \S+\/\d+\/\S*\/\d{4}/, 'the PK is numbered');
      assert.match(body, /Ditandatangani: 30 Januari \d{4}/);
      await shot(kepala, 'pk-season-pk-signed');
      // A signed PK leads to its quarterly realisation page.
      await kepala.getByTestId('pk-realisation').click();
      await kepala.waitForURL(/\/sakip\/pk\/[^/]+\/realisasi$/);
      await openRegister(rb);
      const row = rb.getByTestId('pk-register').getByRole('row').filter({ hasText: 'Dinas Kependudukan dan Pencatatan Sipil' });
      assert.match(await row.innerText(), /Ditandatangani[\s\S]*Seremoni/);
    });
  });

  test('on a phone the register and the PK page fit the width', async () => {
    const { page } = await newPage(browser, PHONE);
    await withArtifacts(page, 'pk-season-phone', async () => {
      await signIn(page, server.url, 'kepala');
      await openRegister(page);
      assert.equal(await horizontalOverflow(page), null);
      await shot(page, 'pk-season-register-phone');
      await page.goto(`${server.url}${pkPath}`);
      await page.getByTestId('pk-history').waitFor();
      assert.equal(await horizontalOverflow(page), null);
      await shot(page, 'pk-season-pk-phone');
    });
  });
});
