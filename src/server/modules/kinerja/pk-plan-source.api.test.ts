import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestRuntime, signedIn, testDialects } from '../../testing/harness.ts';
import { planForUnit } from './plan.service.ts';
import { planRepo } from './plan.repo.ts';

/**
 * Signing season from the plan (issue 11 item 2: "generate the year's draft PKs … from last year's
 * PK or the plan"): each head's draft PK starts with its unit's Renstra indicators and the year's
 * targets, the Bupati's with the RPJMD's pemda indicators.
 */
for (const dialect of await testDialects()) {
  describe(`PK generate from the plan [${dialect}]`, () => {
    test('Disdukcapil gets its Renstra indicators with this year’s targets; the Bupati the pemda indicators', async () => {
      const rt = await createTestRuntime(dialect, { env: { SERASAN_SEED_DEMO_SAKIP: 'holders' } });
      try {
        const rb = await signedIn(rt, 'rb');
        const units = (await rb.get('/api/units')).body.items as Array<{ id: string; shortName: string | null }>;
        const disdukcapil = units.find((u) => u.shortName === 'Disdukcapil')!.id;
        const tenantId = (await sql<{ id: string }>`select tenant_id as id from units where id = ${disdukcapil}`.execute(rt.deps.db)).rows[0]!.id;
        const period = (await planRepo.periods(rt.deps.db, tenantId))[0]!;
        const year = period.startYear + 1;
        const res = await rb.post('/api/pk/generate', { year, source: 'plan' });
        assert.equal(res.status, 200, res.raw);

        const pks = (await rb.get(`/api/pk?year=${year}`)).body.items as Array<{ id: string; unitId: string | null; level: string }>;
        const detail = async (id: string) => (await rb.get(`/api/pk/${id}`)).body as { indicators: Array<{ name: string; unit: string; target: number; polarity: string; aggregation: string; quarterTargets: number[]; sasaran: string; planIndicatorId: string | null; planIndicator: { code: string; name: string } | null }> };

        const expected = (await planForUnit(rt.deps.db, tenantId, disdukcapil, year)).sasaran.flatMap((s) => s.indicators.filter((i) => i.target).map((i) => [s.name, i.name, i.satuan, i.polarity, i.target]));
        assert.ok(expected.length >= 2, 'the demo Renstra of Disdukcapil has indicators with targets');
        const dukcapil = await detail(pks.find((p) => p.unitId === disdukcapil)!.id);
        assert.deepEqual(dukcapil.indicators.map((i) => [i.sasaran, i.name, i.unit, i.polarity, i.target]), expected);
        assert.deepEqual(dukcapil.indicators[0]!.quarterTargets, Array(4).fill(dukcapil.indicators[0]!.target), 'TW targets start at the annual target');

        const pemda = (await planForUnit(rt.deps.db, tenantId, null, year)).sasaran.flatMap((s) => s.indicators.filter((i) => i.target).map((i) => i.name));
        const bupati = await detail(pks.find((p) => p.level === 'bupati')!.id);
        assert.deepEqual(bupati.indicators.map((i) => i.name), pemda);
        assert.ok(pemda.length >= 5, 'the RPJMD indicators (growth, poverty, stunting, IPM, innovation, …)');

        // Each indicator is linked to the plan indicator it was drawn from.
        const planned = (await planForUnit(rt.deps.db, tenantId, disdukcapil, year)).sasaran.flatMap((s) => s.indicators.filter((i) => i.target).map((i) => [i.id, i.code, i.name]));
        assert.deepEqual(dukcapil.indicators.map((i) => [i.planIndicatorId, i.planIndicator?.code, i.planIndicator?.name]), planned, 'generation from the plan sets the link');
        const pemdaIds = (await planForUnit(rt.deps.db, tenantId, null, year)).sasaran.flatMap((s) => s.indicators.filter((i) => i.target).map((i) => i.id));
        assert.deepEqual(bupati.indicators.map((i) => i.planIndicatorId), pemdaIds, 'the Bupati\'s to the RPJMD indicators');

        // A plan indicator a PK carries is not deleted from under it (409, nothing written).
        const linkedId = planned[0]![0] as string;
        const del = await rb.del(`/api/sakip/plan/indicators/${linkedId}`);
        assert.equal(del.status, 409, del.raw);
        assert.match(del.body.error.message, /dipakai oleh indikator Perjanjian Kinerja/);
        assert.ok(await rt.deps.db.selectFrom('planIndicators').select('id').where('id', '=', linkedId).executeTakeFirst(), 'still there');

        // A revised PK (perubahan) keeps the links.
        const dukPk = pks.find((p) => p.unitId === disdukcapil)!.id;
        const signed = await rb.post(`/api/pk/${dukPk}/sign`, { signedOn: new Date().toISOString().slice(0, 10) });
        assert.equal(signed.status, 200, signed.raw);
        const revised = await rb.post(`/api/pk/${dukPk}/revise`, { reason: 'Perubahan anggaran' });
        assert.equal(revised.status, 201, revised.raw);
        assert.deepEqual((await detail(revised.body.id)).indicators.map((i) => i.planIndicatorId), planned.map((p) => p[0]), 'the revision copies the links');

        // Last year's PK as the source: links kept while the plan period covers the new year, dropped after it.
        const next = await rb.post('/api/pk/generate', { year: year + 1, source: 'previous' });
        assert.equal(next.status, 200, next.raw);
        const dukOf = async (y: number) => detail(((await rb.get(`/api/pk?year=${y}`)).body.items as Array<{ id: string; unitId: string | null }>).find((p) => p.unitId === disdukcapil)!.id);
        assert.ok(year + 1 <= period.endYear, 'the next year is still in the demo period');
        assert.deepEqual((await dukOf(year + 1)).indicators.map((i) => i.planIndicatorId), planned.map((p) => p[0]), 'copied from last year with the links');
        for (let y = year + 2; y <= period.endYear + 1; y++) assert.equal((await rb.post('/api/pk/generate', { year: y, source: 'previous' })).status, 200);
        const after = await dukOf(period.endYear + 1);
        assert.equal(after.indicators.length, planned.length, 'the indicators are copied into the new period');
        assert.deepEqual(after.indicators.map((i) => i.planIndicatorId), planned.map(() => null), 'but not the links to the old period\'s plan');
      } finally {
        await rt.close();
      }
    });
  });
}
