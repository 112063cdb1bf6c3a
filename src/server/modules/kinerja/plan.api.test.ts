import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { createTestRuntime, signedIn, testDialects, TestClient, type TestRuntime } from '../../testing/harness.ts';
import { pdfText } from '../../documents/official/pdf-tools.ts';
import { planForUnit } from './plan.service.ts';

/**
 * SAKIP plan and cascade (issue 11 item 1): RPJMD period, tujuan → pemda sasaran → indicators,
 * unit (Renstra) sasaran linked to a pemda sasaran, programmes with budgets; who may write what;
 * the pohon kinerja and the cascade check; Excel template / import (all or nothing, row report) /
 * export (re-import updates instead of duplicating); the PK PDF's programme budget table.
 * The tests use the period 2027–2029 so the demo region's own RPJMD (2024–2026) stays apart.
 */
const TABLES = ['plan_periods', 'plan_tujuan', 'plan_sasaran', 'plan_indicators', 'plan_targets', 'plan_programs', 'plan_budgets', 'audit_log'];
async function counts(rt: TestRuntime) {
  const out: Record<string, number> = {};
  for (const t of TABLES) {
    const r = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(t)}`.execute(rt.deps.db);
    out[t] = Number(r.rows[0]!.n);
  }
  return out;
}

async function sheetRows(data: Buffer, name: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(name)!;
  const rows: unknown[][] = [];
  ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return { wb, ws, rows };
}

for (const dialect of await testDialects()) {
  describe(`SAKIP plan and cascade [${dialect}]`, () => {
    let rt: TestRuntime;
    let rb: TestClient;
    let operator: TestClient;
    let kepala: TestClient;
    let pimpinan: TestClient;
    let disdukcapil: string;
    let balitbangda: string;
    let periodId: string;
    const ids: Record<string, string> = {};

    async function refused(p: Promise<{ status: number; body: any; raw: string }>, status: number, pattern: RegExp) {
      const before = await counts(rt);
      const res = await p;
      assert.equal(res.status, status, res.raw);
      assert.match(res.body.error.message, pattern);
      assert.deepEqual(await counts(rt), before, 'nothing changed');
      return res;
    }

    before(async () => {
      rt = await createTestRuntime(dialect);
      const admin = await signedIn(rt, 'admin');
      rb = await signedIn(rt, 'rb');
      operator = await signedIn(rt, 'operator');
      kepala = await signedIn(rt, 'kepala');
      pimpinan = await signedIn(rt, 'pimpinan');
      const units = (await admin.get('/api/units')).body.items as Array<{ id: string; shortName: string | null }>;
      disdukcapil = units.find((u) => u.shortName === 'Disdukcapil')!.id;
      balitbangda = units.find((u) => u.shortName === 'Balitbangda')!.id;
    });
    after(() => rt.close());

    test('the demo region has its RPJMD 2024–2026 (marked demo) with Renstra of four units; its cascade check shows the gaps', async () => {
      const tree = (await pimpinan.get('/api/sakip/plan/tree?year=2025')).body;
      assert.deepEqual({ name: tree.period.name, isDemo: tree.period.isDemo }, { name: 'RPJMD Kabupaten Muara Enim 2024–2026 (demo)', isDemo: true });
      const pemda = tree.tujuan.flatMap((t: any) => t.sasaran);
      assert.deepEqual(pemda.map((s: any) => s.code), ['S1', 'S2', 'S3', 'S4', 'S5', 'S6']);
      assert.deepEqual(pemda.find((s: any) => s.code === 'S3').units.map((u: any) => u.unitName), ['Dinkes']);
      assert.deepEqual(pemda.find((s: any) => s.code === 'S6').units.map((u: any) => u.unitName).includes('Disdukcapil'), true);
      const c = (await operator.get('/api/sakip/plan/cascade?year=2026')).body;
      assert.deepEqual(c.uncarriedPemdaSasaran.map((s: any) => s.code), ['S5']);
      assert.deepEqual(c.unlinkedUnitSasaran.map((s: any) => s.code), ['KEC-S2']);
      const plan = (await rb.get('/api/sakip/plan/tree?year=2024')).body;
      const duk = plan.tujuan[2].sasaran[1].units.find((u: any) => u.unitName === 'Disdukcapil').sasaran[0];
      assert.deepEqual(duk.programs.map((p: any) => [p.code, p.budget, p.realised]), [['2.12.02', 1_185_000_000, 1_113_900_000], ['2.12.03', 742_500_000, 697_950_000], ['2.12.04', 615_000_000, 578_100_000]]);
    });

    test('the Tim RB adds an RPJMD period; an overlapping one is a 409 and an operator may not add one', async () => {
      await refused(operator.post('/api/sakip/plan/periods', { startYear: 2027, endYear: 2029 }), 403, /tidak berwenang/);
      const res = await rb.post('/api/sakip/plan/periods', { startYear: 2027, endYear: 2029 });
      assert.equal(res.status, 201, res.raw);
      assert.deepEqual({ name: res.body.name, startYear: res.body.startYear, endYear: res.body.endYear }, { name: 'RPJMD 2027–2029', startYear: 2027, endYear: 2029 });
      periodId = res.body.id;
      await refused(rb.post('/api/sakip/plan/periods', { startYear: 2029, endYear: 2033 }), 409, /bertumpang tindih dengan RPJMD 2027–2029/);
      await refused(rb.post('/api/sakip/plan/periods', { startYear: 2031, endYear: 2030 }), 400, /tahun akhir/);
    });

    test('pemda plan: tujuan, sasaran and indicators by the Tim RB; refusals in Indonesian leave nothing changed', async () => {
      const t = await rb.post('/api/sakip/plan/tujuan', { periodId, code: 'T1', name: 'Meningkatnya kesejahteraan masyarakat' });
      assert.equal(t.status, 201, t.raw);
      ids.t1 = t.body.id;
      for (const [code, name] of [['S1', 'Menurunnya angka kemiskinan'], ['S2', 'Meningkatnya kualitas pelayanan publik'], ['S3', 'Menurunnya prevalensi stunting']]) {
        const s = await rb.post('/api/sakip/plan/sasaran', { periodId, code, name, tujuanId: ids.t1 });
        assert.equal(s.status, 201, s.raw);
        assert.equal(s.body.level, 'pemda');
        ids[code] = s.body.id;
      }
      const i = await rb.post('/api/sakip/plan/indicators', { sasaranId: ids.S2, code: 'IKU-2', name: 'Indeks kepuasan masyarakat', satuan: 'indeks', polarity: 'higher', baseline: 78.5, finalTarget: 85, targets: [{ year: 2027, target: 80 }, { year: 2028, target: 82.5 }, { year: 2029, target: 85 }] });
      assert.equal(i.status, 201, i.raw);
      ids.iku2 = i.body.id;
      // An operator cannot touch the pemda plan.
      await refused(operator.post('/api/sakip/plan/sasaran', { periodId, code: 'S9', name: 'Sasaran pemda tanpa izin' }), 403, /tidak berwenang/);
      await refused(operator.put(`/api/sakip/plan/indicators/${ids.iku2}`, { name: 'Indeks diubah operator' }), 403, /tidak berwenang/);
      // The same code twice, a target outside the period, a repeated year, an unknown key, a text target.
      await refused(rb.post('/api/sakip/plan/sasaran', { periodId, code: 'S1', name: 'Sasaran kembar' }), 409, /Kode "S1" sudah dipakai/);
      await refused(rb.post('/api/sakip/plan/indicators', { sasaranId: ids.S1, code: 'IKU-1', name: 'Persentase penduduk miskin', satuan: '%', polarity: 'lower', targets: [{ year: 2026, target: 11 }] }), 400, /Tahun 2026 di luar periode rencana 2027–2029/);
      await refused(rb.post('/api/sakip/plan/indicators', { sasaranId: ids.S1, code: 'IKU-1', name: 'Persentase penduduk miskin', satuan: '%', polarity: 'lower', targets: [{ year: 2027, target: 11 }, { year: 2027, target: 10 }] }), 400, /Tahun 2027 diisi lebih dari sekali/);
      await refused(rb.post('/api/sakip/plan/indicators', { sasaranId: ids.S1, code: 'IKU-1', name: 'Persentase penduduk miskin', satuan: '%', polarity: 'lower', targets: [], extra: 1 }), 400, /tidak dikenal/);
      await refused(rb.post('/api/sakip/plan/indicators', { sasaranId: ids.S1, code: 'IKU-1', name: 'Persentase penduduk miskin', satuan: '%', polarity: 'lower', targets: [{ year: 2027, target: 'sebelas' }] }), 400, /.+/);
      const ok = await rb.post('/api/sakip/plan/indicators', { sasaranId: ids.S1, code: 'IKU-1', name: 'Persentase penduduk miskin', satuan: '%', polarity: 'lower', baseline: 12.1, targets: [{ year: 2027, target: 11.5 }] });
      assert.equal(ok.status, 201, ok.raw);
    });

    test('Renstra: the operator adds Disdukcapil sasaran linked to a pemda sasaran; another unit, a wrong link, a tujuan on a unit sasaran are refused', async () => {
      const s = await operator.post('/api/sakip/plan/sasaran', { periodId, code: 'DUK-S1', name: 'Meningkatnya cakupan kepemilikan dokumen kependudukan', unitId: disdukcapil, pemdaSasaranId: ids.S2 });
      assert.equal(s.status, 201, s.raw);
      assert.deepEqual({ level: s.body.level, unitId: s.body.unitId, pemdaSasaranId: s.body.pemdaSasaranId }, { level: 'unit', unitId: disdukcapil, pemdaSasaranId: ids.S2 });
      ids.duk1 = s.body.id;
      const i = await operator.post('/api/sakip/plan/indicators', { sasaranId: ids.duk1, code: 'DUK-I1', name: 'Persentase penduduk wajib KTP-el yang telah merekam', satuan: '%', polarity: 'higher', targets: [{ year: 2027, target: 97 }] });
      assert.equal(i.status, 201, i.raw);
      // An unlinked one: the cascade check will report it.
      const u = await kepala.post('/api/sakip/plan/sasaran', { periodId, code: 'DUK-S2', name: 'Meningkatnya tata kelola internal dinas', unitId: disdukcapil });
      assert.equal(u.status, 201, u.raw);
      ids.duk2 = u.body.id;
      assert.equal((await kepala.post('/api/sakip/plan/indicators', { sasaranId: ids.duk2, code: 'DUK-I2', name: 'Nilai SAKIP internal dinas', satuan: 'nilai', polarity: 'higher', targets: [] })).status, 201);
      // The Tim RB writes Balitbangda's Renstra; the Disdukcapil operator may not, neither create nor edit.
      const b = await rb.post('/api/sakip/plan/sasaran', { periodId, code: 'BLT-S1', name: 'Meningkatnya kualitas inovasi daerah', unitId: balitbangda, pemdaSasaranId: ids.S2 });
      assert.equal(b.status, 201, b.raw);
      ids.blt1 = b.body.id;
      await refused(operator.post('/api/sakip/plan/sasaran', { periodId, code: 'BLT-S2', name: 'Sasaran unit lain', unitId: balitbangda }), 403, /tidak berwenang/);
      await refused(operator.put(`/api/sakip/plan/sasaran/${ids.blt1}`, { pemdaSasaranId: null }), 403, /tidak berwenang/);
      await refused(operator.post('/api/sakip/plan/indicators', { sasaranId: ids.blt1, code: 'BLT-I1', name: 'Indikator unit lain', satuan: '%', polarity: 'higher' }), 403, /tidak berwenang/);
      await refused(operator.post('/api/sakip/plan/sasaran', { periodId, code: 'DUK-S3', name: 'Tautan ke sasaran unit', unitId: disdukcapil, pemdaSasaranId: ids.blt1 }), 400, /Sasaran pemda yang dipilih tidak ada/);
      await refused(operator.post('/api/sakip/plan/sasaran', { periodId, code: 'DUK-S3', name: 'Tautan ke tujuan', unitId: disdukcapil, tujuanId: ids.t1 }), 400, /bukan langsung ke tujuan/);
      // Pimpinan reads, does not write.
      await refused(pimpinan.post('/api/sakip/plan/sasaran', { periodId, code: 'X1', name: 'Sasaran pimpinan' }), 403, /tidak berwenang/);
      assert.equal((await pimpinan.get('/api/sakip/plan/tree?year=2027')).status, 200);
    });

    test('programmes → kegiatan → sub-kegiatan with pagu and realisasi; the hierarchy is checked', async () => {
      const p = await operator.post('/api/sakip/plan/programs', { periodId, unitId: disdukcapil, level: 'program', code: '2.12.02', name: 'Program Pendaftaran Penduduk', sasaranId: ids.duk1, budgets: [{ year: 2027, pagu: 1_250_000_000, realisasi: 1_100_000_000 }] });
      assert.equal(p.status, 201, p.raw);
      ids.prog = p.body.id;
      const k = await operator.post('/api/sakip/plan/programs', { periodId, unitId: disdukcapil, parentId: ids.prog, level: 'kegiatan', code: '2.12.02.2.01', name: 'Pelayanan Pendaftaran Penduduk', budgets: [] });
      assert.equal(k.status, 201, k.raw);
      // A second programme whose budget is the sum of its sub-kegiatan.
      const p2 = await operator.post('/api/sakip/plan/programs', { periodId, unitId: disdukcapil, level: 'program', code: '2.12.03', name: 'Program Pencatatan Sipil', sasaranId: ids.duk1 });
      const k2 = await operator.post('/api/sakip/plan/programs', { periodId, unitId: disdukcapil, parentId: p2.body.id, level: 'kegiatan', code: '2.12.03.2.01', name: 'Pelayanan Pencatatan Sipil' });
      ids.p2 = p2.body.id;
      ids.k2 = k2.body.id;
      for (const [code, pagu] of [['2.12.03.2.01.01', 300_000_000], ['2.12.03.2.01.02', 200_500_000]] as const) {
        const sk = await operator.post('/api/sakip/plan/programs', { periodId, unitId: disdukcapil, parentId: k2.body.id, level: 'sub_kegiatan', code, name: `Sub kegiatan ${code}`, budgets: [{ year: 2027, pagu, realisasi: pagu / 2 }] });
        assert.equal(sk.status, 201, sk.raw);
        ids[code] = sk.body.id;
      }
      await refused(operator.post('/api/sakip/plan/programs', { periodId, unitId: disdukcapil, level: 'kegiatan', code: '2.12.02.2.09', name: 'Kegiatan tanpa program' }), 400, /Kegiatan harus berada di bawah Program/);
      await refused(operator.post('/api/sakip/plan/programs', { periodId, unitId: disdukcapil, level: 'program', code: '2.12.09', name: 'Anggaran negatif', budgets: [{ year: 2027, pagu: -5 }] }), 400, /.+/);
      await refused(operator.post('/api/sakip/plan/programs', { periodId, unitId: balitbangda, level: 'program', code: '5.01.01', name: 'Program unit lain' }), 403, /tidak berwenang/);
      await refused(operator.post('/api/sakip/plan/programs', { periodId, unitId: disdukcapil, level: 'program', code: '2.12.02', name: 'Kode kembar' }), 409, /sudah dipakai/);
      const tenantId = (await sql<{ id: string }>`select tenant_id as id from units where id = ${disdukcapil}`.execute(rt.deps.db)).rows[0]!.id;
      const plan = await planForUnit(rt.deps.db, tenantId, disdukcapil, 2027);
      assert.deepEqual(plan.programs.map((x) => [x.code, x.budget, x.realised]), [['2.12.02', 1_250_000_000, 1_100_000_000], ['2.12.03', 500_500_000, 250_250_000]]);
      assert.deepEqual(plan.sasaran.map((s) => [s.name, s.pemdaSasaranId, s.indicators.map((i) => [i.name, i.satuan, i.polarity, i.target])]), [
        ['Meningkatnya cakupan kepemilikan dokumen kependudukan', ids.S2, [['Persentase penduduk wajib KTP-el yang telah merekam', '%', 'higher', 97]]],
        ['Meningkatnya tata kelola internal dinas', null, [['Nilai SAKIP internal dinas', 'nilai', 'higher', null]]],
      ]);
    });

    test('pohon kinerja: pemda tujuan → sasaran → indicators → unit sasaran per unit → indicators → programmes with budget', async () => {
      const res = await rb.get('/api/sakip/plan/tree?year=2028');
      assert.equal(res.status, 200, res.raw);
      assert.deepEqual(res.body.period, { id: periodId, name: 'RPJMD 2027–2029', startYear: 2027, endYear: 2029, isDemo: false });
      const [t] = res.body.tujuan;
      assert.equal(t.name, 'Meningkatnya kesejahteraan masyarakat');
      assert.deepEqual(t.sasaran.map((s: any) => s.code), ['S1', 'S2', 'S3']);
      const s2 = t.sasaran[1];
      assert.deepEqual(s2.indicators.map((i: any) => [i.name, i.target]), [['Indeks kepuasan masyarakat', 82.5]], 'the target of the chosen year');
      assert.deepEqual(s2.units.map((u: any) => [u.unitName, u.sasaran.map((s: any) => s.code)]), [['Balitbangda', ['BLT-S1']], ['Disdukcapil', ['DUK-S1']]]);
      const duk = s2.units[1].sasaran[0];
      assert.deepEqual(duk.indicators.map((i: any) => i.code), ['DUK-I1']);
      assert.deepEqual(duk.programs.map((p: any) => [p.code, p.budget]), [['2.12.02', null], ['2.12.03', null]], '2028 has no budget yet');
      const y27 = (await operator.get('/api/sakip/plan/tree?year=2027')).body;
      assert.deepEqual(y27.tujuan[0].sasaran[1].units[1].sasaran[0].programs.map((p: any) => [p.code, p.budget, p.realised]), [['2.12.02', 1_250_000_000, 1_100_000_000], ['2.12.03', 500_500_000, 250_250_000]]);
      assert.deepEqual(y27.unlinked.map((s: any) => s.code), ['DUK-S2']);
      const none = await rb.get('/api/sakip/plan/tree?year=2035');
      assert.equal(none.status, 404);
      assert.match(none.body.error.message, /Belum ada periode RPJMD yang mencakup tahun 2035/);
    });

    test('cascade check: unit sasaran that feed no pemda sasaran, and pemda sasaran no unit carries', async () => {
      let c = (await operator.get('/api/sakip/plan/cascade?year=2027')).body;
      assert.deepEqual(c.unlinkedUnitSasaran.map((s: any) => [s.code, s.unitName, s.indicators.map((i: any) => i.name)]), [['DUK-S2', 'Disdukcapil', ['Nilai SAKIP internal dinas']]]);
      assert.deepEqual(c.uncarriedPemdaSasaran.map((s: any) => s.code), ['S1', 'S3']);
      // Linking DUK-S2 to S1 fixes both lines at once.
      const res = await kepala.put(`/api/sakip/plan/sasaran/${ids.duk2}`, { pemdaSasaranId: ids.S1 });
      assert.equal(res.status, 200, res.raw);
      c = (await operator.get('/api/sakip/plan/cascade?year=2027')).body;
      assert.deepEqual(c.unlinkedUnitSasaran, []);
      assert.deepEqual(c.uncarriedPemdaSasaran.map((s: any) => s.code), ['S3']);
      const audit = await sql<{ n: number | string }>`select count(*) as n from audit_log where entity_type = 'plan_sasaran' and entity_id = ${ids.duk2} and action = 'update'`.execute(rt.deps.db);
      assert.equal(Number(audit.rows[0]!.n), 1, 'the change is audited');
    });

    test('PK PDF: the programme budget table lists the unit\'s programmes of the PK year in rupiah', async () => {
      const head = ((await rb.get(`/api/positions?unitId=${disdukcapil}`)).body.items as Array<{ id: string; isHead: boolean }>).find((p) => p.isHead)!.id;
      const pk = await rb.post('/api/pk', { year: 2027, positionId: head });
      assert.equal(pk.status, 201, pk.raw);
      const text = pdfText((await rb.download(`/api/pk/${pk.body.id}/export.pdf`)).data).replace(/\s+/g, ' ');
      assert.ok(text.includes('Program Pendaftaran Penduduk'), text);
      assert.ok(text.includes('1.250.000.000'), 'pagu with Indonesian thousands separators');
      assert.ok(text.includes('Program Pencatatan Sipil') && text.includes('500.500.000'), 'a programme budget is the sum of its sub-kegiatan');
      assert.ok(!text.includes('Pelayanan Pendaftaran Penduduk'), 'kegiatan are not listed as programmes');
    });

    test('Excel template: the sheets and a "Petunjuk" whose steps are numbered 1, 2, 3 … in order', async () => {
      const res = await operator.download('/api/sakip/plan/template.xlsx?year=2027');
      assert.equal(res.status, 200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.data as unknown as ArrayBuffer);
      assert.deepEqual(wb.worksheets.map((w) => w.name), ['Petunjuk', 'Tujuan', 'Sasaran', 'Indikator', 'Program', 'Referensi']);
      const steps: number[] = [];
      wb.getWorksheet('Petunjuk')!.eachRow((row) => {
        const m = /^(\d+)\. /.exec(String(row.getCell(1).value ?? ''));
        if (m) steps.push(Number(m[1]));
      });
      assert.deepEqual(steps, steps.map((_, i) => i + 1));
      assert.ok(steps.length >= 5);
      const { rows } = await sheetRows(res.data, 'Indikator');
      assert.deepEqual(rows.length, 1, 'the template is empty');
      assert.ok((rows[0] as string[]).includes('Target 2027') && (rows[0] as string[]).includes('Target 2029'));
    });

    test('import: all or nothing, with sheet/row/column/message in Indonesian for every bad row', async () => {
      const { wb } = await sheetRows((await rb.download('/api/sakip/plan/template.xlsx?year=2027')).data, 'Tujuan');
      wb.getWorksheet('Tujuan')!.addRow(['T2', 'Meningkatnya daya saing daerah']);
      const sas = wb.getWorksheet('Sasaran')!;
      sas.addRow(['S4', 'Meningkatnya pertumbuhan ekonomi', '', 'T2', '']);
      sas.addRow(['DUK-S9', 'Sasaran unit yang tidak ada', 'Dinas Antah Berantah', '', 'S4']); // row 3: unknown unit
      const ind = wb.getWorksheet('Indikator')!;
      ind.addRow(['IKU-4', 'S4', 'Laju pertumbuhan ekonomi', '%', 'Semakin tinggi semakin baik', '5,1', '5,2', 'lima', '5,5', '5,5']); // row 2: "lima"
      ind.addRow(['IKU-5', 'S99', 'Indikator sasaran tak dikenal', '%', 'naik', '', '', '', '', '']); // row 3: unknown sasaran
      ind.addRow(['IKU-6', 'S4', 'Tanpa polaritas', '%', '', '', '', '', '', '']); // row 4: polaritas required
      const data = Buffer.from(await wb.xlsx.writeBuffer());
      const before = await counts(rt);
      const res = await rb.upload('/api/sakip/plan/import?year=2027', {}, { name: 'rencana.xlsx', data });
      assert.equal(res.status, 400, res.raw);
      assert.match(res.body.error.message, /Impor dibatalkan: 4 baris bermasalah/);
      const details = res.body.error.details as Array<{ sheet: string; row: number; column: string; message: string }>;
      assert.deepEqual(details.map((d) => [d.sheet, d.row, d.column]), [
        ['Sasaran', 3, 'Unit (kosong = Pemda)'],
        ['Indikator', 2, 'Target 2028'],
        ['Indikator', 3, 'Kode Sasaran'],
        ['Indikator', 4, 'Polaritas'],
      ]);
      assert.match(details[0]!.message, /^Lembar Sasaran, baris 3, kolom Unit \(kosong = Pemda\): unit "Dinas Antah Berantah" tidak ada/);
      assert.match(details[1]!.message, /harus berupa angka \(sekarang "lima"\)/);
      assert.match(details[2]!.message, /kode "S99" .* tidak ditemukan/);
      assert.match(details[3]!.message, /wajib diisi/);
      assert.deepEqual(await counts(rt), before, 'the good rows (T2, S4) were not saved either');
    });

    test('export → re-import: nothing duplicated; a changed name updates; an operator cannot change another unit through the file', async () => {
      const exported = (await rb.download('/api/sakip/plan/export.xlsx?year=2027')).data;
      const sas = await sheetRows(exported, 'Sasaran');
      assert.deepEqual(sas.rows.slice(1).map((r) => r[0]), ['S1', 'S2', 'S3', 'BLT-S1', 'DUK-S1', 'DUK-S2']);
      const prog = await sheetRows(exported, 'Program');
      const header = prog.rows[0] as string[];
      const p = prog.rows.find((r) => r[1] === '2.12.02')!;
      assert.equal(p[header.indexOf('Pagu 2027')], 1_250_000_000);
      const before = await counts(rt);
      const same = await rb.upload('/api/sakip/plan/import?year=2027', {}, { name: 'ekspor.xlsx', data: exported });
      assert.equal(same.status, 200, same.raw);
      assert.deepEqual(same.body, { created: 0, updated: 0, unchanged: 1 + 6 + 4 + 6 });
      assert.deepEqual(await counts(rt), before, 'a re-import of the export changes nothing');
      // Change one sasaran name and one pagu: two updates, no new rows.
      const { wb } = await sheetRows(exported, 'Sasaran');
      const ws = wb.getWorksheet('Sasaran')!;
      ws.eachRow((row) => {
        if (row.getCell(1).value === 'DUK-S1') row.getCell(2).value = 'Meningkatnya cakupan dokumen kependudukan yang terbit tepat waktu';
      });
      const pw = wb.getWorksheet('Program')!;
      const col = (pw.getRow(1).values as string[]).indexOf('Pagu 2027');
      pw.eachRow((row) => {
        if (row.getCell(2).value === '2.12.02') row.getCell(col).value = 1_300_000_000;
      });
      const changed = Buffer.from(await wb.xlsx.writeBuffer());
      const res = await operator.upload('/api/sakip/plan/import?year=2027', {}, { name: 'ekspor.xlsx', data: changed });
      assert.equal(res.status, 200, res.raw);
      assert.deepEqual({ created: res.body.created, updated: res.body.updated }, { created: 0, updated: 2 }, 'the operator re-imports the whole export: other units\' rows are unchanged, so allowed');
      const after = await counts(rt);
      for (const t of ['plan_tujuan', 'plan_sasaran', 'plan_indicators', 'plan_programs', 'plan_budgets']) assert.equal(after[t], before[t], `${t}: no duplicates`);
      const tree = (await rb.get('/api/sakip/plan/tree?year=2027')).body;
      const duk = tree.tujuan[0].sasaran[1].units.find((u: any) => u.unitName === 'Disdukcapil').sasaran[0];
      assert.equal(duk.name, 'Meningkatnya cakupan dokumen kependudukan yang terbit tepat waktu');
      assert.equal(duk.programs[0].budget, 1_300_000_000);
      // The operator changes Balitbangda's sasaran in the file: that row is refused, nothing saved.
      ws.eachRow((row) => {
        if (row.getCell(1).value === 'BLT-S1') row.getCell(2).value = 'Diubah oleh operator Disdukcapil';
      });
      const other = Buffer.from(await wb.xlsx.writeBuffer());
      const before2 = await counts(rt);
      const bad = await operator.upload('/api/sakip/plan/import?year=2027', {}, { name: 'ekspor.xlsx', data: other });
      assert.equal(bad.status, 400, bad.raw);
      assert.deepEqual(bad.body.error.details.map((d: any) => [d.sheet, d.row]), [['Sasaran', 5]]);
      assert.match(bad.body.error.details[0].message, /tidak berwenang/);
      assert.deepEqual(await counts(rt), before2);
    });

    test('delete: refused while something hangs on it (409) or outside the user\'s scope (403); otherwise gone, with its targets/budgets, and audited', async () => {
      await refused(operator.del(`/api/sakip/plan/sasaran/${ids.S3}`), 403, /tidak berwenang/);
      await refused(rb.del(`/api/sakip/plan/sasaran/${ids.S2}`), 409, /"S2" masih dipakai/);
      await refused(operator.del(`/api/sakip/plan/programs/${ids.k2}`), 409, /masih dipakai/);
      await refused(operator.del(`/api/sakip/plan/sasaran/${ids.blt1}`), 403, /tidak berwenang/);
      const before = await counts(rt);
      const del = await operator.del(`/api/sakip/plan/programs/${ids['2.12.03.2.01.02']}`);
      assert.equal(del.status, 204, del.raw);
      const after = await counts(rt);
      assert.deepEqual([after.plan_programs, after.plan_budgets, after.audit_log], [before.plan_programs - 1, before.plan_budgets - 1, before.audit_log + 1]);
      const tenantId = (await sql<{ id: string }>`select tenant_id as id from units where id = ${disdukcapil}`.execute(rt.deps.db)).rows[0]!.id;
      assert.equal((await planForUnit(rt.deps.db, tenantId, disdukcapil, 2027)).programs.find((p) => p.code === '2.12.03')!.budget, 300_000_000, 'the programme total follows');
      assert.equal((await rb.del(`/api/sakip/plan/sasaran/${ids.S3}`)).status, 204);
      assert.deepEqual((await rb.get('/api/sakip/plan/cascade?year=2027')).body.uncarriedPemdaSasaran, []);
      assert.equal((await operator.del(`/api/sakip/plan/sasaran/${ids.S3}`)).status, 404);
    });

    test('import preview: counts per sheet (add / update / unchanged) and every bad row, writing nothing; the import then checks the file again', async () => {
      const exported = (await rb.download('/api/sakip/plan/export.xlsx?year=2027')).data;
      const dataRows = async (name: string) => (await sheetRows(exported, name)).rows.length - 1;
      const stored = { Tujuan: await dataRows('Tujuan'), Sasaran: await dataRows('Sasaran'), Indikator: await dataRows('Indikator'), Program: await dataRows('Program') };
      assert.deepEqual(stored, { Tujuan: 1, Sasaran: 5, Indikator: 4, Program: 5 });
      const { wb } = await sheetRows(exported, 'Sasaran');
      // A new tujuan with a new pemda sasaran under it (the sasaran row needs the tujuan row of the same file), one renamed sasaran, one bad indicator row.
      wb.getWorksheet('Tujuan')!.addRow(['T9', 'Meningkatnya ketahanan pangan daerah']);
      const sas = wb.getWorksheet('Sasaran')!;
      sas.addRow(['S9', 'Meningkatnya produksi padi', '', 'T9', '']);
      sas.eachRow((row) => {
        if (row.getCell(1).value === 'DUK-S2') row.getCell(2).value = 'Meningkatnya tata kelola internal Disdukcapil';
      });
      const ind = wb.getWorksheet('Indikator')!;
      ind.addRow(['IKU-9', 'S99', 'Indikator sasaran tak dikenal', '%', 'naik']);
      const bad = Buffer.from(await wb.xlsx.writeBuffer());
      const before = await counts(rt);
      const res = await rb.upload('/api/sakip/plan/import/preview?year=2027', {}, { name: 'rencana.xlsx', data: bad });
      assert.equal(res.status, 200, res.raw);
      assert.deepEqual(res.body.sheets, [
        { sheet: 'Tujuan', created: 1, updated: 0, unchanged: 1, errors: 0 },
        { sheet: 'Sasaran', created: 1, updated: 1, unchanged: 4, errors: 0 },
        { sheet: 'Indikator', created: 0, updated: 0, unchanged: 4, errors: 1 },
        { sheet: 'Program', created: 0, updated: 0, unchanged: 5, errors: 0 },
      ]);
      assert.deepEqual([res.body.created, res.body.updated, res.body.unchanged], [2, 1, 14]);
      assert.deepEqual(res.body.problems.map((p: any) => [p.sheet, p.row, p.column]), [['Indikator', 6, 'Kode Sasaran']]);
      assert.match(res.body.problems[0].message, /kode "S99" .* tidak ditemukan/);
      assert.deepEqual(await counts(rt), before, 'the preview wrote nothing, not even an audit entry');

      // An operator's preview of the same file: rows of the pemda plan that would change are his errors, still nothing written.
      const op = await operator.upload('/api/sakip/plan/import/preview?year=2027', {}, { name: 'rencana.xlsx', data: bad });
      assert.equal(op.status, 200, op.raw);
      assert.deepEqual(op.body.problems.map((p: any) => [p.sheet, p.row]), [['Tujuan', 3], ['Sasaran', 7], ['Indikator', 6]]);
      assert.match(op.body.problems[0].message, /tidak berwenang/);
      assert.equal(op.body.sheets[1].updated, 1, 'his own unit\'s renamed sasaran would be updated');
      assert.deepEqual(await counts(rt), before);

      // A file that is no workbook: the same 400 as the import.
      const junk = await rb.upload('/api/sakip/plan/import/preview?year=2027', {}, { name: 'rencana.xlsx', data: Buffer.from('bukan excel') });
      assert.equal(junk.status, 400, junk.raw);
      assert.deepEqual(await counts(rt), before);

      // The import checks the file again: the bad one is refused whole.
      const refusedImport = await rb.upload('/api/sakip/plan/import?year=2027', {}, { name: 'rencana.xlsx', data: bad });
      assert.equal(refusedImport.status, 400, refusedImport.raw);
      assert.deepEqual(await counts(rt), before);

      // Without the bad row: the preview says what the import then does.
      ind.spliceRows(6, 1);
      const good = Buffer.from(await wb.xlsx.writeBuffer());
      const preview = (await rb.upload('/api/sakip/plan/import/preview?year=2027', {}, { name: 'rencana.xlsx', data: good })).body;
      assert.deepEqual(preview.problems, []);
      const done = await rb.upload('/api/sakip/plan/import?year=2027', {}, { name: 'rencana.xlsx', data: good });
      assert.equal(done.status, 200, done.raw);
      assert.deepEqual(done.body, { created: preview.created, updated: preview.updated, unchanged: preview.unchanged });
      const after = await counts(rt);
      assert.deepEqual([after.plan_tujuan, after.plan_sasaran, after.audit_log], [before.plan_tujuan + 1, before.plan_sasaran + 1, before.audit_log + 3]);
    });

    test('re-link: a unit sasaran moves to another pemda sasaran (audited); a link to a unit sasaran or another period is refused', async () => {
      const tree = (await rb.get('/api/sakip/plan/tree?year=2027')).body;
      const s1 = tree.tujuan[0].sasaran.find((s: any) => s.code === 'S1');
      const duk2 = s1.units.find((u: any) => u.unitName === 'Disdukcapil').sasaran[0];
      assert.equal(duk2.pemdaSasaranId, ids.S1, 'the tree says which pemda sasaran a unit sasaran feeds');
      assert.equal(s1.tujuanId, ids.t1);
      const res = await rb.put(`/api/sakip/plan/sasaran/${ids.duk2}`, { pemdaSasaranId: ids.S2 });
      assert.equal(res.status, 200, res.raw);
      assert.equal(res.body.pemdaSasaranId, ids.S2);
      const audit = await sql<{ changes: string }>`select changes from audit_log where entity_type = 'plan_sasaran' and entity_id = ${ids.duk2} and action = 'update' order by at desc, id desc`.execute(rt.deps.db);
      assert.deepEqual(JSON.parse(audit.rows[0]!.changes).pemdaSasaranId, { before: ids.S1, after: ids.S2 });
      await refused(rb.put(`/api/sakip/plan/sasaran/${ids.duk2}`, { pemdaSasaranId: ids.blt1 }), 400, /Sasaran pemda yang dipilih tidak ada/);
      const demoS1 = (await rb.get('/api/sakip/plan/tree?year=2025')).body.tujuan[0].sasaran[0].id;
      await refused(rb.put(`/api/sakip/plan/sasaran/${ids.duk2}`, { pemdaSasaranId: demoS1 }), 400, /Sasaran pemda yang dipilih tidak ada/);
      // The edit form sends every target of the period: they replace the old ones.
      const ind = (await rb.put(`/api/sakip/plan/indicators/${ids.iku2}`, { name: 'Indeks kepuasan masyarakat', satuan: 'indeks', polarity: 'higher', baseline: 78.5, finalTarget: 86, targets: [{ year: 2027, target: 80.5 }, { year: 2028, target: 83 }, { year: 2029, target: 86 }] }));
      assert.equal(ind.status, 200, ind.raw);
      const t28 = (await rb.get('/api/sakip/plan/tree?year=2028')).body.tujuan[0].sasaran.find((s: any) => s.code === 'S2').indicators[0];
      assert.deepEqual([t28.target, t28.targets], [83, [{ year: 2027, target: 80.5 }, { year: 2028, target: 83 }, { year: 2029, target: 86 }]]);
    });
  });
}
