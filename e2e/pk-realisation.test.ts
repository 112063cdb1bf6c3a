/**
 * Journey: quarterly realisation of a Perjanjian Kinerja (issue 11 item 3). The Tim RB drafts the
 * PK of the head of Disdukcapil with two indicators (higher-is-better count, lower-is-better %),
 * the kepala signs; on /sakip/pk/:id/realisasi the operator enters TW I with an Indonesian decimal
 * comma, the kepala submits, the Inspektorat verifies one value and returns the other with a note;
 * the operator sees the note, corrects the value, it is verified and its red capaian asks for a
 * corrective action, which the operator fills in. TW IV has not begun on the server's day: it shows
 * "Belum dimulai" with its first day and no button. Screens at 1366×768 and 390×844.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { browserSkipReason, horizontalOverflow, launchBrowser, newPage, PHONE, shot, signIn, startServer, withArtifacts, type E2EServer } from './harness.ts';

const skip = browserSkipReason();
// The PK is next year's and the server's clock runs from 4 August of that year (TW III; TW IV not
// begun): always ahead of the real time, as the session cookie's Expires comes from the server's clock.
const YEAR = new Date().getFullYear() + 1;
const CLOCK = { SERASAN_CLOCK_START: `${YEAR}-08-04T03:00:00Z` };

async function apiOf(context: BrowserContext, url: string) {
  const csrf = ((await (await context.request.get(`${url}/api/csrf`)).json()) as { token: string }).token;
  return async (method: 'GET' | 'POST' | 'PUT', path: string, data?: unknown) => {
    const res = await context.request.fetch(`${url}${path}`, { method, data: data ?? (method === 'GET' ? undefined : {}), headers: method === 'GET' ? {} : { 'x-csrf-token': csrf } });
    const body = await res.json().catch(() => null);
    assert.ok(res.ok(), `${method} ${path}: ${res.status()} ${JSON.stringify(body)}`);
    return body;
  };
}

describe('journey: PK quarterly realisation, return, verification and the red quarter', { skip }, () => {
  let server: E2EServer;
  let browser: Browser;
  const sessions: Record<string, { context: BrowserContext; page: Page }> = {};
  let pkId: string;
  let count: string;
  let rate: string;

  async function as(user: string, viewport?: { width: number; height: number }) {
    if (!sessions[user]) {
      sessions[user] = await newPage(browser, viewport);
      await signIn(sessions[user].page, server.url, user);
    }
    return sessions[user];
  }
  const cell = (page: Page, indicator: string, q: number) => page.getByTestId(`cell-${indicator}-${q}`);

  before(async () => {
    [server, browser] = await Promise.all([startServer(CLOCK), launchBrowser()]);
    const rb = await as('rb');
    const api = await apiOf(rb.context, server.url);
    const units = (await api('GET', '/api/units')).items as Array<{ id: string; shortName: string | null }>;
    const unit = units.find((u) => u.shortName === 'Disdukcapil')!.id;
    const head = ((await api('GET', `/api/positions?unitId=${unit}`)).items as Array<{ id: string; isHead: boolean }>).find((p) => p.isHead)!.id;
    pkId = (await api('POST', '/api/pk', { year: YEAR, positionId: head })).id;
    const sasaran = 'Meningkatnya kualitas pelayanan administrasi kependudukan';
    count = (await api('POST', `/api/pk/${pkId}/indicators`, { sasaran, name: 'Jumlah dokumen kependudukan terbit', unit: 'dokumen', polarity: 'higher', aggregation: 'sum', target: 1000, quarterTargets: [250, 250, 250, 250], dataSource: 'SIAK' })).id;
    rate = (await api('POST', `/api/pk/${pkId}/indicators`, { sasaran, name: 'Persentase keluhan layanan', unit: '%', polarity: 'lower', aggregation: 'last', target: 10, quarterTargets: [10, 10, 10, 10] })).id;
    const kepala = await as('kepala');
    await (await apiOf(kepala.context, server.url))('POST', `/api/pk/${pkId}/sign`, { signedOn: `${YEAR}-01-31` });
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('enter with a decimal comma, submit, verify or return with a note, red quarter → corrective action', async () => {
    const { page: op } = await as('operator');
    await withArtifacts(op, 'pk-realisation', async () => {
      await op.goto(`${server.url}/sakip/pk/${pkId}/realisasi`);
      await cell(op, count, 1).getByTestId('act-enter').click();
      await op.getByTestId('form-value').fill('200');
      await op.getByTestId('form-save').click();
      await cell(op, count, 1).getByTestId('real-value').getByText('200').waitFor();
      await cell(op, rate, 1).getByTestId('act-enter').click();
      await op.getByTestId('form-value').fill('12,5');
      await op.getByTestId('form-save').click();
      await cell(op, rate, 1).getByTestId('real-value').getByText('12,5').waitFor();
      assert.deepEqual(await cell(op, count, 1).getByTestId('act-submit').count(), 0, 'the operator does not submit');

      const { page: kp } = await as('kepala');
      await kp.goto(`${server.url}/sakip/pk/${pkId}/realisasi`);
      await cell(kp, count, 1).getByTestId('act-submit').click();
      await cell(kp, count, 1).getByTestId('real-status').getByText('Diajukan').waitFor();
      await cell(kp, rate, 1).getByTestId('act-submit').click();
      await cell(kp, rate, 1).getByTestId('real-status').getByText('Diajukan').waitFor();

      const { page: ins } = await as('inspektorat');
      await ins.goto(`${server.url}/sakip/pk/${pkId}/realisasi`);
      await cell(ins, count, 1).getByTestId('act-verify').click();
      await cell(ins, count, 1).getByTestId('real-capaian').getByText('80,00 %').waitFor();
      assert.equal(await cell(ins, count, 1).getByTestId('real-capaian').getAttribute('data-status'), 'kuning');
      await cell(ins, rate, 1).getByTestId('act-return').click();
      await ins.getByTestId('form-note').fill('Lampirkan rekap SP4N-LAPOR! dan periksa angkanya.');
      await ins.getByTestId('form-save').click();
      await cell(ins, rate, 1).getByTestId('real-status').getByText('Dikembalikan').waitFor();
      await shot(ins, 'pk-realisation-verifier');

      await op.reload();
      await cell(op, rate, 1).getByTestId('return-note').getByText('Lampirkan rekap SP4N-LAPOR!', { exact: false }).waitFor();
      await cell(op, rate, 1).getByTestId('act-enter').click();
      await op.getByTestId('form-value').fill('25');
      await op.getByTestId('form-save').click();
      await cell(op, rate, 1).getByTestId('real-value').getByText('25').waitFor();
      await kp.reload();
      await cell(kp, rate, 1).getByTestId('act-submit').click();
      await cell(kp, rate, 1).getByTestId('real-status').getByText('Diajukan').waitFor();
      await ins.reload();
      await cell(ins, rate, 1).getByTestId('act-verify').click();
      await cell(ins, rate, 1).getByTestId('real-capaian').getByText('0,00 %').waitFor();

      // RULES §2.5: T=10, R=25 → −50 % floored at 0: red, a corrective action is asked for.
      await op.reload();
      await cell(op, rate, 1).getByTestId('corrective-state').waitFor();
      assert.equal(await cell(op, rate, 1).getByTestId('corrective-state').getAttribute('data-state'), 'missing');
      await cell(op, rate, 1).getByTestId('act-correctiveAction').click();
      await op.getByTestId('form-kendala').fill('Antrean pengaduan menumpuk di loket');
      await op.getByTestId('form-solusi').fill('Tambah petugas pengaduan dan kanal daring');
      await op.getByTestId('form-rencana').fill('Layanan pengaduan daring setiap hari kerja');
      await op.getByTestId('form-pic').click();
      await op.getByRole('option').first().click();
      await op.getByPlaceholder('DD/MM/YYYY').fill(`30/09/${YEAR}`);
      await op.keyboard.press('Tab');
      await op.getByTestId('form-save').click();
      await cell(op, rate, 1).locator('[data-state="open"]').waitFor();
      await cell(op, rate, 2).getByTestId('previous-follow-up').getByText('Layanan pengaduan daring setiap hari kerja', { exact: false }).waitFor();
      // TW III has begun on the server's day (4 August); TW IV has not: no value can be entered yet.
      assert.equal(await cell(op, count, 3).getByTestId('act-enter').count(), 1);
      for (const id of [count, rate]) {
        const q4 = cell(op, id, 4);
        assert.equal(await q4.getByTestId('not-begun').textContent(), 'Belum dimulai');
        assert.match(await q4.getByTestId('starts-on').innerText(), new RegExp(`Mulai 1 Oktober ${YEAR}`));
        assert.equal(await q4.getByRole('button').count(), 0, 'no button in a quarter not begun');
      }
      await shot(op, 'pk-realisation-operator');
    });
  });

  test('on a phone the page fits the width', async () => {
    const { page } = await newPage(browser, PHONE);
    await signIn(page, server.url, 'operator');
    await page.goto(`${server.url}/sakip/pk/${pkId}/realisasi`);
    await cell(page, rate, 1).waitFor();
    assert.equal(await horizontalOverflow(page), null);
    await shot(page, 'pk-realisation-phone');
  });
});
