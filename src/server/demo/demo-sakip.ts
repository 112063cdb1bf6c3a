import type { Tx } from '../db/db.ts';
import type { PkAgreementTable, PkIndicatorTable, PkRealisationTable } from '../db/schema.ts';
import { newId } from '../lib/ids.ts';
import { holderOf } from '../modules/org/holder.ts';
import { tenantDocSettings } from '../documents/official/letterhead.ts';
import { kinerjaRepo } from '../modules/kinerja/kinerja.repo.ts';
import { SEASON_DEFAULTS } from '../modules/kinerja/kinerja.service.ts';
import { recordTransition } from '../workflow/state-machine.ts';
import { seededRandom as rng } from '../lib/seeded-random.ts';

/**
 * Demo Perjanjian Kinerja of the current year (issue 11 "Done when"): the Bupati statement and a
 * JPT Pratama PK for the head of every top-level unit (OPD, Sekretariat Daerah, 22 kecamatan),
 * signed on 2 January, each with 3–5 indicators drawn from real PK practice, quarter targets, and
 * realisations for the quarters that have ended by the seed date: earlier quarters verified, the
 * latest ended quarter verified or still submitted, and one red quarter (Disdukcapil, KIA, TW I).
 * Heads without a holder get a fictional "(demo)" holder first, so the parties come from the
 * holders as they do for real PKs. Deterministic contents (only ids are random); the year follows
 * the clock, so a demo seeded next year is next year's.
 */

type Agg = PkIndicatorTable['aggregation'];
/** [name, satuan, polarity, aggregation, annual target, TW I–IV targets, sasaran (index into the unit's list), allowNegative] */
type Spec = [string, string, 'higher' | 'lower', Agg, number, [number, number, number, number], number?, boolean?];
interface Plan {
  sasaran: string[];
  indicators: Spec[];
}

const IKM = (t: number): Spec => ['Indeks Kepuasan Masyarakat', 'nilai', 'higher', 'average', t, [t, t, t, t], 0];

/** The Bupati's statement carries the RPJMD's headline indicators (IKU pemda). */
export const BUPATI_PLAN: Plan = {
  sasaran: ['Meningkatnya pertumbuhan ekonomi daerah yang inklusif', 'Menurunnya angka kemiskinan', 'Meningkatnya kualitas sumber daya manusia', 'Meningkatnya kualitas pelayanan publik'],
  indicators: [
    ['Laju pertumbuhan ekonomi', '%', 'higher', 'last', 5.2, [4.8, 5.0, 5.1, 5.2], 0, true],
    ['Persentase penduduk miskin', '%', 'lower', 'last', 11.8, [12.4, 12.2, 12.0, 11.8], 1],
    ['Angka prevalensi stunting', '%', 'lower', 'last', 14, [17, 16, 15, 14], 2],
    ['Indeks Pembangunan Manusia', 'nilai', 'higher', 'last', 70.5, [70.5, 70.5, 70.5, 70.5], 2],
    ['Indeks Kepuasan Masyarakat', 'nilai', 'higher', 'average', 85, [85, 85, 85, 85], 3],
  ],
};

const SVC = 'Meningkatnya kualitas pelayanan publik';
/** Plans of the units by short name (or full name when the unit has none). */
export const UNIT_PLANS: Record<string, Plan> = {
  Disdukcapil: {
    sasaran: [SVC + ' administrasi kependudukan', 'Meningkatnya kepemilikan dokumen kependudukan'],
    indicators: [
      ['Persentase penduduk yang memiliki KTP-el', '%', 'higher', 'last', 98.5, [97.6, 97.9, 98.2, 98.5], 1],
      ['Persentase anak usia 0–17 tahun yang memiliki Kartu Identitas Anak (KIA)', '%', 'higher', 'last', 45, [36, 39, 42, 45], 1],
      ['Persentase kepemilikan akta kelahiran penduduk usia 0–18 tahun', '%', 'higher', 'last', 96, [94.5, 95, 95.5, 96], 1],
      IKM(85),
      ['Rata-rata waktu penerbitan dokumen kependudukan', 'hari', 'lower', 'average', 1.5, [1.5, 1.5, 1.5, 1.5], 0],
    ],
  },
  Dinkes: {
    sasaran: ['Meningkatnya derajat kesehatan masyarakat', 'Menurunnya prevalensi stunting'],
    indicators: [
      ['Angka prevalensi stunting', '%', 'lower', 'last', 14, [17, 16, 15, 14], 1],
      ['Cakupan imunisasi dasar lengkap', '%', 'higher', 'last', 95, [24, 48, 72, 95], 0],
      ['Angka kematian ibu', 'per 100.000 KH', 'lower', 'last', 90, [90, 90, 90, 90], 0],
      ['Persentase puskesmas terakreditasi paripurna', '%', 'higher', 'last', 60, [40, 45, 55, 60], 0],
    ],
  },
  Disdikbud: {
    sasaran: ['Meningkatnya akses dan mutu pendidikan'],
    indicators: [
      ['Angka partisipasi murni SD/MI', '%', 'higher', 'last', 98, [97.5, 97.5, 98, 98]],
      ['Angka partisipasi murni SMP/MTs', '%', 'higher', 'last', 80, [78, 78.5, 79.5, 80]],
      ['Angka putus sekolah SD', '%', 'lower', 'last', 0.12, [0.15, 0.14, 0.13, 0.12]],
      ['Persentase sekolah terakreditasi minimal B', '%', 'higher', 'last', 85, [80, 82, 84, 85]],
    ],
  },
  Bappeda: {
    sasaran: ['Meningkatnya kualitas perencanaan pembangunan daerah'],
    indicators: [
      ['Persentase keselarasan program RKPD dengan RPJMD', '%', 'higher', 'last', 100, [100, 100, 100, 100]],
      ['Nilai komponen perencanaan kinerja pada evaluasi SAKIP', 'nilai', 'higher', 'last', 24, [24, 24, 24, 24]],
      ['Jumlah dokumen perencanaan yang ditetapkan tepat waktu', 'dokumen', 'higher', 'sum', 6, [1, 2, 2, 1]],
    ],
  },
  Balitbangda: {
    sasaran: ['Meningkatnya inovasi daerah'],
    indicators: [
      ['Jumlah inovasi daerah yang diterapkan', 'inovasi', 'higher', 'sum', 25, [4, 6, 8, 7]],
      ['Indeks Inovasi Daerah', 'nilai', 'higher', 'last', 60, [60, 60, 60, 60]],
      ['Jumlah kajian kebijakan yang dimanfaatkan', 'kajian', 'higher', 'sum', 4, [1, 1, 1, 1]],
    ],
  },
  Inspektorat: {
    sasaran: ['Meningkatnya akuntabilitas kinerja dan pengelolaan keuangan daerah'],
    indicators: [
      ['Persentase tindak lanjut rekomendasi hasil pemeriksaan', '%', 'higher', 'last', 90, [70, 78, 85, 90]],
      ['Nilai maturitas SPIP', 'level', 'higher', 'last', 3.5, [3.5, 3.5, 3.5, 3.5]],
      ['Level kapabilitas APIP', 'level', 'higher', 'last', 3, [3, 3, 3, 3]],
      ['Jumlah temuan berulang', 'temuan', 'lower', 'sum', 8, [2, 2, 2, 2]],
    ],
  },
  Setda: {
    sasaran: ['Meningkatnya kualitas tata kelola pemerintahan'],
    indicators: [
      ['Nilai SAKIP Pemerintah Kabupaten', 'nilai', 'higher', 'last', 72, [72, 72, 72, 72]],
      ['Indeks Reformasi Birokrasi', 'nilai', 'higher', 'last', 70, [70, 70, 70, 70]],
      ['Persentase perangkat daerah dengan nilai SAKIP minimal B', '%', 'higher', 'last', 75, [60, 65, 70, 75]],
    ],
  },
  BPKAD: {
    sasaran: ['Meningkatnya akuntabilitas pengelolaan keuangan dan aset daerah'],
    indicators: [
      ['Persentase realisasi belanja daerah', '%', 'higher', 'last', 95, [18, 42, 68, 95]],
      ['Jumlah temuan BPK atas pengelolaan aset', 'temuan', 'lower', 'sum', 4, [1, 1, 1, 1]],
      ['Persentase aset tanah yang bersertifikat', '%', 'higher', 'last', 65, [58, 60, 63, 65]],
    ],
  },
  Bapenda: {
    sasaran: ['Meningkatnya pendapatan asli daerah'],
    indicators: [
      ['Realisasi pendapatan asli daerah', 'miliar rupiah', 'higher', 'sum', 260, [55, 65, 70, 70]],
      ['Persentase realisasi PBB-P2 terhadap ketetapan', '%', 'higher', 'last', 75, [15, 35, 55, 75]],
      ['Rasio tunggakan pajak daerah', '%', 'lower', 'last', 8, [10, 9.5, 9, 8]],
    ],
  },
  Diskominfo: {
    sasaran: ['Meningkatnya penyelenggaraan pemerintahan berbasis elektronik'],
    indicators: [
      ['Indeks SPBE', 'nilai', 'higher', 'last', 2.9, [2.9, 2.9, 2.9, 2.9]],
      ['Persentase perangkat daerah yang terhubung jaringan intra pemerintah', '%', 'higher', 'last', 95, [85, 88, 92, 95]],
      ['Jumlah layanan publik berbasis elektronik', 'layanan', 'higher', 'last', 40, [32, 35, 38, 40]],
      ['Rata-rata waktu penanganan aduan masyarakat', 'hari', 'lower', 'average', 3, [3, 3, 3, 3]],
    ],
  },
  Dinsos: {
    sasaran: ['Meningkatnya kesejahteraan sosial masyarakat'],
    indicators: [
      ['Persentase PPKS yang mendapatkan pelayanan kesejahteraan sosial', '%', 'higher', 'last', 80, [20, 40, 60, 80]],
      ['Persentase data terpadu kesejahteraan sosial yang dimutakhirkan', '%', 'higher', 'last', 100, [25, 50, 75, 100]],
      ['Jumlah keluarga penerima manfaat yang graduasi mandiri', 'KK', 'higher', 'sum', 400, [100, 100, 100, 100]],
    ],
  },
  'RSUD dr. H.M. Rabain': {
    sasaran: ['Meningkatnya mutu pelayanan kesehatan rujukan'],
    indicators: [
      IKM(84),
      ['Bed occupancy rate (BOR)', '%', 'higher', 'average', 75, [75, 75, 75, 75]],
      ['Net death rate (NDR)', '‰', 'lower', 'average', 25, [25, 25, 25, 25]],
      ['Rata-rata waktu tunggu rawat jalan', 'menit', 'lower', 'average', 60, [60, 60, 60, 60]],
    ],
  },
  BKPSDM: {
    sasaran: ['Meningkatnya profesionalitas aparatur sipil negara'],
    indicators: [
      ['Indeks Profesionalitas ASN', 'nilai', 'higher', 'last', 72, [72, 72, 72, 72]],
      ['Persentase ASN yang mengikuti pengembangan kompetensi minimal 20 JP', '%', 'higher', 'last', 85, [20, 45, 65, 85]],
      ['Persentase jabatan yang diisi sesuai standar kompetensi', '%', 'higher', 'last', 90, [84, 86, 88, 90]],
    ],
  },
  Kesbangpol: {
    sasaran: ['Terjaganya ketenteraman dan kerukunan masyarakat'],
    indicators: [
      ['Persentase potensi konflik sosial yang tertangani', '%', 'higher', 'average', 100, [100, 100, 100, 100]],
      ['Jumlah kegiatan wawasan kebangsaan', 'kegiatan', 'higher', 'sum', 12, [3, 3, 3, 3]],
      ['Persentase organisasi kemasyarakatan yang aktif melapor', '%', 'higher', 'last', 80, [65, 70, 75, 80]],
    ],
  },
  'Dinas PUPR': {
    sasaran: ['Meningkatnya kualitas infrastruktur wilayah'],
    indicators: [
      ['Persentase jalan kabupaten dalam kondisi mantap', '%', 'higher', 'last', 72, [68, 69, 70, 72]],
      ['Persentase rumah tangga dengan akses air minum layak', '%', 'higher', 'last', 88, [85, 86, 87, 88]],
      ['Persentase luas daerah irigasi dalam kondisi baik', '%', 'higher', 'last', 70, [64, 66, 68, 70]],
    ],
  },
  Dishub: {
    sasaran: ['Meningkatnya keselamatan dan kelancaran lalu lintas'],
    indicators: [
      ['Persentase ketersediaan fasilitas perlengkapan jalan', '%', 'higher', 'last', 65, [58, 60, 63, 65]],
      ['Jumlah kecelakaan lalu lintas', 'kejadian', 'lower', 'sum', 120, [30, 30, 30, 30]],
      ['Persentase kendaraan wajib uji yang lulus uji berkala', '%', 'higher', 'average', 90, [90, 90, 90, 90]],
    ],
  },
  DPMD: {
    sasaran: ['Meningkatnya kemandirian desa'],
    indicators: [
      ['Jumlah desa berstatus mandiri', 'desa', 'higher', 'last', 30, [24, 26, 28, 30]],
      ['Persentase desa yang menyampaikan laporan dana desa tepat waktu', '%', 'higher', 'last', 100, [100, 100, 100, 100]],
      ['Indeks Desa Membangun', 'nilai', 'higher', 'last', 0.68, [0.68, 0.68, 0.68, 0.68]],
    ],
  },
  DPPKB: {
    sasaran: ['Terkendalinya pertumbuhan penduduk', 'Menurunnya keluarga berisiko stunting'],
    indicators: [
      ['Angka kelahiran total (TFR)', 'anak per wanita', 'lower', 'last', 2.2, [2.3, 2.25, 2.2, 2.2], 0],
      ['Persentase peserta KB aktif metode modern (mCPR)', '%', 'higher', 'last', 62, [60, 61, 61.5, 62], 0],
      ['Persentase keluarga berisiko stunting yang didampingi', '%', 'higher', 'last', 90, [40, 60, 80, 90], 1],
    ],
  },
  DPPPA: {
    sasaran: ['Meningkatnya perlindungan perempuan dan anak'],
    indicators: [
      ['Indeks Pembangunan Gender', 'nilai', 'higher', 'last', 89, [89, 89, 89, 89]],
      ['Persentase kasus kekerasan terhadap perempuan dan anak yang tertangani', '%', 'higher', 'average', 100, [100, 100, 100, 100]],
      ['Jumlah desa ramah perempuan dan peduli anak', 'desa', 'higher', 'last', 40, [28, 32, 36, 40]],
    ],
  },
  Disparekraf: {
    sasaran: ['Meningkatnya kontribusi pariwisata dan ekonomi kreatif'],
    indicators: [
      ['Jumlah kunjungan wisatawan', 'orang', 'higher', 'sum', 450000, [90000, 120000, 100000, 140000]],
      ['Jumlah pelaku ekonomi kreatif yang difasilitasi', 'pelaku usaha', 'higher', 'sum', 120, [30, 30, 30, 30]],
      ['Rata-rata lama tinggal wisatawan', 'hari', 'higher', 'average', 1.8, [1.8, 1.8, 1.8, 1.8]],
    ],
  },
  BPBD: {
    sasaran: ['Meningkatnya ketangguhan masyarakat menghadapi bencana'],
    indicators: [
      ['Persentase desa tangguh bencana', '%', 'higher', 'last', 25, [20, 22, 24, 25]],
      ['Rata-rata waktu tanggap darurat bencana', 'jam', 'lower', 'average', 6, [6, 6, 6, 6]],
      ['Persentase kejadian bencana yang tertangani', '%', 'higher', 'average', 100, [100, 100, 100, 100]],
    ],
  },
};

/** The 22 camat share the kecamatan's tasks; targets differ a little per kecamatan. */
function kecamatanPlan(i: number): Plan {
  const ikm = 82 + (i % 4);
  return {
    sasaran: [SVC + ' di kecamatan', 'Meningkatnya kualitas penyelenggaraan pemerintahan desa'],
    indicators: [
      ['Indeks Kepuasan Masyarakat terhadap layanan PATEN', 'nilai', 'higher', 'average', ikm, [ikm, ikm, ikm, ikm], 0],
      ['Persentase permohonan layanan administrasi yang selesai sesuai SOP', '%', 'higher', 'average', 95, [95, 95, 95, 95], 0],
      ['Persentase desa yang menetapkan APBDes tepat waktu', '%', 'higher', 'last', 100, [100, 100, 100, 100], 1],
      ['Jumlah balita stunting di wilayah kecamatan', 'anak', 'lower', 'last', 60 + 5 * (i % 5), [75 + 5 * (i % 5), 70 + 5 * (i % 5), 65 + 5 * (i % 5), 60 + 5 * (i % 5)], 1],
    ],
  };
}

/** Any other perangkat daerah. */
const GENERIC_PLAN: Plan = {
  sasaran: ['Meningkatnya kinerja urusan perangkat daerah', 'Meningkatnya akuntabilitas kinerja perangkat daerah'],
  indicators: [
    ['Persentase capaian sasaran strategis perangkat daerah', '%', 'higher', 'last', 90, [75, 80, 85, 90], 0],
    ['Persentase realisasi anggaran', '%', 'higher', 'last', 95, [20, 45, 70, 95], 1],
    ['Nilai SAKIP perangkat daerah', 'nilai', 'higher', 'last', 70, [70, 70, 70, 70], 1],
  ],
};

const FIRST: Array<[string, 'L' | 'P']> = [
  ['Ahmad Fauzi', 'L'], ['Budi Hartono', 'L'], ['Citra Anggraini', 'P'], ['Darmawan Syah', 'L'], ['Eko Prasetyo', 'L'], ['Fitri Handayani', 'P'],
  ['Gunawan Saleh', 'L'], ['Hasanuddin', 'L'], ['Indah Permata', 'P'], ['Joko Susilo', 'L'], ['Kartika Sari', 'P'], ['Lukman Hakim', 'L'],
  ['Maya Puspita', 'P'], ['Nurhayati', 'P'], ['Rudi Hermawan', 'L'], ['Syahrial Effendi', 'L'], ['Taufik Hidayat', 'L'], ['Wulan Dari', 'P'],
  ['Yusuf Mansyur', 'L'], ['Zulkifli Amin', 'L'], ['Agus Salim', 'L'], ['Bambang Irawan', 'L'], ['Dewi Kartini', 'P'], ['Erwin Saputra', 'L'],
  ['Fauzan Azima', 'L'], ['Hariyanto', 'L'], ['Irwansyah', 'L'], ['Juliana Siregar', 'P'], ['Komaruddin', 'L'], ['Lestari Ningsih', 'P'],
  ['Mulyadi Rahman', 'L'], ['Novita Sari', 'P'], ['Ramli Harahap', 'L'], ['Suryani', 'P'], ['Teguh Wibowo', 'L'], ['Umar Said', 'L'],
  ['Vivi Oktaviani', 'P'], ['Wahyu Nugroho', 'L'], ['Yanti Mariani', 'P'], ['Zainal Abidin', 'L'], ['Anwar Sanusi', 'L'], ['Bayu Aji', 'L'],
  ['Candra Kirana', 'P'], ['Dian Lestari', 'P'], ['Effendi Nasution', 'L'], ['Ferry Kurniawan', 'L'], ['Ginanjar Putra', 'L'], ['Heru Santoso', 'L'],
];
const DEGREES = ['S.E., M.M.', 'S.H., M.H.', 'S.STP., M.Si.', 'S.Sos., M.Si.', 'S.T., M.T.', 'S.Pd., M.Pd.', 'S.Kom., M.T.I.', 'S.P., M.Si.'];


const COUNT_UNITS = new Set(['dokumen', 'inovasi', 'kajian', 'temuan', 'layanan', 'KK', 'kegiatan', 'kejadian', 'desa', 'orang', 'pelaku usaha', 'anak']);
function rounded(v: number, satuan: string): number {
  if (COUNT_UNITS.has(satuan) || Math.abs(v) >= 1000) return Math.round(v);
  return Math.round(v * 100) / 100;
}

/** The last day of each quarter of a year; a quarter has ended when today is after it. */
export function endedQuarters(year: number, today: string): number[] {
  const ends = [`${year}-03-31`, `${year}-06-30`, `${year}-09-30`, `${year}-12-31`];
  return [1, 2, 3, 4].filter((q) => today > ends[q - 1]!);
}

const at = (date: string, hour: number, now: string) => {
  const s = `${date}T${String(hour).padStart(2, '0')}:00:00.000Z`;
  return s < now ? s : now;
};
const plusDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export interface SakipDemoSummary {
  pks: number;
  indicators: number;
  realisations: number;
  heads: number;
}

/**
 * Seeds the current year's demo PKs into a demo tenant (inside the demo seed's transaction).
 * `users` maps demo usernames to their ids (who entered, submitted, verified).
 */
const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * The plan indicators of a unit's Renstra (the RPJMD for the Bupati) in the period holding the
 * year, by name: a demo PK indicator of the same name is linked to it, as a PK drafted from the
 * plan would be (the plan is seeded before the PKs).
 */
async function planIndicatorsByName(tx: Tx, tenantId: string, unitId: string | null, year: number) {
  let q = tx
    .selectFrom('planIndicators as i')
    .innerJoin('planSasaran as s', (j) => j.onRef('s.tenantId', '=', 'i.tenantId').onRef('s.id', '=', 'i.sasaranId'))
    .innerJoin('planPeriods as p', (j) => j.onRef('p.tenantId', '=', 'i.tenantId').onRef('p.id', '=', 'i.periodId'))
    .select(['i.id', 'i.name', 'i.code'])
    .where('i.tenantId', '=', tenantId)
    .where('p.startYear', '<=', year)
    .where('p.endYear', '>=', year);
  q = unitId ? q.where('s.unitId', '=', unitId) : q.where('s.unitId', 'is', null);
  const rows = await q.execute();
  return new Map([...rows.map((r) => [norm(r.name), r.id] as const), ...rows.map((r) => [`code:${r.code}`, r.id] as const)]);
}

/** PK indicators worded otherwise than the plan indicator they carry (the link is by plan code). */
const PLAN_CODE_OF: Record<string, string> = {
  [norm('Persentase penduduk miskin')]: 'IKU-02',
  [norm('Angka prevalensi stunting')]: 'IKU-03',
  [norm('Indeks Pembangunan Manusia')]: 'IKU-04',
  [norm('Persentase penduduk yang memiliki KTP-el')]: 'DUK-I1',
  [norm('Persentase kepemilikan akta kelahiran penduduk usia 0–18 tahun')]: 'DUK-I2',
};
const linkOf = (fromPlan: Map<string, string>, name: string) => fromPlan.get(norm(name)) ?? fromPlan.get(`code:${PLAN_CODE_OF[norm(name)]}`) ?? null;

export async function seedDemoSakip(tx: Tx, tenantId: string, now: string, users: Record<string, string>, opts: { pks: boolean; today?: string } = { pks: true }): Promise<SakipDemoSummary> {
  // The region's day (the caller's regionToday), else the UTC day of `now`.
  const today = opts.today ?? now.slice(0, 10);
  const year = Number(today.slice(0, 4));
  const signedOn = `${year}-01-02`;
  const ended = endedQuarters(year, today);
  const r = rng(2026_11);

  const units = await tx.selectFrom('units').select(['id', 'name', 'shortName', 'type', 'parentId']).where('tenantId', '=', tenantId).where('isActive', '=', 1).orderBy('name').execute();
  const top = units.filter((u) => !u.parentId);
  const heads = await tx.selectFrom('positions').select(['id', 'unitId']).where('tenantId', '=', tenantId).where('isHead', '=', 1).execute();
  const headOf = new Map(heads.map((h) => [h.unitId, h.id]));

  // Fictional holders for the vacant head positions of top-level units (appointed a year earlier).
  let added = 0;
  for (const u of top) {
    const position = headOf.get(u.id);
    if (!position || (await holderOf(tx, tenantId, position, signedOn))) continue;
    const [first, sex] = FIRST[added % FIRST.length]!;
    const camat = u.type === 'kecamatan';
    const name = `${first}, ${camat ? 'S.STP., M.Si.' : DEGREES[added % DEGREES.length]} (demo)`;
    const birthYear = 1968 + (added % 13);
    const nip = `${birthYear}${String(1 + (added % 12)).padStart(2, '0')}${String(10 + (added % 18)).padStart(2, '0')}${birthYear + 25}03${sex === 'L' ? 1 : 2}${String(101 + added).padStart(3, '0')}`;
    const rank = u.type === 'sekretariat_daerah' ? 'Pembina Utama Madya (IV/d)' : camat ? 'Pembina (IV/a)' : 'Pembina Utama Muda (IV/c)';
    const personId = newId();
    await tx.insertInto('people').values({ tenantId, id: personId, name, nip, kind: 'PNS', rank, unitId: u.id, createdAt: now, updatedAt: now }).execute();
    // Definitive heads: the demo's acting head (Plt.) stays the one of Balitbangda (demo.ts).
    const kind = 'definitif';
    await tx.insertInto('assignments').values({ tenantId, id: newId(), positionId: position, personId, kind, startDate: `${year - 1}-01-02`, endDate: null, decreeNumber: null, createdAt: now, updatedAt: now }).execute();
    added++;
  }
  // SERASAN_SEED_DEMO_SAKIP=holders: a region ready for its signing season, without this year's PKs.
  if (!opts.pks) return { pks: 0, indicators: 0, realisations: 0, heads: added };

  const settings = await tenantDocSettings(tx, tenantId);
  if (!settings.headTitle || !settings.headName) throw new Error('demo SAKIP: the demo tenant has no head of region in its document settings');
  const bupati = { name: settings.headName, title: settings.headTitle };

  let kec = 0;
  const summary: SakipDemoSummary = { pks: 0, indicators: 0, realisations: 0, heads: added };
  const targets: Array<{ unit: (typeof top)[number] | null; plan: Plan }> = [{ unit: null, plan: BUPATI_PLAN }];
  for (const u of top) targets.push({ unit: u, plan: u.type === 'kecamatan' ? kecamatanPlan(kec++) : (UNIT_PLANS[u.shortName ?? u.name] ?? GENERIC_PLAN) });

  for (const [n, { unit, plan }] of targets.entries()) {
    const positionId = unit ? headOf.get(unit.id) : null;
    let first: Pick<PkAgreementTable, 'firstName' | 'firstTitle' | 'firstNip' | 'firstRank' | 'firstKind'>;
    if (unit) {
      if (!positionId) continue;
      const h = await holderOf(tx, tenantId, positionId, signedOn);
      if (!h) continue;
      first = { firstName: h.name, firstTitle: h.positionTitle, firstNip: h.nip, firstRank: h.rank, firstKind: h.kind };
    } else {
      first = { firstName: bupati.name, firstTitle: bupati.title, firstNip: null, firstRank: null, firstKind: 'kepala_daerah' };
    }
    const pk: PkAgreementTable = {
      tenantId,
      id: newId(),
      year,
      level: unit ? 'jpt_pratama' : 'bupati',
      positionId: positionId ?? null,
      unitId: unit?.id ?? null,
      status: 'signed',
      signedOn,
      ...SEASON_DEFAULTS,
      signedAt: `${signedOn}T02:00:00.000Z`,
      signingMode: 'ceremony',
      ...first,
      secondPositionId: null,
      secondName: unit ? bupati.name : null,
      secondTitle: unit ? bupati.title : null,
      secondNip: null,
      secondRank: null,
      secondKind: unit ? 'kepala_daerah' : null,
      createdBy: users.rb ?? null,
      createdAt: at(`${year - 1}-12-15`, 2, now),
      updatedAt: at(signedOn, 3, now),
    };
    await kinerjaRepo.insert(tx, pk);
    await recordTransition(tx, { tenantId, entityType: 'pk', entityId: pk.id, fromState: 'draft', toState: 'signed', action: 'sign', actor: users.rb ? { userId: users.rb, name: 'Tim RB Bagian Organisasi (demo)' } : null, at: at(signedOn, 3, now) });
    summary.pks++;

    const isDukcapil = unit?.shortName === 'Disdukcapil';
    const entrant = isDukcapil ? users.operator : users.admin;
    const submitter = isDukcapil ? users.kepala : users.admin;
    const verifier = users.inspektorat;
    const fromPlan = await planIndicatorsByName(tx, tenantId, unit?.id ?? null, year);
    for (const [seq, [name, satuan, polarity, aggregation, target, q, s, allowNegative]] of plan.indicators.entries()) {
      const ind: PkIndicatorTable = {
        planIndicatorId: linkOf(fromPlan, name),
        tenantId,
        id: newId(),
        pkId: pk.id,
        seq: seq + 1,
        sasaran: plan.sasaran[s ?? 0] ?? plan.sasaran[0]!,
        name,
        unit: satuan,
        polarity,
        aggregation,
        allowNegative: allowNegative ? 1 : 0,
        target,
        q1Target: q[0],
        q2Target: q[1],
        q3Target: q[2],
        q4Target: q[3],
        createdAt: pk.createdAt,
      };
      await kinerjaRepo.insertIndicator(tx, ind);
      summary.indicators++;
      for (const quarter of ended) {
        const qt = q[quarter - 1]!;
        // The one red quarter: Disdukcapil's KIA coverage in TW I (the blanko ran out).
        const red = isDukcapil && seq === 1 && quarter === 1;
        // Counts per quarter swing more than levels (coverage, indices), which move by a point or two.
        const spread = aggregation === 'sum' ? (polarity === 'higher' ? [0.88, 0.2] : [0.9, 0.2]) : polarity === 'higher' ? [0.975, 0.045] : [0.97, 0.07];
        const factor = red ? 0.55 : spread[0]! + r() * spread[1]!;
        const value = rounded(satuan === '%' ? Math.min(100, qt * factor) : qt * factor, satuan);
        const latest = quarter === ended.at(-1);
        // The latest ended quarter waits for the verifier in a third of the units (and Disdukcapil).
        const status: PkRealisationTable['status'] = latest && quarter > 1 && (isDukcapil || n % 3 === 0) ? 'submitted' : 'verified';
        const qEnd = [`${year}-03-31`, `${year}-06-30`, `${year}-09-30`, `${year}-12-31`][quarter - 1]!;
        const row: PkRealisationTable = {
          tenantId,
          indicatorId: ind.id,
          quarter,
          value,
          note: red ? 'Blanko KIA dari Ditjen Dukcapil terlambat datang; perekaman ditunda sampai Februari. (data demo)' : null,
          status,
          enteredBy: entrant ?? 'seed-demo',
          enteredAt: at(plusDays(qEnd, 5), 2, now),
          submittedBy: submitter ?? null,
          submittedAt: at(plusDays(qEnd, 7), 3, now),
          verifiedBy: status === 'verified' ? (verifier ?? null) : null,
          verifiedAt: status === 'verified' ? at(plusDays(qEnd, 14), 4, now) : null,
        };
        await kinerjaRepo.insertRealisation(tx, row);
        const entityId = `${ind.id}:${quarter}`;
        await recordTransition(tx, { tenantId, entityType: 'pk_realisation', entityId, fromState: 'draft', toState: 'submitted', action: 'submit', actor: submitter ? { userId: submitter, name: isDukcapil ? 'Kepala Disdukcapil (demo)' : 'Admin Diskominfo (demo)' } : null, at: row.submittedAt! });
        if (status === 'verified') await recordTransition(tx, { tenantId, entityType: 'pk_realisation', entityId, fromState: 'submitted', toState: 'verified', action: 'verify', actor: verifier ? { userId: verifier, name: 'Auditor Inspektorat (demo)' } : null, at: row.verifiedAt! });
        summary.realisations++;
      }
    }
  }
  return summary;
}
