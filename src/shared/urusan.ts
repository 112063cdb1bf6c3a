/**
 * Urusan pemerintahan konkuren of UU 23/2014 (Pasal 12) plus the supporting functions that
 * regional innovation records also use. Codes are stable slugs; labels are the official names.
 */
export type UrusanGroup = 'wajib_pelayanan_dasar' | 'wajib_non_pelayanan_dasar' | 'pilihan' | 'penunjang';

export const URUSAN: ReadonlyArray<{ code: string; label: string; group: UrusanGroup }> = [
  { code: 'pendidikan', label: 'Pendidikan', group: 'wajib_pelayanan_dasar' },
  { code: 'kesehatan', label: 'Kesehatan', group: 'wajib_pelayanan_dasar' },
  { code: 'pupr', label: 'Pekerjaan Umum dan Penataan Ruang', group: 'wajib_pelayanan_dasar' },
  { code: 'perumahan', label: 'Perumahan Rakyat dan Kawasan Permukiman', group: 'wajib_pelayanan_dasar' },
  { code: 'trantibum', label: 'Ketenteraman, Ketertiban Umum, dan Pelindungan Masyarakat', group: 'wajib_pelayanan_dasar' },
  { code: 'sosial', label: 'Sosial', group: 'wajib_pelayanan_dasar' },
  { code: 'tenaga_kerja', label: 'Tenaga Kerja', group: 'wajib_non_pelayanan_dasar' },
  { code: 'pppa', label: 'Pemberdayaan Perempuan dan Pelindungan Anak', group: 'wajib_non_pelayanan_dasar' },
  { code: 'pangan', label: 'Pangan', group: 'wajib_non_pelayanan_dasar' },
  { code: 'pertanahan', label: 'Pertanahan', group: 'wajib_non_pelayanan_dasar' },
  { code: 'lingkungan_hidup', label: 'Lingkungan Hidup', group: 'wajib_non_pelayanan_dasar' },
  { code: 'adminduk', label: 'Administrasi Kependudukan dan Pencatatan Sipil', group: 'wajib_non_pelayanan_dasar' },
  { code: 'pmd', label: 'Pemberdayaan Masyarakat dan Desa', group: 'wajib_non_pelayanan_dasar' },
  { code: 'ppkb', label: 'Pengendalian Penduduk dan Keluarga Berencana', group: 'wajib_non_pelayanan_dasar' },
  { code: 'perhubungan', label: 'Perhubungan', group: 'wajib_non_pelayanan_dasar' },
  { code: 'kominfo', label: 'Komunikasi dan Informatika', group: 'wajib_non_pelayanan_dasar' },
  { code: 'koperasi_ukm', label: 'Koperasi, Usaha Kecil, dan Menengah', group: 'wajib_non_pelayanan_dasar' },
  { code: 'penanaman_modal', label: 'Penanaman Modal', group: 'wajib_non_pelayanan_dasar' },
  { code: 'kepemudaan_olahraga', label: 'Kepemudaan dan Olah Raga', group: 'wajib_non_pelayanan_dasar' },
  { code: 'statistik', label: 'Statistik', group: 'wajib_non_pelayanan_dasar' },
  { code: 'persandian', label: 'Persandian', group: 'wajib_non_pelayanan_dasar' },
  { code: 'kebudayaan', label: 'Kebudayaan', group: 'wajib_non_pelayanan_dasar' },
  { code: 'perpustakaan', label: 'Perpustakaan', group: 'wajib_non_pelayanan_dasar' },
  { code: 'kearsipan', label: 'Kearsipan', group: 'wajib_non_pelayanan_dasar' },
  { code: 'kelautan_perikanan', label: 'Kelautan dan Perikanan', group: 'pilihan' },
  { code: 'pariwisata', label: 'Pariwisata', group: 'pilihan' },
  { code: 'pertanian', label: 'Pertanian', group: 'pilihan' },
  { code: 'kehutanan', label: 'Kehutanan', group: 'pilihan' },
  { code: 'esdm', label: 'Energi dan Sumber Daya Mineral', group: 'pilihan' },
  { code: 'perdagangan', label: 'Perdagangan', group: 'pilihan' },
  { code: 'perindustrian', label: 'Perindustrian', group: 'pilihan' },
  { code: 'transmigrasi', label: 'Transmigrasi', group: 'pilihan' },
  { code: 'perencanaan', label: 'Perencanaan', group: 'penunjang' },
  { code: 'keuangan', label: 'Keuangan', group: 'penunjang' },
  { code: 'kepegawaian', label: 'Kepegawaian', group: 'penunjang' },
  { code: 'litbang', label: 'Penelitian dan Pengembangan', group: 'penunjang' },
  { code: 'pengawasan', label: 'Pengawasan', group: 'penunjang' },
  { code: 'pemerintahan_umum', label: 'Pemerintahan Umum', group: 'penunjang' },
];

export const URUSAN_CODES = URUSAN.map((u) => u.code) as [string, ...string[]];
export const urusanLabel = (code: string) => URUSAN.find((u) => u.code === code)?.label ?? code;
