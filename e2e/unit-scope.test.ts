/**
 * Journey (b): a Disdukcapil operator reads the whole organisation chart but may change only
 * the people of Disdukcapil and its sub-units: no edit control elsewhere, the API refuses a
 * direct attempt in Indonesian, and the add-person form offers only units in the operator's reach.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { apiSession, browserSkipReason, horizontalOverflow, launchBrowser, newPage, pageApi, shot, signIn, startServer, withArtifacts, type E2EServer } from './harness.ts';

const skip = browserSkipReason();
const DISDUKCAPIL = 'Dinas Kependudukan dan Pencatatan Sipil';
const SUB_UNIT = 'UPTD Pelayanan Adminduk Tanjung Enim (e2e)';
const OTHER_UNIT = 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia';
const OTHER_PERSON = 'Bambang Sutrisno (e2e)';
const OWN_PERSON = 'Andi Saputra, S.Sos. (demo)';

describe('journey: a unit operator stays inside their unit', { skip }, () => {
  let server: E2EServer;
  let browser: Browser;
  let otherPersonId: string;

  before(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    // The admin sets the scene: a sub-unit under Disdukcapil and a person in another agency.
    const admin = await apiSession(server.url, 'admin');
    const units = (await admin('GET', '/api/units')).body.items as Array<{ id: string; name: string }>;
    const unitId = (name: string) => {
      const u = units.find((x) => x.name === name);
      assert.ok(u, `demo unit ${name} exists`);
      return u.id;
    };
    const sub = await admin('POST', '/api/units', { name: SUB_UNIT, type: 'uptd', parentId: unitId(DISDUKCAPIL) });
    assert.equal(sub.status, 201, JSON.stringify(sub.body));
    const person = await admin('POST', '/api/people', { name: OTHER_PERSON, nip: '197503202000031001', kind: 'PNS', rank: 'Penata (III/c)', unitId: unitId(OTHER_UNIT) });
    assert.equal(person.status, 201, JSON.stringify(person.body));
    otherPersonId = person.body.id;
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('another unit’s person is read-only for the operator, in the page and at the API', { skip }, async () => {
    const { context, page } = await newPage(browser);
    try {
      await withArtifacts(page, 'unit-scope', async () => {
        await signIn(page, server.url, 'operator');
        await page.getByTestId('nav-organisasi').click();
        await page.getByTestId('org-tab-pegawai').click();
        await page.waitForURL((u) => u.pathname === '/organisasi/pegawai');

        // Control: the operator's own people can be edited.
        await page.getByTestId('people-search').fill('Andi Saputra');
        // Wait for the filtered list: clicking during the re-render hits a detached row.
        await page.waitForURL((u) => u.searchParams.get('q') === 'Andi Saputra');
        await page.getByTestId('people-total').filter({ hasText: /^1 pegawai$/ }).waitFor();
        await page.getByTestId('person-row').filter({ hasText: OWN_PERSON }).getByRole('link', { name: OWN_PERSON }).click();
        await page.getByTestId('person-title').filter({ hasText: OWN_PERSON }).waitFor();
        await page.getByTestId('person-edit').waitFor();

        // Another agency's person: readable, but with no edit or assign control.
        await page.getByTestId('nav-organisasi').click();
        await page.getByTestId('org-tab-pegawai').click();
        await page.getByTestId('people-search').fill('Bambang Sutrisno');
        await page.waitForURL((u) => u.searchParams.get('q') === 'Bambang Sutrisno');
        await page.getByTestId('people-total').filter({ hasText: /^1 pegawai$/ }).waitFor();
        const row = page.getByTestId('person-row').filter({ hasText: OTHER_PERSON });
        assert.match((await row.textContent()) ?? '', new RegExp(OTHER_UNIT));
        await row.getByRole('link', { name: OTHER_PERSON }).click();
        await page.waitForURL((u) => u.pathname === `/organisasi/pegawai/${otherPersonId}`);
        await page.getByTestId('person-title').filter({ hasText: OTHER_PERSON }).waitFor();
        await page.getByTestId('person-riwayat').waitFor();
        assert.equal(await page.getByTestId('person-edit').count(), 0, 'no edit button on another unit’s person');
        assert.equal(await page.getByTestId('person-assign').count(), 0, 'no assign button on another unit’s person');
        assert.equal(await horizontalOverflow(page), null);
        await shot(page, 'person-other-unit-id');

        // A direct attempt from the operator's session is refused, in Indonesian.
        const attempt = await pageApi(page, 'PATCH', `/api/people/${otherPersonId}`, { name: 'Bambang Diubah' });
        assert.equal(attempt.status, 403, JSON.stringify(attempt.body));
        assert.equal(attempt.body.error.code, 'FORBIDDEN');
        assert.equal(attempt.body.error.message, 'Anda tidak berwenang melakukan tindakan ini.');
        const after = await pageApi(page, 'GET', `/api/people/${otherPersonId}`);
        assert.equal(after.body.name, OTHER_PERSON, 'the record is unchanged');
        // …and so is moving one of the operator's own people into that agency.
        const move = await pageApi(page, 'POST', '/api/people', { name: 'Pindahan (e2e)', nip: '198202022008012003', kind: 'PNS', rank: null, unitId: after.body.unitId });
        assert.equal(move.status, 403, JSON.stringify(move.body));

        // Adding a person: the unit list holds only Disdukcapil and its sub-unit.
        await page.getByTestId('nav-organisasi').click();
        await page.getByTestId('org-tab-pegawai').click();
        await page.getByTestId('people-add').click();
        await page.getByRole('dialog').waitFor();
        const unitSelect = page.getByTestId('person-unit');
        await page.waitForFunction(() => ((document.querySelector('[data-testid="person-unit"]') as HTMLSelectElement | null)?.options.length ?? 0) > 1);
        const options = await unitSelect.locator('option').allTextContents();
        assert.deepEqual(
          options.map((o) => o.trim()),
          [DISDUKCAPIL, SUB_UNIT],
          'only units in the operator’s reach are offered',
        );
        assert.equal(await unitSelect.locator('option:checked').textContent(), DISDUKCAPIL, 'own unit preselected');
        await shot(page, 'people-add-operator-units-id');
      });
    } finally {
      await context.close();
    }
  });
});
