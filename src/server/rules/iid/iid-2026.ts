/**
 * Indeks Inovasi Daerah 2026 — RULES.md §6.2 [MED, single detailed source: a pemda transcription
 * of Lampiran I dan II Surat Kepala BSKDN Kemendagri 400.10.11/1887/BSKDN, 29 April 2026].
 * Year-dependent parameters (urusan minimum, divisor) are UNVERIFIED: they are data here so a
 * confirmed value is a new rulebook, not a code change.
 */
const p = (a: string, b: string, c: string) => [
  { value: 1, label: a },
  { value: 2, label: b },
  { value: 3, label: c },
];

export const SPD_2026 = [
  { no: '1', variable: 'Institusi', name: 'Visi dan misi kepala daerah memuat inovasi', weight: 1, mandatory: true, params: p('Misi', 'Visi', 'Visi dan misi') },
  { no: '2a', variable: 'Institusi', name: 'APBD ditetapkan tepat waktu (3 tahun terakhir)', weight: 1, mandatory: false, params: p('1 tahun', '2 tahun', '3 tahun') },
  { no: '2b', variable: 'Institusi', name: 'Alokasi mandatory spending', weight: 1, mandatory: false, params: p('2 komponen', '3 komponen', 'Lebih dari 3 komponen') },
  { no: '3', variable: 'Institusi', name: 'Kualitas peningkatan perizinan', weight: 1, mandatory: true, params: p('≤ −50,32 %', '−50,33 % s.d. 8,16 %', '≥ 8,17 %') },
  { no: '4', variable: 'Institusi', name: 'Pertumbuhan pendapatan per kapita', weight: 1, mandatory: true, params: p('≤ 2,04 %', '2,05 % s.d. 5,23 %', '≥ 5,23 %') },
  { no: '5a', variable: 'Institusi', name: 'Progres penurunan tingkat pengangguran terbuka (TPT)', weight: 0.75, mandatory: true, params: p('≤ 0,00', '0,01 s.d. 0,36', '≥ 0,36') },
  { no: '5b', variable: 'Institusi', name: 'Tingkat pengangguran terbuka (T−1)', weight: 0.75, mandatory: true, params: p('≥ 5,91', '2,34 s.d. 5,92', '≤ 2,35') },
  { no: '6', variable: 'Institusi', name: 'Peningkatan investasi', weight: 1.5, mandatory: true, params: p('≤ −47,42 %', '−47,43 % s.d. 94,75 %', '≥ 94,76 %') },
  { no: '7', variable: 'Institusi', name: 'Peningkatan pendapatan asli daerah (PAD)', weight: 1.5, mandatory: true, params: p('≤ −5,14 %', '−5,15 % s.d. 33,84 %', '≥ 33,85 %') },
  { no: '8', variable: 'Institusi', name: 'Opini BPK atas laporan keuangan', weight: 1.5, mandatory: true, params: p('TMP / TW', 'WDP', 'WTP') },
  { no: '9', variable: 'Institusi', name: 'Nilai LAKIP (SAKIP)', weight: 1, mandatory: true, params: p('D atau C', 'B', 'A') },
  { no: '10a', variable: 'Institusi', name: 'Progres penurunan kemiskinan', weight: 0.75, mandatory: true, params: p('≤ 0,07', '0,08 s.d. 1,15', '≥ 1,16') },
  { no: '10b', variable: 'Institusi', name: 'Persentase penduduk miskin (T−1)', weight: 0.75, mandatory: true, params: p('≥ 13,10', '4,81 s.d. 13,11', '≤ 4,82') },
  { no: '11a', variable: 'SDM', name: 'Kenaikan IPM dua tahun', weight: 0.75, mandatory: true, params: p('≤ 0,55', '0,56 s.d. 0,90', '≥ 0,90') },
  { no: '11b', variable: 'SDM', name: 'IPM tahun terakhir', weight: 0.75, mandatory: true, params: p('≤ 69,99', '70,00 s.d. 79,99', '≥ 80,00') },
  { no: '12', variable: 'SDM', name: 'Penghargaan bagi inovator', weight: 2, mandatory: false, params: p('Piagam', 'Piagam dan insentif', 'Piagam, insentif dan mekanisme pembudayaan') },
  { no: '13a', variable: 'Ekosistem dan kajian', name: 'Rekomendasi kebijakan pendukung inovasi', weight: 1, mandatory: false, params: p('1–3 rekomendasi', '4–7 rekomendasi', 'Lebih dari 7 rekomendasi') },
  { no: '13b', variable: 'Ekosistem dan kajian', name: 'Indeks Kualitas Kebijakan', weight: 1, mandatory: false, params: p('Cukup / kurang', 'Baik', 'Unggul / sangat baik') },
  { no: '14', variable: 'Ekosistem dan kajian', name: 'Rencana induk pemajuan iptek daerah (RIPJ PID)', weight: 1, mandatory: false, params: p('Rancangan', 'Disepakati', 'Ditetapkan dengan Perkada') },
  { no: '15', variable: 'Ekosistem dan kajian', name: 'Fasilitasi HKI atas inovasi daerah', weight: 1, mandatory: false, params: p('Sosialisasi', 'Sosialisasi dan fasilitasi administrasi', 'Sosialisasi, fasilitasi dan insentif biaya') },
];

export const SID_2026 = [
  { no: '16', variable: 'Infrastruktur', name: 'Regulasi inovasi daerah', weight: 3, mandatory: true, params: p('SK kepala daerah / SK kepala PD a.n. kepala daerah', 'Peraturan kepala daerah', 'Peraturan daerah') },
  { no: '17', variable: 'Infrastruktur', name: 'Ketersediaan dan peran SDM', weight: 2, mandatory: true, params: p('1–10 orang', '11–30 orang', 'Lebih dari 30 orang') },
  { no: '18', variable: 'Infrastruktur', name: 'Dukungan anggaran', weight: 2, mandatory: false, params: p('1 tahun anggaran', '2 tahun berturut-turut', 'T-0, T-1 dan T-2') },
  { no: '19', variable: 'Kecanggihan produk', name: 'Alat kerja', weight: 2, mandatory: false, params: p('Manual', 'Perangkat elektronik', 'Sistem daring atau AI') },
  { no: '20', variable: 'Infrastruktur', name: 'Bimbingan teknis inovasi', weight: 1, mandatory: false, params: p('1 kali', '2 kali', '3 kali atau lebih dalam 3 tahun') },
  { no: '21', variable: 'Infrastruktur', name: 'Integrasi program dan kegiatan dalam RKPD', weight: 2, mandatory: false, params: p('T-1 atau T-2', 'T-1 dan T-2', 'T-1, T-2 dan T-0') },
  { no: '22', variable: 'Output pengetahuan dan teknologi', name: 'Keterlibatan aktor inovasi', weight: 1, mandatory: false, params: p('3 aktor termasuk pelaksana', '4 aktor', '5 aktor atau lebih') },
  { no: '23', variable: 'Output pengetahuan dan teknologi', name: 'Pelaksana inovasi daerah', weight: 1, mandatory: false, params: p('Tanpa SK', 'Surat tugas kepala PD', 'SK kepala daerah / SK kepala PD a.n. kepala daerah') },
  { no: '24', variable: 'Output pengetahuan dan teknologi', name: 'Jejaring inovasi', weight: 1, mandatory: false, params: p('2 perangkat daerah', '3–4 perangkat daerah', '5 perangkat daerah atau lebih') },
  { no: '25', variable: 'Output pengetahuan dan teknologi', name: 'Sosialisasi inovasi daerah', weight: 1, mandatory: false, params: p('Foto dengan spanduk', 'Media milik pemda', 'Media berita non-pemerintah') },
  { no: '26', variable: 'Kecepatan bisnis proses', name: 'Pedoman teknis', weight: 1, mandatory: false, params: p('Buku manual cetak', 'E-book', 'Daring') },
  { no: '27', variable: 'Kecepatan bisnis proses', name: 'Kemudahan informasi layanan', weight: 1, mandatory: false, params: p('1 dari 4 cara', '2 cara', '3 cara atau lebih') },
  { no: '28', variable: 'Kecepatan bisnis proses', name: 'Kemudahan proses (waktu sampai hasil)', weight: 2, mandatory: false, params: p('6 hari atau lebih', '2–5 hari', '1 hari') },
  { no: '29', variable: 'Kecepatan bisnis proses', name: 'Penyelesaian layanan pengaduan', weight: 1, mandatory: false, params: p('≤ 50 % atau tidak ada', '51–90 %', '≥ 91 %') },
  { no: '30', variable: 'Kecanggihan produk', name: 'Layanan terintegrasi', weight: 2, mandatory: false, params: p('Berdiri sendiri', 'Satu portal unit', 'Terintegrasi dengan unit lain') },
  { no: '31', variable: 'Kecanggihan produk', name: 'Replikasi', weight: 3, mandatory: false, params: p('Direplikasi 1 kali', '2 kali di daerah berbeda', '3 kali atau lebih') },
  { no: '32', variable: 'Kecepatan bisnis proses', name: 'Kecepatan penciptaan inovasi', weight: 2, mandatory: true, params: p('9 bulan atau lebih', '5–8 bulan', '1–4 bulan') },
  {
    no: '33',
    variable: 'Jumlah inovasi dan hasil kreatif',
    name: 'Kemanfaatan inovasi',
    weight: 3,
    mandatory: true,
    params: p('Tingkat 1', 'Tingkat 2', 'Tingkat 3'),
    bases: [
      { key: 'a', label: 'Jumlah penerima manfaat', params: p('1–200 orang', '201–500 orang', '501 orang atau lebih') },
      { key: 'b', label: 'Cakupan unit sasaran', params: p('5–20 %', '20,01–50 %', 'Lebih dari 50 %') },
      { key: 'c', label: 'Efisiensi belanja', params: p('0,01–10 %', '10,01–20 %', '20,01–30 %') },
      { key: 'd', label: 'Tambahan pendapatan', params: p('0,01–9,99 %', '10–19,99 %', '20 % atau lebih') },
      { key: 'e', label: 'Produk dibuat/terjual', params: p('1–100', '101–200', 'Lebih dari 200') },
      { key: 'f', label: 'Tren positif', params: p('1 periode', '2 periode', '3 periode') },
    ],
  },
  { no: '34', variable: 'Jumlah inovasi dan hasil kreatif', name: 'Monitoring dan evaluasi', weight: 2, mandatory: false, params: p('Laporan monev internal', 'Laporan SKM', 'Monev eksternal berbasis riset') },
  { no: '35', variable: 'Jumlah inovasi dan hasil kreatif', name: 'Video inovasi daerah', weight: 4, mandatory: true, params: p('1–2 unsur substansi', '3–4 unsur substansi', 'Kelima unsur substansi') },
];

/** Urusan wajib pelayanan dasar (UU 23/2014 Pasal 12 ayat 1). */
export const URUSAN_YANDAS = ['pendidikan', 'kesehatan', 'pupr', 'perumahan', 'trantibum', 'sosial'];

const base = {
  kind: 'iid',
  legalBasis: [
    'PP 38/2017 tentang Inovasi Daerah',
    'Permendagri 104/2018 tentang Penilaian dan Pemberian Penghargaan dan/atau Insentif Inovasi Daerah',
    'Surat Kepala BSKDN Kemendagri 400.10.11/1887/BSKDN (29 April 2026), Lampiran I dan II',
  ],
  confidence: 'MED',
};

const predicates = [
  { min: 65.01, label: 'Sangat Inovatif' },
  { min: 40.01, label: 'Inovatif' },
  { min: 0.01, label: 'Kurang Inovatif' },
  { min: 0, label: 'Tidak Dapat Dinilai' },
];

export const IID_2026 = {
  ...base,
  id: 'iid-2026',
  version: '2026.1',
  title: 'Indeks Inovasi Daerah 2026',
  effectiveFrom: '2026-01-01',
  effectiveTo: '2027-12-31',
  notes: [
    'Minimum urusan wajib pelayanan dasar 5 dari 6 dan pembagi minimal 14: BELUM TERVERIFIKASI (sumber yang ada berbeda: 5 atau 6).',
    'Inovasi yang dinilai: tahapan penerapan, diterapkan antara 1 Januari 2024 dan 31 Desember 2025.',
  ],
  body: {
    spd: { max: 63, indicators: SPD_2026 },
    sid: { max: 111, indicators: SID_2026 },
    count: { perInnovation: 0.38, cap: 200, urusanWajib: URUSAN_YANDAS, minUrusanCovered: 5 },
    divisorMin: 14,
    total: 250,
    predicates,
    window: { from: '2024-01-01', to: '2025-12-31' },
    pointsWithoutEvidence: 'count',
  },
};

/**
 * Projection of the same catalog under the parameters the source module announces for 2028
 * (divisor 16, all 6 urusan yandas). UNVERIFIED: used for what-if rescoring until a letter
 * confirms it.
 */
export const IID_2028_PROJECTION = {
  ...base,
  id: 'iid-2028-proyeksi',
  version: '2028.0-proyeksi',
  title: 'Indeks Inovasi Daerah — proyeksi parameter 2028',
  effectiveFrom: '2028-01-01',
  effectiveTo: null,
  confidence: 'UNVERIFIED',
  notes: ['Pembagi minimal 16 dan 6 dari 6 urusan wajib pelayanan dasar sebagaimana diumumkan untuk 2028; belum dikonfirmasi surat BSKDN.'],
  body: {
    ...IID_2026.body,
    count: { ...IID_2026.body.count, minUrusanCovered: 6 },
    divisorMin: 16,
    window: { from: '2026-01-01', to: '2027-12-31' },
  },
};
