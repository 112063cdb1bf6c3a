/** UI texts of the one list component (issue 10 item 5): sorting, paging, states, export. */
export const webListId = {
  list: {
    updated: 'Diperbarui',
    sortBy: 'Urutkan',
    sortAsc: '{{label}} (naik)',
    sortDesc: '{{label}} (turun)',
    sortHint: 'Klik untuk mengurutkan menurut {{label}}',
    relevance: 'Paling relevan',
    pageOf: 'Halaman {{page}} dari {{pages}}',
    export: 'Ekspor CSV',
    exportHint: 'Unduh semua baris yang sesuai filter (bukan hanya halaman ini)',
    filters: 'Filter',
    filtersActive: 'Filter ({{count}})',
    loadError: 'Daftar tidak dapat dimuat.',
    retry: 'Coba lagi',
    empty: 'Belum ada data.',
    loading: 'Memuat daftar…',
    // Pages that offer more than one download say which is which (issue 10 item 5).
    downloads: {
      innovationExcelHint: 'Lembar Excel lengkap dengan kolom "ID Serasan": ubah di Excel lalu impor kembali untuk memperbarui inovasi yang sama. Berisi baris yang sesuai filter.',
      innovationCsvHint: 'Baris yang sesuai filter dan urutan saat ini, sebagai CSV untuk diolah di aplikasi lain (bukan untuk impor kembali).',
      openDataCsv: 'Semua data (CSV)',
      openDataJson: 'Semua data (JSON)',
      openDataHint: 'Seluruh inovasi yang dipublikasikan daerah ini, tanpa memperhatikan pencarian atau filter.',
      filteredCsv: 'Hasil pencarian (CSV)',
      filteredCsvHint: 'Hanya inovasi yang sesuai pencarian dan filter di bawah ini, dalam urutan yang ditampilkan.',
    },
  },
  /** The admin lists moved onto the one list component (issue 10 item 5): users, positions, competitions. */
  adminLists: {
    createdAt: 'Dibuat',
    users: {
      empty: 'Belum ada pengguna.',
    },
    positions: {
      count_one: '{{formatted}} jabatan',
      count_other: '{{formatted}} jabatan',
      holder: 'Pemangku',
      allUnits: 'Semua perangkat daerah',
    },
    competitions: {
      searchPlaceholder: 'Nama kompetisi',
      count_one: '{{formatted}} kompetisi',
      count_other: '{{formatted}} kompetisi',
      allYears: 'Semua tahun',
    },
    proposalStatus: {
      draft: 'Draf',
      entered: 'Ikut kompetisi',
      decided: 'Kompetisi ditetapkan',
    },
  },
};
