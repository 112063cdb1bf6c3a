/**
 * Journey (a): a Disdukcapil operator records a new employee, mistypes the NIP, reads what is
 * wrong in Indonesian, fixes it, finds the person, and sees the creation in Riwayat with the NIP.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { browserSkipReason, horizontalOverflow, launchBrowser, newPage, pageApi, shot, signIn, startServer, withArtifacts, type E2EServer } from './harness.ts';

const skip = browserSkipReason();
const NAME = 'Yulia Kartikasari (e2e)';
const BAD_NIP = '19781345 200312 2 001'; // 45th of the 13th month 1978: no such birth date
const GOOD_NIP = '19800115 200312 1 002';
const GOOD_NIP_DIGITS = GOOD_NIP.replace(/\s/g, '');

async function assertFitsWidth(page: Page, where: string) {
  const overflow = await horizontalOverflow(page);
  assert.equal(overflow, null, `${where} scrolls sideways at 1366×768: ${JSON.stringify(overflow)}`);
}

describe('journey: a unit operator records a person with a checked NIP', { skip }, () => {
  let server: E2EServer;
  let browser: Browser;

  before(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('impossible NIP is explained in Indonesian, the fixed one is saved and shows in Riwayat', { skip }, async () => {
    const { context, page } = await newPage(browser);
    try {
      await withArtifacts(page, 'people-nip', async () => {
        await signIn(page, server.url, 'operator');

        // Organisasi → Pegawai
        await page.getByTestId('nav-organisasi').click();
        await page.waitForURL((u) => u.pathname === '/organisasi');
        await page.getByTestId('org-tab-pegawai').click();
        await page.waitForURL((u) => u.pathname === '/organisasi/pegawai');
        await page.getByTestId('person-row').first().waitFor();
        await assertFitsWidth(page, 'Pegawai list');
        await shot(page, 'people-list-id');

        // Add a person with a NIP whose birth date cannot exist.
        await page.getByTestId('people-add').click();
        const dialog = page.getByRole('dialog');
        await dialog.waitFor();
        await page.getByTestId('person-name').fill(NAME);
        await page.getByTestId('person-nip').fill(BAD_NIP);
        // The operator's own unit is preselected.
        await page.waitForFunction(() => (document.querySelector('[data-testid="person-unit"]') as HTMLSelectElement | null)?.selectedOptions[0]?.textContent === 'Dinas Kependudukan dan Pencatatan Sipil');
        await page.getByTestId('person-submit').click();

        const nipInput = page.getByTestId('person-nip');
        const problem = dialog.getByText(/bukan tanggal lahir yang valid/);
        await problem.waitFor();
        const message = (await problem.textContent()) ?? '';
        assert.match(message, /NIP/, 'the message names the field');
        assert.match(message, /19781345/, 'the message quotes the wrong digits');
        assert.match(message, /tanggal lahir/, 'the message says what is wrong (birth date)');
        assert.equal(await nipInput.getAttribute('aria-invalid'), 'true');
        assert.equal(await dialog.isVisible(), true, 'the form stays open');
        await assertFitsWidth(page, 'Add-person form');
        await shot(page, 'people-add-bad-nip-id');

        // The server says the same thing to anyone who skips the form.
        const unitId = await page.getByTestId('person-unit').inputValue();
        const direct = await pageApi(page, 'POST', '/api/people', { name: NAME, nip: BAD_NIP.replace(/\s/g, ''), kind: 'PNS', rank: null, unitId });
        assert.equal(direct.status, 400);
        assert.equal(direct.body.error.message, message, 'server and form give the same Indonesian message');

        // Fix the NIP and save.
        await nipInput.fill(GOOD_NIP);
        await dialog.getByText(/bukan tanggal lahir yang valid/).waitFor({ state: 'detached' });
        const created = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/people' && r.request().method() === 'POST');
        await page.getByTestId('person-submit').click();
        const res = await created;
        assert.equal(res.status(), 201, `create answered ${res.status()}: ${await res.text()}`);
        const person = (await res.json()) as { id: string; nip: string };
        assert.equal(person.nip, GOOD_NIP_DIGITS);
        await dialog.waitFor({ state: 'detached' });

        // Find the person in the list.
        await page.getByTestId('people-search').fill('kartikasari');
        await page.waitForURL((u) => u.searchParams.get('q') === 'kartikasari');
        const row = page.getByTestId('person-row').filter({ hasText: NAME });
        await row.waitFor();
        await page.getByTestId('people-total').filter({ hasText: /^1 pegawai$/ }).waitFor();
        assert.equal(await page.getByTestId('person-row').count(), 1, 'the search finds her alone');
        assert.match((await row.textContent()) ?? '', /19800115 200312 1 002/, 'the list shows the NIP in its usual grouping');
        await shot(page, 'people-search-id');

        // Her page: the history panel has the creation with the NIP.
        await row.getByRole('link', { name: NAME }).click();
        await page.waitForURL((u) => u.pathname === `/organisasi/pegawai/${person.id}`);
        assert.equal(await page.getByTestId('person-title').textContent(), NAME);
        const ownHistory = page.getByTestId('person-audit').getByTestId('audit-row').filter({ hasText: 'Dibuat' });
        await ownHistory.click();
        const ownChanges = page.getByTestId('person-audit').getByTestId('audit-changes');
        await ownChanges.waitFor();
        // The history shows the NIP in its usual 8-6-1-3 grouping.
        assert.match((await ownChanges.textContent()) ?? '', new RegExp(GOOD_NIP));
        await assertFitsWidth(page, 'Person page');
        await shot(page, 'person-page-id');

        // Riwayat: the organisation log lists the creation too.
        await page.getByTestId('nav-riwayat').click();
        await page.waitForURL((u) => u.pathname === '/riwayat');
        // The entry names the record by the person's name, not an id fragment (issue 10 item 8).
        const entry = page.getByTestId('audit-table').getByTestId('audit-row').filter({ hasText: NAME }).filter({ hasText: 'Dibuat' });
        assert.doesNotMatch((await entry.textContent()) ?? '', new RegExp(`…${person.id.slice(-6)}`));
        await entry.click();
        const changes = page.getByTestId('audit-table').getByTestId('audit-changes');
        await changes.waitFor();
        const text = (await changes.textContent()) ?? '';
        assert.match(text, new RegExp(GOOD_NIP), 'the entry carries the NIP');
        assert.match(text, /Yulia Kartikasari/);
        assert.match((await entry.textContent()) ?? '', /Operator Disdukcapil/, 'the entry names who did it');
        await assertFitsWidth(page, 'Riwayat');
        await shot(page, 'riwayat-id');
      });
    } finally {
      await context.close();
    }
  });
});
