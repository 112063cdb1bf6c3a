/**
 * KIPP (Kompetisi Inovasi Pelayanan Publik) proposal format — RULES.md §5. Weights of the
 * Kelompok Umum from the KemenPANRB coaching deck "Penulisan Proposal pada KIPP Tahun 2023" [MED];
 * word limits from a provincial form mirroring the KIPP format [MED]. The Kelompok Khusus weights
 * are UNVERIFIED: shipped as an editable default.
 */
const legalBasis = [
  'Peraturan Menteri PANRB Nomor 91 Tahun 2021 tentang Pembinaan Inovasi Pelayanan Publik',
  'Keputusan Menteri PANRB tentang Pedoman Pelaksanaan KIPP (juklak tahunan)',
];
const attachments = [
  { kind: 'sk_inovator', title: 'SK pejabat berwenang tentang inovator (individu/tim)' },
  { kind: 'pernyataan_implementasi', title: 'Surat pernyataan implementasi inovasi' },
  { kind: 'pernyataan_identitas', title: 'Surat pernyataan identitas/keaslian' },
  { kind: 'pernyataan_replikasi', title: 'Surat pernyataan kesediaan direplikasi' },
];

export const KIPP_UMUM_2023 = {
  id: 'kipp-umum-2023',
  kind: 'kipp',
  version: '2023.1',
  title: 'KIPP Kelompok Umum',
  effectiveFrom: '2023-01-01',
  effectiveTo: null,
  legalBasis,
  confidence: 'MED',
  notes: ['Usia inovasi minimal 2 tahun dihitung mundur dari penutupan pendaftaran (2021, 2022); tahun berikutnya BELUM TERVERIFIKASI.'],
  body: {
    group: 'umum',
    sections: [
      { key: 'ringkasan', title: 'Ringkasan', guidance: 'Ringkasan singkat yang mencakup semua aspek proposal; tidak memerlukan lampiran.', wordLimit: 200, criterion: null, prefillFrom: ['description'] },
      { key: 'latar_belakang', title: 'Latar Belakang dan Tujuan', guidance: 'Masalah (kondisi awal), kelompok sasaran yang terdampak, dan tujuan yang terukur, dengan data pendukung.', wordLimit: 300, criterion: 'latar_belakang', prefillFrom: ['goals'] },
      { key: 'kebaruan', title: 'Kebaruan / Nilai Tambah', guidance: 'Gagasan inovasi dan keunikan, nilai tambah, atau kebaruannya.', wordLimit: 200, criterion: 'kebaruan', prefillFrom: ['description'] },
      { key: 'implementasi', title: 'Implementasi Inovasi', guidance: 'Bagaimana inovasi diterapkan untuk menyelesaikan masalah, dengan data.', wordLimit: 200, criterion: 'implementasi', prefillFrom: [] },
      { key: 'signifikansi', title: 'Signifikansi', guidance: 'Dampak sebelum dan sesudah inovasi dan metode pengukurannya; laporan evaluasi dengan data kuantitatif dan kualitatif.', wordLimit: 600, criterion: 'signifikansi', prefillFrom: ['results', 'benefits'] },
      { key: 'adaptabilitas_replikasi', title: 'Adaptabilitas (a): Sudah direplikasi?', guidance: 'Ya/tidak; bila ya, oleh siapa dan di mana.', wordLimit: 100, criterion: 'adaptabilitas', prefillFrom: ['replication'] },
      { key: 'adaptabilitas_potensi', title: 'Adaptabilitas (b): Potensi replikasi', guidance: 'Jangkauan populasi, masalah serupa di tempat lain yang dapat diselesaikan.', wordLimit: 200, criterion: 'adaptabilitas', prefillFrom: [] },
      { key: 'sumber_daya', title: 'Sumber Daya', guidance: 'Sumber daya keuangan, manusia, metode, dan peralatan/bahan yang digunakan.', wordLimit: 200, criterion: 'sumber_daya', prefillFrom: ['budget'] },
      { key: 'keberlanjutan', title: 'Strategi Keberlanjutan', guidance: 'Kelembagaan (regulasi/dasar hukum), manajerial (kapasitas SDM, SOP, penjaminan mutu), sosial (kolaborasi dan peran pemangku kepentingan).', wordLimit: 500, criterion: 'keberlanjutan', prefillFrom: ['legalBasisDoc'] },
    ],
    criteria: [
      { key: 'latar_belakang', title: 'Latar belakang dan tujuan', weight: 10 },
      { key: 'kebaruan', title: 'Kebaruan / nilai tambah', weight: 15 },
      { key: 'implementasi', title: 'Implementasi inovasi', weight: 5 },
      { key: 'signifikansi', title: 'Signifikansi', weight: 30 },
      { key: 'adaptabilitas', title: 'Adaptabilitas', weight: 20 },
      { key: 'sumber_daya', title: 'Sumber daya', weight: 5 },
      { key: 'keberlanjutan', title: 'Strategi keberlanjutan', weight: 15 },
    ],
    scale: { min: 0, max: 100 },
    minAgeYears: 2,
    requiredAttachments: attachments,
    requiresVideo: true,
    maxSectionChars: 20000,
    disagreementMargin: 20,
  },
};

export const KIPP_KHUSUS_2023 = {
  ...KIPP_UMUM_2023,
  id: 'kipp-khusus-2023',
  title: 'KIPP Kelompok Khusus',
  confidence: 'UNVERIFIED',
  notes: ['Bobot Kelompok Khusus BELUM TERVERIFIKASI: nilai bawaan yang dapat diubah.'],
  body: {
    ...KIPP_UMUM_2023.body,
    group: 'khusus',
    sections: [
      KIPP_UMUM_2023.body.sections[0],
      KIPP_UMUM_2023.body.sections[1],
      { key: 'pembaruan', title: 'Pembaruan / Peningkatan Inovasi', guidance: 'Pembaruan atau peningkatan inovasi sejak menjadi Top Terpuji, dengan bukti adaptasi yang lebih luas.', wordLimit: 200, criterion: 'pembaruan', prefillFrom: ['results'] },
      ...KIPP_UMUM_2023.body.sections.slice(4),
    ],
    criteria: [
      { key: 'latar_belakang', title: 'Latar belakang dan tujuan', weight: 10 },
      { key: 'pembaruan', title: 'Pembaruan / peningkatan', weight: 20 },
      { key: 'signifikansi', title: 'Signifikansi', weight: 30 },
      { key: 'adaptabilitas', title: 'Adaptabilitas', weight: 20 },
      { key: 'sumber_daya', title: 'Sumber daya', weight: 5 },
      { key: 'keberlanjutan', title: 'Strategi keberlanjutan', weight: 15 },
    ],
  },
};
