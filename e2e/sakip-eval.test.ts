/**
 * Journey: the Inspektorat on a unit's SAKIP evaluation (issue 11 item 5). Before any letter the
 * page says "Belum dinilai" (not a D of 0,00) and "Terbitkan LHE" waits, saying why; after a
 * finding and the twelve letters it issues the LHE, and the page shows its number and the
 * verification link.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { browserSkipReason, launchBrowser, newPage, pageApi, shot, signIn, startServer, withArtifacts, type E2EServer } from './harness.ts';

const skip = browserSkipReason();
const YEAR = 2024;
const SUBS = ['1.a', '1.b', '1.c', '2.a', '2.b', '2.c', '3.a', '3.b', '3.c', '4.a', '4.b', '4.c'];

describe('journey: the Inspektorat grades a unit, then issues its LHE', { skip }, () => {
  let server: E2EServer;
  let browser: Browser;

  before(async () => {
    // The full demo: the Inspektur post has a holder to sign the LHE.
    [server, browser] = await Promise.all([startServer({ SERASAN_SEED_DEMO_SAKIP: 'true' }), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('ungraded: no score, no predikat, the LHE waits and says why; graded with a finding: issued with a number', async () => {
    const { page } = await newPage(browser);
    await withArtifacts(page, 'sakip-eval', async () => {
      await signIn(page, server.url, 'inspektorat');
      const units = (await pageApi(page, 'GET', '/api/units')).body.items as Array<{ id: string; shortName: string | null }>;
      const unit = units.find((u) => u.shortName === 'Balitbangda')!;
      await page.goto(`${server.url}/sakip/evaluasi/${unit.id}?tahun=${YEAR}`);
      await page.getByTestId('sakip-eval-ungraded').waitFor();
      assert.equal(await page.getByTestId('sakip-eval-total').innerText(), '—', 'no 0,00 before any letter');
      assert.equal(await page.getByTestId('sakip-lhe-issue').isDisabled(), true);
      await page.getByText('Tambahkan temuan dahulu').waitFor();

      // A finding and six letters: still waiting, now for the grading.
      const base = `/api/sakip/evaluations/${unit.id}/${YEAR}`;
      assert.equal((await pageApi(page, 'POST', `${base}/lhe`, { finding: 'IKU belum ditetapkan', recommendation: 'Tetapkan IKU' })).status, 201);
      const sheet = { kind: 'sakip_unit', scope: `${unit.id}:${YEAR}`, rulebookId: 'lke-akip-2021' };
      const grade = (codes: string[]) => pageApi(page, 'PUT', '/api/assessments/evaluation', { ...sheet, answers: Object.fromEntries(codes.map((c) => [c, { value: 'B' }])) });
      assert.equal((await grade(SUBS.slice(0, 6))).status, 200);
      await page.reload();
      await page.getByText('Baru 6 dari 12 sub-komponen dinilai').first().waitFor();
      assert.equal(await page.getByTestId('sakip-lhe-issue').isDisabled(), true);
      await shot(page, 'sakip-eval-provisional');

      assert.equal((await grade(SUBS.slice(6))).status, 200);
      await page.reload();
      await page.getByTestId('sakip-lhe-issue').click();
      await page.getByTestId('sakip-lhe-issue-confirm').click();
      const status = page.getByTestId('sakip-lhe-status');
      await status.getByText(/Terbit No\. 700\.1\.2\/\d+\//).waitFor();
      await status.getByText('Halaman verifikasi').waitFor();
      await shot(page, 'sakip-eval-issued');
    });
  });
});
