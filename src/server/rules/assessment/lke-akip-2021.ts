import { SCALES } from './worksheet.ts';

/**
 * LKE AKIP — PermenPANRB 88/2021, RULES.md §2.1–2.3. The evaluator grades each sub-component
 * with a letter; sub-component score = bobot × factor (AA 100 % … E 0 %) [MED]; nilai akhir =
 * Σ sub-components. Predikat bands have EXCLUSIVE lower bounds ("> 80 – 90": 80,00 → BB,
 * 80,01 → A) [HIGH on bands, MED on exclusivity].
 */
const sub = (code: string, title: string, weight: number) => ({ code, title, aggregation: 'letterFactor' as const, weight, scale: SCALES.letter.id });
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
  notes: ['Faktor huruf AA–E dari dua aplikasi independen; teks peraturan belum dibaca (RULES.md §2.2).'],
  body: {
    decimals: 2,
    scales: [SCALES.letter],
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
