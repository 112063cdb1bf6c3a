import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestRuntime, signedIn, testDialects, TestClient, type TestRuntime } from '../../testing/harness.ts';
import { pdfText } from '../../documents/official/pdf-tools.ts';
import { clockStartingAt } from '../../lib/clock.ts';

/**
 * Perjanjian Kinerja API contract (issue 11): PK per position and year with its level and parties
 * from the organisation, signing, indicators, quarterly realisations entered → submitted →
 * verified, the annual capaian from VERIFIED quarters only, the PDF, and the refusals (4xx in
 * Indonesian, nothing changed).
 */
async function counts(rt: TestRuntime) {
  const r = await sql<{ t: string; n: number | string }>`select 'a' as t, count(*) as n from pk_agreements union all select 'i', count(*) from pk_indicators union all select 'r', count(*) from pk_realisations union all select 'audit', count(*) from audit_log`.execute(rt.deps.db);
  return Object.fromEntries(r.rows.map((x) => [x.t, Number(x.n)]));
}

for (const dialect of await testDialects()) {
  describe(`Perjanjian Kinerja API [${dialect}]`, () => {
    let rt: TestRuntime;
    let admin: TestClient;
    let rb: TestClient;
    let operator: TestClient;
    let kepala: TestClient;
    let inspektorat: TestClient;
    let disdukcapil: string;
    let disdukcapilHead: string;
    let otherHead: string;
    let pkId: string;
    let otherPkId: string; // Balitbangda's PK of 2026, stays a draft
    let higher: string; // a count, higher is better, summed over the year
    let lower: string; // a rate, lower is better, last value

    /** A 4xx with an Indonesian message that leaves the PK tables and the audit log unchanged. */
    async function refused(p: Promise<{ status: number; body: any; raw: string }>, status: number, pattern: RegExp, before: Record<string, number>) {
      const res = await p;
      assert.equal(res.status, status, res.raw);
      assert.match(res.body.error.message, pattern);
      assert.deepEqual(await counts(rt), before, 'nothing changed');
      return res;
    }

    before(async () => {
      // Late December of the PKs' year (a running clock): every quarter of 2026 has begun, whatever the day the tests run.
      rt = await createTestRuntime(dialect, { clock: clockStartingAt('2026-12-20T03:00:00Z') });
      admin = await signedIn(rt, 'admin');
      rb = await signedIn(rt, 'rb');
      operator = await signedIn(rt, 'operator');
      kepala = await signedIn(rt, 'kepala');
      inspektorat = await signedIn(rt, 'inspektorat');
      const units = (await admin.get('/api/units')).body.items as Array<{ id: string; shortName: string | null; parentId: string | null }>;
      disdukcapil = units.find((u) => u.shortName === 'Disdukcapil')!.id;
      const headOf = async (unitId: string) => ((await admin.get(`/api/positions?unitId=${unitId}`)).body.items as Array<{ id: string; isHead: boolean }>).find((p) => p.isHead)!.id;
      disdukcapilHead = await headOf(disdukcapil);
      otherHead = await headOf(units.find((u) => u.shortName === 'Balitbangda')!.id);
    });
    after(() => rt.close());

    test('POST /api/pk: the head of an OPD gets a JPT Pratama PK with the Bupati as PIHAK KEDUA; names and NIP from the holder', async () => {
      const res = await rb.post('/api/pk', { year: 2026, positionId: disdukcapilHead });
      assert.equal(res.status, 201, res.raw);
      assert.equal(res.body.level, 'jpt_pratama');
      assert.equal(res.body.status, 'draft');
      assert.deepEqual({ positionId: res.body.firstParty.positionId, name: res.body.firstParty.name, nip: res.body.firstParty.nip }, { positionId: disdukcapilHead, name: 'Andi Saputra, S.Sos. (demo)', nip: '197805122003121002' });
      assert.equal(res.body.secondParty.name, 'Bupati Muara Enim (demo)');
      assert.equal(res.body.secondParty.nip, null, 'the elected head of region has no NIP');
      pkId = res.body.id;
    });

    test('a sub-unit head is an administrator with the kepala dinas above; a vacant position is a 400 that says so', async () => {
      const bidang = await admin.post('/api/units', { name: 'Bidang Pelayanan Pendaftaran Penduduk', type: 'bidang', parentId: disdukcapil });
      assert.equal(bidang.status, 201, bidang.raw);
      const kabid = await admin.post('/api/positions', { unitId: bidang.body.id, title: 'Kepala Bidang Pelayanan Pendaftaran Penduduk', isHead: true });
      assert.equal(kabid.status, 201, kabid.raw);
      const before = await counts(rt);
      await refused(rb.post('/api/pk', { year: 2026, positionId: kabid.body.id }), 400, /tidak memiliki pemangku .*tanggal penandatanganan/, before);
      const person = await admin.post('/api/people', { name: 'Sari Dewi, S.E. (uji)', nip: '198001012005012003', kind: 'PNS', rank: 'Penata Tingkat I (III/d)', unitId: bidang.body.id });
      assert.equal(person.status, 201, person.raw);
      const a = await admin.post('/api/assignments', { positionId: kabid.body.id, personId: person.body.id, kind: 'plt', startDate: '2026-01-02' });
      assert.equal(a.status, 201, a.raw);
      const res = await rb.post('/api/pk', { year: 2026, positionId: kabid.body.id });
      assert.equal(res.status, 201, res.raw);
      assert.equal(res.body.level, 'administrator');
      assert.equal(res.body.firstParty.name, 'Sari Dewi, S.E. (uji)');
      assert.equal(res.body.firstParty.kind, 'plt');
      assert.deepEqual({ positionId: res.body.secondParty.positionId, name: res.body.secondParty.name }, { positionId: disdukcapilHead, name: 'Andi Saputra, S.Sos. (demo)' });

      // One level down: a seksi under the bidang is pengawas, with the (Plt.) kepala bidang as PIHAK KEDUA.
      const seksi = await admin.post('/api/units', { name: 'Seksi Identitas Penduduk', type: 'other', parentId: bidang.body.id });
      const kasi = await admin.post('/api/positions', { unitId: seksi.body.id, title: 'Kepala Seksi Identitas Penduduk', isHead: true });
      const p2 = await admin.post('/api/people', { name: 'Budi Santoso (uji)', nip: '198502022010011004', kind: 'PNS', rank: 'Penata (III/c)', unitId: seksi.body.id });
      assert.equal((await admin.post('/api/assignments', { positionId: kasi.body.id, personId: p2.body.id, kind: 'definitif', startDate: '2026-01-02' })).status, 201);
      const pengawas = await operator.post('/api/pk', { year: 2026, positionId: kasi.body.id });
      assert.equal(pengawas.status, 201, pengawas.raw);
      assert.equal(pengawas.body.level, 'pengawas');
      assert.deepEqual({ positionId: pengawas.body.secondParty.positionId, name: pengawas.body.secondParty.name, kind: pengawas.body.secondParty.kind }, { positionId: kabid.body.id, name: 'Sari Dewi, S.E. (uji)', kind: 'plt' });
    });

    test('one PK per position and year: a second one is a 409, nothing changed; GET /api/pk lists the year by scope', async () => {
      const before = await counts(rt);
      await refused(rb.post('/api/pk', { year: 2026, positionId: disdukcapilHead }), 409, /sudah ada/, before);
      const other = await rb.post('/api/pk', { year: 2026, positionId: otherHead });
      assert.equal(other.status, 201, other.raw);
      otherPkId = other.body.id;
      const all = (await rb.get('/api/pk?year=2026')).body.items as Array<{ id: string; level: string }>;
      assert.ok(all.some((x) => x.id === pkId) && all.some((x) => x.id === other.body.id), 'the Tim RB sees every PK of the year');
      assert.deepEqual((await rb.get('/api/pk?year=2025')).body.items, []);
      const own = (await operator.get('/api/pk?year=2026')).body.items as Array<{ id: string; level: string }>;
      assert.ok(own.some((x) => x.id === pkId), 'the operator sees the PK of Disdukcapil');
      assert.ok(!own.some((x) => x.id === other.body.id), 'but not another OPD\'s');
      assert.equal((await operator.get(`/api/pk/${other.body.id}`)).status, 403);
    });

    test('the head of region: a PK Bupati statement without a second party', async () => {
      const res = await rb.post('/api/pk', { year: 2026, headOfRegion: true });
      assert.equal(res.status, 201, res.raw);
      assert.equal(res.body.level, 'bupati');
      assert.equal(res.body.secondParty, null);
      assert.equal(res.body.firstParty.name, 'Bupati Muara Enim (demo)');
      const text = pdfText((await rb.download(`/api/pk/${res.body.id}/export.pdf`)).data).replace(/\s+/g, ' ');
      assert.ok(text.includes('PERJANJIAN KINERJA TAHUN 2026') && text.includes('Bupati Muara Enim (demo)'));
      assert.ok(!text.includes('PIHAK KEDUA'), 'a statement: no PIHAK KEDUA');
    });

    test('a PK for a position outside the user\'s units is refused (403), and a non-head position is a 400', async () => {
      const before = await counts(rt);
      await refused(operator.post('/api/pk', { year: 2026, positionId: otherHead }), 403, /tidak berwenang/, before);
      const staff = await admin.post('/api/positions', { unitId: disdukcapil, title: 'Analis Kebijakan' });
      const before2 = await counts(rt);
      await refused(rb.post('/api/pk', { year: 2026, positionId: staff.body.id }), 400, /bukan jabatan kepala unit/, before2);
    });

    test('indicators: 201 { id }; target 0 with the default formula is refused at creation', async () => {
      const before = await counts(rt);
      await refused(operator.post(`/api/pk/${pkId}/indicators`, { sasaran: 'Meningkatnya kualitas pelayanan administrasi kependudukan', name: 'Persentase keluhan', unit: '%', polarity: 'lower', aggregation: 'last', target: 0, quarterTargets: [0, 0, 0, 0] }), 400, /^Target 0 tidak dapat menjadi pembagi/, before);
      await refused(operator.post(`/api/pk/${pkId}/indicators`, { sasaran: 'Meningkatnya kualitas pelayanan', name: 'Dokumen terbit', unit: 'dokumen', polarity: 'higher', aggregation: 'sum', target: 'seribu', quarterTargets: [1, 2, 3, 4] }), 400, /Target/, before);
      const h = await operator.post(`/api/pk/${pkId}/indicators`, { sasaran: 'Meningkatnya kualitas pelayanan administrasi kependudukan', name: 'Jumlah dokumen kependudukan terbit', unit: 'dokumen', polarity: 'higher', aggregation: 'sum', target: 1000, quarterTargets: [250, 250, 250, 250] });
      assert.equal(h.status, 201, h.raw);
      assert.deepEqual(Object.keys(h.body), ['id']);
      higher = h.body.id;
      const l = await operator.post(`/api/pk/${pkId}/indicators`, { sasaran: 'Meningkatnya kualitas pelayanan administrasi kependudukan', name: 'Persentase keluhan layanan', unit: '%', polarity: 'lower', aggregation: 'last', target: 10, quarterTargets: [10, 10, 10, 10] });
      assert.equal(l.status, 201, l.raw);
      lower = l.body.id;
    });

    test('plan link: the unit\'s Renstra indicators are offered; a link to another unit\'s, the pemda\'s or an unknown plan indicator is a 400; GET and the LKjIP read through the link', async () => {
      const options = (await operator.get(`/api/pk/${pkId}/plan-indicators`)).body.items as Array<{ id: string; code: string; name: string; satuan: string; polarity: string; target: number | null; sasaran: { code: string; name: string } }>;
      assert.deepEqual(options.map((o) => [o.code, o.satuan, o.polarity, o.target, o.sasaran.code]), [['DUK-I1', '%', 'higher', 98.5, 'DUK-S1'], ['DUK-I2', '%', 'higher', 97, 'DUK-S1']], 'Disdukcapil\'s Renstra with the 2026 targets');
      const [ktp, akta] = options as [(typeof options)[0], (typeof options)[0]];
      const planId = async (code: string) => (await rt.deps.db.selectFrom('planIndicators').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
      const body = (planIndicatorId: string | null) => ({ sasaran: 'Meningkatnya kualitas layanan administrasi kependudukan', name: 'Cakupan perekaman KTP-el', unit: '%', polarity: 'higher', aggregation: 'last', target: 98.5, quarterTargets: [97.6, 97.9, 98.2, 98.5], planIndicatorId });
      const before = await counts(rt);
      await refused(operator.post(`/api/pk/${pkId}/indicators`, body(await planId('DKS-I1'))), 400, /^Indikator rencana "DKS-I1" bukan milik rencana unit PK ini/, before);
      await refused(operator.post(`/api/pk/${pkId}/indicators`, body(await planId('IKU-01'))), 400, /bukan milik rencana unit PK ini/, before);
      await refused(operator.post(`/api/pk/${pkId}/indicators`, body('01900000-0000-7000-8000-000000000000')), 400, /^Indikator rencana tidak ditemukan/, before);
      // A PK of a year the plan period (2024–2026) does not cover.
      const later = await rb.post('/api/pk', { year: 2027, positionId: disdukcapilHead });
      assert.equal(later.status, 201, later.raw);
      assert.deepEqual((await rb.get(`/api/pk/${later.body.id}/plan-indicators`)).body.items, [], 'no plan period covers 2027');
      const before2 = await counts(rt);
      await refused(rb.post(`/api/pk/${later.body.id}/indicators`, body(ktp.id)), 400, /tidak mencakup tahun PK 2027/, before2);

      // Linked under another name: GET shows the link, the LKjIP the plan's final target (2026).
      const linked = await operator.post(`/api/pk/${pkId}/indicators`, body(ktp.id));
      assert.equal(linked.status, 201, linked.raw);
      const row = async () => ((await operator.get(`/api/pk/${pkId}`)).body.indicators as Array<{ id: string; planIndicatorId: string | null; planIndicator: { code: string; name: string } | null }>).find((i) => i.id === linked.body.id)!;
      assert.deepEqual([(await row()).planIndicatorId, (await row()).planIndicator], [ktp.id, { code: 'DUK-I1', name: ktp.name }]);
      const plain = ((await operator.get(`/api/pk/${pkId}`)).body.indicators as Array<{ id: string; planIndicatorId: string | null; planIndicator: unknown }>).find((i) => i.id === higher)!;
      assert.deepEqual([plain.planIndicatorId, plain.planIndicator], [null, null], 'an indicator typed by hand is unlinked');
      const lkjip = pdfText((await rb.download(`/api/sakip/lkjip.pdf?year=2026&unitId=${disdukcapil}`)).data).replace(/\s+/g, ' ');
      assert.ok(lkjip.includes('Cakupan perekaman KTP-el') && lkjip.includes('98,5 (2026)'), 'the medium-term target comes through the link, not the name');

      // PUT /api/pk/indicators/{id}: change the link, refuse another unit's, clear it.
      const put = await operator.put(`/api/pk/indicators/${linked.body.id}`, { planIndicatorId: akta.id });
      assert.equal(put.status, 200, put.raw);
      assert.equal(put.body.planIndicatorId, akta.id);
      const before3 = await counts(rt);
      await refused(operator.put(`/api/pk/indicators/${linked.body.id}`, { planIndicatorId: await planId('BPD-I1') }), 400, /bukan milik rencana unit PK ini/, before3);
      assert.equal((await row()).planIndicatorId, akta.id, 'the refused PUT changed nothing');
      assert.equal((await operator.put(`/api/pk/indicators/${linked.body.id}`, { planIndicatorId: null })).status, 200);
      assert.deepEqual([(await row()).planIndicatorId, (await row()).planIndicator], [null, null]);
      assert.equal((await operator.put(`/api/pk/indicators/${linked.body.id}`, { planIndicatorId: ktp.id })).status, 200);
    });

    test('realisation for a PK that is not signed yet: 409 in Indonesian, nothing changed', async () => {
      const before = await counts(rt);
      await refused(operator.put(`/api/pk/indicators/${higher}/realisations/1`, { value: 200 }), 409, /hanya dapat diisi untuk Perjanjian Kinerja yang sudah ditandatangani/, before);
    });

    test('POST /api/pk/{id}/sign → 200 signed, by the unit head; the holder at the signing date is printed', async () => {
      const before = await counts(rt);
      await refused(operator.post(`/api/pk/${pkId}/sign`, { signedOn: '2026-01-31' }), 403, /tidak berwenang/, before);
      const res = await kepala.post(`/api/pk/${pkId}/sign`, { signedOn: '2026-01-31' });
      assert.equal(res.status, 200, res.raw);
      assert.equal(res.body.status, 'signed');
      assert.equal(res.body.signedOn, '2026-01-31');
      const again = await kepala.post(`/api/pk/${pkId}/sign`, { signedOn: '2026-02-01' });
      assert.equal(again.status, 409, again.raw);
    });

    test('bad realisations: non-number, negative count, quarter 5 — each a 4xx, nothing changed', async () => {
      const before = await counts(rt);
      await refused(operator.put(`/api/pk/indicators/${higher}/realisations/1`, { value: 'dua ratus' }), 400, /Realisasi/, before);
      await refused(operator.put(`/api/pk/indicators/${higher}/realisations/1`, { value: -5 }), 400, /tidak boleh negatif untuk satuan dokumen/, before);
      await refused(operator.put(`/api/pk/indicators/${higher}/realisations/5`, { value: 5 }), 400, /.+/, before);
    });

    test('enter → submit → verify; verify by the user who entered is refused; only verified quarters count in the annual capaian', async () => {
      // Higher is better, summed: TW I 300 and TW II 400 entered; TW II left unverified.
      for (const [q, v] of [[1, 300], [2, 400]] as const) assert.equal((await operator.put(`/api/pk/indicators/${higher}/realisations/${q}`, { value: v, note: 'Data SIAK' })).status, 200);
      // Lower is better, last value: TW I 8 (→ 120 %), TW II 12 (→ 80 %), TW II entered by the unit head himself.
      assert.equal((await operator.put(`/api/pk/indicators/${lower}/realisations/1`, { value: 8 })).status, 200);
      assert.equal((await kepala.put(`/api/pk/indicators/${lower}/realisations/2`, { value: 12 })).status, 200);

      let before = await counts(rt);
      await refused(inspektorat.post(`/api/pk/indicators/${higher}/realisations/1/verify`), 409, /berstatus/, before);
      await refused(operator.post(`/api/pk/indicators/${higher}/realisations/1/submit`), 403, /tidak berwenang/, before);
      for (const [ind, q] of [[higher, 1], [higher, 2], [lower, 1], [lower, 2]] as const) {
        const s = await kepala.post(`/api/pk/indicators/${ind}/realisations/${q}/submit`);
        assert.equal(s.status, 200, s.raw);
        assert.equal(s.body.status, 'submitted');
      }
      before = await counts(rt);
      await refused(kepala.post(`/api/pk/indicators/${lower}/realisations/2/verify`), 403, /tidak berwenang/, before);
      await refused(operator.put(`/api/pk/indicators/${higher}/realisations/1`, { value: 999 }), 409, /sudah diajukan/, before);
      const v1 = await inspektorat.post(`/api/pk/indicators/${higher}/realisations/1/verify`);
      assert.equal(v1.status, 200, v1.raw);
      assert.equal(v1.body.status, 'verified');
      assert.equal((await inspektorat.post(`/api/pk/indicators/${lower}/realisations/1/verify`)).status, 200);

      let pk = (await rb.get(`/api/pk/${pkId}`)).body;
      let h = pk.indicators.find((i: { id: string }) => i.id === higher);
      let l = pk.indicators.find((i: { id: string }) => i.id === lower);
      assert.deepEqual(h.realisations.map((r: { quarter: number; value: number; status: string }) => [r.quarter, r.value, r.status]), [[1, 300, 'verified'], [2, 400, 'submitted']]);
      assert.deepEqual({ value: h.annual.value, capaian: h.annual.capaian, status: h.annual.status }, { value: 300, capaian: 30, status: 'merah' }, 'TW II (submitted, not verified) does not count');
      assert.match(h.annual.explanation, /300 ÷ 1\.000 × 100 = 30,00 %/);
      assert.deepEqual({ value: l.annual.value, capaian: l.annual.capaian, status: l.annual.status }, { value: 8, capaian: 120, status: 'hijau' }, 'RULES §2.5: T=10, R=8 → 120,00 %');
      assert.equal(typeof h.annual.capaian, 'number');
      assert.deepEqual({ target: h.target, polarity: h.polarity, aggregation: h.aggregation }, { target: 1000, polarity: 'higher', aggregation: 'sum' });

      // The Tim RB (Bagian Organisasi) verifies the rest; the kepala's own TW II value is verified by someone else.
      assert.equal((await rb.post(`/api/pk/indicators/${higher}/realisations/2/verify`)).status, 200);
      assert.equal((await rb.post(`/api/pk/indicators/${lower}/realisations/2/verify`)).status, 200);
      pk = (await kepala.get(`/api/pk/${pkId}`)).body;
      h = pk.indicators.find((i: { id: string }) => i.id === higher);
      l = pk.indicators.find((i: { id: string }) => i.id === lower);
      assert.deepEqual([h.annual.value, h.annual.capaian], [700, 70]);
      assert.deepEqual([l.annual.value, l.annual.capaian, l.annual.status], [12, 80, 'kuning'], 'RULES §2.5: T=10, R=12 → 80,00 % (last value)');

      before = await counts(rt);
      await refused(operator.put(`/api/pk/indicators/${higher}/realisations/1`, { value: 1 }), 409, /sudah diverifikasi; perubahan hanya melalui koreksi/, before);
    });

    test('the verifier may not verify a value they entered themselves (four eyes)', async () => {
      assert.equal((await admin.put(`/api/pk/indicators/${higher}/realisations/3`, { value: 100 })).status, 200);
      assert.equal((await admin.post(`/api/pk/indicators/${higher}/realisations/3/submit`)).status, 200);
      const before = await counts(rt);
      await refused(admin.post(`/api/pk/indicators/${higher}/realisations/3/verify`), 403, /tidak boleh diverifikasi oleh pengguna yang mengisinya/, before);
      assert.equal((await inspektorat.post(`/api/pk/indicators/${higher}/realisations/3/verify`)).status, 200);
    });

    test('GET /api/pk/{id}/export.pdf: the PK with PIHAK KESATU / PIHAK KEDUA, the lampiran and the quarterly target sheet', async () => {
      const pdf = await kepala.download(`/api/pk/${pkId}/export.pdf`);
      assert.equal(pdf.status, 200);
      assert.equal(pdf.headers['content-type'], 'application/pdf');
      const text = pdfText(pdf.data).replace(/\s+/g, ' ');
      for (const s of ['PERJANJIAN KINERJA TAHUN 2026', 'selanjutnya disebut PIHAK KESATU.', 'selaku atasan PIHAK KESATU, selanjutnya disebut PIHAK KEDUA.', 'Andi Saputra, S.Sos. (demo)', 'NIP. 19780512 200312 1 002', 'Bupati Muara Enim (demo)', 'LAMPIRAN PERJANJIAN KINERJA TAHUN 2026', 'Jumlah dokumen', 'Satuan', '1.000', 'TW I', 'TW IV', '31 Januari 2026']) {
        assert.ok(text.includes(s), `PDF has "${s}"`);
      }
    });

    test('tenant isolation: another tenant\'s users get 404 for this PK and cannot use its indicators', async () => {
      const platform = await signedIn(rt, 'platform');
      const t = await platform.post('/api/admin/tenants', { regionCode: '16.04' });
      assert.equal(t.status, 201, t.raw);
      const { createUsersService } = await import('../users/users.service.ts');
      const u = await createUsersService(rt.deps).create(
        { userId: 'cli', tenantId: t.body.id, name: 'cli', roles: [{ role: 'admin', unitId: null }], isPlatformAdmin: false, unitScope: new Set() },
        { username: 'admin.lahat', name: 'Admin Lahat', password: 'rahasia-lahat-123', roles: [{ role: 'admin' }] },
      );
      await rt.deps.db.updateTable('users').set({ mustChangePassword: 0 }).where('id', '=', u.user.id).execute();
      const other = new TestClient(rt.app);
      await other.login('admin.lahat', 'rahasia-lahat-123');
      const before = await counts(rt);
      await refused(other.get(`/api/pk/${pkId}`), 404, /tidak ditemukan/, before);
      await refused(other.put(`/api/pk/indicators/${higher}/realisations/4`, { value: 1 }), 404, /tidak ditemukan/, before);
      await refused(other.post(`/api/pk`, { year: 2026, positionId: disdukcapilHead }), 404, /tidak ditemukan/, before);

      // A plan indicator of the other tenant cannot be linked to this tenant's PK.
      const period = await other.post('/api/sakip/plan/periods', { startYear: 2025, endYear: 2029 });
      assert.equal(period.status, 201, period.raw);
      const sasaran = await other.post('/api/sakip/plan/sasaran', { periodId: period.body.id, code: 'S1', name: 'Meningkatnya pertumbuhan ekonomi Lahat' });
      assert.equal(sasaran.status, 201, sasaran.raw);
      const foreign = await other.post('/api/sakip/plan/indicators', { sasaranId: sasaran.body.id, code: 'IKU-01', name: 'Laju pertumbuhan ekonomi', satuan: '%', polarity: 'higher', finalTarget: 6, targets: [{ year: 2026, target: 5.5 }] });
      assert.equal(foreign.status, 201, foreign.raw);
      const before2 = await counts(rt);
      await refused(rb.post(`/api/pk/${otherPkId}/indicators`, { sasaran: 'Meningkatnya pertumbuhan ekonomi', name: 'Laju pertumbuhan ekonomi', unit: '%', polarity: 'higher', aggregation: 'last', target: 5.5, quarterTargets: [5.5, 5.5, 5.5, 5.5], planIndicatorId: foreign.body.id }), 400, /^Indikator rencana tidak ditemukan/, before2);
      await refused(other.get(`/api/pk/${otherPkId}/plan-indicators`), 404, /tidak ditemukan/, before2);
    });
  });
}
