/**
 * PermenPANRB 14/2017 (Pedoman Penyusunan Survei Kepuasan Masyarakat Unit Penyelenggara
 * Pelayanan Publik) — RULES.md §1 [HIGH]. Unsur 8 and 9 are asked in the other order in the
 * sample questionnaire (U8 is question 9, U9 is question 8): answers are stored by code.
 */
export const SKM_2017 = {
  id: 'skm-2017',
  kind: 'skm',
  version: '2017.1',
  title: 'Survei Kepuasan Masyarakat — PermenPANRB 14/2017',
  effectiveFrom: '2017-01-01',
  effectiveTo: null,
  legalBasis: ['Peraturan Menteri PANRB Nomor 14 Tahun 2017 tentang Pedoman Penyusunan Survei Kepuasan Masyarakat Unit Penyelenggara Pelayanan Publik'],
  confidence: 'HIGH',
  notes: [
    'Bobot tepat 1/(jumlah unsur aktif); peraturan menulis 1/9 = 0,111, tetapi bobot tepat memberi 100,00 untuk survei yang seluruh jawabannya 4.',
    'Sampel dengan rumus Krejcie–Morgan dibulatkan setengah ke atas (sama dengan tabel yang diterbitkan); bentuk yang dimaksud peraturan untuk N di antara baris tabel BELUM TERVERIFIKASI.',
  ],
  body: {
    unsur: [
      { code: 'U1', name: 'Persyaratan', questionNo: 1, question: 'Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?', answers: ['Tidak sesuai', 'Kurang sesuai', 'Sesuai', 'Sangat sesuai'] },
      { code: 'U2', name: 'Sistem, Mekanisme, dan Prosedur', questionNo: 2, question: 'Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?', answers: ['Tidak mudah', 'Kurang mudah', 'Mudah', 'Sangat mudah'] },
      { code: 'U3', name: 'Waktu Penyelesaian', questionNo: 3, question: 'Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?', answers: ['Tidak cepat', 'Kurang cepat', 'Cepat', 'Sangat cepat'] },
      { code: 'U4', name: 'Biaya/Tarif', questionNo: 4, question: 'Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?', answers: ['Sangat mahal', 'Cukup mahal', 'Murah', 'Gratis'], optional: true },
      { code: 'U5', name: 'Produk Spesifikasi Jenis Pelayanan', questionNo: 5, question: 'Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum dalam standar pelayanan dengan hasil yang diberikan?', answers: ['Tidak sesuai', 'Kurang sesuai', 'Sesuai', 'Sangat sesuai'] },
      { code: 'U6', name: 'Kompetensi Pelaksana', questionNo: 6, question: 'Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?', answers: ['Tidak kompeten', 'Kurang kompeten', 'Kompeten', 'Sangat kompeten'] },
      { code: 'U7', name: 'Perilaku Pelaksana', questionNo: 7, question: 'Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?', answers: ['Tidak sopan dan ramah', 'Kurang sopan dan ramah', 'Sopan dan ramah', 'Sangat sopan dan ramah'] },
      { code: 'U8', name: 'Penanganan Pengaduan, Saran dan Masukan', questionNo: 9, question: 'Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?', answers: ['Tidak ada', 'Ada tetapi tidak berfungsi', 'Berfungsi kurang maksimal', 'Dikelola dengan baik'] },
      { code: 'U9', name: 'Sarana dan Prasarana', questionNo: 8, question: 'Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?', answers: ['Buruk', 'Cukup', 'Baik', 'Sangat baik'] },
    ],
    scale: { min: 1, max: 4 },
    conversion: 25,
    bands: [
      { min: 88.31, mutu: 'A', kinerja: 'Sangat baik', nilaiPersepsi: 4 },
      { min: 76.61, mutu: 'B', kinerja: 'Baik', nilaiPersepsi: 3 },
      { min: 65.0, mutu: 'C', kinerja: 'Kurang baik', nilaiPersepsi: 2 },
      { min: 25.0, mutu: 'D', kinerja: 'Tidak baik', nilaiPersepsi: 1 },
    ],
    decimals: 2,
    sample: { chiSquare: 3.841, p: 0.5, d: 0.05, takeAllBelow: 10 },
  },
};
