/**
 * Journey: the Tim RB keeps the demo region's plan (issue 11 item 1) on the "Rencana" tab of
 * SAKIP. On the RPJMD 2024–2026 (demo) it edits an indicator's target, re-links the kecamatan's
 * unlinked sasaran to a pemda sasaran (the cascade check stops listing it), tries to delete a
 * sasaran that still has indicators (the server's 409 message stays in the dialog), deletes an
 * empty one it has just added, then uploads the exported plan with one changed cell: the preview
 * says "1 updated" and nothing else, "Impor" saves it. Screenshots at 1366×768 and phone width
 * with the edit dialog and the preview open.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { browserSkipReason, horizontalOverflow, launchBrowser, newPage, PHONE, shot, signIn, startServer, withArtifacts, type E2EServer } from './harness.ts';

const skip = browserSkipReason();
/** A year of the demo RPJMD 2024–2026, whatever the date of the run. */
const YEAR = 2025;

describe('journey: the Tim RB edits, re-links, deletes and re-imports the plan', { skip }, () => {
  let server: E2EServer;
  let browser: Browser;

  before(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  const openPlan = async (page: Page) => {
    await page.goto(`${server.url}/sakip/rencana?tahun=${YEAR}`);
    await page.getByTestId('plan-tree').waitFor();
  };
  /** Open a collapsed node of the pohon kinerja by its label. */
  const expand = async (page: Page, testId: string) => {
    const node = page.getByTestId(testId);
    const toggle = node.locator('button[aria-expanded]').first();
    // A click that lands while a closing dialog still fades out (or the tree re-renders after a
    // save) does not toggle, as a user's would not: click again until it is open.
    for (let attempt = 0; (await toggle.getAttribute('aria-expanded')) !== 'true'; attempt++) {
      if (attempt > 0) assert.ok(attempt < 4, `${testId} does not open`);
      await toggle.click();
      await node.locator('button[aria-expanded="true"]').first().waitFor({ timeout: 4000 }).catch(() => {});
    }
    return node;
  };
  const act = async (page: Page, code: string, action: 'edit' | 'relink' | 'delete') => {
    await page.getByTestId(`plan-actions-${code}`).click();
    const item = page.getByTestId(`plan-action-${action}`);
    const opened = page.getByTestId(action === 'delete' ? 'plan-delete-confirm' : 'plan-edit-form');
    // Under a loaded CI machine the menu may still be placing itself (floating, flips above the
    // row) when the item is clicked; a click that lands before it settles does nothing, as a
    // user's would: click the item again while the menu is still open.
    for (let attempt = 0; ; attempt++) {
      await item.click();
      try {
        await opened.waitFor({ timeout: 4000 });
        return;
      } catch (err) {
        if (attempt >= 2 || !(await item.isVisible())) throw err;
      }
    }
  };
  /** The exported plan with one cell changed: IKU-01's target for YEAR, `from` → `to`. */
  const changedExport = async (page: Page, from: number, to: number) => {
    const res = await page.request.get(`${server.url}/api/sakip/plan/export.xlsx?year=${YEAR}`);
    assert.equal(res.status(), 200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await res.body()) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Indikator')!;
    const col = (ws.getRow(1).values as string[]).indexOf(`Target ${YEAR}`);
    let changed = 0;
    ws.eachRow((row) => {
      if (row.getCell(1).value === 'IKU-01') {
        assert.equal(row.getCell(col).value, from);
        row.getCell(col).value = to;
        changed++;
      }
    });
    assert.equal(changed, 1);
    return Buffer.from(await wb.xlsx.writeBuffer());
  };
  const chooseFile = async (page: Page, data: Buffer) => {
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('plan-import-file').click()]);
    await chooser.setFiles({ name: `rencana-kinerja-${YEAR}.xlsx`, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: data });
  };

  test('edit a target, re-link a unit sasaran, a refused and a done delete, import with a preview', async () => {
    const { page } = await newPage(browser);
    await withArtifacts(page, 'sakip-plan', async () => {
      await signIn(page, server.url, 'rb');
      await openPlan(page);

      // 1. The target of "Indeks Kepuasan Masyarakat (IKM)" for 2025: 82 → 82,5.
      await expand(page, 'plan-sasaran-S6');
      assert.equal(await page.getByTestId('plan-target-IKU-06').innerText(), '82');
      await act(page, 'IKU-06', 'edit');
      const form = page.getByTestId('plan-edit-form');
      await form.waitFor();
      assert.equal(await page.getByTestId('plan-edit-name').inputValue(), 'Indeks Kepuasan Masyarakat (IKM)', 'prefilled');
      assert.equal(await page.getByTestId(`plan-edit-target-${YEAR}`).inputValue(), '82');
      assert.equal(await page.getByTestId('plan-edit-target-2026').inputValue(), '83', 'every year of the period');
      await page.getByTestId(`plan-edit-target-${YEAR}`).fill('82,5');
      // The same validation as creating: a name of two letters is refused before sending.
      await page.getByTestId('plan-edit-name').fill('IK');
      await page.getByTestId('plan-edit-save').click();
      await form.getByText('Minimal 3 karakter').waitFor();
      await page.getByTestId('plan-edit-name').fill('Indeks Kepuasan Masyarakat (IKM)');
      await shot(page, 'sakip-plan-edit-indicator');
      await page.getByTestId('plan-edit-save').click();
      await form.waitFor({ state: 'detached' });
      await page.getByTestId('plan-target-IKU-06').getByText('82,5').waitFor();

      // 2. The kecamatan's "ketertiban administrasi" sasaran feeds nothing: link it to S6.
      const cascade = page.getByTestId('plan-cascade');
      assert.match(await cascade.innerText(), /Meningkatnya ketertiban administrasi kantor kecamatan/);
      await expand(page, 'plan-unlinked');
      await act(page, 'KEC-S2', 'relink');
      await page.getByTestId('plan-edit-link').click();
      await page.getByRole('option', { name: 'S6 — Meningkatnya kualitas pelayanan publik' }).click();
      await page.getByTestId('plan-edit-save').click();
      await page.getByTestId('plan-edit-form').waitFor({ state: 'detached' });
      await page.waitForFunction(() => !document.querySelector('[data-testid="plan-cascade"]')?.textContent?.includes('ketertiban administrasi'));
      const s6 = page.getByTestId('plan-sasaran-S6');
      assert.match(await s6.innerText(), /Kecamatan/);

      // 3. S5 still has its indicator: the delete is refused with the server's message.
      await act(page, 'S5', 'delete');
      await page.getByTestId('plan-delete-confirm').click();
      const refusal = page.getByTestId('plan-delete-error');
      await refusal.waitFor();
      assert.match(await refusal.innerText(), /"S5" masih dipakai/);
      await shot(page, 'sakip-plan-delete-refused');
      await page.keyboard.press('Escape');
      await page.getByTestId('plan-delete-dialog').waitFor({ state: 'detached' });
      assert.ok(await page.getByTestId('plan-sasaran-S5').isVisible(), 'S5 is still there');

      // 4. An empty pemda sasaran, added here, is deleted.
      const forms = page.getByTestId('plan-forms');
      await forms.getByLabel('Kode').fill('S7');
      await forms.getByLabel('Nama').fill('Meningkatnya ketahanan pangan daerah');
      await page.getByTestId('plan-form-save').click();
      await page.getByTestId('plan-sasaran-S7').waitFor();
      await act(page, 'S7', 'delete');
      await page.getByTestId('plan-delete-confirm').click();
      await page.getByTestId('plan-sasaran-S7').waitFor({ state: 'detached' });

      // 5. The exported plan with one changed cell: the preview says 1 update, then "Impor".
      await chooseFile(page, await changedExport(page, 5.2, 5.25));
      const preview = page.getByTestId('plan-import-preview');
      await preview.waitFor();
      const cell = (row: string, col: string) => page.getByTestId(row).locator(`[data-col="${col}"]`).innerText();
      assert.deepEqual([await cell('plan-preview-Indikator', 'updated'), await cell('plan-preview-total', 'created'), await cell('plan-preview-total', 'updated'), await cell('plan-preview-total', 'errors')], ['1', '0', '1', '0']);
      for (const sheet of ['Tujuan', 'Sasaran', 'Program']) assert.equal(await cell(`plan-preview-${sheet}`, 'updated'), '0', sheet);
      await shot(page, 'sakip-plan-import-preview');
      await page.getByTestId('plan-import-confirm').click();
      await page.getByText('Impor selesai: 0 baru, 1 diperbarui').waitFor();
      await preview.waitFor({ state: 'detached' });
      await expand(page, 'plan-sasaran-S1');
      await page.getByTestId('plan-target-IKU-01').getByText('5,25').waitFor();
      await shot(page, 'sakip-plan-after');
    });
  });

  test('on a phone: a programme\'s budget per year is edited; the page, the dialog and the preview fit the width', async () => {
    const { page } = await newPage(browser, PHONE);
    await withArtifacts(page, 'sakip-plan-phone', async () => {
      await signIn(page, server.url, 'rb');
      await openPlan(page);
      assert.equal(await horizontalOverflow(page), null);
      // A programme's budget per year, in the dialog (full screen on a phone).
      await expand(page, 'plan-sasaran-S3');
      await expand(page, 'plan-units-S3-Dinkes');
      await expand(page, 'plan-unit-sasaran-DKS-S1');
      await act(page, '1.02.02', 'edit');
      await page.getByTestId('plan-edit-form').waitFor();
      assert.equal(await page.getByTestId('plan-edit-pagu-2025').inputValue(), '', 'its budget is the sum of its kegiatan: no own pagu');
      await shot(page, 'sakip-plan-edit-phone');
      await page.keyboard.press('Escape');
      await page.getByTestId('plan-edit-form').waitFor({ state: 'detached' });
      // A programme with its own budget: pagu 2025 887.250.000 → 900.000.000; a realisasi without its pagu is refused first.
      await expand(page, 'plan-sasaran-S6');
      await expand(page, 'plan-units-S6-Kecamatan Muara Enim');
      await expand(page, 'plan-unit-sasaran-KEC-S1');
      assert.equal(await page.getByTestId('plan-budget-7.01.02').innerText(), '887.250.000');
      await act(page, '7.01.02', 'edit');
      const form = page.getByTestId('plan-edit-form');
      assert.equal(await page.getByTestId('plan-edit-pagu-2025').inputValue(), '887.250.000', 'prefilled with its own pagu');
      await page.getByTestId('plan-edit-pagu-2025').fill('900000000');
      const pagu2026 = await page.getByTestId('plan-edit-pagu-2026').inputValue();
      await page.getByTestId('plan-edit-pagu-2026').fill('');
      await page.getByTestId('plan-edit-realisasi-2026').fill('1000');
      await page.getByTestId('plan-edit-save').click();
      await form.getByText('Isi pagu tahun 2026 bila realisasinya diisi').waitFor();
      await page.getByTestId('plan-edit-realisasi-2026').fill('');
      await page.getByTestId('plan-edit-pagu-2026').fill(pagu2026.replace(/\./g, ''));
      await page.getByTestId('plan-edit-save').click();
      await form.waitFor({ state: 'detached' });
      await page.getByTestId('plan-budget-7.01.02').getByText('900.000.000').waitFor();
      await chooseFile(page, await changedExport(page, 5.25, 5.3));
      await page.getByTestId('plan-import-preview').waitFor();
      assert.equal(await horizontalOverflow(page), null);
      await page.getByTestId('plan-import-preview').scrollIntoViewIfNeeded();
      await shot(page, 'sakip-plan-import-preview-phone');
      await page.getByTestId('plan-import-cancel').click();
      await page.getByTestId('plan-import-preview').waitFor({ state: 'detached' });
    });
  });
});
