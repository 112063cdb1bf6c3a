/** Source catalog of the shared assessment UI (Bahasa Indonesia). */
export const webAssessmentId = {
  assessment: {
    unverified: 'belum terverifikasi',
    unverifiedHint: 'Angka ini berasal dari sumber dengan tingkat keyakinan {{level}}: belum dikonfirmasi dengan naskah resmi peraturan. Gunakan sebagai perkiraan, bukan sebagai nilai resmi.',
    unverifiedHintItem: '{{what}} berasal dari sumber dengan tingkat keyakinan {{level}}: belum dikonfirmasi dengan naskah resmi peraturan.',
    kippWeights: 'Bobot penilaian pedoman ini',
    evaluation: {
      title: 'Verifikasi Tim Inovasi',
      count: '{{count}} dari {{total}} indikator diverifikasi',
      hint: 'Isi nilai dan catatan Tim Inovasi untuk setiap indikator. Jawaban unit tetap tersimpan di sampingnya dan tidak berubah.',
      readOnly: 'Nilai dan catatan Tim Inovasi atas jawaban unit Anda. Jawaban unit tidak diubah oleh verifikasi.',
      own: 'Jawaban unit',
      evaluator: 'Nilai Tim Inovasi',
      note: 'Catatan Tim Inovasi',
      differs: 'berbeda',
      save: 'Simpan verifikasi ({{count}})',
      saved: 'Verifikasi tersimpan.',
    },
    confidenceLevel: {
      HIGH: 'tinggi',
      MED: 'sedang',
      LOW: 'rendah',
      UNVERIFIED: 'belum terverifikasi',
    },
  },
};
