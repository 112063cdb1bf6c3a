import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestRuntime, signedIn, testDialects, type TestClient, type TestRuntime } from '../../testing/harness.ts';
import { createManualClock } from '../../lib/manual-clock.ts';
import { quarterDeadline, scanPkReportsDue } from './pk-realisation.jobs.ts';

/**
 * The realisation side of the Perjanjian Kinerja (issue 11 items 3 and 6): rencana aksi details,
 * return with a note, evidence per quarter, audited corrections of verified values, capaian per
 * quarter and per year from VERIFIED values only (RULES §2.5 vectors), the tenant's status bands
 * and display cap, corrective actions of red quarters, and the reminders before each quarter's
 * reporting deadline (manual clock). Refusals are 4xx in Indonesian and change nothing.
 */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

async function counts(rt: TestRuntime) {
  const r = await sql<{ t: string; n: number | string }>`select 'i' as t, count(*) as n from pk_indicators union all select 'r', count(*) from pk_realisations union all select 'c', count(*) from pk_realisation_corrections union all select 's', count(*) from pk_settings union all select 'ca', count(*) from pk_corrective_actions union all select 'log', count(*) from review_log union all select 'audit', count(*) from audit_log`.execute(rt.deps.db);
  return Object.fromEntries(r.rows.map((x) => [x.t, Number(x.n)]));
}
/** Everything the realisation rows hold, to show that a refusal changed no value either. */
async function snapshot(rt: TestRuntime) {
  const rows = await sql`select indicator_id, quarter, value, status, return_note from pk_realisations order by indicator_id, quarter`.execute(rt.deps.db);
  const settings = await sql`select red_below, green_above, display_cap from pk_settings`.execute(rt.deps.db);
  const plans = await sql`select id, q1_target, formula, data_source from pk_indicators order by id`.execute(rt.deps.db);
  return { counts: await counts(rt), rows: rows.rows, settings: settings.rows, plans: plans.rows };
}

for (const dialect of await testDialects()) {
  describe(`PK realisation API [${dialect}]`, () => {
    // A fixed day in TW III of the PK's year (TW IV has not begun): the tests do not depend on the day they run.
    const clock = createManualClock('2026-08-04T01:00:00.000Z');
    let rt: TestRuntime;
    let admin: TestClient;
    let rb: TestClient;
    let operator: TestClient;
    let kepala: TestClient;
    let inspektorat: TestClient;
    let disdukcapilHead: string;
    let pkId: string;
    let otherPk: string;
    let higher: string; // count, higher is better, summed; TW targets 250 each, annual 1000
    let lower: string; // % keluhan, lower is better, last value; TW targets 10
    let rate: string; // %, higher is better, last value; target 70 (RULES §2.5 vector T=70, R=84)

    async function refused(p: Promise<{ status: number; body: any; raw: string }>, status: number, pattern: RegExp) {
      const before = await snapshot(rt);
      const res = await p;
      assert.equal(res.status, status, res.raw);
      assert.match(res.body.error.message, pattern);
      assert.deepEqual(await snapshot(rt), before, 'nothing changed');
      return res;
    }
    const pk = async (c: TestClient = rb) => {
      const res = await c.get(`/api/pk/${pkId}`);
      assert.equal(res.status, 200, res.raw);
      return res.body;
    };
    const ind = async (id: string, c?: TestClient) => (await pk(c)).indicators.find((i: { id: string }) => i.id === id);
    const quarter = async (id: string, q: number, c?: TestClient) => (await ind(id, c)).quarters[q - 1];
    async function verified(id: string, q: number, value: number) {
      assert.equal((await operator.put(`/api/pk/indicators/${id}/realisations/${q}`, { value })).status, 200);
      assert.equal((await kepala.post(`/api/pk/indicators/${id}/realisations/${q}/submit`)).status, 200);
      const v = await inspektorat.post(`/api/pk/indicators/${id}/realisations/${q}/verify`);
      assert.equal(v.status, 200, v.raw);
    }

    before(async () => {
      rt = await createTestRuntime(dialect, { clock });
      admin = await signedIn(rt, 'admin');
      rb = await signedIn(rt, 'rb');
      operator = await signedIn(rt, 'operator');
      kepala = await signedIn(rt, 'kepala');
      inspektorat = await signedIn(rt, 'inspektorat');
      const units = (await admin.get('/api/units')).body.items as Array<{ id: string; shortName: string | null }>;
      const headOf = async (unitId: string) => ((await admin.get(`/api/positions?unitId=${unitId}`)).body.items as Array<{ id: string; isHead: boolean }>).find((p) => p.isHead)!.id;
      disdukcapilHead = await headOf(units.find((u) => u.shortName === 'Disdukcapil')!.id);
      const created = await rb.post('/api/pk', { year: 2026, positionId: disdukcapilHead });
      assert.equal(created.status, 201, created.raw);
      pkId = created.body.id;
      const sasaran = 'Meningkatnya kualitas pelayanan administrasi kependudukan';
      const add = async (body: object) => {
        const res = await operator.post(`/api/pk/${pkId}/indicators`, { sasaran, ...body });
        assert.equal(res.status, 201, res.raw);
        return res.body.id as string;
      };
      higher = await add({ name: 'Jumlah dokumen kependudukan terbit', unit: 'dokumen', polarity: 'higher', aggregation: 'sum', target: 1000, quarterTargets: [250, 250, 250, 250], formula: 'Jumlah KTP-el, KK dan akta yang terbit', dataSource: 'SIAK' });
      lower = await add({ name: 'Persentase keluhan layanan', unit: '%', polarity: 'lower', aggregation: 'last', target: 10, quarterTargets: [10, 10, 10, 10] });
      rate = await add({ name: 'Persentase penduduk ber-KTP-el', unit: '%', polarity: 'higher', aggregation: 'last', target: 70, quarterTargets: [70, 70, 70, 70] });
      const other = await rb.post('/api/pk', { year: 2026, positionId: await headOf(units.find((u) => u.shortName === 'Balitbangda')!.id) });
      otherPk = other.body.id;
      assert.equal((await rb.post(`/api/pk/${otherPk}/indicators`, { sasaran: 'Meningkatnya kualitas kebijakan daerah', name: 'Jumlah rekomendasi kebijakan', unit: 'dokumen', polarity: 'higher', aggregation: 'sum', target: 4, quarterTargets: [1, 1, 1, 1] })).status, 201);
      assert.equal((await rb.post(`/api/pk/${otherPk}/sign`, { signedOn: '2026-01-31' })).status, 200);
    });
    after(() => rt.close());

    test('rencana aksi: formula and data source stored at creation and edited by PUT while the PK is a draft; frozen once signed', async () => {
      let h = await ind(higher);
      assert.deepEqual([h.formula, h.dataSource], ['Jumlah KTP-el, KK dan akta yang terbit', 'SIAK']);
      const res = await operator.put(`/api/pk/indicators/${lower}`, { formula: 'Keluhan ÷ jumlah layanan × 100', dataSource: 'Aplikasi SP4N-LAPOR!', quarterTargets: [12, 11, 10, 10] });
      assert.equal(res.status, 200, res.raw);
      const l = await ind(lower);
      assert.deepEqual([l.formula, l.dataSource, l.quarterTargets], ['Keluhan ÷ jumlah layanan × 100', 'Aplikasi SP4N-LAPOR!', [12, 11, 10, 10]]);
      await refused(operator.put(`/api/pk/indicators/${lower}`, { quarterTargets: [-1, 10, 10, 10] }), 400, /tidak boleh negatif/);
      await refused(operator.put(`/api/pk/indicators/${lower}`, { sasaran: 'x' }), 400, /.+/);
      assert.equal((await operator.put(`/api/pk/indicators/${lower}`, { quarterTargets: [10, 10, 10, 10] })).status, 200);
      assert.equal((await kepala.post(`/api/pk/${pkId}/sign`, { signedOn: '2026-01-31' })).status, 200);
      await refused(operator.put(`/api/pk/indicators/${higher}`, { formula: 'lain' }), 409, /sudah ditandatangani/);
      h = await ind(higher);
      assert.equal(h.formula, 'Jumlah KTP-el, KK dan akta yang terbit');
    });

    test('return with a note: only the verifier returns a submitted value; the unit edits it (note shown) and submits again; review_log keeps the note', async () => {
      assert.equal((await operator.put(`/api/pk/indicators/${higher}/realisations/1`, { value: 150 })).status, 200);
      await refused(inspektorat.post(`/api/pk/indicators/${higher}/realisations/1/return`, { note: 'Lampirkan data SIAK' }), 409, /berstatus "Diisi"/);
      assert.equal((await kepala.post(`/api/pk/indicators/${higher}/realisations/1/submit`)).status, 200);
      await refused(kepala.post(`/api/pk/indicators/${higher}/realisations/1/return`, { note: 'Saya kembalikan sendiri' }), 403, /tidak berwenang/);
      await refused(operator.post(`/api/pk/indicators/${higher}/realisations/1/return`, { note: 'Operator mengembalikan' }), 403, /tidak berwenang/);
      await refused(inspektorat.post(`/api/pk/indicators/${higher}/realisations/1/return`, {}), 400, /Catatan|note|wajib/i);
      const ret = await inspektorat.post(`/api/pk/indicators/${higher}/realisations/1/return`, { note: 'Angka belum sesuai rekap SIAK; periksa kembali.' });
      assert.equal(ret.status, 200, ret.raw);
      assert.equal(ret.body.status, 'returned');
      let q1 = await quarter(higher, 1, operator);
      assert.equal(q1.realisation.status, 'returned');
      assert.equal(q1.realisation.returnNote, 'Angka belum sesuai rekap SIAK; periksa kembali.');
      await refused(inspektorat.post(`/api/pk/indicators/${higher}/realisations/1/verify`), 409, /Dikembalikan/);
      const edit = await operator.put(`/api/pk/indicators/${higher}/realisations/1`, { value: 200, note: 'Rekap SIAK per 31 Maret' });
      assert.equal(edit.status, 200, edit.raw);
      q1 = await quarter(higher, 1);
      assert.deepEqual([q1.realisation.value, q1.realisation.status, q1.capaian], [200, 'returned', null]);
      assert.equal((await kepala.post(`/api/pk/indicators/${higher}/realisations/1/submit`)).status, 200);
      assert.equal((await inspektorat.post(`/api/pk/indicators/${higher}/realisations/1/verify`)).status, 200);
      const log = await sql<{ action: string; note: string | null }>`select action, note from review_log where entity_type = 'pk_realisation' and entity_id = ${`${higher}:1`} order by at, id`.execute(rt.deps.db);
      assert.deepEqual(log.rows.map((r) => r.action).sort(), ['return', 'submit', 'submit', 'verify'].sort());
      assert.equal(log.rows.find((r) => r.action === 'return')?.note, 'Angka belum sesuai rekap SIAK; periksa kembali.');
    });

    test('capaian per quarter against the quarter target and per year, from verified values only (RULES §2.5 vectors, both polarities)', async () => {
      // Higher, summed: TW I 200 verified → 200 ÷ 250 = 80,00 %; TW II 300 only submitted → no capaian.
      assert.equal((await operator.put(`/api/pk/indicators/${higher}/realisations/2`, { value: 300 })).status, 200);
      assert.equal((await kepala.post(`/api/pk/indicators/${higher}/realisations/2/submit`)).status, 200);
      // Lower, last value (T=10): TW I 8 → 120 %, TW II 12 → 80 %, TW III 25 → −50 % floored at 0.
      await verified(lower, 1, 8);
      await verified(lower, 2, 12);
      await verified(lower, 3, 25);
      // Higher, last value, T=70: R=84 → 120 %.
      await verified(rate, 1, 84);
      const d = await pk();
      const h = d.indicators.find((i: { id: string }) => i.id === higher);
      const l = d.indicators.find((i: { id: string }) => i.id === lower);
      const r = d.indicators.find((i: { id: string }) => i.id === rate);
      assert.deepEqual(h.quarters.map((q: any) => [q.quarter, q.target, q.capaian, q.status]), [[1, 250, 80, 'kuning'], [2, 250, null, null], [3, 250, null, null], [4, 250, null, null]], 'the submitted TW II does not count');
      assert.match(h.quarters[0].explanation, /200 ÷ 250 × 100 = 80,00 %/);
      assert.deepEqual([h.annual.value, h.annual.capaian], [200, 20], 'annual: only the verified TW I (200 of 1.000)');
      assert.deepEqual(l.quarters.slice(0, 3).map((q: any) => [q.capaian, q.status]), [[120, 'hijau'], [80, 'kuning'], [0, 'merah']]);
      assert.match(l.quarters[2].explanation, /\(2 × 10 − 25\) ÷ 10 × 100 = -50,00 % → 0,00 %/);
      assert.deepEqual([l.annual.value, l.annual.capaian, l.annual.status], [25, 0, 'merah'], 'last value: TW III 25');
      assert.deepEqual([r.quarters[0].capaian, r.annual.capaian, r.annual.status], [120, 120, 'hijau']);
      assert.equal(typeof r.quarters[0].capaian, 'number');
    });

    test('status bands and display cap per tenant: the admin sets them; the status follows; JSON capaian stays uncapped', async () => {
      assert.deepEqual((await operator.get('/api/pk/settings')).body, { redBelow: 70, greenAbove: 90, displayCap: null });
      await refused(rb.put('/api/pk/settings', { redBelow: 85, greenAbove: 95, displayCap: 110 }), 403, /tidak berwenang/);
      await refused(admin.put('/api/pk/settings', { redBelow: 95, greenAbove: 85, displayCap: null }), 400, /batas hijau tidak boleh lebih kecil/);
      await refused(admin.put('/api/pk/settings', { redBelow: 85, greenAbove: 95, displayCap: 50 }), 400, /.+/);
      const res = await admin.put('/api/pk/settings', { redBelow: 85, greenAbove: 95, displayCap: 110 });
      assert.equal(res.status, 200, res.raw);
      const h1 = await quarter(higher, 1);
      assert.deepEqual([h1.capaian, h1.status], [80, 'merah'], '80 % is merah below 85');
      const r = await ind(rate);
      assert.deepEqual([r.quarters[0].capaian, r.quarters[0].displayCapaian, r.quarters[0].capped], [120, 110, true]);
      assert.deepEqual([r.annual.capaian, r.annual.displayCapaian, r.annual.capped, r.annual.status], [120, 110, true, 'hijau'], 'stored/JSON capaian is never capped');
      const row = await sql<{ n: number | string }>`select count(*) as n from audit_log where entity_type = 'pk_settings'`.execute(rt.deps.db);
      assert.equal(Number(row.rows[0]!.n), 1);
      // Back to the defaults for the tests below.
      assert.equal((await admin.put('/api/pk/settings', { redBelow: 70, greenAbove: 90, displayCap: null })).status, 200);
      assert.deepEqual([(await quarter(higher, 1)).status], ['kuning']);
    });

    test('evidence per realisation: the unit links a file when entering; the verifier sees and opens it', async () => {
      const up = await operator.upload('/api/evidence', { entityType: 'pk_realisation', entityId: `${higher}:2` }, { name: 'rekap-siak-tw2.pdf', data: PDF });
      assert.equal(up.status, 201, up.raw);
      const q2 = await quarter(higher, 2, inspektorat);
      assert.deepEqual(q2.evidence.map((e: { originalName: string }) => e.originalName), ['rekap-siak-tw2.pdf']);
      assert.equal((await inspektorat.download(`/api/evidence/${q2.evidence[0].id}/download`)).status, 200);
      const outsider = await signedIn(rt, 'juri');
      const denied = await outsider.upload('/api/evidence', { entityType: 'pk_realisation', entityId: `${higher}:2` }, { name: 'x.pdf', data: PDF });
      assert.equal(denied.status, 403, denied.raw);
    });

    test('audited correction of a verified value: verifier roles only, not by whoever entered it, with a reason; history in GET; the capaian uses it', async () => {
      const url = `/api/pk/indicators/${higher}/realisations/1/corrections`;
      await refused(operator.post(url, { value: 240, reason: 'Rekap SIAK final' }), 403, /tidak berwenang/);
      await refused(kepala.post(url, { value: 240, reason: 'Rekap SIAK final' }), 403, /tidak berwenang/);
      await refused(rb.post(url, { value: 240 }), 400, /.+/);
      await refused(rb.post(url, { value: 240, reason: '' }), 400, /.+/);
      await refused(rb.post(url, { value: -3, reason: 'Salah ketik pada rekap' }), 400, /tidak boleh negatif untuk satuan dokumen/);
      await refused(rb.post(`/api/pk/indicators/${higher}/realisations/2/corrections`, { value: 1, reason: 'Belum diverifikasi' }), 409, /hanya untuk realisasi yang sudah diverifikasi/);
      // A verifier who entered the value may not correct it.
      assert.equal((await admin.put(`/api/pk/indicators/${rate}/realisations/2`, { value: 60 })).status, 200);
      assert.equal((await kepala.post(`/api/pk/indicators/${rate}/realisations/2/submit`)).status, 200);
      assert.equal((await inspektorat.post(`/api/pk/indicators/${rate}/realisations/2/verify`)).status, 200);
      await refused(admin.post(`/api/pk/indicators/${rate}/realisations/2/corrections`, { value: 65, reason: 'Data susulan' }), 403, /tidak boleh dikoreksi oleh pengguna yang mengisinya/);

      const res = await rb.post(url, { value: 240, reason: 'Rekap SIAK final per 5 April' });
      assert.equal(res.status, 201, res.raw);
      assert.deepEqual([res.body.value, res.body.status, res.body.correction.before, res.body.correction.after], [240, 'verified', 200, 240]);
      const q1 = await quarter(higher, 1, kepala);
      assert.deepEqual([q1.realisation.value, q1.capaian], [240, 96], '240 ÷ 250 = 96,00 %');
      assert.equal(q1.corrections.length, 1);
      assert.deepEqual({ before: q1.corrections[0].before, after: q1.corrections[0].after, reason: q1.corrections[0].reason }, { before: 200, after: 240, reason: 'Rekap SIAK final per 5 April' });
      assert.ok(q1.corrections[0].by && q1.corrections[0].at);
      assert.equal((await ind(higher)).annual.value, 240);
      const audit = await sql<{ n: number | string }>`select count(*) as n from audit_log where entity_type = 'pk_realisation' and entity_id = ${`${higher}:1`} and action = 'correct'`.execute(rt.deps.db);
      assert.equal(Number(audit.rows[0]!.n), 1);
      await refused(operator.put(`/api/pk/indicators/${higher}/realisations/1`, { value: 1 }), 409, /sudah diverifikasi; perubahan hanya melalui koreksi/);
    });

    test('a red quarter asks for a corrective action; open → done with evidence; the next quarter shows the follow-up; the tenant list filters', async () => {
      let q3 = await quarter(lower, 3);
      assert.deepEqual([q3.status, q3.correctiveAction.state], ['merah', 'missing']);
      // The page shows only the steps the reader may take now.
      assert.deepEqual((await quarter(lower, 3, operator)).allowedActions, ['correctiveAction']);
      assert.deepEqual((await quarter(lower, 3, rb)).allowedActions, ['correct']);
      assert.deepEqual((await quarter(higher, 2, inspektorat)).allowedActions.sort(), ['return', 'verify']);
      assert.deepEqual((await quarter(higher, 3, operator)).allowedActions, ['enter']);
      assert.deepEqual((await quarter(higher, 3, inspektorat)).allowedActions, []);
      // TW IV begins on 1 October: nothing to enter yet.
      const q4h = await quarter(higher, 4, operator);
      assert.deepEqual([q4h.allowedActions, q4h.begun, q4h.startsOn], [[], false, '2026-10-01']);
      assert.equal((await quarter(lower, 1)).correctiveAction.state, 'not_required');
      const body = { kendala: 'Antrean layanan KTP-el menumpuk karena blangko terbatas', solusi: 'Jadwal layanan keliling dan penambahan loket', rencana: 'Layanan jemput bola di 5 kecamatan', picPositionId: disdukcapilHead, deadline: '2026-11-30' };
      await refused(operator.post(`/api/pk/indicators/${lower}/quarters/1/corrective-action`, body), 409, /hanya diminta untuk triwulan yang capaian terverifikasinya berstatus merah/);
      await refused(operator.post(`/api/pk/indicators/${higher}/quarters/2/corrective-action`, body), 409, /berstatus merah/);
      await refused(operator.post(`/api/pk/indicators/${lower}/quarters/3/corrective-action`, { ...body, kendala: '' }), 400, /.+/);
      await refused(inspektorat.post(`/api/pk/indicators/${lower}/quarters/3/corrective-action`, body), 403, /tidak berwenang/);
      const res = await operator.post(`/api/pk/indicators/${lower}/quarters/3/corrective-action`, body);
      assert.equal(res.status, 201, res.raw);
      assert.equal(res.body.status, 'open');
      await refused(operator.post(`/api/pk/indicators/${lower}/quarters/3/corrective-action`, body), 409, /sudah ada/);
      q3 = await quarter(lower, 3);
      assert.equal(q3.correctiveAction.state, 'open');
      assert.equal(q3.correctiveAction.action.picTitle !== null, true);
      const q4 = await quarter(lower, 4);
      assert.equal(q4.previousFollowUp.rencana, 'Layanan jemput bola di 5 kecamatan');

      let open = (await rb.get('/api/pk/corrective-actions?status=open&year=2026')).body.items;
      assert.deepEqual(open.map((a: { id: string }) => a.id), [res.body.id]);
      assert.equal(open[0].indicatorName, 'Persentase keluhan layanan');
      assert.deepEqual((await rb.get('/api/pk/corrective-actions?year=2025')).body.items, []);
      assert.equal((await operator.get('/api/pk/corrective-actions')).body.items.length, 1, 'the unit sees its own');

      // Tracked until done: past its deadline an open action is listed as overdue.
      assert.deepEqual((await rb.get('/api/pk/corrective-actions?overdue=true')).body.items, []);
      clock.set('2026-12-01T01:00:00.000Z');
      const rbLater = await signedIn(rt, 'rb');
      assert.deepEqual((await rbLater.get('/api/pk/corrective-actions?overdue=true')).body.items.map((a: { id: string }) => a.id), [res.body.id]);
      clock.set('2026-08-04T02:00:00.000Z');

      await refused(operator.post(`/api/pk/corrective-actions/${res.body.id}/done`, { result: 'Layanan keliling berjalan' }), 409, /Lampirkan bukti pelaksanaan/);
      const up = await operator.upload('/api/evidence', { entityType: 'pk_corrective_action', entityId: res.body.id }, { name: 'foto-layanan-keliling.pdf', data: PDF });
      assert.equal(up.status, 201, up.raw);
      const done = await operator.post(`/api/pk/corrective-actions/${res.body.id}/done`, { result: 'Layanan keliling di 5 kecamatan terlaksana' });
      assert.equal(done.status, 200, done.raw);
      assert.equal(done.body.status, 'done');
      await refused(operator.post(`/api/pk/corrective-actions/${res.body.id}/done`, { result: 'lagi' }), 409, /sudah selesai/);
      q3 = await quarter(lower, 3);
      assert.equal(q3.correctiveAction.state, 'done');
      assert.deepEqual(q3.correctiveAction.action.evidence.map((e: { originalName: string }) => e.originalName), ['foto-layanan-keliling.pdf']);
      open = (await rb.get('/api/pk/corrective-actions?status=open')).body.items;
      assert.deepEqual(open, []);
      assert.equal((await rb.get('/api/pk/corrective-actions?status=done')).body.items.length, 1);
    });

    test('reminders before the quarter deadline (manual clock): units of signed PKs with unreported indicators, once per PK and quarter', async () => {
      assert.equal(quarterDeadline(2026, 1, 10), '2026-04-10');
      assert.equal(quarterDeadline(2026, 4, 10), '2027-01-10');
      // Disdukcapil has TW II submitted or verified for every indicator (above); Balitbangda reported nothing.
      const outbox = async () => (await sql<{ link: string; dedupe_key: string; message: string }>`select link, dedupe_key, message from notification_outbox where kind = 'pk.reportDue' order by dedupe_key`.execute(rt.deps.db)).rows;
      // 4 July (WIB): TW II is due 10 July, the reminder starts 5 days before → nothing yet.
      clock.set('2026-07-04T01:00:00Z');
      assert.equal(await scanPkReportsDue(null, rt.deps), 0);
      assert.deepEqual(await outbox(), []);
      clock.set('2026-07-05T01:00:00Z');
      assert.equal(await scanPkReportsDue(null, rt.deps), 1);
      const rows = await outbox();
      assert.deepEqual(rows.map((r) => r.link), [`/sakip/pk/${otherPk}/realisasi`], 'Disdukcapil submitted TW II for every indicator (TW II of the higher indicator is submitted, the others verified)');
      const msg = JSON.parse(rows[0]!.message);
      assert.deepEqual([msg.key, msg.params.quarter, msg.params.missing, msg.params.days], ['pk.reportDue', 'II', 1, 5]);
      clock.set('2026-07-08T01:00:00Z');
      assert.equal(await scanPkReportsDue(null, rt.deps), 0, 'deduplicated per PK and quarter');
      // TW III (due 10 October): Disdukcapil has not reported it → both units reminded.
      clock.set('2026-10-06T01:00:00Z');
      assert.equal(await scanPkReportsDue(null, rt.deps), 2);
      clock.set('2026-10-11T01:00:00Z');
      assert.equal(await scanPkReportsDue(null, rt.deps), 0, 'after the deadline: no more reminders');
      // The deadline is configuration (config.ts): TW IV due 10 January by default, 20 January with 20 days.
      clock.set('2027-01-16T01:00:00Z');
      assert.equal(await scanPkReportsDue(null, rt.deps), 0, 'default: TW IV reminders run 5–10 January');
      assert.equal(await scanPkReportsDue(null, { ...rt.deps, config: { ...rt.deps.config, pkReportDueDays: 20 } }), 2, 'due 20 January: reminded from the 15th');
    });
  });
}

/**
 * Issue 11 item 3: a realisation is entered only for a quarter that has begun on the REGION's day
 * (Muara Enim: WIB), never for TW III in February; every quarter of a past year is open. The page
 * reads `begun`/`startsOn` per quarter and offers no entry before it.
 */
for (const dialect of await testDialects()) {
  describe(`PK realisation: a quarter not begun [${dialect}]`, () => {
    const clock = createManualClock('2027-02-10T03:00:00.000Z'); // 10 February 2027, 10.00 WIB
    let rt: TestRuntime;
    const ids: Record<number, { pk: string; indicator: string }> = {};
    const as = (u: string, headers?: Record<string, string>) => signedIn(rt, u, headers);

    before(async () => {
      rt = await createTestRuntime(dialect, { clock });
      const [rb, kepala] = [await as('rb'), await as('kepala')];
      const unit = ((await rb.get('/api/units')).body.items as Array<{ id: string; shortName: string | null }>).find((u) => u.shortName === 'Disdukcapil')!.id;
      const head = ((await rb.get(`/api/positions?unitId=${unit}`)).body.items as Array<{ id: string; isHead: boolean }>).find((p) => p.isHead)!.id;
      for (const year of [2026, 2027]) {
        const pk = await rb.post('/api/pk', { year, positionId: head });
        assert.equal(pk.status, 201, pk.raw);
        const ind = await rb.post(`/api/pk/${pk.body.id}/indicators`, { sasaran: 'Meningkatnya kualitas pelayanan administrasi kependudukan', name: 'Jumlah dokumen kependudukan terbit', unit: 'dokumen', polarity: 'higher', aggregation: 'sum', target: 1000, quarterTargets: [250, 250, 250, 250] });
        assert.equal(ind.status, 201, ind.raw);
        assert.equal((await kepala.post(`/api/pk/${pk.body.id}/sign`, { signedOn: `${year}-01-31` })).status, 200);
        ids[year] = { pk: pk.body.id, indicator: ind.body.id };
      }
    });
    after(() => rt.close());

    const rows = async () => (await sql`select indicator_id, quarter, value, status from pk_realisations order by indicator_id, quarter`.execute(rt.deps.db)).rows;
    const audits = async () => Number((await sql<{ n: number | string }>`select count(*) as n from audit_log where entity_type = 'pk_realisation'`.execute(rt.deps.db)).rows[0]!.n);
    async function refusedNotBegun(p: Promise<{ status: number; body: any; raw: string }>, pattern: RegExp) {
      const [before, auditBefore] = [await rows(), await audits()];
      const res = await p;
      assert.equal(res.status, 409, res.raw);
      assert.match(res.body.error.message, pattern);
      assert.deepEqual([await rows(), await audits()], [before, auditBefore], 'nothing changed');
    }
    const put = (c: TestClient, year: number, q: number, value = 250) => c.put(`/api/pk/indicators/${ids[year]!.indicator}/realisations/${q}`, { value });
    const quarters = async (c: TestClient, year: number) => (await c.get(`/api/pk/${ids[year]!.pk}`)).body.indicators[0].quarters as Array<{ quarter: number; begun: boolean; startsOn: string; allowedActions: string[] }>;

    test('10 February (WIB): TW II is refused with 409 and the day it begins, TW I accepted; no submit either; the page offers no entry for TW II–IV', async () => {
      const operator = await as('operator');
      await refusedNotBegun(put(operator, 2027, 2), /^Triwulan II belum dimulai \(mulai 1 April 2027\); realisasinya baru dapat diisi sejak tanggal itu\.$/);
      const en = await as('operator', { 'accept-language': 'en' });
      await refusedNotBegun(put(en, 2027, 4), /^Quarter IV has not begun yet \(it starts on 1 October 2027\)/);
      const ok = await put(operator, 2027, 1, 240);
      assert.equal(ok.status, 200, ok.raw);
      // Submit or verify of a quarter not begun cannot happen: there is no value, and submit names the reason.
      await refusedNotBegun((await as('kepala')).post(`/api/pk/indicators/${ids[2027]!.indicator}/realisations/2/submit`), /Triwulan II belum dimulai/);
      await refusedNotBegun((await as('inspektorat')).post(`/api/pk/indicators/${ids[2027]!.indicator}/realisations/2/verify`), /Belum ada realisasi untuk triwulan 2/);
      const q = await quarters(operator, 2027);
      assert.deepEqual(q.map((x) => [x.begun, x.startsOn]), [[true, '2027-01-01'], [false, '2027-04-01'], [false, '2027-07-01'], [false, '2027-10-01']]);
      assert.ok(q[0]!.allowedActions.includes('enter'));
      assert.deepEqual(q.slice(1).map((x) => x.allowedActions), [[], [], []]);
    });

    test('a PK of a past year is open in all four quarters', async () => {
      const operator = await as('operator');
      for (const q of [1, 2, 3, 4]) {
        const res = await put(operator, 2026, q, 200 + q);
        assert.equal(res.status, 200, res.raw);
      }
      assert.deepEqual((await quarters(operator, 2026)).map((x) => x.begun), [true, true, true, true]);
    });

    test("the region's day, not UTC: 30 June 23.59 WIB refuses TW III; 30 June 18.00 UTC (1 July 01.00 WIB) accepts it; TW IV still waits", async () => {
      clock.set('2027-06-30T16:59:00.000Z');
      let operator = await as('operator');
      await refusedNotBegun(put(operator, 2027, 3), /Triwulan III belum dimulai \(mulai 1 Juli 2027\)/);
      clock.set('2027-06-30T18:00:00.000Z');
      operator = await as('operator');
      const res = await put(operator, 2027, 3);
      assert.equal(res.status, 200, res.raw);
      await refusedNotBegun(put(operator, 2027, 4), /Triwulan IV belum dimulai \(mulai 1 Oktober 2027\)/);
      assert.deepEqual((await quarters(operator, 2027)).map((x) => x.begun), [true, true, true, false]);
    });
  });
}
