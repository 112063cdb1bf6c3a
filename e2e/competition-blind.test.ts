/**
 * Journey: blind judging (issue 8 §5). In a blind competition the demo judge signs in, opens an
 * entered proposal from the competition in the read-only view, goes on to score it, and never
 * sees a unit name of the tenant nor an innovator's name on any page visited; before the decision
 * the ranking stays closed to the judge. Screenshots at 1366×768 and at phone width.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { apiSession, browserSkipReason, horizontalOverflow, launchBrowser, newPage, PHONE, shot, signIn, startServer, withArtifacts, type E2EServer } from './harness.ts';

const skip = browserSkipReason();
const CRITERIA = ['latar_belakang', 'kebaruan', 'implementasi', 'signifikansi', 'adaptabilitas', 'sumber_daya', 'keberlanjutan'];
const INNOVATORS = ['Hendra Saputra Wijaya', 'Maria Ulfa Fitriani'];

describe('journey: a judge scores in a blind competition and never sees a unit', { skip }, () => {
  let server: E2EServer;
  let browser: Browser;
  let competitionId = '';
  let proposalId = '';
  let otherProposalId = '';
  let forbidden: string[] = [];
  let innovationId = '';

  before(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    const admin = await apiSession(server.url, 'admin');
    // Every unit name of the tenant, as the admin sees them, plus the innovators' names.
    const units = (await admin('GET', '/api/units')).body.items as Array<{ id: string; name: string; shortName: string | null }>;
    // A unit name inside the pemda's own name (kecamatan "Muara Enim" of Kabupaten Muara Enim, shown
    // in the header) names the region, not a unit; the kecamatan's full name is still checked.
    const region = String((await admin('GET', '/api/auth/me')).body.user?.tenantName ?? '').toLowerCase();
    assert.ok(region.includes('muara enim'), region);
    forbidden = [...units.flatMap((u) => [u.name, u.shortName]).filter((x): x is string => !!x && x.length >= 3 && !region.includes(x.toLowerCase())), ...INNOVATORS];
    const unit = (s: string) => units.find((u) => u.shortName === s)!;
    const mk = async (u: string, title: string, innovator: string, text: string) => {
      const inv = await admin('POST', '/api/innovations', {
        title, unitId: unit(u).id, type: 'pelayanan_publik', stage: 'penerapan', digital: true, initiatedOn: '2021-01-04', appliedOn: '2021-06-01',
        description: `${title}: layanan yang lebih cepat dan dekat bagi warga.`, innovators: [{ externalName: innovator, role: 'ketua' }],
      });
      assert.equal(inv.status, 201, JSON.stringify(inv.body));
      const p = await admin('POST', '/api/proposals', { innovationId: inv.body.id });
      assert.equal(p.status, 201);
      // Real proposals name their office and their people; blind mode must hide them in the text too.
      const s = await admin('PUT', `/api/proposals/${p.body.id}/sections/implementasi`, { text: `${text} ${unit(u).name} bersama ${innovator} melayani warga setiap hari kerja.`, baseVersion: 1 });
      assert.equal(s.status, 200, JSON.stringify(s.body));
      if (!innovationId) innovationId = inv.body.id;
      return p.body.id as string;
    };
    proposalId = await mk('Disdukcapil', 'Akta Kilat Keliling', INNOVATORS[0]!, 'Sejak 2021,');
    otherProposalId = await mk('Dinkes', 'Posyandu Digital', INNOVATORS[1]!, 'Mulai 2022,');
    const inovasi = await apiSession(server.url, 'inovasi');
    const close = new Date(Date.now() + 30 * 86400_000).toISOString().slice(0, 10);
    const c = await inovasi('POST', '/api/competitions', { name: 'Seleksi Inovasi Tertutup 2026', year: 2026, registrationClose: close, quota: 1, blind: true });
    assert.equal(c.status, 201);
    competitionId = c.body.id;
    for (const p of [proposalId, otherProposalId]) assert.equal((await inovasi('POST', `/api/competitions/${competitionId}/entries`, { proposalId: p })).status, 204);
    const users = (await admin('GET', '/api/users')).body.items as Array<{ id: string; username: string }>;
    assert.equal((await inovasi('POST', `/api/competitions/${competitionId}/judges`, { userId: users.find((x) => x.username === 'juri')!.id })).status, 204);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** The visible text of the page must name no unit of the tenant and no innovator. */
  async function assertNoNames(page: Page, where: string) {
    const text = (await page.locator('body').innerText()).toLowerCase();
    for (const n of forbidden) assert.ok(!text.includes(n.toLowerCase()), `${where} shows "${n}"`);
  }

  for (const [label, viewport] of [['laptop', undefined], ['phone', PHONE]] as const) {
    test(`${label}: the judge reads the entered proposal, scores it, sees no unit, and no ranking before the decision`, { skip }, async () => {
      const { context, page } = await newPage(browser, viewport);
      try {
        await withArtifacts(page, `competition-blind-${label}`, async () => {
          await signIn(page, server.url, 'juri');
          await assertNoNames(page, 'home');
          await page.goto(`${server.url}/kompetisi`);
          await page.getByTestId('competition-item').filter({ hasText: 'Seleksi Inovasi Tertutup 2026' }).click();
          await page.waitForURL((u) => u.pathname === `/kompetisi/${competitionId}`);
          const row = page.locator(`[data-testid="entry-row"][data-proposal="${proposalId}"]`);
          await row.waitFor();
          assert.match((await row.textContent()) ?? '', /Unit disembunyikan/);
          // Before the decision: no ranking on the page, and the API refuses it.
          await page.getByTestId('ranking-hidden').waitFor();
          assert.equal(await page.getByTestId('ranking').count(), 0);
          const ranking = await context.request.get(`${server.url}/api/competitions/${competitionId}/ranking`);
          assert.equal(ranking.status(), 403);
          await assertNoNames(page, 'competition page');
          await shot(page, `blind-competition-${label}`);

          // The read-only proposal view, opened from the entry.
          await row.getByTestId('entry-open').click();
          await page.waitForURL((u) => u.pathname === `/proposal/${proposalId}`);
          await page.getByTestId('proposal-read').waitFor();
          assert.equal(await page.locator('textarea').count(), 0, 'nothing to edit');
          assert.match((await page.getByTestId('read-version').textContent()) ?? '', /Versi yang dinilai: 10/);
          const impl = page.locator('[data-testid="read-section"][data-section="implementasi"]');
          assert.match((await impl.innerText()) ?? '', /\[disamarkan\] bersama \[disamarkan\] melayani warga/);
          await assertNoNames(page, 'read-only proposal');
          await shot(page, `blind-proposal-${label}`);
          if (label === 'phone') assert.equal(await horizontalOverflow(page), null, 'no sideways scrolling on a phone');
          const pdf = await context.request.get(`${server.url}${await page.getByTestId('export-pdf').getAttribute('href')}`);
          assert.equal(pdf.status(), 200);
          assert.equal((await pdf.body()).subarray(0, 5).toString(), '%PDF-');

          // On to scoring: the score form opens for this entry.
          await page.getByTestId('read-score').click();
          await page.waitForURL((u) => u.pathname === `/kompetisi/${competitionId}`);
          await page.getByTestId('score-form').waitFor();
          const score = label === 'laptop' ? '85' : '88';
          for (const k of CRITERIA) await page.getByTestId(`score-${k}`).fill(score);
          await page.getByTestId('score-submit').click();
          await page.locator(`[data-testid="entry-row"][data-proposal="${proposalId}"]`).filter({ hasText: score }).waitFor();
          await assertNoNames(page, 'competition page after scoring');
          await shot(page, `blind-scored-${label}`);
        });
      } finally {
        await context.close();
      }
    });
  }

  test('the unit finds "Buka proposal" on its innovation, and the entered proposal locked', { skip }, async () => {
    const { context, page } = await newPage(browser);
    try {
      await withArtifacts(page, 'competition-blind-operator', async () => {
        await signIn(page, server.url, 'operator'); // Disdukcapil
        await page.goto(`${server.url}/inovasi/${innovationId}`);
        const open = page.getByTestId('innovation-open-proposal');
        await open.waitFor();
        assert.match((await open.textContent()) ?? '', /Buka proposal/);
        assert.equal(await page.getByTestId('innovation-start-proposal').count(), 0, 'no second "Buat proposal"');
        await open.click();
        await page.waitForURL((u) => u.pathname === `/proposal/${proposalId}`);
        const locked = page.getByTestId('proposal-locked');
        await locked.waitFor();
        assert.match((await locked.textContent()) ?? '', /terkunci.*Seleksi Inovasi Tertutup 2026.*versi 10/);
        assert.equal(await page.getByTestId('section-implementasi').getAttribute('readonly'), '');
        await shot(page, 'locked-proposal-laptop');
      });
    } finally {
      await context.close();
    }
  });

  test('after the decision the judge sees the blind ranking but no decree link (the decree names the units)', { skip }, async () => {
    const inovasi = await apiSession(server.url, 'inovasi');
    const d = await inovasi('POST', `/api/competitions/${competitionId}/decide`, {});
    assert.equal(d.status, 200, JSON.stringify(d.body));
    for (const [label, viewport] of [['laptop', undefined], ['phone', PHONE]] as const) {
      const { context, page } = await newPage(browser, viewport);
      try {
        await withArtifacts(page, `competition-blind-decided-${label}`, async () => {
          await signIn(page, server.url, 'juri');
          await page.goto(`${server.url}/kompetisi/${competitionId}`);
          await page.getByTestId('ranking').waitFor();
          const note = page.getByTestId('decree-blind');
          await note.waitFor();
          assert.match((await note.textContent()) ?? '', /hanya tersedia bagi Tim Inovasi dan admin/);
          assert.equal(await page.getByTestId('decree-pdf').count(), 0, 'no decree link for the judge');
          assert.equal((await context.request.get(`${server.url}/api/competitions/${competitionId}/decree.pdf`)).status(), 403);
          await assertNoNames(page, 'decided competition page');
          await shot(page, `blind-decided-${label}`);
          if (label === 'phone') assert.equal(await horizontalOverflow(page), null, 'no sideways scrolling on a phone');
        });
      } finally {
        await context.close();
      }
    }
  });
});
