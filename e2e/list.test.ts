/**
 * Journey (issue 10 item 5): the one list component. On the innovation list a user sets a filter
 * and a sort, reloads and finds both kept (they live in the URL), pages, and exports the filtered
 * rows; a citizen opens the public catalogue on a phone. Screenshots of the innovation list,
 * people and the public catalogue in Indonesian and English, at 1366×768 and 390×844.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { browserSkipReason, horizontalOverflow, launchBrowser, newPage, PHONE, shot, signIn, startServer, withArtifacts, type E2EServer } from './harness.ts';

const skip = browserSkipReason();
const SHOTS_DIR = process.env.SERASAN_LIST_SHOTS ?? '';

async function look(page: Page, name: string) {
  await shot(page, name);
  if (SHOTS_DIR) {
    mkdirSync(SHOTS_DIR, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS_DIR, `${name}.png`), fullPage: true, animations: 'disabled' });
  }
}

/** Wait until the header of a sort key shows the direction (React renders after the URL changes). */
async function ariaSort(page: Page, key: string, value: 'ascending' | 'descending' | 'none') {
  await page.waitForFunction(
    ([k, v]) => document.querySelector(`[data-testid="sort-${k}"]`)?.closest('th')?.getAttribute('aria-sort') === v,
    [key, value] as const,
  );
}

/** Run an action and wait for the list request it causes to be answered. */
async function listRequest(page: Page, apiPath: string, needle: string, action: () => Promise<unknown>) {
  await Promise.all([page.waitForResponse((r) => r.url().includes(apiPath) && r.url().includes(needle) && r.ok()), action()]);
  await page.waitForTimeout(150);
}

async function setLang(page: Page, lang: 'id' | 'en') {
  await page.evaluate((l) => {
    localStorage.setItem('serasan_lang', l);
    document.cookie = `serasan_lang=${l}; path=/`;
  }, lang);
  await page.reload();
}

describe('journey: one list component', { skip }, () => {
  let server: E2EServer;
  let browser: Browser;

  before(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('innovation list: filter and sort survive a reload, paging moves on, export gives the filtered rows', { skip }, async () => {
    const { context, page } = await newPage(browser);
    try {
      await withArtifacts(page, 'list-innovations', async () => {
        await signIn(page, server.url, 'admin');
        await page.goto(`${server.url}/inovasi/daftar`);
        await page.getByTestId('innovation-row').first().waitFor();
        const total = await page.getByTestId('innovation-total').textContent();
        assert.match(total ?? '', /\d+ inovasi/);
        await ariaSort(page, 'updatedAt', 'descending'); // newest change first by default
        await look(page, 'list-innovations-id-laptop');

        // Filter: type "pelayanan publik"; sort: title ascending.
        await page.getByTestId('filter-type').selectOption('pelayanan_publik');
        await page.waitForURL((u) => u.searchParams.get('type') === 'pelayanan_publik');
        await listRequest(page, '/api/innovations?', 'sort=title', () => page.getByTestId('sort-title').click());
        await page.waitForURL((u) => u.searchParams.get('sort') === 'title');
        await ariaSort(page, 'title', 'ascending');
        await ariaSort(page, 'updatedAt', 'none');
        const titles = async () => (await page.getByTestId('innovation-row').locator('td:first-child a').allTextContents()).map((s) => s.trim());
        const before = await titles();
        const sorted = [...before].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0));
        assert.deepEqual(before, sorted, 'rows in title order');

        // Reload: the URL keeps filter and sort.
        await page.reload();
        await page.getByTestId('innovation-row').first().waitFor();
        assert.equal(await page.getByTestId('filter-type').inputValue(), 'pelayanan_publik');
        await ariaSort(page, 'title', 'ascending');
        assert.deepEqual(await titles(), before);

        // Descending on a second click.
        await page.getByTestId('sort-title').click();
        await page.waitForURL((u) => u.searchParams.get('sort') === '-title');
        await ariaSort(page, 'title', 'descending');

        // Paging: the unfiltered list has more than one page of 25.
        await page.goto(`${server.url}/inovasi/daftar?sort=title`);
        await page.getByTestId('innovation-pagination').waitFor();
        const first = await titles();
        await listRequest(page, '/api/innovations?', 'page=2', () => page.getByTestId('innovation-pagination').getByRole('button', { name: '2' }).click());
        await page.waitForURL((u) => u.searchParams.get('page') === '2' && u.searchParams.get('sort') === 'title');
        await page.getByTestId('innovation-page').filter({ hasText: /Halaman 2 dari/ }).waitFor();
        const second = await titles();
        assert.ok(second.length > 0 && second.every((x) => !first.includes(x)), 'page 2 holds other rows');
        await page.goBack();
        await page.waitForURL((u) => !u.searchParams.get('page'));

        // Export the filtered rows: the link carries the filter and sort, the file holds them.
        await page.goto(`${server.url}/inovasi/daftar?type=pelayanan_publik&sort=title`);
        await page.getByTestId('innovation-row').first().waitFor();
        const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('innovation-export-csv').click()]);
        assert.match(download.suggestedFilename(), /^inovasi-muara-enim-\d{4}-\d{2}-\d{2}\.csv$/);
        const csv = readFileSync((await download.path())!, 'utf8');
        const lines = csv.replace(/^\uFEFF/, '').trim().split(/\r\n/);
        const count = Number((await page.getByTestId('innovation-total').textContent())!.replace(/\D/g, ''));
        assert.equal(lines.length - 1, count, 'one CSV row per filtered innovation');
        assert.ok(lines.slice(1).every((l) => l.includes(',pelayanan_publik,')));

        // English.
        await setLang(page, 'en');
        await page.getByTestId('innovation-row').first().waitFor();
        await look(page, 'list-innovations-en-laptop');
        await page.setViewportSize(PHONE);
        await page.waitForTimeout(300);
        assert.equal(await horizontalOverflow(page), null, 'the phone page does not scroll sideways');
        await look(page, 'list-innovations-en-phone');
        await setLang(page, 'id');
        await page.getByTestId('innovation-row').first().waitFor();
        await look(page, 'list-innovations-id-phone');

        // People.
        await page.setViewportSize({ width: 1366, height: 768 });
        await page.goto(`${server.url}/organisasi/pegawai?sort=-nip`);
        await page.getByTestId('person-row').first().waitFor();
        await ariaSort(page, 'nip', 'descending');
        await look(page, 'list-people-id-laptop');
        await page.setViewportSize(PHONE);
        await page.waitForTimeout(300);
        assert.equal(await horizontalOverflow(page), null);
        await look(page, 'list-people-id-phone');
        await setLang(page, 'en');
        await page.getByTestId('person-row').first().waitFor();
        await look(page, 'list-people-en-phone');
        await page.setViewportSize({ width: 1366, height: 768 });
        await page.waitForTimeout(300);
        await look(page, 'list-people-en-laptop');
      });
    } finally {
      await context.close();
    }
  });

  test('public catalogue on a phone: anonymous, sort menu, cards that fit', { skip }, async () => {
    for (const lang of ['id', 'en'] as const) {
      for (const [vp, label] of [
        [PHONE, 'phone'],
        [{ width: 1366, height: 768 }, 'laptop'],
      ] as const) {
        const { context, page } = await newPage(browser, vp);
        try {
          await withArtifacts(page, `list-public-${lang}-${label}`, async () => {
            await page.goto(`${server.url}/publik/16.03/inovasi`);
            if (lang === 'en') await setLang(page, 'en');
            await page.getByTestId('public-row').first().waitFor();
            assert.equal(await horizontalOverflow(page), null, 'the catalogue fits the width');
            if (label === 'phone') {
              await page.getByTestId('public-filters-toggle').click();
              await listRequest(page, '/api/public/innovations?', 'sort=title', () => page.getByTestId('public-sort').selectOption('title'));
              await page.waitForURL((u) => u.searchParams.get('sort') === 'title');
              await page.getByTestId('public-filters-toggle').click();
              await page.waitForTimeout(400);
              const titles = (await page.getByTestId('public-card-title').allTextContents()).map((s) => s.trim().toLowerCase());
              assert.deepEqual(titles, [...titles].sort(), 'cards in title order');
            }
            await look(page, `list-public-${lang}-${label}`);
          });
        } finally {
          await context.close();
        }
      }
    }
  });
});
