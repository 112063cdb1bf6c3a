/**
 * Journey (issue 10 item 5, the record lists): the numbering register, evidence, SKM surveys,
 * jobs and notifications on the one list component. A user filters the register by type, reloads
 * and finds the filter (and its rows) kept in the URL; searches it; the export link carries the
 * filter. Every changed page fits a phone (no sideways scroll) in Indonesian and English.
 * Screenshots go to SERASAN_LIST_SHOTS when set.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { browserSkipReason, horizontalOverflow, launchBrowser, LAPTOP, newPage, pageApi, PHONE, shot, signIn, startServer, withArtifacts, type E2EServer } from './harness.ts';

const skip = browserSkipReason();
const SHOTS_DIR = process.env.SERASAN_LIST_SHOTS ?? '';

async function look(page: Page, name: string) {
  await shot(page, name);
  if (SHOTS_DIR) {
    mkdirSync(SHOTS_DIR, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS_DIR, `${name}.png`), fullPage: true, animations: 'disabled' });
  }
}

async function setLang(page: Page, lang: 'id' | 'en') {
  await page.evaluate((l) => {
    localStorage.setItem('serasan_lang', l);
    document.cookie = `serasan_lang=${l}; path=/`;
  }, lang);
}

describe('journey: record lists on the one list component', { skip }, () => {
  let server: E2EServer;
  let browser: Browser;

  before(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('register: a type filter survives a reload (URL state), search narrows it, the export carries the filter', async () => {
    const { context, page } = await newPage(browser);
    try {
      await withArtifacts(page, 'list-register', async () => {
        await signIn(page, server.url, 'admin');
        for (const [docType, title] of [
          ['surat_dinas', 'Undangan rapat koordinasi SKM'],
          ['surat_dinas', 'Permohonan data kependudukan'],
          ['nota_dinas', 'Laporan capaian inovasi triwulan II'],
        ]) {
          const res = await pageApi(page, 'POST', '/api/documents/numbers', { docType, title });
          assert.equal(res.status, 201, JSON.stringify(res.body));
        }
        await page.goto(`${server.url}/naskah-dinas?tab=register`);
        await page.getByTestId('register-row').first().waitFor();
        assert.equal(await page.getByTestId('register-row').count(), 3);
        assert.match((await page.getByTestId('register-total').textContent()) ?? '', /3 nomor/);
        // Newest first: the nota dinas was taken last.
        assert.match((await page.getByTestId('register-row').first().textContent()) ?? '', /Laporan capaian inovasi/);

        await page.getByTestId('register-type').selectOption('surat_dinas');
        await page.waitForURL((u) => u.searchParams.get('docType') === 'surat_dinas' && u.searchParams.get('tab') === 'register');
        await page.getByTestId('register-total').filter({ hasText: /^2 nomor/ }).waitFor();

        await page.reload();
        await page.getByTestId('register-total').filter({ hasText: /^2 nomor/ }).waitFor();
        assert.equal(await page.getByTestId('register-type').inputValue(), 'surat_dinas', 'the filter is kept after a reload');
        const rows = await page.getByTestId('register-row').allTextContents();
        assert.equal(rows.length, 2);
        assert.ok(rows.every((r) => !r.includes('Laporan capaian')), 'the nota dinas stays filtered out');

        await page.getByTestId('register-search').fill('koordinasi');
        await page.waitForURL((u) => u.searchParams.get('q') === 'koordinasi' && u.searchParams.get('docType') === 'surat_dinas');
        await page.getByTestId('register-total').filter({ hasText: /^1 nomor/ }).waitFor();
        const href = (await page.getByTestId('register-export-csv').getAttribute('href')) ?? '';
        assert.match(href, /^\/api\/documents\/numbers\/export\.csv\?/);
        const q = new URL(href, server.url).searchParams;
        assert.equal(q.get('docType'), 'surat_dinas');
        assert.equal(q.get('q'), 'koordinasi');
        await look(page, 'records-register-id-laptop');
      });
    } finally {
      await context.close();
    }
  });

  test('every record list fits a phone and reads in both languages', async () => {
    const pages: Array<[string, string, string]> = [
      ['register', '/naskah-dinas?tab=register', 'register-total'],
      ['evidence', '/berkas', 'evidence-total'],
      ['skm', '/skm', 'skm-total'],
      ['jobs', '/tugas-latar', 'jobs-total'],
      ['notifications', '/notifikasi', 'notifications-total'],
      ['catalogue', '/publik/16.03/inovasi', 'public-total'],
      ['innovations', '/inovasi/daftar', 'innovation-total'],
    ];
    for (const lang of ['id', 'en'] as const) {
      for (const viewport of [LAPTOP, PHONE]) {
        const { context, page } = await newPage(browser, viewport);
        try {
          await withArtifacts(page, `list-records-${lang}-${viewport.width}`, async () => {
            await signIn(page, server.url, 'admin');
            await setLang(page, lang);
            for (const [name, url, total] of pages) {
              await page.goto(`${server.url}${url}`);
              await page.getByTestId(total).waitFor();
              await page.waitForTimeout(200);
              if (viewport === PHONE) assert.equal(await horizontalOverflow(page), null, `${name} (${lang}) does not scroll sideways on a phone`);
              await look(page, `records-${name}-${lang}-${viewport === PHONE ? 'phone' : 'laptop'}`);
            }
          });
        } finally {
          await context.close();
        }
      }
    }
  });
});
