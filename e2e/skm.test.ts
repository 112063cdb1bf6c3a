/**
 * Journey: Survei Kepuasan Masyarakat from the service desk to the citizen's phone and back. A
 * unit operator opens a survey for a service of its unit; a citizen opens the form link on a
 * phone without signing in, answers the nine unsur (questionnaire order: question 8 is U9) and
 * submits; the operator sees n and the IKM move; a second citizen moves them again; the head of
 * the unit sees the result in the list, and anyone sees it on the public results page.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { browserSkipReason, horizontalOverflow, launchBrowser, newPage, pageApi, PHONE, shot, signIn, startServer, typeDate, withArtifacts, type E2EServer } from './harness.ts';

const skip = browserSkipReason();
const SERVICE = 'Penerbitan Kartu Identitas Anak';

async function as<T>(browser: Browser, name: string, fn: (page: Page, context: BrowserContext) => Promise<T>, viewport?: { width: number; height: number }): Promise<T> {
  const { context, page } = await newPage(browser, viewport);
  try {
    return await withArtifacts(page, `skm-${name}`, () => fn(page, context));
  } finally {
    await context.close();
  }
}

/** T-SKM-1 respondent 1 (RULES.md §1.7), keyed by unsur: IKM 3,2222 → 80,56 → mutu B. */
const FIRST: Record<string, number> = { U1: 4, U2: 3, U3: 3, U4: 4, U5: 3, U6: 3, U7: 4, U8: 3, U9: 2 };

async function answerForm(page: Page, answers: Record<string, number> | number) {
  for (const q of await page.getByTestId('skm-question').all()) {
    const unsur = (await q.getAttribute('data-unsur'))!;
    const value = typeof answers === 'number' ? answers : answers[unsur]!;
    await page.getByTestId(`skm-answer-${unsur}-${value}`).click();
  }
}

describe('journey: SKM survey, citizen form on a phone, IKM for the unit', { skip }, () => {
  let server: E2EServer;
  let browser: Browser;
  let surveyPath = '';
  let formUrl = '';

  before(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('a unit operator opens a survey for a service of its unit', { skip }, async () => {
    await as(browser, 'operator-create', async (page) => {
      await signIn(page, server.url, 'operator');
      await page.getByTestId('nav-skm').click();
      await page.waitForURL((u) => u.pathname === '/skm');
      await page.getByTestId('skm-create').click();
      assert.match(await page.getByTestId('skm-create-unit').inputValue(), /\S/, 'the operator’s own unit is preselected');
      // The unit's earlier services are suggested by name, asked of the server as the operator types.
      await page.getByTestId('skm-create-service').fill('akta');
      await page.getByRole('option', { name: 'Akta Kelahiran' }).waitFor();
      assert.equal(await page.getByRole('option', { name: 'Perekaman KTP-el' }).count(), 0, 'only the matching service');
      await shot(page, 'skm-create-suggestions');
      await page.getByTestId('skm-create-service').fill(SERVICE);
      await page.getByTestId('skm-create-population').fill('100');
      await page.getByTestId('skm-create-submit').click();

      await page.waitForURL((u) => /^\/skm\/[0-9a-f-]{36}$/.test(u.pathname));
      surveyPath = new URL(page.url()).pathname;
      await page.getByRole('heading', { name: SERVICE }).waitFor();
      assert.equal(await page.getByTestId('skm-n').getAttribute('data-value'), '0');
      assert.equal((await page.getByTestId('skm-ikm').textContent())?.trim(), '—');
      // Krejcie–Morgan: a population of 100 needs 80 respondents.
      assert.match((await page.getByTestId('skm-results').textContent()) ?? '', /sampel minimum 80/);
      assert.equal(await page.getByTestId('skm-unsur-table').getByTestId('skm-unsur-row').count(), 9);

      const qr = page.getByTestId('skm-qr');
      await qr.waitFor();
      await page.waitForFunction(() => (document.querySelector('[data-testid="skm-qr"]') as HTMLImageElement | null)?.naturalWidth! > 0);
      formUrl = (await page.getByTestId('skm-form-link').getAttribute('href'))!;
      assert.match(formUrl, /\/skm\/[A-Z0-9]{4,20}$/);
      await shot(page, 'skm-survey-empty');
    });
  });

  test('a citizen answers the form on a phone without signing in', { skip }, async () => {
    assert.ok(formUrl, 'the survey was created');
    await as(
      browser,
      'citizen',
      async (page) => {
        await page.goto(formUrl);
        await page.getByTestId('skm-form').waitFor();
        assert.equal(await page.getByTestId('nav-skm').count(), 0, 'no app shell, no sign-in');
        assert.match((await page.getByTestId('skm-form-service').textContent()) ?? '', new RegExp(SERVICE));

        const questions = page.getByTestId('skm-question');
        assert.equal(await questions.count(), 9);
        const order = await questions.evaluateAll((els) => els.map((e) => e.getAttribute('data-unsur')));
        assert.deepEqual(order, ['U1', 'U2', 'U3', 'U4', 'U5', 'U6', 'U7', 'U9', 'U8'], 'questionnaire order: question 8 is U9');
        assert.match((await questions.nth(2).textContent()) ?? '', /Pertanyaan 3 dari 9/);

        // Large tap targets.
        const box = await page.getByTestId('skm-answer-U1-4').boundingBox();
        assert.ok(box && box.height >= 48 && box.width >= 300, `answer buttons are large (${JSON.stringify(box)})`);
        assert.equal(await horizontalOverflow(page), null);

        await page.getByTestId('skm-profile-sex-P').click();
        await page.getByTestId('skm-profile-age').selectOption('30_39');

        await answerForm(page, FIRST);
        await page.getByTestId('skm-suggestion').fill('Ruang tunggu perlu kipas angin.');
        assert.match((await page.getByTestId('skm-progress').textContent()) ?? '', /9 dari 9/);
        await page.getByTestId('skm-submit').click();
        await page.getByTestId('skm-thanks').waitFor();
        await shot(page, 'skm-citizen-thanks');
      },
      PHONE,
    );
  });

  test('the operator sees n and the IKM move; a second citizen moves them again', { skip }, async () => {
    assert.ok(surveyPath, 'the survey was created');
    await as(browser, 'operator-results', async (page) => {
      await signIn(page, server.url, 'operator');
      await page.goto(`${server.url}${surveyPath}`);
      await page.locator('[data-testid="skm-n"][data-value="1"]').waitFor();
      assert.equal((await page.getByTestId('skm-ikm').textContent())?.trim(), '80,56');
      assert.equal(await page.getByTestId('skm-mutu').getAttribute('data-mutu'), 'B');
      assert.equal(await page.locator('[data-testid="skm-unsur-row"][data-weakest="true"]').getAttribute('data-unsur'), 'U9');

      // A follow-up action for the weakest unsur, owned by a position.
      await page.getByTestId('skm-action-add').click();
      assert.equal(await page.getByTestId('skm-action-unsur').inputValue(), 'U9', 'the weakest unsur is proposed');
      await page.getByTestId('skm-action-text').fill('Memasang kipas angin dan menambah kursi di ruang tunggu');
      await page.getByTestId('skm-action-owner').selectOption({ index: 1 });
      // The due date is typed DD/MM/YYYY and read back in words.
      await typeDate(page, 'skm-action-due', '17/08/2026');
      await page.getByTestId('skm-action-submit').click();
      await page.getByTestId('skm-action-row').filter({ hasText: 'kipas angin' }).filter({ hasText: '17 Agustus 2026' }).waitFor();
      const stored = await pageApi(page, 'GET', `/api/skm/surveys/${surveyPath.split('/').pop()}/actions`);
      assert.equal(stored.body.items.find((a: { action: string }) => a.action.includes('kipas angin'))?.dueDate, '2026-08-17', 'typed 17/08/2026 is stored as 2026-08-17');

      // A second citizen answers "4" everywhere, after first trying to send with questions open.
      await as(
        browser,
        'citizen-2',
        async (phone) => {
          await phone.goto(formUrl);
          await phone.getByTestId('skm-form').waitFor();
          // Sending with questions left open is caught in the browser.
          await phone.getByTestId('skm-answer-U1-4').click();
          await phone.getByTestId('skm-submit').click();
          await phone.getByTestId('skm-error').waitFor();
          assert.match((await phone.getByTestId('skm-error').textContent()) ?? '', /8 pertanyaan/);
          await answerForm(phone, 4);
          await phone.getByTestId('skm-submit').click();
          await phone.getByTestId('skm-thanks').waitFor();
        },
        PHONE,
      );

      await page.reload();
      await page.locator('[data-testid="skm-n"][data-value="2"]').waitFor();
      // NRR (4,3.5,3.5,4,3.5,3.5,4,3.5,3) → Σ/9 = 3,6111 → 90,28 → A.
      assert.equal((await page.getByTestId('skm-ikm').textContent())?.trim(), '90,28');
      assert.equal(await page.getByTestId('skm-mutu').getAttribute('data-mutu'), 'A');
      await shot(page, 'skm-survey-results');
    });
  });

  test('the head of the unit sees the survey and its IKM in the list', { skip }, async () => {
    await as(browser, 'kepala-list', async (page) => {
      await signIn(page, server.url, 'kepala');
      await page.goto(`${server.url}/skm`);
      const row = page.getByTestId('skm-row').filter({ hasText: SERVICE });
      await row.waitFor();
      assert.match((await row.textContent()) ?? '', /90,28/);
      assert.match((await row.textContent()) ?? '', /Mutu A/);
    });
  });

  test('anyone sees the service’s IKM and mutu on the region’s public results page', { skip }, async () => {
    await as(
      browser,
      'public-results',
      async (page) => {
        await page.goto(`${server.url}/publik/16.03/skm`);
        const item = page.getByTestId('skm-public-item').filter({ hasText: SERVICE });
        await item.waitFor();
        assert.match((await item.textContent()) ?? '', /90,28/);
        assert.match((await item.textContent()) ?? '', /Mutu A/);
        assert.equal(await horizontalOverflow(page), null);
      },
      PHONE,
    );
  });
});
