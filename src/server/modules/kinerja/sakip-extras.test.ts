import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestRuntime, signedIn, testDialects, type TestRuntime } from '../../testing/harness.ts';
import type { PkIndicatorTable } from '../../db/schema.ts';
import { sakipExtras } from './sakip-extras.ts';
import { planForUnit } from './plan.service.ts';
import { planRepo } from './plan.repo.ts';

/**
 * The SAKIP reports read the plan (medium-term targets, budgets) and the corrective actions
 * through `sakipExtras`: checked against the demo region's RPJMD/Renstra.
 */
for (const dialect of await testDialects()) {
  describe(`SAKIP report inputs from the plan [${dialect}]`, () => {
    let rt: TestRuntime;
    let tenantId: string;
    let disdukcapil: string;
    let year: number; // a year of the demo RPJMD period
    before(async () => {
      rt = await createTestRuntime(dialect);
      const admin = await signedIn(rt, 'admin');
      const units = (await admin.get('/api/units')).body.items as Array<{ id: string; shortName: string | null }>;
      disdukcapil = units.find((u) => u.shortName === 'Disdukcapil')!.id;
      tenantId = (await sql<{ id: string }>`select tenant_id as id from units where id = ${disdukcapil}`.execute(rt.deps.db)).rows[0]!.id;
      year = (await planRepo.periods(rt.deps.db, tenantId))[0]!.startYear + 1;
    });
    after(() => rt.close());

    test('a unit budget is the sum of its programmes for the year; the pemda budget covers every unit', async () => {
      const extras = sakipExtras(rt.deps);
      const plan = await planForUnit(rt.deps.db, tenantId, disdukcapil, year);
      assert.ok(plan.programs.length >= 3, 'the demo Renstra of Disdukcapil has programmes');
      const pagu = plan.programs.reduce((s, p) => s + (p.budget ?? 0), 0);
      const unit = await extras.budget(tenantId, disdukcapil, year);
      assert.ok(unit && unit.pagu > 0);
      assert.equal(unit.pagu, pagu);
      const pemda = await extras.budget(tenantId, null, year);
      assert.ok(pemda && pemda.pagu > unit.pagu, 'other units have budgets too');
      assert.equal(await extras.budget(tenantId, disdukcapil, year + 40), null, 'no plan covers year + 40');
      const realised = plan.programs.reduce((s, p) => s + (p.realised ?? 0), 0);
      assert.ok(realised > 0 && unit.realised === realised, 'the realised budget of the year is summed too');
      const last = (await planRepo.periods(rt.deps.db, tenantId))[0]!.endYear;
      const noRealisation = await extras.budget(tenantId, disdukcapil, last);
      assert.ok(noRealisation && noRealisation.pagu > 0 && noRealisation.realised === null, 'a year without realisasi anggaran: not 0 %, not recorded');
    });

    test('a PK indicator named like a plan indicator gets its final target at the end of the period', async () => {
      const extras = sakipExtras(rt.deps);
      const period = (await planRepo.periodOfYear(rt.deps.db, tenantId, year))!;
      const planned = (await planRepo.indicators(rt.deps.db, tenantId, period.id)).find((i) => i.finalTarget !== null)!;
      const pkIndicator = { id: 'x1', name: `  ${planned.name.toUpperCase()} ` } as PkIndicatorTable;
      const other = { id: 'x2', name: 'Indikator yang tidak ada di rencana' } as PkIndicatorTable;
      const got = await extras.mediumTermTargets(tenantId, [pkIndicator, other]);
      assert.deepEqual(got.get('x1'), { target: planned.finalTarget, year: period.endYear });
      assert.equal(got.has('x2'), false);
    });

    test('a linked PK indicator gets its plan indicator\'s final target whatever its name; the link beats a same-named other indicator', async () => {
      const extras = sakipExtras(rt.deps);
      const period = (await planRepo.periodOfYear(rt.deps.db, tenantId, year))!;
      const withFinal = (await planRepo.indicators(rt.deps.db, tenantId, period.id)).filter((i) => i.finalTarget !== null);
      const a = withFinal[0]!;
      const b = withFinal.find((i) => i.finalTarget !== a.finalTarget && i.name !== a.name)!;
      assert.ok(b, 'the demo plan has two indicators with different final targets');
      const renamed = { id: 'l1', name: 'Nama yang diketik ulang oleh unit, tidak ada di rencana', planIndicatorId: a.id } as PkIndicatorTable;
      const misleading = { id: 'l2', name: b.name, planIndicatorId: a.id } as PkIndicatorTable;
      const dangling = { id: 'l3', name: b.name, planIndicatorId: 'rencana-yang-sudah-dihapus' } as PkIndicatorTable;
      const got = await extras.mediumTermTargets(tenantId, [renamed, misleading, dangling]);
      assert.deepEqual(got.get('l1'), { target: a.finalTarget, year: period.endYear }, 'linked: the plan indicator\'s final target, not a name match');
      assert.deepEqual(got.get('l2'), { target: a.finalTarget, year: period.endYear }, 'the link beats the plan indicator of the same name');
      assert.deepEqual(got.get('l3'), { target: b.finalTarget, year: period.endYear }, 'a link to a deleted plan indicator falls back to the name');
    });
  });
}
