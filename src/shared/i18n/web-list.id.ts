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
