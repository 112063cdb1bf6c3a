/**
 * Journey: KIPP proposal and internal competition. A unit operator starts a proposal from a
 * registered innovation, runs the completeness pre-check and sees it fail, fills an empty section
 * and sees that problem disappear, fixes the rest until the pre-check passes, and exports the PDF. Then (set up through the API) the Tim
 * Inovasi runs a competition with two proposals and two judges; the judges disagree by more than
 * 20 points, the ranking shows the calibration flag, the Tim Inovasi decides and the decree PDF
 * answers.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { apiSession, browserSkipReason, LAPTOP, launchBrowser, newPage, PHONE, signIn, startServer, withArtifacts, type E2EServer } from './harness.ts';
import { decodeQrCodes, pdfText } from '../src/server/documents/official/pdf-tools.ts';

const skip = browserSkipReason();
const SHOTS = process.env.KIPP_SHOTS ?? '/tmp/kipp-shots';
const CRITERIA = ['latar_belakang', 'kebaruan', 'implementasi', 'signifikansi', 'adaptabilitas', 'sumber_daya', 'keberlanjutan'];
const all = (v: number) => Object.fromEntries(CRITERIA.map((k) => [k, v]));

async function shot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: false, animations: 'disabled' });
}

async function as<T>(browser: Browser, name: string, fn: (page: Page, context: BrowserContext) => Promise<T>): Promise<T> {
  const { context, page } = await newPage(browser);
  try {
    return await withArtifacts(page, `kipp-${name}`, () => fn(page, context));
  } finally {
    await context.close();
  }
}

/** Fetch a link of the page with the page's session; it must answer a PDF. */
async function assertPdf(page: Page, context: BrowserContext, base: string, testId: string) {
  const href = await page.getByTestId(testId).getAttribute('href');
  assert.ok(href, `${testId} has a link`);
  const res = await context.request.get(new URL(href!, base).toString());
  assert.equal(res.status(), 200);
  assert.match(res.headers()['content-type'] ?? '', /application\/pdf/);
  assert.equal((await res.body()).subarray(0, 5).toString(), '%PDF-');
}

describe('journey: KIPP proposal and internal competition', { skip }, () => {
  let server: E2EServer;
  let browser: Browser;
  let innovationId = '';
  let proposalId = '';
  let otherProposalId = '';
  let competitionId = '';

  before(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    const op = await apiSession(server.url, 'operator');
    const unit = (await op('GET', '/api/units')).body.items.find((u: { shortName: string }) => u.shortName === 'Disdukcapil');
    const inv = await op('POST', '/api/innovations', {
      title: 'Jemput Bola Akta Kelahiran',
      unitId: unit.id,
      type: 'pelayanan_publik',
      stage: 'penerapan',
      digital: false,
      initiatedOn: '2024-01-10',
      appliedOn: '2024-06-01',
      description: 'Petugas mendatangi rumah sakit dan puskesmas untuk menerbitkan akta kelahiran bayi baru lahir.',
      goals: 'Semua bayi baru lahir memiliki akta kelahiran sebelum pulang dari fasilitas kesehatan.',
      results: 'Cakupan akta kelahiran naik dari 72 % menjadi 96 % dalam enam bulan.',
    });
    assert.equal(inv.status, 201, JSON.stringify(inv.body));
    innovationId = inv.body.id;
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('a unit operator starts a proposal, the pre-check fails, a fixed section drops out of it, the PDF exports', { skip }, async () => {
    await as(browser, 'operator-proposal', async (page, context) => {
      await signIn(page, server.url, 'operator');
      await page.goto(`${server.url}/inovasi/${innovationId}`);
      await page.getByTestId('innovation-start-proposal').click();
      await page.waitForURL((u) => /^\/proposal\/[0-9a-f-]{36}$/.test(u.pathname));
      proposalId = new URL(page.url()).pathname.split('/').pop()!;

      // Prefilled from the record, saying from where; an empty section counts 0 words.
      assert.match(await page.getByTestId('section-latar_belakang').inputValue(), /akta kelahiran sebelum pulang/);
      assert.match((await page.getByTestId('section-prefill-latar_belakang').textContent()) ?? '', /catatan inovasi/);
      assert.equal(await page.getByTestId('section-implementasi').inputValue(), '');
      assert.match((await page.getByTestId('section-count-implementasi').textContent()) ?? '', /^0 \/ 200 kata$/);
      await shot(page, 'editor');

      // The pre-check fails and lists the empty section with a link to it.
      await page.getByTestId('proposal-check').click();
      await page.getByTestId('check-problem').first().waitFor();
      const empty = page.locator('[data-testid="check-problem"][data-section="implementasi"]');
      assert.equal(await empty.count(), 1);
      assert.equal(await page.getByTestId('check-ok').count(), 0);
      assert.match((await empty.textContent()) ?? '', /Implementasi Inovasi.*kosong/);
      await shot(page, 'check');

      // Fill it: the count follows live, autosave says so, the problem disappears from the check.
      const text = 'Tim jemput bola bekerja setiap hari kerja di tiga rumah sakit dan dua belas puskesmas.';
      await page.getByTestId('section-implementasi').fill(text);
      assert.match((await page.getByTestId('section-count-implementasi').textContent()) ?? '', /^15 \/ 200 kata$/);
      await page.locator('[data-testid="section-status-implementasi"][data-status="saved"]').waitFor();
      await page.getByTestId('proposal-check').click();
      await page.waitForFunction(() => !document.querySelector('[data-testid="check-problem"][data-section="implementasi"]'));
      assert.ok((await page.getByTestId('check-problem').count()) > 0, 'other problems remain');

      // The saved text survives a reload.
      await page.reload();
      assert.equal(await page.getByTestId('section-implementasi').inputValue(), text);

      // Fix everything else: the other empty sections in the editor; the statements and the decree
      // uploaded and attached; the record gets its video link and its real (older) start.
      for (const key of ['adaptabilitas_replikasi', 'adaptabilitas_potensi', 'sumber_daya', 'keberlanjutan']) {
        const area = page.getByTestId(`section-${key}`);
        if ((await area.inputValue()).trim() === '') {
          await area.fill('Uraian yang sudah dilengkapi tim sesuai pedoman penulisan proposal.');
          await page.locator(`[data-testid="section-status-${key}"][data-status="saved"]`).waitFor();
        }
      }
      const attached = await page.evaluate(async (id) => {
        const { token } = await (await fetch('/api/csrf')).json();
        const kinds = ['sk_inovator', 'pernyataan_implementasi', 'pernyataan_identitas', 'pernyataan_replikasi'];
        const statuses: number[] = [];
        for (const kind of kinds) {
          const form = new FormData();
          form.append('file', new Blob(['%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n'], { type: 'application/pdf' }), `${kind}.pdf`);
          const ev = await (await fetch('/api/evidence', { method: 'POST', body: form, headers: { 'x-csrf-token': token } })).json();
          const res = await fetch(`/api/proposals/${id}/attachments`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': token }, body: JSON.stringify({ kind, evidenceId: ev.id }) });
          statuses.push(res.status);
        }
        return statuses;
      }, proposalId);
      assert.deepEqual(attached, [201, 201, 201, 201]);
      const op = await apiSession(server.url, 'operator');
      const fixed = await op('PATCH', `/api/innovations/${innovationId}`, { initiatedOn: '2021-01-04', appliedOn: '2021-06-01', videoUrl: 'https://video.example/jemput-bola' });
      assert.equal(fixed.status, 200, JSON.stringify(fixed.body));
      await page.reload();
      await page.getByTestId('proposal-check').click();
      await page.getByTestId('check-ok').waitFor();
      assert.equal(await page.getByTestId('check-problem').count(), 0, 'the pre-check passes');

      await assertPdf(page, context, server.url, 'export-pdf');
    });
  });

  test('two judges disagree; the ranking flags it; the Tim Inovasi decides and the decree PDF answers', { skip }, async () => {
    assert.ok(proposalId, 'the proposal of the first step');
    // Set-up through the API: a second proposal, a competition, two judges.
    const admin = await apiSession(server.url, 'admin');
    const units = (await admin('GET', '/api/units')).body.items;
    const dinkes = units.find((u: { shortName: string }) => u.shortName === 'Dinkes');
    const inv2 = await admin('POST', '/api/innovations', { title: 'Posyandu Digital', unitId: dinkes.id, type: 'pelayanan_publik', stage: 'penerapan', digital: true, initiatedOn: '2021-01-04', appliedOn: '2021-06-01', description: 'Pencatatan posyandu lewat aplikasi.' });
    assert.equal(inv2.status, 201, JSON.stringify(inv2.body));
    otherProposalId = (await admin('POST', '/api/proposals', { innovationId: inv2.body.id })).body.id;

    const created = await admin('POST', '/api/users', { username: 'juri.dua', name: 'Juri Kedua', password: 'sementara-123', roles: [{ role: 'judge' }] });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const first = await apiSession(server.url, 'juri.dua', 'sementara-123');
    assert.ok([200, 204].includes((await first('POST', '/api/auth/password', { currentPassword: 'sementara-123', newPassword: 'juri-dua-rahasia-2026' })).status));
    const juri2 = await apiSession(server.url, 'juri.dua', 'juri-dua-rahasia-2026');

    const inovasi = await apiSession(server.url, 'inovasi');
    const close = new Date(Date.now() + 30 * 86400_000).toISOString().slice(0, 10);
    const c = await inovasi('POST', '/api/competitions', { name: 'Seleksi Inovasi Muara Enim', year: 2026, registrationClose: close, quota: 1, blind: true });
    assert.equal(c.status, 201, JSON.stringify(c.body));
    competitionId = c.body.id;
    for (const p of [proposalId, otherProposalId]) assert.equal((await inovasi('POST', `/api/competitions/${competitionId}/entries`, { proposalId: p })).status, 204);
    const users = (await admin('GET', '/api/users')).body.items as Array<{ id: string; username: string }>;
    for (const u of ['juri', 'juri.dua']) {
      assert.equal((await inovasi('POST', `/api/competitions/${competitionId}/judges`, { userId: users.find((x) => x.username === u)!.id })).status, 204);
    }

    // The demo judge scores in the browser: 90 on every criterion; an incomplete form is refused.
    await as(browser, 'judge-score', async (page) => {
      await signIn(page, server.url, 'juri');
      await page.getByTestId('nav-kipp').click();
      // The year filter offers the years of the judge's competitions and the region's year, not a fixed range.
      const yearFilter = page.getByTestId('competitions-year-filter');
      await yearFilter.locator('option[value="2026"]').waitFor({ state: 'attached' });
      const offered = await yearFilter.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
      const fromApi = await page.evaluate(async () => ((await (await fetch('/api/competitions/years')).json()) as { years: number[] }).years.map(String));
      assert.deepEqual(offered, fromApi);
      assert.ok(!offered.includes('2014'), `no fixed range: ${offered.join(', ')}`);
      await page.getByTestId('competition-item').filter({ hasText: 'Seleksi Inovasi Muara Enim' }).click();
      await page.waitForURL((u) => u.pathname === `/kompetisi/${competitionId}`);
      const row = page.locator(`[data-testid="entry-row"][data-proposal="${proposalId}"]`);
      assert.match((await row.textContent()) ?? '', /Unit disembunyikan/, 'blind judging hides the unit');
      await row.getByTestId('entry-score').click();
      await page.getByTestId('score-submit').click();
      await page.getByTestId('score-error').waitFor();
      for (const k of CRITERIA) await page.getByTestId(`score-${k}`).fill('90');
      await shot(page, 'competition-judge');
      await page.getByTestId('score-submit').click();
      await row.filter({ hasText: '90' }).waitFor();
      assert.equal(await page.getByTestId('score-error').count(), 0);
    });
    // The second judge scores through the API: 60, thirty points apart.
    assert.equal((await juri2('PUT', `/api/competitions/${competitionId}/scores/${proposalId}`, { scores: all(60) })).status, 200);
    assert.equal((await juri2('PUT', `/api/competitions/${competitionId}/scores/${otherProposalId}`, { scores: all(70) })).status, 200);

    await as(browser, 'inovasi-decide', async (page, context) => {
      await signIn(page, server.url, 'inovasi');
      await page.goto(`${server.url}/kompetisi/${competitionId}`);
      const row = page.locator(`[data-testid="ranking-row"][data-proposal="${proposalId}"]`);
      await row.waitFor();
      assert.equal(await row.getByTestId('ranking-flag').count(), 1, 'the disagreement is flagged');
      assert.match((await row.getByTestId('ranking-flag').textContent()) ?? '', /perlu kalibrasi/);
      assert.equal((await row.getByTestId('ranking-spread').textContent())?.trim(), '30');
      assert.equal(await page.locator(`[data-testid="ranking-row"][data-proposal="${otherProposalId}"]`).getByTestId('ranking-flag').count(), 0);
      await row.scrollIntoViewIfNeeded();
      await shot(page, 'ranking');
      // Before deciding, the draft decree (RANCANGAN) can be taken as an editable DOCX.
      const draftDocx = page.getByTestId('decree-draft-docx');
      const draft = await context.request.get(new URL((await draftDocx.getAttribute('href'))!, server.url).toString());
      assert.equal(draft.status(), 200);
      assert.equal(draft.headers()['content-type'], 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      await draftDocx.scrollIntoViewIfNeeded();
      await shot(page, 'decree-draft');
      await page.setViewportSize(PHONE);
      await draftDocx.scrollIntoViewIfNeeded();
      await shot(page, 'decree-draft-phone');
      await page.setViewportSize(LAPTOP);
      // The decree is signed by the Plt. head of Balitbangda (a person with a NIP), chosen here.
      await page.getByTestId('decree-signer').click();
      await page.getByTestId('decree-signer').fill('Penelitian');
      await page.getByRole('option', { name: /Penelitian dan Pengembangan/ }).first().click();
      await page.getByTestId('decide').click();
      await page.getByTestId('decree-pdf').waitFor();
      assert.equal(await page.getByTestId('competition-status').getAttribute('data-status'), 'frozen');
      await shot(page, 'decided');
      await assertPdf(page, context, server.url, 'decree-pdf');

      // The issued decree is an official KEPUTUSAN: kop, Menimbang/Mengingat, the signer's jabatan
      // and grouped NIP, and a QR code that opens its public verification page.
      const href = await page.getByTestId('decree-pdf').getAttribute('href');
      const pdf = Buffer.from(await (await context.request.get(new URL(href!, server.url).toString())).body());
      const text = pdfText(pdf).replace(/\s+/g, ' ');
      for (const words of ['PEMERINTAH KABUPATEN MUARA ENIM', 'KEPUTUSAN', 'Menimbang', 'Mengingat', 'MEMUTUSKAN', 'Plt.', 'Yuliana Putri', 'NIP. 19850630 201001 2 003']) {
        assert.ok(text.includes(words), `the decree carries "${words}"`);
      }
      assert.match(text, /Penelitian dan Pengembangan/i, 'the signer\'s jabatan');
      const codes = decodeQrCodes(pdf);
      assert.equal(codes.length, 1, 'one QR code on the decree');
      assert.ok(codes[0].startsWith(`${server.url}/verifikasi/`), codes[0]);
      const { createHash } = await import('node:crypto');
      await page.goto(codes[0]);
      const body = (await page.locator('body').textContent()) ?? '';
      assert.ok(body.includes(createHash('sha256').update(pdf).digest('hex')), 'the verification page shows the hash of the issued PDF');
      assert.match(body, /Penetapan Hasil/);
      await shot(page, 'verification');
      const unknown = await context.request.get(`${server.url}/verifikasi/TIDAKADA123`);
      assert.equal(unknown.status(), 404);
    });
  });
});
