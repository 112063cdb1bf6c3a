import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestRuntime, signedIn, testDialects, type TestClient, type TestRuntime } from '../../testing/harness.ts';
import { createManualClock } from '../../lib/manual-clock.ts';
import { newId } from '../../lib/ids.ts';

/**
 * The create-survey form suggests the services a unit surveyed before (typing the same name
 * continues its trend). It asks GET /api/skm/services for them, by name, however many surveys the
 * unit has run: a service whose only survey is older than 200 newer ones is still suggested.
 */
for (const dialect of await testDialects()) {
  describe(`SKM service names for the create form [${dialect}]`, () => {
    let rt: TestRuntime;
    let operator: TestClient;
    let dukcapil: string;
    let dinkes: string;

    before(async () => {
      rt = await createTestRuntime(dialect, { clock: createManualClock('2026-11-30T03:00:00.000Z') });
      operator = await signedIn(rt, 'operator'); // Disdukcapil
      const units = (await operator.get('/api/units')).body.items as Array<{ id: string; shortName: string }>;
      dukcapil = units.find((u) => u.shortName === 'Disdukcapil')!.id;
      dinkes = units.find((u) => u.shortName === 'Dinkes')!.id;
      const old = await operator.post('/api/skm/surveys', { unitId: dukcapil, serviceName: 'Legalisir Dokumen Lama', periodStart: '2015-01-01', periodEnd: '2015-03-31' });
      assert.equal(old.status, 201, old.raw);
      const busy = await operator.post('/api/skm/surveys', { unitId: dukcapil, serviceName: 'Akta Kelahiran', periodStart: '2026-01-01', periodEnd: '2026-03-31' });
      assert.equal(busy.status, 201, busy.raw);
      // 205 newer surveys of one service (written directly: the API would take long).
      const tpl = await rt.deps.db.selectFrom('skmSurveys').selectAll().where('id', '=', busy.body.id).executeTakeFirstOrThrow();
      const rows = Array.from({ length: 205 }, (_, i) => {
        const d = new Date(Date.UTC(2016, 0, 1 + i * 14)).toISOString().slice(0, 10);
        return { ...tpl, id: newId(), code: `uji${String(i).padStart(7, '0')}x`, periodStart: d, periodEnd: d };
      });
      for (let i = 0; i < rows.length; i += 50) await rt.deps.db.insertInto('skmSurveys').values(rows.slice(i, i + 50)).execute();
      const admin = await signedIn(rt, 'admin');
      assert.equal((await admin.post('/api/skm/surveys', { unitId: dinkes, serviceName: 'Imunisasi Dasar', periodStart: '2026-01-01', periodEnd: '2026-03-31' })).status, 201);
    });
    after(() => rt.close());

    test('every service of the unit, once each, alphabetical, however many surveys it ran', async () => {
      const res = await operator.get(`/api/skm/services?unitId=${dukcapil}`);
      assert.equal(res.status, 200, res.raw);
      const names = (res.body.items as Array<{ name: string }>).map((s) => s.name);
      assert.ok(names.includes('Legalisir Dokumen Lama'), 'the service behind 200 newer surveys is suggested');
      assert.ok(names.includes('Akta Kelahiran'));
      assert.equal(new Set(names).size, names.length, 'each service once');
      assert.deepEqual(names, [...names].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
      assert.ok(!names.includes('Imunisasi Dasar'), 'another unit’s service is not offered');
    });

    test('q narrows by part of the name (any case), limit caps the answer', async () => {
      const q = await operator.get(`/api/skm/services?unitId=${dukcapil}&q=${encodeURIComponent('dokumen')}`);
      assert.deepEqual(q.body.items.map((s: { name: string }) => s.name), ['Legalisir Dokumen Lama']);
      const pct = await operator.get(`/api/skm/services?unitId=${dukcapil}&q=${encodeURIComponent('%')}`);
      assert.deepEqual(pct.body.items, [], '% is a character, not a wildcard');
      const one = await operator.get(`/api/skm/services?unitId=${dukcapil}&limit=1`);
      assert.equal(one.body.items.length, 1);
      assert.equal(one.body.items[0].name, 'Akta Kelahiran');
    });

    test('a unit is required and bad limits answer 400; an unknown unit has no services', async () => {
      assert.deepEqual((await operator.get('/api/skm/services?unitId=bukan-unit')).body.items, []);
      for (const bad of ['', `unitId=${dukcapil}&limit=0`, `unitId=${dukcapil}&limit=51`, `unitId=${dukcapil}&q=${'x'.repeat(201)}`]) {
        const r = await operator.get(`/api/skm/services?${bad}`);
        assert.equal(r.status, 400, bad);
        assert.ok(r.body.error.message, bad);
      }
    });
  });
}
