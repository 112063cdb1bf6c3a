/**
 * Journey: Inovasi Daerah from the unit to the public. A unit operator records an innovation and
 * is shown similar innovations of the demo region before saving (search before create); the head
 * of the unit submits it; the Tim Inovasi Daerah verifies and publishes it; a citizen finds it in
 * the region's public catalogue without signing in; the index page shows a value and predicate.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { browserSkipReason, launchBrowser, newPage, pageApi, PHONE, signIn, startServer, typeDate, withArtifacts, type E2EServer } from './harness.ts';

const skip = browserSkipReason();
const TITLE = 'Antar dokumen kependudukan gratis';

async function as<T>(browser: Browser, name: string, fn: (page: Page, context: BrowserContext) => Promise<T>, viewport?: { width: number; height: number }): Promise<T> {
  const { context, page } = await newPage(browser, viewport);
  try {
    return await withArtifacts(page, `innovation-${name}`, () => fn(page, context));
  } finally {
    await context.close();
  }
}

describe('journey: inovasi daerah from the unit to the public catalogue', { skip }, () => {
  let server: E2EServer;
  let browser: Browser;
  let innovationId = '';

  before(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('a unit operator records an innovation and sees similar demo innovations before saving', { skip }, async () => {
    await as(browser, 'operator-create', async (page) => {
      await signIn(page, server.url, 'operator');
      await page.getByTestId('nav-inovasi').click();
      await page.waitForURL((u) => u.pathname === '/inovasi');
      await page.getByTestId('innovation-add').first().click();
      await page.waitForURL((u) => u.pathname === '/inovasi/baru');

      // The panel explains itself before anything is typed.
      await page.getByTestId('similar-panel').waitFor();
      assert.equal(await page.getByTestId('similar-item').count(), 0);

      // Typing an existing name warns about a likely duplicate.
      await page.getByTestId('innovation-title').fill('BELAH DADOKU');
      await page.getByTestId('duplicate-warning').waitFor();
      assert.match((await page.getByTestId('duplicate-warning').textContent()) ?? '', /BELAH DADOKU/);

      // The real title: similar innovations of the demo region, best first, with region and score.
      await page.getByTestId('innovation-title').fill(TITLE);
      const artis = page.getByTestId('similar-item').filter({ hasText: 'ARTIS DUKCAPIL' });
      await artis.waitFor();
      assert.match((await artis.textContent()) ?? '', /Kabupaten Muara Enim/);
      assert.match((await artis.getByTestId('similar-score').textContent()) ?? '', /^\d+\s?%$/);
      assert.ok((await page.getByTestId('similar-item').count()) >= 2, 'more than one similar innovation is listed');

      // A missing design text is caught before anything is sent.
      await page.getByTestId('innovation-type').selectOption('pelayanan_publik');
      await page.getByTestId('innovation-submit').click();
      await page.getByTestId('innovation-form-error').waitFor();
      assert.equal(new URL(page.url()).pathname, '/inovasi/baru');
      // The empty required start date says so under the field, in words (issue 10 item 9).
      await page.getByTestId('section-stage').getByText('Wajib diisi', { exact: true }).waitFor();
      assert.equal(await page.getByTestId('innovation-initiated').getAttribute('aria-invalid'), 'true');

      await page.getByTestId('innovation-digital').check();
      await page.getByTestId('innovation-stage').selectOption('penerapan');
      // Dates are typed as Indonesians write them, DD/MM/YYYY, and shown back the same way.
      await typeDate(page, 'innovation-initiated', '17/08/2024');
      await typeDate(page, 'innovation-applied', '03/03/2025');
      assert.equal(await page.getByTestId('innovation-initiated').inputValue(), '17/08/2024');
      assert.equal(await page.getByTestId('section-stage').getByText('Wajib diisi', { exact: true }).count(), 0, 'the message goes once the date is there');
      await page.getByTestId('innovation-description').fill('Petugas Disdukcapil mengantar KK, KTP-el, dan akta ke rumah warga tanpa biaya, dipesan lewat WhatsApp.');
      assert.match(await page.getByTestId('innovation-unit').inputValue(), /\S/, 'the operator’s own unit is preselected');
      await page.getByTestId('innovation-submit').click();

      await page.waitForURL((u) => /^\/inovasi\/[0-9a-f-]{36}$/.test(u.pathname));
      innovationId = new URL(page.url()).pathname.split('/').pop()!;
      await page.getByTestId('innovation-heading').filter({ hasText: TITLE }).waitFor();
      const saved = await pageApi(page, 'GET', `/api/innovations/${innovationId}`);
      assert.deepEqual([saved.body.initiatedOn, saved.body.appliedOn], ['2024-08-17', '2025-03-03'], 'typed 17/08/2024 is stored as the ISO date');
      await page.getByText('17 Agustus 2024').first().waitFor();
      assert.equal(await page.getByTestId('innovation-status').getAttribute('data-status'), 'draft');
      assert.equal(await page.getByTestId('wf-submit').count(), 0, 'an operator cannot submit');
      await page.getByTestId('innovation-timeline').waitFor();
    });
  });

  test('the head of the unit submits it', { skip }, async () => {
    assert.ok(innovationId, 'the innovation was created');
    await as(browser, 'kepala-submit', async (page) => {
      await signIn(page, server.url, 'kepala');
      await page.goto(`${server.url}/inovasi/${innovationId}`);
      await page.getByTestId('wf-submit').click();
      await page.locator('[data-testid="innovation-status"][data-status="submitted"]').waitFor();
      assert.equal(await page.getByTestId('wf-verify').count(), 0, 'the unit head does not verify');
    });
  });

  test('the innovation team verifies and publishes it', { skip }, async () => {
    assert.ok(innovationId);
    await as(browser, 'inovasi-publish', async (page) => {
      await signIn(page, server.url, 'inovasi');
      await page.goto(`${server.url}/inovasi/${innovationId}`);
      await page.getByTestId('wf-verify').click();
      await page.locator('[data-testid="innovation-status"][data-status="verified"]').waitFor();
      await page.getByTestId('wf-publish').click();
      await page.locator('[data-testid="innovation-status"][data-status="published"]').waitFor();
      // Recorded, submitted, verified, published.
      await page.getByTestId('timeline-entry').nth(3).waitFor();
      assert.equal(await page.getByTestId('timeline-entry').count(), 4);

      // The index tab: indicators 16–35 out of 111, with replication (31) read-only.
      await page.getByTestId('score-tab').click();
      await page.getByTestId('score-total').waitFor();
      assert.match((await page.getByTestId('score-total').textContent()) ?? '', /\/\s*111/);
      assert.equal(await page.getByTestId('score-row').count(), 20);
      await page.getByTestId('score-derived-hint').waitFor();
    });
  });

  test('a citizen finds it in the region’s public catalogue on a phone, without signing in', { skip }, async () => {
    await as(
      browser,
      'public',
      async (page) => {
        await page.goto(`${server.url}/publik/16.03/inovasi`);
        assert.equal(new URL(page.url()).pathname, '/publik/16.03/inovasi', 'no redirect to the sign-in page');
        await page.getByTestId('public-login').waitFor();
        assert.match((await page.getByTestId('attribution').textContent()) ?? '', /ODbL/);
        assert.match((await page.getByTestId('open-data-csv').getAttribute('href')) ?? '', /\/api\/public\/innovations\.csv\?region=16\.03/);

        // Wait for the filtered result: a card clicked while the list re-renders is detached.
        await Promise.all([
          page.waitForResponse((r) => r.url().includes('/api/public/innovations?') && r.url().includes('q=antar')),
          page.getByTestId('public-search').fill('antar dokumen'),
        ]);
        await page.waitForLoadState('networkidle');
        const card = page.getByTestId('public-card').filter({ hasText: TITLE });
        await card.waitFor();
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `the catalogue does not scroll sideways on a phone (${overflow}px)`);

        await card.click();
        await page.waitForURL((u) => u.pathname === `/publik/inovasi/${innovationId}`);
        await page.getByTestId('public-detail-title').filter({ hasText: TITLE }).waitFor();
        assert.match((await page.getByTestId('public-detail-description').textContent()) ?? '', /WhatsApp/);
      },
      PHONE,
    );
  });

  test('the index page shows the value, the predicate and the innovation it counts', { skip }, async () => {
    await as(browser, 'index', async (page) => {
      await signIn(page, server.url, 'inovasi');
      await page.goto(`${server.url}/inovasi/indeks`);
      await page.getByTestId('iid-value').waitFor();
      assert.match(((await page.getByTestId('iid-value').textContent()) ?? '').trim(), /^\d{1,3},\d{2}$/, 'value formatted id-ID');
      assert.match(((await page.getByTestId('iid-predicate').textContent()) ?? '').trim(), /Inovatif|Dapat Dinilai/);
      assert.match((await page.getByTestId('iid-explanation').textContent()) ?? '', /→/);
      await page.getByTestId('iid-innovation-row').filter({ hasText: TITLE }).waitFor();
      await page.getByTestId('what-if-column').nth(1).waitFor();
      // Numbers of an UNVERIFIED rulebook say so where they are used; verified ones carry no mark.
      const projection = page.getByTestId('what-if-column').filter({ hasText: 'proyeksi parameter 2028' });
      assert.equal(((await projection.getByTestId('unverified-badge').textContent()) ?? '').trim(), 'belum terverifikasi');
      const current = page.getByTestId('what-if-column').filter({ hasText: 'Indeks Inovasi Daerah 2026' });
      assert.equal(await current.getByTestId('unverified-badge').count(), 0, 'the verified 2026 rulebook is not marked');
    });
  });
});
