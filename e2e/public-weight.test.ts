/**
 * Journey: a citizen opens the survey form from a QR poster on a phone. The page is the lean
 * survey-form page (not the app's entry and its Mantine chunk), every asset arrives compressed
 * with a year of immutable caching, the first visit stays within the 150 KB budget, and a second
 * visit fetches nothing but the page and the form data.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { loadConfig } from '../src/server/config.ts';
import { apiSession, browserSkipReason, launchBrowser, newPage, PHONE, shot, startServer, withArtifacts, type E2EServer } from './harness.ts';

const skip = browserSkipReason();

describe('journey: the survey form is light on a phone', { skip }, () => {
  let server: E2EServer;
  let browser: Browser;
  let code = '';

  before(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    const call = await apiSession(server.url, 'operator');
    const unit = (await call('GET', '/api/units')).body.items.find((u: { shortName: string }) => u.shortName === 'Disdukcapil');
    const y = new Date().getUTCFullYear();
    const res = await call('POST', '/api/skm/surveys', { unitId: unit.id, serviceName: 'Uji Halaman Ringan', periodStart: `${y}-01-01`, periodEnd: `${y}-12-31` });
    assert.equal(res.status, 201);
    code = res.body.surveyCode;
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('/skm/{kode} loads its own small entry, compressed and cached, not the app', { skip }, async () => {
    // The app's own entry files, as the built index.html names them.
    const indexHtml = readFileSync(path.join(loadConfig().webDistDir, 'index.html'), 'utf8');
    const appAssets = [...indexHtml.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!);
    assert.ok(appAssets.some((a) => /\/index-[^/]+\.js$/.test(a)) && appAssets.some((a) => /\/mantine-[^/]+\.js$/.test(a)), `app entry and Mantine chunk found in index.html: ${appAssets.join(', ')}`);

    const { context, page } = await newPage(browser, PHONE);
    try {
      await withArtifacts(page, 'public-weight-form', async () => {
        const cdp = await context.newCDPSession(page);
        await cdp.send('Network.enable');
        const responses = new Map<string, { url: string; headers: Record<string, string>; cached: boolean }>();
        let bytes = 0;
        cdp.on('Network.responseReceived', (e) => responses.set(e.requestId, { url: e.response.url, cached: !!(e.response.fromDiskCache || e.response.fromServiceWorker || e.response.fromPrefetchCache) || e.response.status === 304, headers: Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), String(v)])) }));
        cdp.on('Network.loadingFinished', (e) => (bytes += e.encodedDataLength));
        await page.goto(`${server.url}/skm/${code}`);
        await page.getByTestId('skm-question').first().waitFor();
        await page.waitForLoadState('networkidle');
        await shot(page, 'public-weight-form-phone');

        const urls = [...responses.values()].map((r) => new URL(r.url).pathname);
        for (const a of appAssets) assert.ok(!urls.includes(a), `the form page must not load the app's ${a}`);
        const assets = [...responses.values()].filter((r) => new URL(r.url).pathname.startsWith('/assets/'));
        assert.ok(assets.some((r) => /\/skm-form-[^/]+\.js$/.test(r.url)), `its own entry: ${urls.join(', ')}`);
        for (const r of assets) {
          assert.equal(r.headers['cache-control'], 'public, max-age=31536000, immutable', r.url);
          if (/\.(js|css)$/.test(r.url)) assert.equal(r.headers['content-encoding'], 'br', r.url);
        }
        const html = [...responses.values()].find((r) => new URL(r.url).pathname === `/skm/${code}`)!;
        assert.equal(html.headers['cache-control'], 'no-cache');
        // The form definition loads with the page (Link preload), and the script takes that answer.
        assert.equal(html.headers['link'], `</api/public/skm/${code}>; rel=preload; as=fetch; crossorigin`);
        const formCalls = [...responses.values()].filter((r) => new URL(r.url).pathname === `/api/public/skm/${code}`);
        assert.equal(formCalls.length, 1, 'the form definition is fetched once: the script takes the preloaded answer');
        assert.ok(bytes <= 150 * 1024, `first visit transfers ${(bytes / 1024).toFixed(1)} KB (budget 150 KB)`);

        // Second visit (the link opened again): the assets come from the cache.
        const before = new Set(responses.keys());
        await page.goto('about:blank');
        await page.goto(`${server.url}/skm/${code}`);
        await page.getByTestId('skm-question').first().waitFor();
        await page.waitForLoadState('networkidle');
        const again = [...responses.entries()].filter(([id, r]) => !before.has(id) && !r.cached).map(([, r]) => new URL(r.url).pathname);
        assert.deepEqual(again.filter((p) => p.startsWith('/assets/')), [], `cached assets not fetched again: ${again.join(', ')}`);
      });
    } finally {
      await context.close();
    }
  });
});
