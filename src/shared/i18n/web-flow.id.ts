/** Source catalog of the workflow and judging views (locked proposals, the judge's read-only view). */
export const webFlowId = {
  flow: {
    openProposal: 'Buka proposal KIPP',
    locked: 'Proposal terkunci: sudah didaftarkan ke kompetisi "{{competition}}" (versi {{version}}). Teks dan lampiran tidak dapat diubah lagi; catatan pendamping tetap dapat ditulis.',
    read: {
      back: 'Kembali ke kompetisi',
      kicker: 'Proposal KIPP · baca saja',
      version: 'Versi yang dinilai: {{version}}',
      blind: 'Penilaian buta: identitas disamarkan',
      note: 'Anda membaca versi proposal yang didaftarkan ke kompetisi "{{competition}}". Nilai proposal ini di halaman kompetisi.',
      empty: '(belum diisi)',
      score: 'Nilai di halaman kompetisi',
    },
    competition: {
      read: 'Baca',
      version: 'versi {{version}}',
      rankingHidden: 'Peringkat dan nilai juri lain ditampilkan setelah hasil kompetisi ditetapkan.',
    },
  },
};

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type WebFlowCatalog = Widen<typeof webFlowId>;
