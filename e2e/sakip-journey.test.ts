/**
 * Journey: the SAKIP year of issue 11 "Done when", end to end in Chromium. The Tim RB drafts the
 * year's PKs for every OPD head and camat plus the Bupati; two indicators (one higher-is-better,
 * one lower-is-better) are added to the Disdukcapil PK through its form; the kepala signs it; the
 * operator enters TW I–IV with decimal commas, the kepala submits, the Inspektorat verifies (four
 * eyes); the red quarter gets its corrective action; the annual capaian follows RULES.md §2.5 and
 * §2.6; the PK PDF and the unit's LKjIP (DOCX, PDF) are downloaded from the pages' buttons, read
 * back and rendered to PNG for a human to look at.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import JSZip from 'jszip';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { pdfText } from '../src/server/documents/official/pdf-tools.ts';
import { ARTIFACTS, browserSkipReason, horizontalOverflow, newPage, launchBrowser, pageApi, PHONE, shot, signIn, startServer, typeDate, withArtifacts, yearEnd, type E2EServer } from './harness.ts';

const skip = browserSkipReason();
// The server's clock runs in late December of the browser's year: TW I–IV have all begun (a quarter
// not begun takes no value), and the pages' "this year" (the browser's) is the same YEAR.
const CLOCK = yearEnd();
const YEAR = CLOCK.year;
const TODAY = CLOCK.day;
const UNIT = 'Dinas Kependudukan dan Pencatatan Sipil';
const SASARAN = 'Meningkatnya kualitas pelayanan administrasi kependudukan';

/** RULES.md §2.5, written out independently of the product's capaian code. */
const capaian = (polarity: 'higher' | 'lower', target: number, real: number) => Math.max(0, polarity === 'higher' ? (real / target) * 100 : ((2 * target - real) / target) * 100);
/** A phrase in a PDF's text, its words in order even when a table cell wraps it between other columns' words. */
const wrapped = (phrase: string) => new RegExp(phrase.split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+(?:\\S+\\s+){0,8}?'));
const pct = (x: number) => `${new Intl.NumberFormat('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(x)} %`;

const KTP = {
  name: 'Persentase penduduk ber-KTP-el',
  unit: '%',
  polarity: 'higher' as const,
  aggregation: 'last',
  target: '98',
  tw: ['95', '96', '97', '98'],
  // As typed by the operator (Indonesian comma) and as numbers.
  real: ['95,5', '96,5', '97', '97,5'],
  values: [95.5, 96.5, 97, 97.5],
};
const AKTA = {
  name: 'Rata-rata waktu penerbitan akta kelahiran',
  unit: 'hari',
  polarity: 'lower' as const,
  aggregation: 'average',
  target: '3',
  tw: ['3', '3', '3', '3'],
  real: ['3', '6', '2,5', '3'],
  values: [3, 6, 2.5, 3],
};
// §2.6 annual value: KTP "last" → 97,5 → 97,5/98 = 99,49 %; akta "average" → 3,625 → (6 − 3,625)/3 = 79,17 %.
const KTP_ANNUAL = capaian('higher', 98, KTP.values[3]!);
const AKTA_ANNUAL = capaian('lower', 3, AKTA.values.reduce((a, b) => a + b, 0) / 4);

describe('journey: the SAKIP year — season, PK, quarterly realisation, corrective action, PK PDF and LKjIP', { skip }, () => {
  let server: E2EServer;
  let browser: Browser;
  const sessions: Record<string, { context: BrowserContext; page: Page }> = {};
  let pkId = '';
  const ids: Record<string, string> = {};

  async function as(user: string) {
    if (!sessions[user]) {
      sessions[user] = await newPage(browser);
      await signIn(sessions[user].page, server.url, user);
    }
    return sessions[user];
  }
  const cell = (page: Page, indicatorId: string, q: number) => page.getByTestId(`cell-${indicatorId}-${q}`);
  const realisationUrl = () => `${server.url}/sakip/pk/${pkId}/realisasi`;

  before(async () => {
    [server, browser] = await Promise.all([startServer({ SERASAN_SEED_DEMO_SAKIP: 'holders', ...CLOCK.env }), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('1. the Tim RB drafts the PKs of every OPD head and camat plus the Bupati', async () => {
    const { page } = await as('rb');
    await withArtifacts(page, 'sakip-journey-generate', async () => {
      await page.goto(`${server.url}/sakip?tahun=${YEAR}`);
      await page.getByTestId('pk-register').waitFor();
      await page.getByTestId('pk-generate').click();
      await page.getByTestId('pk-generate-run').click();
      const summary = await page.getByTestId('pk-generate-summary').innerText();
      // Read-only look-up: the UI has no list of top-level units to count from.
      const units = (await pageApi(page, 'GET', '/api/units')).body.items as Array<{ parentId: string | null; isActive?: boolean }>;
      const heads = units.filter((u) => !u.parentId && u.isActive !== false).length;
      assert.ok(heads > 10, `the demo region has its OPD and kecamatan (${heads})`);
      assert.match(summary, new RegExp(`^${heads + 1} draf dibuat; 0 dilewati\\.`), summary);
      await page.keyboard.press('Escape');
      const register = page.getByTestId('pk-register');
      assert.equal(await register.getByTestId('pk-status-draft').count(), heads + 1, 'the register lists every draft');
      const link = register.getByRole('link', { name: UNIT });
      pkId = new URL((await link.getAttribute('href'))!, server.url).pathname.split('/').pop()!;
      assert.ok(pkId);
      await shot(page, 'sakip-journey-register');
    });
  });

  test('2. two indicators are added to the Disdukcapil PK through its form', async () => {
    const { page } = await as('operator');
    await withArtifacts(page, 'sakip-journey-indicators', async () => {
      await page.goto(`${server.url}/sakip/pk/${pkId}`);
      const form = page.getByTestId('pk-indicator-form');
      for (const ind of [KTP, AKTA]) {
        await form.getByTestId('pk-ind-sasaran').fill(SASARAN);
        await form.getByTestId('pk-ind-name').fill(ind.name);
        await form.getByTestId('pk-ind-unit').fill(ind.unit);
        await form.getByTestId('pk-ind-target').fill(ind.target);
        await form.getByTestId('pk-ind-polarity').selectOption(ind.polarity);
        await form.getByTestId('pk-ind-aggregation').selectOption(ind.aggregation);
        for (let q = 0; q < 4; q++) await form.getByTestId(`pk-ind-tw-${q + 1}`).fill(ind.tw[q]!);
        if (ind === KTP) {
          // The rencana aksi's formula and data source (optional), shown on the realisation page.
          await form.getByTestId('pk-ind-formula').fill('Penduduk ber-KTP-el ÷ penduduk wajib KTP × 100');
          await form.getByTestId('pk-ind-data-source').fill('SIAK Disdukcapil');
        }
        await form.getByTestId('pk-ind-save').click();
        await page.getByTestId('pk-indicators').getByText(ind.name).waitFor();
      }
      const rows = page.getByTestId('pk-indicators').getByRole('row');
      assert.match(await rows.filter({ hasText: KTP.name }).innerText(), /Makin tinggi makin baik[\s\S]*%\s+98\s+95\s+96\s+97\s+98/i);
      assert.match(await rows.filter({ hasText: AKTA.name }).innerText(), /hari\s+3\s+3\s+3\s+3\s+3/);
    });
  });

  test('3. the kepala submits, the Tim RB agrees, the kepala signs today: signed and numbered', async () => {
    const { page: kepala } = await as('kepala');
    const { page: rb } = await as('rb');
    await withArtifacts(kepala, 'sakip-journey-sign', async () => {
      await kepala.goto(`${server.url}/sakip/pk/${pkId}`);
      await kepala.getByTestId('pk-action-submit').click();
      await kepala.getByTestId('pk-status-submitted').waitFor();
      await rb.goto(`${server.url}/sakip/pk/${pkId}`);
      await rb.getByTestId('pk-action-agree').click();
      await rb.getByTestId('pk-status-agreed').waitFor();
      await kepala.reload();
      await kepala.getByTestId('pk-action-sign').click();
      await typeDate(kepala, 'pk-signed-on', TODAY);
      await kepala.getByTestId('pk-dialog-confirm').click();
      await kepala.getByTestId('pk-status-signed').waitFor();
      assert.match(await kepala.locator('body').innerText(), /Nomor: \S+\/\d+\/\S*\/\d{4}/);
      await shot(kepala, 'sakip-journey-pk-signed');
      await kepala.getByTestId('pk-realisation').click();
      await kepala.waitForURL(/\/realisasi$/);
      await kepala.getByText('Rumus: Penduduk ber-KTP-el ÷ penduduk wajib KTP × 100').waitFor();
      await kepala.getByText('SIAK Disdukcapil').first().waitFor();
      // The indicator ids, to address the quarter cells (read-only).
      const pk = (await pageApi(kepala, 'GET', `/api/pk/${pkId}`)).body as { indicators: Array<{ id: string; name: string }> };
      for (const i of pk.indicators) ids[i.name] = i.id;
      assert.ok(ids[KTP.name] && ids[AKTA.name]);
    });
  });

  test('4–6. TW I–IV entered, submitted, verified; the red quarter gets its corrective action; the annual capaian follows §2.5', async () => {
    const ktp = ids[KTP.name]!;
    const akta = ids[AKTA.name]!;
    const { page: op } = await as('operator');
    await withArtifacts(op, 'sakip-journey-realisation', async () => {
      await op.goto(realisationUrl());
      for (const [id, ind] of [[ktp, KTP], [akta, AKTA]] as const) {
        for (let q = 1; q <= 4; q++) {
          await cell(op, id, q).getByTestId('act-enter').click();
          await op.getByTestId('form-value').fill(ind.real[q - 1]!);
          await op.getByTestId('form-save').click();
          await cell(op, id, q).getByTestId('real-value').getByText(ind.real[q - 1]!, { exact: true }).waitFor();
        }
      }
      assert.equal(await op.getByTestId('act-submit').count(), 0, 'the operator does not submit');

      const { page: kp } = await as('kepala');
      await kp.goto(realisationUrl());
      for (const id of [ktp, akta]) {
        for (let q = 1; q <= 4; q++) {
          await cell(kp, id, q).getByTestId('act-submit').click();
          await cell(kp, id, q).getByTestId('real-status').getByText('Diajukan').waitFor();
        }
      }
      assert.equal(await kp.getByTestId('act-verify').count(), 0, 'the kepala cannot verify his own figures');

      const { page: ins } = await as('inspektorat');
      await ins.goto(realisationUrl());
      assert.equal(await ins.getByTestId('act-enter').count(), 0, 'the verifier does not enter figures');
      for (const id of [ktp, akta]) {
        for (let q = 1; q <= 4; q++) {
          await cell(ins, id, q).getByTestId('act-verify').click();
          await cell(ins, id, q).getByTestId('real-status').getByText('Terverifikasi').waitFor();
        }
      }

      // §2.5 lower-is-better: T=3, R=6 → (6 − 6)/3 = 0 % → red; T=3, R=2,5 → 116,67 %.
      await op.reload();
      const red = cell(op, akta, 2);
      assert.equal(await red.getByTestId('real-capaian').innerText(), pct(capaian('lower', 3, 6)));
      assert.equal(await red.getByTestId('real-capaian').getAttribute('data-status'), 'merah');
      assert.equal(await cell(op, akta, 3).getByTestId('real-capaian').innerText(), pct(capaian('lower', 3, 2.5)));
      assert.equal(await cell(op, ktp, 1).getByTestId('real-capaian').innerText(), pct(capaian('higher', 95, 95.5)));
      assert.equal(await red.getByTestId('corrective-state').getAttribute('data-state'), 'missing');
      for (const [id, q] of [[ktp, 1], [ktp, 4], [akta, 1], [akta, 3]] as const) {
        assert.equal(await cell(op, id, q).getByTestId('corrective-state').count(), 0, `no corrective action asked for a non-red quarter (${id} TW ${q})`);
      }

      await red.getByTestId('act-correctiveAction').click();
      await op.getByTestId('form-kendala').fill('Blanko akta habis dan jaringan SIAK terputus dua pekan');
      await op.getByTestId('form-solusi').fill('Pengadaan blanko darurat dan jalur cadangan jaringan');
      await op.getByTestId('form-rencana').fill('Layanan akta kelahiran selesai dalam 3 hari kerja');
      await op.getByTestId('form-pic').click();
      await op.getByRole('option').first().click();
      await typeDate(op, 'form-deadline', `31/12/${YEAR}`);
      await op.getByTestId('form-save').click();
      await red.locator('[data-testid="corrective-state"][data-state="open"]').waitFor();
      assert.match(await red.getByTestId('corrective-state').innerText(), new RegExp(`31 Desember ${YEAR}`));
      await cell(op, akta, 3).getByTestId('previous-follow-up').getByText('Layanan akta kelahiran selesai dalam 3 hari kerja', { exact: false }).waitFor();

      // §2.6 annual values from the verified quarters, then §2.5.
      const annual = (id: string) => op.getByTestId(`annual-${id}`);
      assert.equal(await annual(ktp).getByTestId('annual-capaian').innerText(), pct(KTP_ANNUAL));
      assert.equal(pct(KTP_ANNUAL), '99,49 %');
      assert.equal(await annual(ktp).getByTestId('annual-capaian').getAttribute('data-status'), 'hijau');
      assert.match(await annual(akta).innerText(), /3,625/);
      assert.equal(await annual(akta).getByTestId('annual-capaian').innerText(), pct(AKTA_ANNUAL));
      assert.equal(pct(AKTA_ANNUAL), '79,17 %');
      assert.equal(await annual(akta).getByTestId('annual-capaian').getAttribute('data-status'), 'kuning');

      assert.equal(await horizontalOverflow(op), null);
      await shot(op, 'sakip-journey-realisation-laptop');
    });
  });

  test('the realisation page fits a phone', async () => {
    const { page } = await newPage(browser, PHONE);
    await withArtifacts(page, 'sakip-journey-phone', async () => {
      await signIn(page, server.url, 'operator');
      await page.goto(realisationUrl());
      await cell(page, ids[AKTA.name]!, 2).waitFor();
      assert.equal(await horizontalOverflow(page), null);
      await shot(page, 'sakip-journey-realisation-phone');
    });
  });

  test('7. the PK PDF and the unit LKjIP (DOCX and PDF) come from the pages\' buttons and read right', async () => {
    const { page, context } = await as('kepala');
    mkdirSync(ARTIFACTS, { recursive: true });
    const png = (pdf: Buffer, name: string) => {
      const file = path.join(ARTIFACTS, `${name}.pdf`);
      writeFileSync(file, pdf);
      execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', file, path.join(ARTIFACTS, name)]);
    };
    await withArtifacts(page, 'sakip-journey-documents', async () => {
      // The PK PDF button opens a new tab; fetch its href with this browser session's cookies.
      await page.goto(`${server.url}/sakip/pk/${pkId}`);
      const pdfHref = await page.getByTestId('pk-pdf').getAttribute('href');
      assert.equal(pdfHref, `/api/pk/${pkId}/export.pdf`);
      const pdfRes = await context.request.get(`${server.url}${pdfHref}`);
      assert.equal(pdfRes.status(), 200);
      assert.equal(pdfRes.headers()['content-type'], 'application/pdf');
      const pdf = await pdfRes.body();
      const holder = ((await pageApi(page, 'GET', `/api/pk/${pkId}`)).body as { firstParty: { name: string } }).firstParty.name;
      png(pdf, 'sakip-journey-pk');
      const text = pdfText(pdf).replace(/\s+/g, ' ');
      for (const words of ['PERJANJIAN KINERJA', `TAHUN ${YEAR}`, 'PIHAK KESATU', 'PIHAK KEDUA', holder, KTP.name, AKTA.name]) {
        assert.match(text, wrapped(words), `the PK PDF says "${words}"`);
      }

      // The kepala's recap tab offers his unit's LKjIP; the DOCX button is a plain download.
      await page.goto(`${server.url}/sakip/rekap`);
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('lkjip-unit-docx').click()]);
      assert.match(download.suggestedFilename(), /\.docx$/);
      const docx = readFileSync((await download.path())!);
      const xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
      const words = xml.replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, '').replace(/&amp;/g, '&');
      for (const h of ['BAB I PENDAHULUAN', 'BAB II PERENCANAAN KINERJA', 'BAB III AKUNTABILITAS KINERJA', 'BAB IV PENUTUP']) {
        assert.ok(words.includes(h), `the LKjIP has "${h}"`);
      }
      // Bab III table 1: one row per indicator with its annual realisasi and capaian.
      const rows = xml.split('</w:tr>').map((r) => r.replace(/<\/w:p>/g, ' | ').replace(/<[^>]+>/g, ''));
      for (const [ind, annual] of [[KTP, KTP_ANNUAL], [AKTA, AKTA_ANNUAL]] as const) {
        assert.ok(words.includes(ind.name), `the LKjIP names "${ind.name}"`);
        assert.ok(rows.some((r) => r.includes(ind.name) && r.includes(`| ${pct(annual)} |`)), `the LKjIP row of "${ind.name}" gives the capaian ${pct(annual)}`);
      }

      const lkjipHref = await page.getByTestId('lkjip-unit-pdf').getAttribute('href');
      assert.ok(lkjipHref?.startsWith('/api/sakip/lkjip.pdf?'));
      const lkjipRes = await context.request.get(`${server.url}${lkjipHref}`);
      assert.equal(lkjipRes.status(), 200);
      const lkjip = await lkjipRes.body();
      const lkjipText = pdfText(lkjip).replace(/\s+/g, ' ');
      assert.match(lkjipText, wrapped(AKTA.name), 'the LKjIP PDF has the indicators');
      assert.ok(lkjipText.includes(pct(AKTA_ANNUAL)), 'the LKjIP PDF has the same capaian');
      png(lkjip, 'sakip-journey-lkjip');
      // Also the page with Bab III's capaian table, the one a reader checks.
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path.join(ARTIFACTS, 'sakip-journey-lkjip.pdf')], { encoding: 'utf8' }))![1]);
      const bab3 = Array.from({ length: pages }, (_, i) => i + 1).find((p) => execFileSync('pdftotext', ['-f', String(p), '-l', String(p), path.join(ARTIFACTS, 'sakip-journey-lkjip.pdf'), '-'], { encoding: 'utf8' }).includes('BAB III'));
      assert.ok(bab3, 'the LKjIP PDF has Bab III');
      execFileSync('pdftoppm', ['-png', '-r', '60', '-f', String(bab3), '-l', String(bab3), '-singlefile', path.join(ARTIFACTS, 'sakip-journey-lkjip.pdf'), path.join(ARTIFACTS, 'sakip-journey-lkjip-bab3')]);
    });
  });
});
