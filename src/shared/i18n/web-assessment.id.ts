/** Source catalog of the shared assessment UI (Bahasa Indonesia). */
export const webAssessmentId = {
  assessment: {
    unverified: 'belum terverifikasi',
    unverifiedHint: 'Angka ini berasal dari sumber dengan tingkat keyakinan {{level}}: belum dikonfirmasi dengan naskah resmi peraturan. Gunakan sebagai perkiraan, bukan sebagai nilai resmi.',
    unverifiedHintItem: '{{what}} berasal dari sumber dengan tingkat keyakinan {{level}}: belum dikonfirmasi dengan naskah resmi peraturan.',
    kippWeights: 'Bobot penilaian rulebook ini',
    confidenceLevel: {
      HIGH: 'tinggi',
      MED: 'sedang',
      LOW: 'rendah',
      UNVERIFIED: 'belum terverifikasi',
    },
  },
};
