import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestRuntime, signedIn, testDialects, TestClient, type TestClient as Client, type TestRuntime } from '../../testing/harness.ts';
import { createManualClock, type ManualClock } from '../../lib/manual-clock.ts';
import { pdfText } from '../../documents/official/pdf-tools.ts';
import { regionToday } from './tenants.region.ts';
import { scanSkmPeriodsEnding } from '../skm/skm.jobs.ts';
import type { ClaimedJob } from '../../jobs/jobs.queue.ts';

/**
 * The region's day, not the UTC day (Muara Enim, 16.03, is WIB = UTC+7): at 2026-12-31T18:00Z it is
 * already 1 January 2027 01.00 WIB. A registration that closes on 31 December is closed, a survey
 * period that ends on 31 December is over, and documents made then are dated 1 January.
 */
const LAST_EVENING_WIB = '2026-12-31T16:59:00.000Z'; // 23.59 WIB, still 31 December
const NEW_YEAR_WIB = '2026-12-31T18:00:00.000Z'; // 01.00 WIB, 1 January 2027; UTC still says 31 December
const all = (v: number) => ({ latar_belakang: v, kebaruan: v, implementasi: v, signifikansi: v, adaptabilitas: v, sumber_daya: v, keberlanjutan: v });

for (const dialect of await testDialects()) {
  describe(`the region's day [${dialect}]`, () => {
    let rt: TestRuntime;
    let clock: ManualClock;
    let admin: Client;
    let inovasi: Client;
    let operator: Client;
    let units: Array<{ id: string; shortName: string }>;

    const proposal = async (title: string) => {
      const inv = await admin.post('/api/innovations', { title, unitId: units.find((u) => u.shortName === 'Disdukcapil')!.id, type: 'pelayanan_publik', stage: 'penerapan', digital: true, initiatedOn: '2021-01-04', appliedOn: '2021-06-01', description: `${title}: inovasi pelayanan publik untuk uji hari wilayah.` });
      assert.equal(inv.status, 201, inv.raw);
      const p = await admin.post('/api/proposals', { innovationId: inv.body.id });
      assert.equal(p.status, 201, p.raw);
      return p.body.id as string;
    };

    const at = async (iso: string) => clock.set(iso);

    before(async () => {
      clock = createManualClock('2026-12-01T03:00:00.000Z');
      // Sessions outlive the month the clock jumps.
      rt = await createTestRuntime(dialect, { clock, env: { SERASAN_SESSION_TTL_HOURS: String(24 * 90) } });
      admin = await signedIn(rt, 'admin');
      inovasi = await signedIn(rt, 'inovasi');
      operator = await signedIn(rt, 'operator');
      units = (await admin.get('/api/units')).body.items;
    });
    after(() => rt.close());

    test('regionToday: the WIB day of the tenant, and a WIT tenant is a further two hours ahead', async () => {
      const platform = await signedIn(rt, 'platform');
      const papua = await platform.post('/api/admin/tenants', { regionCode: '91.03' });
      assert.equal(papua.status, 201, papua.raw);
      const muaraEnim = (await rt.deps.db.selectFrom('tenants').select('id').where('regionCode', '=', '16.03').executeTakeFirstOrThrow()).id;
      await at('2026-12-31T15:30:00.000Z'); // 22.30 WIB, 00.30 WIT
      assert.equal(await regionToday(rt.deps, muaraEnim), '2026-12-31');
      assert.equal(await regionToday(rt.deps, papua.body.id), '2027-01-01');
    });

    test('a registration that closes on 31 December takes entries until 23.59 WIB and is closed at 01.00 WIB on 1 January', async () => {
      await at('2026-12-01T03:00:00.000Z');
      const c = await inovasi.post('/api/competitions', { name: 'Seleksi Akhir Tahun', year: 2026, registrationClose: '2026-12-31', quota: 1 });
      assert.equal(c.status, 201, c.raw);
      const early = await proposal('Akta Malam Hari');
      const late = await proposal('Akta Tahun Baru');
      await at(LAST_EVENING_WIB);
      assert.equal((await inovasi.post(`/api/competitions/${c.body.id}/entries`, { proposalId: early })).status, 204, '31 December 23.59 WIB is still open');
      await at(NEW_YEAR_WIB);
      const closed = await inovasi.post(`/api/competitions/${c.body.id}/entries`, { proposalId: late });
      assert.equal(closed.status, 409, 'it is 1 January in Muara Enim although UTC still says 31 December');
      assert.match(closed.body.error.message, /pendaftaran/i);

      // The decree made that night is dated 1 January 2027, the draft too.
      const draft = pdfText((await inovasi.download(`/api/competitions/${c.body.id}/decree.pdf`)).data).replace(/\s+/g, ' ');
      assert.ok(draft.includes('pada tanggal 1 Januari 2027'), 'draft decree dated in the region’s day');
      const juri = ((await admin.get('/api/users')).body.items as Array<{ id: string; username: string }>).find((u) => u.username === 'juri')!.id;
      assert.equal((await inovasi.post(`/api/competitions/${c.body.id}/judges`, { userId: juri })).status, 204);
      assert.equal((await (await signedIn(rt, 'juri')).put(`/api/competitions/${c.body.id}/scores/${early}`, { scores: all(80) })).status, 200);
      const balitbangda = units.find((u) => u.shortName === 'Balitbangda')!.id;
      const head = ((await admin.get(`/api/positions?unitId=${balitbangda}`)).body.items as Array<{ id: string; isHead: boolean }>).find((p) => p.isHead)!.id;
      const d = await inovasi.post(`/api/competitions/${c.body.id}/decide`, { signerPositionId: head, menimbang: ['bahwa uji hari wilayah;'] });
      assert.equal(d.status, 200, d.raw);
      assert.match(d.body.decisionNumber, /\/2027$/, 'numbered in the register of 2027');
      const text = pdfText((await inovasi.download(`/api/competitions/${c.body.id}/decree.pdf`)).data).replace(/\s+/g, ' ');
      assert.ok(text.includes('pada tanggal 1 Januari 2027'), 'issued decree dated 1 January 2027');
    });

    test('a survey period that ends on 31 December is over at 01.00 WIB, and the SKM report is dated 1 January', async () => {
      await at('2026-12-01T03:00:00.000Z');
      const dukcapil = units.find((u) => u.shortName === 'Disdukcapil')!.id;
      const s = await operator.post('/api/skm/surveys', { unitId: dukcapil, serviceName: 'Akta Kelahiran Malam', periodStart: '2026-10-01', periodEnd: '2026-12-31', population: 100 });
      assert.equal(s.status, 201, s.raw);
      const citizen = new TestClient(rt.app);
      const answers = Object.fromEntries([1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => [`U${i}`, 3]));
      await at(LAST_EVENING_WIB);
      const open = await citizen.get(`/api/public/skm/${s.body.surveyCode}`);
      assert.equal(open.body.closed, false);
      const sent = await citizen.request('POST', `/api/public/skm/${s.body.surveyCode}/responses`, { answers, profile: {}, formToken: open.body.formToken }, { csrf: false });
      assert.equal(sent.status, 201, sent.raw);
      await at(NEW_YEAR_WIB);
      const form = await citizen.get(`/api/public/skm/${s.body.surveyCode}`);
      assert.equal(form.body.closed, true, 'the form says closed on 1 January WIB');
      const late = await citizen.request('POST', `/api/public/skm/${s.body.surveyCode}/responses`, { answers, profile: {}, formToken: open.body.formToken }, { csrf: false });
      assert.equal(late.status, 409, late.raw);

      const report = pdfText((await operator.download(`/api/skm/surveys/${s.body.id}/report.pdf`)).data).replace(/\s+/g, ' ');
      assert.match(report, /, 1 Januari 2027/, 'signed on the region’s day');
    });

    test('a Perjanjian Kinerja drafted at 01.00 WIB on 1 January is dated that day', async () => {
      await at(NEW_YEAR_WIB);
      const rb = await signedIn(rt, 'rb');
      const pk = await rb.post('/api/pk', { year: 2027, headOfRegion: true });
      assert.equal(pk.status, 201, pk.raw);
      const text = pdfText((await rb.download(`/api/pk/${pk.body.id}/export.pdf`)).data).replace(/\s+/g, ' ');
      assert.ok(text.includes('1 Januari 2027'), 'the draft carries the region’s day');
      assert.ok(!text.includes('31 Desember 2026'), 'not the UTC day');
    });
  });

  describe(`the region's year, not the UTC year [${dialect}]`, () => {
    let rt: TestRuntime;
    let clock: ManualClock;
    before(async () => {
      // The demo is seeded at 01.00 WIB on 1 January 2027 (UTC still says 31 December 2026).
      clock = createManualClock(NEW_YEAR_WIB);
      rt = await createTestRuntime(dialect, { clock, env: { SERASAN_SESSION_TTL_HOURS: String(24 * 900) } });
    });
    after(() => rt.close());

    test('the NIP check counts working age in the region’s year: born 2010 is 17 on 1 January 2027 WIB', async () => {
      await at(NEW_YEAR_WIB);
      const admin = await signedIn(rt, 'admin');
      // Born 1 January 2010, TMT January 2027: plausible only once the region is in 2027.
      const res = await admin.post('/api/people', { name: 'Pegawai Tahun Baru (uji)', nip: '20100101 202701 1 001', kind: 'PNS' });
      assert.equal(res.status, 201, res.raw);
      const moved = await admin.patch(`/api/people/${res.body.id}`, { nip: '20100101 202801 1 001' });
      assert.equal(moved.status, 200, `TMT 2028 is at most the region's year + 1: ${moved.raw}`);
    });

    test('the demo SAKIP evaluation is seeded for the region’s year (2027), not the UTC one', async () => {
      const scopes = (await rt.deps.db.selectFrom('assessmentAnswers').select('scope').distinct().where('worksheetKind', '=', 'sakip_pemda').execute()).map((r) => r.scope).sort();
      assert.deepEqual(scopes, ['2026', '2027']);
    });

    test('the innovation score defaults to the rulebook of the region’s year: at 01.00 WIB on 1 January 2026 the 2026 rulebook', async () => {
      // iid-2026 is in force from 1 January 2026; UTC (still 2025) has no rulebook at all.
      await at('2025-12-31T18:00:00.000Z');
      const admin = await signedIn(rt, 'admin');
      const inv = (await admin.get('/api/innovations?pageSize=1')).body.items[0] as { id: string };
      const score = await admin.get(`/api/innovations/${inv.id}/score`);
      assert.equal(score.status, 200, score.raw);
      assert.equal(score.body.rulebookId, 'iid-2026');
      const saved = await admin.put(`/api/innovations/${inv.id}/score`, { answers: {} });
      assert.equal(saved.status, 200, saved.raw);
      assert.equal(saved.body.rulebookId, 'iid-2026');
    });

    async function at(iso: string) {
      clock.set(iso);
    }
  });

  describe(`the period-end reminder counts days in the region's zone [${dialect}]`, () => {
    test('a WIT region is reminded 7 days before its period ends although WIB is still 8 days before', async () => {
      const clock = createManualClock('2026-12-01T03:00:00.000Z');
      const rt = await createTestRuntime(dialect, { clock });
      try {
        const operator = await signedIn(rt, 'operator');
        const dukcapil = (await operator.get('/api/units')).body.items.find((u: { shortName: string }) => u.shortName === 'Disdukcapil').id;
        const s = await operator.post('/api/skm/surveys', { unitId: dukcapil, serviceName: 'Pengingat Zona WIT', periodStart: '2026-10-01', periodEnd: '2026-12-31', population: 100 });
        assert.equal(s.status, 201, s.raw);
        const sent = async () =>
          (await rt.deps.db.selectFrom('notificationOutbox').select('dedupeKey').where('kind', '=', 'skm.periodEnding').execute()).filter((o) => o.dedupeKey?.startsWith(`skm.periodEnding:${s.body.id}:`)).length;
        // 22.30 WIB on 23 December (8 days left there), 00.30 WIT on 24 December (7 days left there).
        clock.set('2026-12-23T15:30:00.000Z');
        await scanSkmPeriodsEnding({} as ClaimedJob, rt.deps);
        assert.equal(await sent(), 0, 'in a WIB region 31 December is 8 days away: no reminder yet');
        // The same region placed in Papua (WIT), as a fresh runtime would read it.
        await rt.deps.db.updateTable('tenants').set({ regionCode: '91.03' }).where('regionCode', '=', '16.03').execute();
        await scanSkmPeriodsEnding({} as ClaimedJob, rt.deps);
        assert.equal(await sent(), 1, 'in a WIT region it is 7 days away: reminded');
      } finally {
        await rt.close();
      }
    });
  });
}
