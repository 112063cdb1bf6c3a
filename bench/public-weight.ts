/**
 * Weight of the public pages on a phone (issue 10, item 14): bytes transferred and time until
 * usable for the citizen's survey form /skm/{kode}, the public catalogue and the public SKM
 * results, in Chromium with a cold cache on a throttled network, then again with a warm cache.
 *
 *   node --import tsx bench/public-weight.ts [--runs 3]
 *
 * Starts a real Serasan process on the built SPA (dist/web; built first if stale, as npm start
 * does). Profiles (DevTools throttling via CDP Network.emulateNetworkConditions + CPU slowdown):
 * - "slow 4G": Lighthouse's slow-4G (150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up, CPU ×4) with
 *   Lighthouse's own DevTools adjustment (latency × 3.75 = 562.5 ms per request, throughput × 0.9);
 * - "400/400": a harsher 400 ms per request, 400 kbit/s down, 400 kbit/s up, CPU ×4.
 * Bytes are encoded bytes on the wire (headers included) summed over every response of the
 * visit. "Usable" is the time from navigation until the page's content is on screen and the
 * main thread is idle: the first answer of the form, the catalogue's title, the results list.
 * Target (issue 10): /skm/{kode} ≤ 150 KB on a first visit and usable in < 3 s on slow 4G.
 */
import type { Browser, CDPSession } from 'playwright-core';
import { apiSession, launchBrowser, PHONE, startServer } from '../e2e/harness.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};

interface Profile {
  name: string;
  latency: number;
  downKbps: number;
  upKbps: number;
  cpu: number;
}
const PROFILES: Profile[] = [
  { name: 'slow 4G', latency: 150 * 3.75, downKbps: 1638.4 * 0.9, upKbps: 750 * 0.9, cpu: 4 },
  { name: '400/400', latency: 400, downKbps: 400, upKbps: 400, cpu: 4 },
];

interface Visit {
  bytes: number;
  requests: number;
  jsBytes: number;
  ms: number;
}

async function visit(browser: Browser, url: string, ready: string, profile: Profile, warm: boolean): Promise<Visit> {
  const context = await browser.newContext({ viewport: PHONE, locale: 'id-ID', isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    const cdp: CDPSession = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    if (warm) {
      // A first visit unthrottled fills the cache; the measured visit is the second one.
      await page.goto(url);
      await page.waitForSelector(ready);
    }
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: profile.latency, downloadThroughput: (profile.downKbps * 1024) / 8, uploadThroughput: (profile.upKbps * 1024) / 8 });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
    const types = new Map<string, string>();
    let bytes = 0;
    let jsBytes = 0;
    let requests = 0;
    let t0 = Date.now();
    const started = new Map<string, { url: string; at: number }>();
    const timeline: string[] = [];
    cdp.on('Network.requestWillBeSent', (e) => started.set(e.requestId, { url: e.request.url, at: Date.now() }));
    cdp.on('Network.responseReceived', (e) => types.set(e.requestId, e.type));
    cdp.on('Network.loadingFinished', (e) => {
      const s = started.get(e.requestId);
      if (s) timeline.push(`  ${String(s.at - t0).padStart(6)} → ${String(Date.now() - t0).padStart(6)} ms  ${(e.encodedDataLength / 1024).toFixed(1).padStart(6)} KB  ${s.url.replace(/^https?:\/\/[^/]+/, '')}`);
      bytes += e.encodedDataLength;
      requests++;
      if (types.get(e.requestId) === 'Script') jsBytes += e.encodedDataLength;
    });
    t0 = Date.now();
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForSelector(ready, { state: 'visible' });
    // Usable: rendered, and the main thread free to take a tap.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
    const ms = Date.now() - t0;
    await page.waitForLoadState('networkidle');
    if (process.argv.includes('--waterfall')) console.log(`${url} (${profile.name}, ${warm ? 'repeat' : 'first'}): usable at ${ms} ms\n${timeline.join('\n')}`);
    return { bytes, requests, jsBytes, ms };
  } finally {
    await context.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  const runs = arg('runs', 3);
  const [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  try {
    const call = await apiSession(server.url, 'operator');
    const unit = (await call('GET', '/api/units')).body.items.find((u: { shortName: string }) => u.shortName === 'Disdukcapil');
    const y = new Date().getUTCFullYear();
    const survey = (await call('POST', '/api/skm/surveys', { unitId: unit.id, serviceName: 'Uji Bobot Halaman', periodStart: `${y}-01-01`, periodEnd: `${y}-12-31` })).body;
    const region = ((await (await fetch(`${server.url}/api/public/skm/${survey.surveyCode}`)).json()) as { regionCode: string }).regionCode;
    const pages = [
      { name: `/skm/{kode}`, url: `${server.url}/skm/${survey.surveyCode}`, ready: '[data-testid^="skm-answer-"]' },
      { name: `/publik/{kode}/inovasi`, url: `${server.url}/publik/${region}/inovasi`, ready: '[data-testid="public-title"]' },
      { name: `/publik/{kode}/skm`, url: `${server.url}/publik/${region}/skm`, ready: '[data-testid="skm-public-results"]' },
    ];
    console.log(`Serasan public pages on a phone (390×844, Chromium), median of ${runs} runs, node ${process.version}`);
    console.log('page                     profile   visit  transferred (JS)          requests  usable');
    let form: { bytes: number; ms: number } | undefined;
    for (const profile of PROFILES) {
      for (const p of pages) {
        for (const warm of [false, true]) {
          const vs: Visit[] = [];
          for (let i = 0; i < runs; i++) vs.push(await visit(browser, p.url, p.ready, profile, warm));
          const v = { bytes: median(vs.map((x) => x.bytes)), jsBytes: median(vs.map((x) => x.jsBytes)), requests: median(vs.map((x) => x.requests)), ms: median(vs.map((x) => x.ms)) };
          if (p.name === '/skm/{kode}' && profile === PROFILES[0] && !warm) form = v;
          console.log(
            `${p.name.padEnd(24)} ${profile.name.padEnd(9)} ${(warm ? 'repeat' : 'first').padEnd(6)} ${`${(v.bytes / 1024).toFixed(1)} KB (${(v.jsBytes / 1024).toFixed(1)} KB)`.padEnd(25)} ${String(v.requests).padStart(8)}  ${(v.ms / 1000).toFixed(2)} s`,
          );
        }
      }
    }
    if (form) console.log(`target /skm/{kode} first visit on slow 4G ≤ 150 KB and usable < 3 s: ${form.bytes <= 150 * 1024 && form.ms < 3000 ? 'MET' : 'NOT MET'} (${(form.bytes / 1024).toFixed(1)} KB, ${(form.ms / 1000).toFixed(2)} s)`);
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
