import type { Tx } from '../db/db.ts';
import type { PlanProgramLevel } from '../db/schema.ts';
import { newId } from '../lib/ids.ts';

/**
 * The demo region's medium-term plan (issue 11 item 1): an RPJMD 2024–2026 of Muara Enim with the
 * themes the pemda reports on (pertumbuhan ekonomi, kemiskinan, stunting, IPM, indeks inovasi
 * daerah, kualitas pelayanan publik) and the Renstra of four units (Disdukcapil, Dinkes, Bappeda,
 * a kecamatan) with programmes, kegiatan and budgets. Figures are plausible, not official; the
 * period is marked is_demo = 1 and named "(demo)". Deterministic: no randomness, fixed order.
 * The cascade check has something to show: the indeks inovasi sasaran is carried by no unit
 * here, and one sasaran of the kecamatan feeds no pemda sasaran.
 */
type Ind = [code: string, name: string, satuan: string, polarity: 'higher' | 'lower', baseline: number, targets: [number, number, number]];
interface Sas {
  code: string;
  name: string;
  tujuan?: string;
  pemda?: string | null;
  indicators: Ind[];
}
interface Prog {
  code: string;
  name: string;
  sasaran: string;
  /** pagu 2024 in rupiah; later years grow 5 % a year; realisasi 2024 94 %, 2025 91 %, 2026 none yet. */
  pagu?: number;
  kegiatan?: Array<{ code: string; name: string; pagu: number }>;
}

const TUJUAN: Array<[string, string]> = [
  ['T1', 'Meningkatnya pertumbuhan ekonomi dan kesejahteraan masyarakat'],
  ['T2', 'Meningkatnya kualitas sumber daya manusia'],
  ['T3', 'Meningkatnya tata kelola pemerintahan dan kualitas pelayanan publik'],
];

const PEMDA: Sas[] = [
  { code: 'S1', tujuan: 'T1', name: 'Meningkatnya pertumbuhan ekonomi daerah', indicators: [['IKU-01', 'Laju pertumbuhan ekonomi', '%', 'higher', 4.95, [5.1, 5.2, 5.35]]] },
  { code: 'S2', tujuan: 'T1', name: 'Menurunnya angka kemiskinan', indicators: [['IKU-02', 'Persentase penduduk miskin', '%', 'lower', 11.99, [11.6, 11.2, 10.8]]] },
  { code: 'S3', tujuan: 'T2', name: 'Menurunnya prevalensi stunting', indicators: [['IKU-03', 'Prevalensi stunting pada balita', '%', 'lower', 22.8, [19.5, 17, 14]]] },
  { code: 'S4', tujuan: 'T2', name: 'Meningkatnya Indeks Pembangunan Manusia', indicators: [['IKU-04', 'Indeks Pembangunan Manusia (IPM)', 'indeks', 'higher', 70.35, [70.9, 71.4, 71.9]]] },
  { code: 'S5', tujuan: 'T3', name: 'Meningkatnya inovasi daerah', indicators: [['IKU-05', 'Indeks Inovasi Daerah', 'skor', 'higher', 52.4, [56, 60, 65]]] },
  {
    code: 'S6',
    tujuan: 'T3',
    name: 'Meningkatnya kualitas pelayanan publik',
    indicators: [
      ['IKU-06', 'Indeks Kepuasan Masyarakat (IKM)', 'indeks', 'higher', 80.1, [81, 82, 83]],
      ['IKU-07', 'Nilai evaluasi SAKIP', 'nilai', 'higher', 70.12, [71, 72.5, 74]],
    ],
  },
];

const UNITS: Array<{ find: { short: string } | { code: string }; sasaran: Sas[]; programs: Prog[] }> = [
  {
    find: { short: 'Disdukcapil' },
    sasaran: [
      { code: 'DUK-S1', pemda: 'S6', name: 'Meningkatnya kualitas layanan administrasi kependudukan', indicators: [
        ['DUK-I1', 'Persentase penduduk wajib KTP-el yang telah merekam', '%', 'higher', 96.8, [97.5, 98, 98.5]],
        ['DUK-I2', 'Persentase anak 0–18 tahun yang memiliki akta kelahiran', '%', 'higher', 92.3, [94, 95.5, 97]],
      ] },
    ],
    programs: [
      { code: '2.12.02', name: 'Program Pendaftaran Penduduk', sasaran: 'DUK-S1', kegiatan: [{ code: '2.12.02.2.01', name: 'Pelayanan Pendaftaran Penduduk', pagu: 1_185_000_000 }] },
      { code: '2.12.03', name: 'Program Pencatatan Sipil', sasaran: 'DUK-S1', kegiatan: [{ code: '2.12.03.2.01', name: 'Pelayanan Pencatatan Sipil', pagu: 742_500_000 }] },
      { code: '2.12.04', name: 'Program Pengelolaan Informasi Administrasi Kependudukan', sasaran: 'DUK-S1', pagu: 615_000_000 },
    ],
  },
  {
    find: { short: 'Dinkes' },
    sasaran: [
      { code: 'DKS-S1', pemda: 'S3', name: 'Menurunnya prevalensi balita stunting', indicators: [['DKS-I1', 'Persentase balita stunting (hasil penimbangan)', '%', 'lower', 21.4, [18.5, 16, 13.5]]] },
      { code: 'DKS-S2', pemda: 'S4', name: 'Meningkatnya derajat kesehatan masyarakat', indicators: [['DKS-I2', 'Angka harapan hidup', 'tahun', 'higher', 69.3, [69.5, 69.7, 69.9]]] },
    ],
    programs: [
      { code: '1.02.02', name: 'Program Pemenuhan Upaya Kesehatan Perorangan dan Upaya Kesehatan Masyarakat', sasaran: 'DKS-S1', kegiatan: [
        { code: '1.02.02.2.01', name: 'Penyediaan Fasilitas Pelayanan Kesehatan untuk UKM dan UKP Kewenangan Daerah Kabupaten/Kota', pagu: 18_450_000_000 },
        { code: '1.02.02.2.02', name: 'Penyediaan Layanan Kesehatan untuk UKM dan UKP Rujukan Tingkat Daerah Kabupaten/Kota', pagu: 9_875_000_000 },
      ] },
      { code: '1.02.03', name: 'Program Peningkatan Kapasitas Sumber Daya Manusia Kesehatan', sasaran: 'DKS-S2', pagu: 1_240_000_000 },
    ],
  },
  {
    find: { short: 'Bappeda' },
    sasaran: [
      { code: 'BPD-S1', pemda: 'S1', name: 'Meningkatnya kualitas perencanaan pembangunan daerah', indicators: [['BPD-I1', 'Persentase konsistensi program RKPD terhadap RPJMD', '%', 'higher', 88, [90, 92, 95]]] },
      { code: 'BPD-S2', pemda: 'S2', name: 'Meningkatnya keterpaduan program penanggulangan kemiskinan', indicators: [['BPD-I2', 'Persentase program penanggulangan kemiskinan yang terpadu', '%', 'higher', 70, [75, 80, 85]]] },
    ],
    programs: [
      { code: '5.01.02', name: 'Program Perencanaan, Pengendalian dan Evaluasi Pembangunan Daerah', sasaran: 'BPD-S1', pagu: 2_350_000_000 },
      { code: '5.01.03', name: 'Program Koordinasi dan Sinkronisasi Perencanaan Pembangunan Daerah', sasaran: 'BPD-S2', pagu: 1_475_000_000 },
    ],
  },
  {
    find: { code: '16.03.02' },
    sasaran: [
      { code: 'KEC-S1', pemda: 'S6', name: 'Meningkatnya kualitas pelayanan administrasi terpadu kecamatan (PATEN)', indicators: [['KEC-I1', 'Indeks Kepuasan Masyarakat layanan PATEN', 'indeks', 'higher', 78.6, [80, 81, 82]]] },
      { code: 'KEC-S2', pemda: null, name: 'Meningkatnya ketertiban administrasi kantor kecamatan', indicators: [['KEC-I2', 'Persentase arsip kecamatan yang tertata', '%', 'higher', 60, [70, 80, 90]]] },
    ],
    programs: [
      { code: '7.01.02', name: 'Program Penyelenggaraan Pemerintahan dan Pelayanan Publik', sasaran: 'KEC-S1', pagu: 845_000_000 },
      { code: '7.01.03', name: 'Program Pemberdayaan Masyarakat Desa dan Kelurahan', sasaran: 'KEC-S1', pagu: 512_000_000 },
    ],
  },
];

const YEARS = [2024, 2025, 2026] as const;
const budgetRows = (pagu2024: number) =>
  YEARS.map((year, i) => {
    const pagu = Math.round((pagu2024 * 1.05 ** i) / 1000) * 1000;
    const realisasi = year === 2024 ? Math.round((pagu * 0.94) / 1000) * 1000 : year === 2025 ? Math.round((pagu * 0.91) / 1000) * 1000 : null;
    return { year, pagu, realisasi };
  });

export async function seedDemoPlan(tx: Tx, tenantId: string, now: string): Promise<number> {
  const units = await tx.selectFrom('units').select(['id', 'shortName', 'code']).where('tenantId', '=', tenantId).execute();
  const periodId = newId();
  await tx.insertInto('planPeriods').values({ tenantId, id: periodId, name: 'RPJMD Kabupaten Muara Enim 2024–2026 (demo)', startYear: 2024, endYear: 2026, isDemo: 1, createdAt: now, updatedAt: now }).execute();
  const tujuanId = new Map<string, string>();
  for (const [code, name] of TUJUAN) {
    const id = newId();
    tujuanId.set(code, id);
    await tx.insertInto('planTujuan').values({ tenantId, id, periodId, code, name, createdAt: now, updatedAt: now }).execute();
  }
  const sasaranId = new Map<string, string>();
  let rows = 0;
  const addSasaran = async (s: Sas, unitId: string | null) => {
    const id = newId();
    sasaranId.set(s.code, id);
    await tx.insertInto('planSasaran').values({ tenantId, id, periodId, unitId, tujuanId: s.tujuan ? tujuanId.get(s.tujuan)! : null, pemdaSasaranId: s.pemda ? sasaranId.get(s.pemda)! : null, code: s.code, name: s.name, createdAt: now, updatedAt: now }).execute();
    for (const [code, name, satuan, polarity, baseline, targets] of s.indicators) {
      const indicatorId = newId();
      await tx.insertInto('planIndicators').values({ tenantId, id: indicatorId, periodId, sasaranId: id, code, name, satuan, polarity, baseline, finalTarget: targets[2], createdAt: now, updatedAt: now }).execute();
      await tx.insertInto('planTargets').values(YEARS.map((year, i) => ({ tenantId, indicatorId, year, target: targets[i]! }))).execute();
    }
    rows++;
  };
  for (const s of PEMDA) await addSasaran(s, null);
  for (const u of UNITS) {
    const unit = units.find((x) => ('short' in u.find ? x.shortName === u.find.short : x.code === u.find.code));
    if (!unit) continue;
    for (const s of u.sasaran) await addSasaran(s, unit.id);
    const addProgram = async (code: string, name: string, level: PlanProgramLevel, parentId: string | null, sasaran: string | null, pagu: number | undefined) => {
      const id = newId();
      await tx.insertInto('planPrograms').values({ tenantId, id, periodId, unitId: unit.id, parentId, level, sasaranId: sasaran ? sasaranId.get(sasaran)! : null, code, name, createdAt: now, updatedAt: now }).execute();
      if (pagu !== undefined) await tx.insertInto('planBudgets').values(budgetRows(pagu).map((b) => ({ tenantId, programId: id, ...b }))).execute();
      return id;
    };
    for (const p of u.programs) {
      const id = await addProgram(p.code, p.name, 'program', null, p.sasaran, p.pagu);
      for (const k of p.kegiatan ?? []) await addProgram(k.code, k.name, 'kegiatan', id, null, k.pagu);
    }
  }
  return rows;
}
