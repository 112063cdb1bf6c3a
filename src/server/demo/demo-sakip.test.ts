import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestRuntime, signedIn, testDialects, type TestClient, type TestRuntime } from '../testing/harness.ts';
import { annualValue, capaian } from '../rules/sakip/capaian.ts';

/**
 * Issue 11 "Done when": the demo region has this year's PKs for all its top-level unit heads and
 * the Bupati, signed on 2 January, with realisations for the quarters that have ended only —
 * mostly verified, some submitted, one red quarter — readable through GET /api/pk/{id}.
 */
const clockAt = (iso: string) => ({ now: () => new Date(iso) });
const SAKIP = { SERASAN_SEED_DEMO_SAKIP: 'true' };

type Pk = { id: string; year: number; level: string; status: string; signedOn: string; unitId: string | null; firstParty: { positionId: string | null; name: string; nip: string | null; kind: string }; secondParty: { name: string } | null };
type Detail = Pk & { indicators: Array<{ id: string; name: string; unit: string; target: number; quarterTargets: number[]; polarity: 'higher' | 'lower'; aggregation: 'sum' | 'last' | 'average' | 'min' | 'max'; realisations: Array<{ quarter: number; value: number; status: string }>; annual: { value: number | null; capaian: number | null } }> };

for (const dialect of await testDialects()) {
  describe(`demo Perjanjian Kinerja [${dialect}]`, () => {
    let rt: TestRuntime;
    let rb: TestClient;
    let pks: Pk[];
    let details: Detail[];

    before(async () => {
      // 15 August 2027: TW I and TW II have ended, TW III has not.
      rt = await createTestRuntime(dialect, { clock: clockAt('2027-08-15T03:00:00Z'), env: SAKIP });
      rb = await signedIn(rt, 'rb');
      const list = await rb.get('/api/pk?year=2027');
      assert.equal(list.status, 200, list.raw);
      pks = list.body.items;
      details = [];
      for (const pk of pks) {
        const res = await rb.get(`/api/pk/${pk.id}`);
        assert.equal(res.status, 200, res.raw);
        details.push(res.body);
      }
    });
    after(() => rt.close());

    test('a signed PK for the head of every top-level unit and the Bupati statement, parties from the holders', async () => {
      const admin = await signedIn(rt, 'admin');
      const units = ((await admin.get('/api/units')).body.items as Array<{ id: string; parentId: string | null; isActive: boolean; shortName: string | null }>).filter((u) => !u.parentId);
      assert.ok(units.length >= 40, `${units.length} top-level units`);
      assert.deepEqual(pks.filter((p) => p.level === 'jpt_pratama').map((p) => p.unitId).sort(), units.map((u) => u.id).sort(), 'one JPT Pratama PK per top-level unit');
      const bupati = pks.filter((p) => p.level === 'bupati');
      assert.equal(bupati.length, 1);
      assert.equal(bupati[0]!.secondParty, null, 'the statement has no pihak kedua');
      assert.equal(pks.length, units.length + 1);
      for (const p of pks) {
        assert.equal(p.status, 'signed');
        assert.equal(p.signedOn, '2027-01-02');
        if (p.level === 'jpt_pratama') {
          assert.equal(p.secondParty?.name, 'Bupati Muara Enim (demo)');
          assert.match(p.firstParty.name, /\(demo\)$/);
          assert.match(p.firstParty.nip ?? '', /^\d{18}$/);
        }
      }
      // The printed holder is today's holder of the position (holderOf), e.g. the demo kepala of Disdukcapil.
      const dukcapil = units.find((u) => u.shortName === 'Disdukcapil')!;
      assert.equal(pks.find((p) => p.unitId === dukcapil.id)!.firstParty.name, 'Andi Saputra, S.Sos. (demo)');
      const positions = (await admin.get('/api/positions?pageSize=100&sort=title')).body.items as Array<{ id: string; holders: Array<{ personName: string; kind: string }> }>;
      for (const p of pks.filter((x) => x.firstParty.positionId)) {
        const pos = positions.find((x) => x.id === p.firstParty.positionId);
        if (pos) assert.equal(pos.holders[0]?.personName, p.firstParty.name);
      }
      assert.ok(pks.some((p) => p.firstParty.kind === 'plt'), 'an acting head (Plt.) signs too');
      const nips = pks.map((p) => p.firstParty.nip).filter(Boolean);
      assert.equal(new Set(nips).size, nips.length, 'distinct NIPs');
    });

    test('3–5 indicators each, with quarter targets; both polarities and several aggregations', () => {
      for (const d of details) {
        assert.ok(d.indicators.length >= 3 && d.indicators.length <= 5, `${d.firstParty.name}: ${d.indicators.length}`);
        for (const i of d.indicators) assert.equal(i.quarterTargets.length, 4);
      }
      const all = details.flatMap((d) => d.indicators);
      assert.ok(all.some((i) => i.polarity === 'lower') && all.some((i) => i.polarity === 'higher'));
      assert.deepEqual([...new Set(all.map((i) => i.aggregation))].sort(), ['average', 'last', 'sum']);
      assert.ok(all.some((i) => i.name === 'Angka prevalensi stunting' && i.unit === '%' && i.polarity === 'lower'));
      assert.ok(all.some((i) => i.name === 'Persentase penduduk yang memiliki KTP-el'));
    });

    test('realisations only for the ended quarters: mostly verified, some submitted, exactly one red quarter', () => {
      const rs = details.flatMap((d) => d.indicators.flatMap((i) => i.realisations.map((r) => ({ ...r, i }))));
      assert.deepEqual([...new Set(rs.map((r) => r.quarter))].sort(), [1, 2], 'TW III ends on 30 September');
      for (const d of details) for (const i of d.indicators) assert.deepEqual(i.realisations.map((r) => r.quarter), [1, 2], `${i.name}: both ended quarters`);
      const verified = rs.filter((r) => r.status === 'verified').length;
      const submitted = rs.filter((r) => r.status === 'submitted').length;
      assert.equal(verified + submitted, rs.length, 'no drafts');
      assert.ok(submitted > 0 && verified > 2 * submitted, `${verified} verified, ${submitted} submitted`);
      assert.ok(rs.filter((r) => r.quarter === 1).every((r) => r.status === 'verified'), 'earlier quarters are verified');
      const red = rs.filter((r) => {
        const c = capaian({ polarity: r.i.polarity }, r.i.quarterTargets[r.quarter - 1]!, r.value);
        return c.ok && c.value < 70;
      });
      assert.equal(red.length, 1, JSON.stringify(red.map((r) => [r.i.name, r.quarter, r.value])));
      assert.match(red[0]!.i.name, /Kartu Identitas Anak/);
      // Plausible values: a percentage stays within 0–100, counts are whole numbers.
      for (const x of rs.filter((x) => x.i.unit === '%')) assert.ok(x.value >= 0 && x.value <= 100, `${x.i.name} TW ${x.quarter}: ${x.value} %`);
      for (const x of rs.filter((x) => ['inovasi', 'desa', 'anak', 'KK', 'temuan', 'kejadian', 'orang'].includes(x.i.unit))) assert.ok(Number.isInteger(x.value), `${x.i.name}: ${x.value}`);
      assert.equal(red[0]!.status, 'verified');
    });

    test('GET /api/pk/{id}: the annual figure comes from the verified quarters only', async () => {
      const kepala = await signedIn(rt, 'kepala');
      const own = pks.find((p) => p.firstParty.name.startsWith('Andi Saputra'))!;
      const res = await kepala.get(`/api/pk/${own.id}`);
      assert.equal(res.status, 200, res.raw);
      const d = res.body as Detail;
      assert.equal(d.indicators.length, 5);
      for (const i of d.indicators) {
        // Disdukcapil's TW II waits for the verifier: the annual value is TW I alone.
        assert.deepEqual(i.realisations.map((r) => r.status), ['verified', 'submitted']);
        const a = annualValue(i.aggregation, [i.realisations[0]!.value, null, null, null]);
        assert.equal(i.annual.value, a.value, i.name);
        const c = capaian({ polarity: i.polarity }, i.target, a.value);
        assert.equal(i.annual.capaian, c.ok ? c.value : null, i.name);
      }
      // Another unit's head cannot read it (unit scope) — the operator of Disdukcapil reads only his own.
      const operator = await signedIn(rt, 'operator');
      const other = pks.find((p) => p.level === 'jpt_pratama' && p.id !== own.id)!;
      assert.equal((await operator.get(`/api/pk/${other.id}`)).status, 403);
    });
  });

  test(`seeded in February: this year's PKs are signed but no quarter has realisations yet [${dialect}]`, async () => {
    const rt = await createTestRuntime(dialect, { clock: clockAt('2028-02-10T03:00:00Z'), env: SAKIP });
    try {
      const rb = await signedIn(rt, 'rb');
      const items = (await rb.get('/api/pk?year=2028')).body.items as Pk[];
      assert.ok(items.length > 40);
      assert.ok(items.every((p) => p.signedOn === '2028-01-02'));
      const d = (await rb.get(`/api/pk/${items[0]!.id}`)).body as Detail;
      assert.ok(d.indicators.length >= 3);
      assert.equal(Number((await rt.deps.db.selectFrom('pkRealisations').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n), 0);
    } finally {
      await rt.close();
    }
  });

  test(`in a year of the demo plan, the demo PK indicators link to the plan indicators they carry; the region's day sets the year [${dialect}]`, async () => {
    // 31 December 2025, 18:00 UTC: already 1 January 2026 in Muara Enim (WIB).
    const rt = await createTestRuntime(dialect, { clock: clockAt('2025-12-31T18:00:00Z'), env: SAKIP });
    try {
      const rb = await signedIn(rt, 'rb');
      const items = (await rb.get('/api/pk?year=2026')).body.items as Pk[];
      assert.ok(items.length > 40, 'the PKs are of the region’s year');
      const bupati = (await rb.get(`/api/pk/${items.find((p) => p.level === 'bupati')!.id}`)).body;
      const units = (await rb.get('/api/units')).body.items as Array<{ id: string; shortName: string | null }>;
      const dukcapil = (await rb.get(`/api/pk/${items.find((p) => p.unitId === units.find((u) => u.shortName === 'Disdukcapil')!.id)!.id}`)).body;
      const codeOf = (d: { indicators: Array<{ name: string; planIndicator?: { code: string } | null }> }, name: string) => d.indicators.find((i) => i.name === name)?.planIndicator?.code ?? null;
      assert.equal(codeOf(bupati, 'Laju pertumbuhan ekonomi'), 'IKU-01', 'same name');
      assert.equal(codeOf(bupati, 'Angka prevalensi stunting'), 'IKU-03', 'worded otherwise, linked by code');
      assert.equal(codeOf(dukcapil, 'Persentase penduduk yang memiliki KTP-el'), 'DUK-I1');
      assert.equal(codeOf(dukcapil, 'Rata-rata waktu penerbitan dokumen kependudukan'), null, 'no plan indicator: no link');
    } finally {
      await rt.close();
    }
  });

  test(`test runtimes leave the demo PKs out unless asked [${dialect}]`, async () => {
    const rt = await createTestRuntime(dialect);
    try {
      assert.equal(Number((await rt.deps.db.selectFrom('pkAgreements').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n), 0);
    } finally {
      await rt.close();
    }
  });
}

for (const dialect of await testDialects()) {
  test(`SERASAN_SEED_DEMO_SAKIP=holders: no PKs yet, every top-level head has a holder, so the season drafts them all [${dialect}]`, async () => {
    const rt = await createTestRuntime(dialect, { clock: clockAt('2027-01-05T03:00:00Z'), env: { SERASAN_SEED_DEMO_SAKIP: 'holders' } });
    try {
      const rb = await signedIn(rt, 'rb');
      assert.deepEqual((await rb.get('/api/pk?year=2027')).body.items, [], 'no demo PKs');
      const res = await rb.post('/api/pk/generate', { year: 2027, source: 'previous' });
      assert.equal(res.status, 200, res.raw);
      const units = ((await rb.get('/api/units')).body.items as Array<{ parentId: string | null; isActive?: boolean }>).filter((u) => !u.parentId && u.isActive !== false);
      assert.deepEqual(res.body.skipped, [], 'no vacant head left');
      assert.equal(res.body.created, units.length + 1, 'every top-level unit head and the Bupati statement');
    } finally {
      await rt.close();
    }
  });
}
