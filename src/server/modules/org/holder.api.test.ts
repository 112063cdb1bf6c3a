import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestRuntime, signedIn, testDialects, type TestClient, type TestRuntime } from '../../testing/harness.ts';

/**
 * holderOf(position, date): who signs on a given day. Definitif first, else Plt, else Plh; an
 * ended assignment no longer counts; a future-dated one does not count yet.
 */
for (const dialect of await testDialects()) {
  describe(`holderOf [${dialect}]`, () => {
    let rt: TestRuntime;
    let admin: TestClient;
    let positionId: string;
    const people: Record<string, string> = {};

    before(async () => {
      rt = await createTestRuntime(dialect);
      admin = await signedIn(rt, 'admin');
      const units = (await admin.get('/api/units')).body.items as Array<{ id: string; shortName: string }>;
      const dinkes = units.find((u) => u.shortName === 'Dinkes')!.id;
      positionId = (await admin.post('/api/positions', { unitId: dinkes, title: 'Sekretaris Dinas Kesehatan' })).body.id;
      const mk = async (key: string, name: string, nip: string, rank: string) => {
        const r = await admin.post('/api/people', { name, nip, kind: 'PNS', rank, unitId: dinkes });
        assert.equal(r.status, 201, r.raw);
        people[key] = r.body.id;
      };
      await mk('lama', 'Bambang Lama', '197001011995031001', 'Pembina (IV/a)');
      await mk('plt', 'Citra Plt', '198002022005012002', 'Penata Tingkat I (III/d)');
      await mk('plh', 'Dodi Plh', '198503032010011003', 'Penata (III/c)');
      await mk('baru', 'Erna Baru', '197604042000032004', 'Pembina Tingkat I (IV/b)');
      const assign = async (key: string, kind: string, startDate: string, endDate?: string) => {
        const r = await admin.post('/api/assignments', { positionId, personId: people[key], kind, startDate, endDate: endDate ?? null });
        assert.equal(r.status, 201, r.raw);
      };
      await assign('lama', 'definitif', '2020-01-01', '2026-03-31'); // ended
      await assign('plt', 'plt', '2026-04-01', '2026-09-30'); // covering the vacancy
      await assign('plh', 'plh', '2026-05-10', '2026-05-12'); // a few days, while the Plt is away
      await assign('baru', 'definitif', '2026-10-01'); // future-dated at the time of these letters
    });
    after(() => rt.close());

    const holder = async (date: string) => {
      const r = await admin.get(`/api/positions/${positionId}/holder?date=${date}`);
      assert.equal(r.status, 200, r.raw);
      return r.body.holder as { kind: string; name: string; nip: string; rank: string; positionTitle: string; unitName: string } | null;
    };

    test('the definitive holder, with NIP, pangkat, position title and unit', async () => {
      const h = await holder('2025-06-15');
      assert.deepEqual(h && [h.kind, h.name, h.nip, h.rank, h.positionTitle, h.unitName], ['definitif', 'Bambang Lama', '197001011995031001', 'Pembina (IV/a)', 'Sekretaris Dinas Kesehatan', 'Dinas Kesehatan']);
      assert.equal((await holder('2026-03-31'))?.name, 'Bambang Lama', 'the end date still counts');
    });

    test('after the definitive holder ended, the Plt signs (and says so)', async () => {
      const h = await holder('2026-04-01');
      assert.equal(h?.kind, 'plt');
      assert.equal(h?.name, 'Citra Plt');
    });

    test('a Plt outranks an overlapping Plh; a Plh alone is returned as plh', async () => {
      assert.equal((await holder('2026-05-11'))?.kind, 'plt');
      // End the Plt early: the Plh days now have only the Plh.
      const list = (await admin.get(`/api/assignments?positionId=${positionId}`)).body.items as Array<{ id: string; kind: string }>;
      const plt = list.find((a) => a.kind === 'plt')!;
      assert.equal((await admin.post(`/api/assignments/${plt.id}/end`, { endDate: '2026-05-09' })).status, 200);
      const h = await holder('2026-05-11');
      assert.equal(h?.kind, 'plh');
      assert.equal(h?.name, 'Dodi Plh');
    });

    test('a future-dated definitive assignment counts only from its start date; a vacancy answers null', async () => {
      assert.equal(await holder('2026-07-01'), null, 'Plt ended early, new holder not yet started');
      assert.equal((await holder('2026-09-30'))?.name ?? null, null);
      const h = await holder('2026-10-01');
      assert.equal(h?.kind, 'definitif');
      assert.equal(h?.name, 'Erna Baru');
      assert.equal(await holder('2019-12-31'), null);
    });

    test('an unknown position answers 404; a bad date 400', async () => {
      assert.equal((await admin.get('/api/positions/00000000-0000-7000-8000-000000000000/holder?date=2026-01-01')).status, 404);
      assert.equal((await admin.get(`/api/positions/${positionId}/holder?date=2026-13-01`)).status, 400);
    });
  });
}
