import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../config.ts';
import { OPD_CSV, readOpdCsv } from './demo.ts';
import { INOVASI_CSV } from './demo-innovations.ts';
import { createTestRuntime, signedIn, testDialects } from '../testing/harness.ts';

test('the bundled reference CSVs are identical to ../shared/data/muara-enim', (t) => {
  const shared = path.join(loadConfig().sharedDir, 'data', 'muara-enim');
  if (!existsSync(shared)) return t.skip('../shared is not beside the project (it is in CI and on developer machines)');
  assert.equal(readFileSync(OPD_CSV, 'utf8'), readFileSync(path.join(shared, 'opd.csv'), 'utf8'));
  assert.equal(readFileSync(INOVASI_CSV, 'utf8'), readFileSync(path.join(shared, 'inovasi.csv'), 'utf8'));
});

test('opd.csv: historical agencies are marked inactive and names lose their parenthetical notes', () => {
  const rows = readOpdCsv();
  assert.ok(rows.find((r) => r.name === 'Dinas PU Cipta Karya')?.active === false);
  assert.ok(rows.find((r) => r.name === 'Dinas Komunikasi dan Informatika')?.active);
});

for (const dialect of await testDialects()) {
  test(`the demo region carries the real Muara Enim innovations, mapped to units where the file names them [${dialect}]`, async () => {
    const rt = await createTestRuntime(dialect);
    try {
      const c = await signedIn(rt, 'inovasi');
      const all = await c.get('/api/innovations?pageSize=100');
      const csvRows = readFileSync(INOVASI_CSV, 'utf8').trim().split('\n').length - 1;
      assert.equal(all.body.total, csvRows);
      const silakan = all.body.items.find((i: { title: string }) => i.title === 'Silakan Deh');
      assert.equal(silakan.unitName, 'Badan Pengelolaan Keuangan dan Aset Daerah');
      const bapaku = all.body.items.find((i: { title: string }) => i.title === 'Bapaku Ngoceh');
      assert.equal(bapaku.unitName, 'Kecamatan Ujan Mas');
      const stats = await c.get('/api/innovations/stats');
      assert.ok(stats.body.perYear.some((y: { year: number; n: number }) => y.year === 2021 && y.n === 17), 'the 17 KIPP 2021 candidates');
      const pub = await c.get('/api/public/innovations?region=16.03&pageSize=1');
      assert.equal(pub.body.total, csvRows);
    } finally {
      await rt.close();
    }
  });

  test(`demo satisfaction surveys: labelled demo, running totals equal a full recount [${dialect}]`, async () => {
    const rt = await createTestRuntime(dialect);
    try {
      const { createSkmService } = await import('../modules/skm/skm.service.ts');
      const skm = createSkmService(rt.deps);
      const surveys = await rt.deps.db.selectFrom('skmSurveys').selectAll().execute();
      assert.ok(surveys.length >= 8);
      assert.ok(surveys.every((s) => s.isDemo === 1));
      assert.ok(surveys.some((s) => s.status === 'open'), 'the current quarter is open');
      for (const s of surveys) {
        const agg = await rt.deps.db.selectFrom('skmAggregates').selectAll().where('surveyId', '=', s.id).executeTakeFirstOrThrow();
        const recount = await skm.recount(s.tenantId, s.id);
        for (const [k, v] of Object.entries(recount)) assert.equal(Number((agg as Record<string, unknown>)[k]), v, `${s.id} ${k}`);
      }
      const c = await signedIn(rt, 'kepala');
      const list = await c.get('/api/skm/surveys');
      assert.ok(list.body.items.some((x: { isDemo: boolean; mutu: string | null }) => x.isDemo && x.mutu));
    } finally {
      await rt.close();
    }
  });
}
