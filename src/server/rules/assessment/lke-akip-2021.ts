import { SCALES } from './worksheet.ts';

/**
 * LKE AKIP — PermenPANRB 88/2021, RULES.md §2.1–2.3. The evaluator grades each sub-component
 * with a letter; sub-component score = bobot × factor (AA 100 % … E 0 %) [MED]; nilai akhir =
 * Σ sub-components. Predikat bands have EXCLUSIVE lower bounds ("> 80 – 90": 80,00 → BB,
 * 80,01 → A) [HIGH on bands, MED on exclusivity].
 */
/**
 * The criteria of each sub-component (RULES.md §2.1, paraphrased wording; counts 6, 11, 8 / 3, 7,
 * 10 / 6, 9, 7 / 3, 5, 5 = 80). They are Ya/Tidak checklist items with evidence that do NOT score:
 * how the 88/2021 LKE turns criteria into the letter is UNVERIFIED (§2.2), so the letter stays the
 * evaluator's judgement and the share of "Ya" is only a hint.
 */
export const LKE_AKIP_2021_CRITERIA: Record<string, string[]> = {
  '1.a': ['Terdapat pedoman teknis perencanaan kinerja', 'Terdapat dokumen perencanaan kinerja jangka panjang', 'Terdapat dokumen perencanaan kinerja jangka menengah', 'Terdapat dokumen perencanaan kinerja jangka pendek', 'Terdapat dokumen perencanaan aktivitas yang mendukung kinerja', 'Terdapat dokumen perencanaan anggaran yang mendukung kinerja'],
  '1.b': [
    'Dokumen perencanaan kinerja telah diformalkan',
    'Dokumen perencanaan kinerja dipublikasikan tepat waktu',
    'Dokumen perencanaan kinerja menggambarkan kebutuhan kinerja yang sebenarnya',
    'Rumusan tujuan dan sasaran jelas dan berorientasi hasil',
    'Indikator kinerja memenuhi kriteria SMART',
    'Indikator kinerja utama (IKU) berkelanjutan',
    'Target kinerja dapat dicapai, menantang dan realistis',
    'Kinerja dijenjangkan secara selaras (cascading)',
    'Kinerja lintas sektor dirumuskan (crosscutting)',
    'Setiap unit/perangkat daerah merumuskan Perjanjian Kinerja',
    'Setiap pegawai merumuskan kinerja yang selaras',
  ],
  '1.c': [
    'Anggaran mengacu pada kinerja yang ditetapkan',
    'Aktivitas yang dilaksanakan mendukung kinerja',
    'Target kinerja tercapai atau berada pada jalur pencapaian',
    'Rencana aksi kinerja dipantau secara berkala',
    'Dokumen perencanaan diperbaiki berdasarkan analisis kinerja sebelumnya',
    'Perencanaan diperbaiki untuk hasil yang lebih baik',
    'Setiap unit/perangkat daerah memahami dan berkomitmen pada kinerja',
    'Setiap pegawai memahami dan berkomitmen pada kinerja',
  ],
  '2.a': ['Terdapat pedoman teknis pengukuran kinerja dan pengumpulan data', 'Definisi operasional indikator kinerja jelas', 'Mekanisme pengumpulan data kinerja dapat diandalkan'],
  '2.b': [
    'Pimpinan terlibat sebagai pengambil keputusan dalam pengukuran kinerja',
    'Data kinerja relevan',
    'Data kinerja mendukung capaian kinerja',
    'Pengukuran kinerja dilakukan secara berkala',
    'Pemantauan kinerja dilakukan secara berjenjang',
    'Pengumpulan data kinerja memanfaatkan teknologi informasi',
    'Pengukuran capaian kinerja memanfaatkan teknologi informasi',
  ],
  '2.c': [
    'Pengukuran kinerja menjadi dasar pemberian tunjangan kinerja',
    'Pengukuran kinerja menjadi dasar penempatan/penghapusan jabatan',
    'Pengukuran kinerja menjadi dasar penyesuaian (refocusing) organisasi',
    'Pengukuran kinerja mempengaruhi penyesuaian strategi',
    'Pengukuran kinerja mempengaruhi penyesuaian kebijakan',
    'Pengukuran kinerja mempengaruhi penyesuaian aktivitas',
    'Pengukuran kinerja mempengaruhi penyesuaian anggaran',
    'Pengukuran kinerja mendorong efisiensi anggaran',
    'Setiap unit/perangkat daerah memahami dan peduli pada hasil pengukuran',
    'Setiap pegawai memahami dan peduli pada hasil pengukuran',
  ],
  '3.a': ['Dokumen laporan kinerja telah disusun', 'Laporan kinerja disusun secara berkala', 'Laporan kinerja telah diformalkan', 'Laporan kinerja telah direviu', 'Laporan kinerja dipublikasikan', 'Laporan kinerja disampaikan tepat waktu'],
  '3.b': [
    'Laporan kinerja disusun sesuai standar',
    'Laporan kinerja mengungkap seluruh informasi capaian kinerja',
    'Capaian dianalisis terhadap target tahunan',
    'Capaian dianalisis terhadap target jangka menengah',
    'Capaian dianalisis terhadap tahun sebelumnya',
    'Capaian dibandingkan dengan benchmark nasional/internasional',
    'Kualitas keberhasilan/kegagalan dianalisis beserta upaya dan hambatannya',
    'Efisiensi penggunaan sumber daya dianalisis',
    'Laporan memuat rekomendasi perbaikan kinerja',
  ],
  '3.c': [
    'Informasi kinerja menjadi perhatian pimpinan',
    'Informasi kinerja menumbuhkan kepedulian pegawai',
    'Informasi kinerja dipakai untuk menyesuaikan aktivitas',
    'Informasi kinerja dipakai untuk menyesuaikan anggaran',
    'Informasi kinerja dipakai untuk mengevaluasi keberhasilan',
    'Informasi kinerja dipakai untuk perencanaan berikutnya',
    'Informasi kinerja mempengaruhi budaya kinerja',
  ],
  '4.a': ['Terdapat pedoman teknis evaluasi akuntabilitas kinerja internal', 'Evaluasi internal dilaksanakan pada seluruh unit/perangkat daerah', 'Evaluasi internal dilaksanakan secara berjenjang'],
  '4.b': ['Evaluasi internal dilaksanakan sesuai standar', 'SDM evaluator memadai', 'Pendalaman evaluasi memadai', 'Evaluasi menjangkau seluruh unit/perangkat daerah', 'Evaluasi internal memanfaatkan teknologi informasi'],
  '4.c': [
    'Seluruh rekomendasi hasil evaluasi ditindaklanjuti',
    'Implementasi SAKIP meningkat',
    'Hasil evaluasi dimanfaatkan untuk perbaikan akuntabilitas kinerja',
    'Hasil evaluasi mendukung efektivitas dan efisiensi kinerja',
    'Kinerja membaik karena evaluasi internal',
  ],
};

const criterion = (subCode: string) => (title: string, i: number) => ({ code: `${subCode}.${i + 1}`, title, aggregation: 'checklist' as const, scale: SCALES.yaTidak.id });
const sub = (code: string, title: string, weight: number) => ({
  code,
  title,
  aggregation: 'letterFactor' as const,
  weight,
  scale: SCALES.letter.id,
  children: (LKE_AKIP_2021_CRITERIA[code] ?? []).map(criterion(code)),
});
const component = (code: string, title: string, weight: number, subs: ReturnType<typeof sub>[]) => ({ code, title, aggregation: 'sum' as const, weight, children: subs });

export const LKE_AKIP_2021 = {
  id: 'lke-akip-2021',
  kind: 'lke_akip',
  version: '2021.1',
  title: 'LKE AKIP (PermenPANRB 88/2021)',
  effectiveFrom: '2021-01-01',
  effectiveTo: null,
  legalBasis: ['PermenPANRB 88/2021 tentang Evaluasi Akuntabilitas Kinerja Instansi Pemerintah'],
  confidence: 'MED',
  notes: [
    'Faktor huruf AA–E dari dua aplikasi independen; teks peraturan belum dibaca (RULES.md §2.2).',
    '80 kriteria Ya/Tidak (redaksi diringkas) sebagai daftar periksa; cara kriteria menjadi huruf belum terverifikasi, huruf tetap penilaian evaluator.',
  ],
  body: {
    decimals: 2,
    scales: [SCALES.letter, SCALES.yaTidak],
    root: {
      code: 'akip',
      title: 'Nilai AKIP',
      aggregation: 'sum' as const,
      children: [
        component('1', 'Perencanaan Kinerja', 30, [sub('1.a', 'Dokumen perencanaan kinerja tersedia', 6), sub('1.b', 'Dokumen perencanaan memenuhi standar baik', 9), sub('1.c', 'Perencanaan dimanfaatkan untuk hasil yang berkesinambungan', 15)]),
        component('2', 'Pengukuran Kinerja', 30, [sub('2.a', 'Pengukuran kinerja telah dilakukan', 6), sub('2.b', 'Pengukuran menjadi kebutuhan, berjenjang dan berkelanjutan', 9), sub('2.c', 'Pengukuran jadi dasar reward/punishment dan penyesuaian strategi', 15)]),
        component('3', 'Pelaporan Kinerja', 15, [sub('3.a', 'Ada dokumen laporan yang menggambarkan kinerja', 3), sub('3.b', 'Laporan memenuhi standar', 4.5), sub('3.c', 'Pelaporan berdampak pada penyesuaian strategi/kebijakan', 7.5)]),
        component('4', 'Evaluasi Akuntabilitas Kinerja Internal', 25, [sub('4.a', 'Evaluasi internal telah dilaksanakan', 5), sub('4.b', 'Evaluasi internal berkualitas, SDM memadai', 7.5), sub('4.c', 'Implementasi SAKIP meningkat karena evaluasi internal', 12.5)]),
      ],
    },
    bands: [
      { code: 'AA', label: 'Sangat Memuaskan', min: 90, inclusive: false },
      { code: 'A', label: 'Memuaskan', min: 80, inclusive: false },
      { code: 'BB', label: 'Sangat Baik', min: 70, inclusive: false },
      { code: 'B', label: 'Baik', min: 60, inclusive: false },
      { code: 'CC', label: 'Cukup (Memadai)', min: 50, inclusive: false },
      { code: 'C', label: 'Kurang', min: 30, inclusive: false },
      { code: 'D', label: 'Sangat Kurang', min: 0, inclusive: true },
    ],
  },
};
