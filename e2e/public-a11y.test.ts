/**
 * Journey: the region's public pages as an anonymous citizen on a phone. Every page passes axe
 * (WCAG 2 A and AA) with no violation, never asks /api/auth/me (no 401 in the console), carries
 * the region's navigation bar, and an unknown region code says so instead of an empty region.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { apiSession, browserSkipReason, LAPTOP, launchBrowser, newPage, PHONE, shot, startServer, withArtifacts, type E2EServer } from './harness.ts';

const skip = browserSkipReason();
const REGION = '16.03';

interface Watch {
  authMe: string[];
  consoleErrors: string[];
}

/** Open a page anonymously, watching the network for /api/auth/me and the console for errors. */
async function visit<T>(browser: Browser, name: string, viewport: { width: number; height: number }, lang: 'id' | 'en', fn: (page: Page, watch: Watch) => Promise<T>): Promise<T> {
  const { context, page } = await newPage(browser, viewport);
  if (lang === 'en') await context.addInitScript(() => localStorage.setItem('serasan_lang', 'en'));
  const watch: Watch = { authMe: [], consoleErrors: [] };
  page.on('request', (r) => {
    if (new URL(r.url()).pathname === '/api/auth/me') watch.authMe.push(r.url());
  });
  page.on('console', (m) => {
    if (m.type() === 'error') watch.consoleErrors.push(m.text());
  });
  try {
    return await withArtifacts(page, `public-${name}`, () => fn(page, watch));
  } finally {
    await context.close();
  }
}

async function axeViolations(page: Page): Promise<string[]> {
  // Let charts and lazy chunks settle: axe must see what the citizen sees.
  await page.waitForLoadState('networkidle');
  const res = await new AxeBuilder({ page: page as never }).withTags(['wcag2a', 'wcag2aa']).analyze();
  return res.violations.map((v) => `${v.id} (${v.nodes.length}): ${v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} ${n.html.slice(0, 160)}`).join(' | ')}`);
}

describe('journey: public pages on a phone, accessible and quiet', { skip }, () => {
  let server: E2EServer;
  let browser: Browser;
  let formPath = '';
  let detailPath = '';

  before(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    const operator = await apiSession(server.url, 'operator');
    const surveys = await operator('GET', '/api/skm/surveys?pageSize=100');
    const open = (surveys.body.items as Array<{ status: string; surveyCode: string }>).find((s) => s.status === 'open');
    assert.ok(open, 'the demo region has an open survey');
    formPath = `/skm/${open.surveyCode}`;
    const list = await (await fetch(`${server.url}/api/public/innovations?region=${REGION}&pageSize=1`)).json();
    detailPath = `/publik/inovasi/${list.items[0].id}`;
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  const pages = () => [
    { name: 'survey-form', path: formPath, ready: 'skm-question' },
    { name: 'catalogue', path: '/publik/inovasi', ready: 'public-layout' },
    { name: 'region-catalogue', path: `/publik/${REGION}/inovasi`, ready: 'public-nav' },
    { name: 'skm-results', path: `/publik/${REGION}/skm`, ready: 'skm-public-item' },
    { name: 'innovation-detail', path: detailPath, ready: 'public-detail' },
    { name: 'sign-in', path: '/masuk', ready: 'login-username' },
  ];

  for (const lang of ['id', 'en'] as const) {
    test(`every public page has no WCAG 2 A/AA violation on a phone (${lang})`, { skip }, async () => {
      const failures: string[] = [];
      for (const p of pages()) {
        await visit(browser, `${p.name}-${lang}`, PHONE, lang, async (page, watch) => {
          await page.goto(`${server.url}${p.path}`);
          await page.getByTestId(p.ready).first().waitFor();
          const v = await axeViolations(page);
          if (v.length) failures.push(`${p.path}:\n  ${v.join('\n  ')}`);
          await shot(page, `public-${p.name}-${lang}-phone`);
          if (p.name !== 'sign-in') {
            assert.deepEqual(watch.authMe, [], `${p.path} must not ask /api/auth/me`);
            assert.deepEqual(watch.consoleErrors, [], `${p.path} logs no error in the console`);
          }
        });
      }
      assert.deepEqual(failures, [], `axe violations:\n${failures.join('\n')}`);
    });
  }

  test('the navigation bar links the region’s catalogue and SKM results', { skip }, async () => {
    await visit(browser, 'nav', LAPTOP, 'id', async (page) => {
      await page.goto(`${server.url}/publik/${REGION}/inovasi`);
      const nav = page.getByTestId('public-nav');
      await nav.waitFor();
      assert.match(await page.getByTestId('public-nav-region').innerText(), /Ogan Komering Ulu|Kab/i);
      await page.getByTestId('public-nav-skm').click();
      await page.waitForURL((u) => u.pathname === `/publik/${REGION}/skm`);
      await page.getByTestId('skm-public-item').first().waitFor();
      assert.equal(await page.getByTestId('public-nav-skm').getAttribute('aria-current'), 'page');
      await page.getByTestId('skm-public-trend').first().locator('svg').first().waitFor();
      await shot(page, 'public-skm-results-id-laptop');
      await page.getByTestId('public-nav-catalogue').click();
      await page.waitForURL((u) => u.pathname === `/publik/${REGION}/inovasi`);
      await shot(page, 'public-region-catalogue-id-laptop');
      // The detail page of one of its innovations keeps the region's bar.
      await page.goto(`${server.url}${detailPath}`);
      await page.getByTestId('public-detail').waitFor();
      await nav.waitFor();
      await shot(page, 'public-innovation-detail-id-laptop');
    });
    await visit(browser, 'nav-en', LAPTOP, 'en', async (page) => {
      await page.goto(`${server.url}/publik/${REGION}/skm`);
      await page.getByTestId('skm-public-item').first().waitFor();
      assert.equal(await page.getByTestId('public-nav-skm').innerText(), 'SKM results');
      await shot(page, 'public-skm-results-en-laptop');
    });
  });

  test('an unknown region code answers "Kode wilayah tidak dikenal" on the catalogue and the SKM results', { skip }, async () => {
    for (const path of ['/publik/99.99/inovasi', '/publik/99.99/skm']) {
      await visit(browser, 'unknown-region', PHONE, 'id', async (page, watch) => {
        await page.goto(`${server.url}${path}`);
        const box = page.getByTestId('public-unknown-region');
        await box.waitFor();
        assert.match(await box.innerText(), /Kode wilayah tidak dikenal/);
        assert.match(await box.innerText(), /99\.99/);
        assert.equal(await page.getByTestId('public-nav').count(), 0, 'no navigation bar for a region that does not exist');
        assert.deepEqual(watch.authMe, []);
        await shot(page, `public-unknown-region-${path.endsWith('skm') ? 'skm' : 'catalogue'}-phone`);
      });
    }
  });
});
