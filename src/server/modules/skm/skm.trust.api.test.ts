import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { parseCsv } from '../../lib/csv.ts';
import { createTestRuntime, signedIn, testDialects, TestClient, type TestRuntime } from '../../testing/harness.ts';

/** Regressions of issue 9 in the SKM module: exports, rejection log, honeypot. */
const answers = Object.fromEntries([3, 3, 3, 3, 3, 3, 3, 3, 3].map((v, i) => [`U${i + 1}`, v]));
const FORMULA = /^[=+\-@\t\r]/;

for (const dialect of await testDialects()) {
  describe(`SKM trust regressions [${dialect}]`, () => {
    let rt: TestRuntime;
    let operator: TestClient;
    let citizen: TestClient;
    let dukcapilId: string;
    const year = new Date().getUTCFullYear();

    async function openSurvey(serviceName: string) {
      const res = await operator.post('/api/skm/surveys', { unitId: dukcapilId, serviceName, periodStart: `${year}-01-01`, periodEnd: `${year}-12-31` });
      assert.equal(res.status, 201, res.raw);
      return res.body as { id: string; surveyCode: string; serviceName: string };
    }
    async function respond(code: string, extra: Record<string, unknown> = {}) {
      const f = (await citizen.get(`/api/public/skm/${code}`)).body;
      return citizen.request('POST', `/api/public/skm/${code}/responses`, { answers, formToken: f.formToken, ...extra }, { csrf: false });
    }

    before(async () => {
      rt = await createTestRuntime(dialect, { seed: 'demo' });
      operator = await signedIn(rt, 'operator');
      citizen = new TestClient(rt.app);
      dukcapilId = (await operator.get('/api/units')).body.items.find((u: { shortName: string }) => u.shortName === 'Disdukcapil').id;
    });
    after(() => rt.close());

    test('item 5: the public results CSV neither runs a formula nor opens a row from a service name', async () => {
      const names = ["\r=cmd|' /C calc'!A0", "Layanan\r=cmd|' /C calc'!A0", '@SUM(1+1)', 'Surat "keterangan", pindah; datang'];
      for (const name of names) {
        const s = await openSurvey(name);
        assert.equal((await respond(s.surveyCode)).status, 201);
      }
      const res = await new TestClient(rt.app).get('/api/public/skm/results.csv?region=16.03');
      assert.equal(res.status, 200);
      const rows = parseCsv(res.raw.replace(/^\uFEFF/, ''));
      const header = rows[0];
      const data = rows.slice(1).filter((r) => !r[0].startsWith('#'));
      for (const row of data) {
        assert.equal(row.length, header.length, `every row has all ${header.length} columns: ${JSON.stringify(row)}`);
        for (const cell of row) assert.doesNotMatch(cell, FORMULA, JSON.stringify(row));
      }
      const services = data.map((r) => r[header.indexOf('jenis_layanan')]);
      assert.ok(services.includes("'=cmd|' /C calc'!A0"), 'the trimmed name, neutralised');
      assert.ok(services.includes("Layanan\r=cmd|' /C calc'!A0"), 'CR stays inside the quoted cell');
      assert.ok(services.includes("'@SUM(1+1)"));
      assert.ok(services.includes('Surat "keterangan", pindah; datang'));
    });

    test('item 5: the SKM Excel export writes formula-like text as text', async () => {
      const s = await openSurvey('=HYPERLINK("http://contoh.invalid","klik")');
      assert.equal((await respond(s.surveyCode, { suggestion: '+62 812 yang menjawab lambat' })).status, 201);
      const x = await operator.download(`/api/skm/surveys/${s.id}/export.xlsx`);
      assert.equal(x.status, 200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(x.data as unknown as ArrayBuffer);
      const cells: ExcelJS.CellValue[] = [];
      wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => cells.push(c.value))));
      assert.ok(cells.includes('\'=HYPERLINK("http://contoh.invalid","klik")'));
      assert.ok(cells.includes("'+62 812 yang menjawab lambat"));
      for (const v of cells) {
        assert.ok(typeof v !== 'object' || v === null || v instanceof Date, `no formula cells: ${JSON.stringify(v)}`);
        if (typeof v === 'string') assert.doesNotMatch(v, FORMULA);
      }
    });

    test('item 12: a filled honeypot burns the form token; the same token with a clean body is refused', async () => {
      const s = await openSurvey('Kartu Identitas Anak');
      const f = (await citizen.get(`/api/public/skm/${s.surveyCode}`)).body;
      const bot = await citizen.request('POST', `/api/public/skm/${s.surveyCode}/responses`, { answers, formToken: f.formToken, website: 'http://spam.invalid' }, { csrf: false });
      assert.equal(bot.status, 400, bot.raw);
      const again = await citizen.request('POST', `/api/public/skm/${s.surveyCode}/responses`, { answers, formToken: f.formToken }, { csrf: false });
      assert.equal(again.status, 409, again.raw);
      assert.equal(again.body.error.code, 'CONFLICT');
      const stored = await rt.deps.db.selectFrom('skmResponses').select('id').where('surveyId', '=', s.id).execute();
      assert.equal(stored.length, 0, 'the bot’s token never stores an answer');
      assert.equal((await respond(s.surveyCode)).status, 201, 'a fresh form still works');
    });
  });

  describe(`SKM rejection log stays bounded [${dialect}]`, () => {
    let rt: TestRuntime;
    before(async () => {
      rt = await createTestRuntime(dialect, { seed: 'demo', env: { SKM_RATE_LIMIT_PER_MINUTE: '20' } });
    });
    after(() => rt.close());

    test('item 11: 1,000 POSTs to random survey codes add a constant number of rows, and are still counted', async () => {
      const { db } = rt.deps;
      const rows = async () => (await db.selectFrom('skmRejections').select(['surveyCode', 'day', 'reason', 'n']).execute());
      const before = (await rows()).length;
      const c = new TestClient(rt.app);
      const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
      for (let i = 0; i < 1000; i++) {
        const code = Array.from({ length: 8 }, () => ALPHABET[Math.floor(Math.random() * ALPHABET.length)]).join('');
        const body = i % 3 === 0 ? { answers, formToken: 'x'.repeat(20), website: 'spam' } : i % 3 === 1 ? { answers, formToken: 'x'.repeat(20) } : { answers: 'rusak' };
        const res = await c.request('POST', `/api/public/skm/${code}/responses`, body, { csrf: false });
        assert.ok([400, 404, 429].includes(res.status), `${res.status} ${res.raw}`);
      }
      // Rate-limited rejections are counted without holding the 429 back: wait for the last ones.
      let after = await rows();
      for (let i = 0; i < 50 && after.reduce((sum, r) => sum + Number(r.n), 0) < 1000; i++) {
        await new Promise((r) => setTimeout(r, 20));
        after = await rows();
      }
      assert.ok(after.length - before <= 6, `at most one row per reason and day, got ${after.length - before} new rows`);
      assert.equal(after.reduce((sum, r) => sum + Number(r.n), 0), 1000, 'every rejection is still counted');
    });
  });
}
