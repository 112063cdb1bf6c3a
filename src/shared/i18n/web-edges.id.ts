/** UI texts of the public navigation, charts, date inputs and poster warnings (Bahasa Indonesia). */
export const webEdgesId = {
  publicNav: {
    label: 'Navigasi halaman publik daerah',
    catalogue: 'Katalog inovasi',
    skm: 'Hasil SKM',
    allRegions: 'Semua daerah',
    unknownRegion: {
      title: 'Kode wilayah tidak dikenal',
      body: 'Tidak ada daerah dengan kode wilayah "{{code}}" di Serasan. Periksa kembali alamatnya, atau pilih daerah dari katalog.',
      toCatalogue: 'Buka katalog semua daerah',
    },
  },
  a11y: {
    previousPage: 'Halaman sebelumnya',
    nextPage: 'Halaman berikutnya',
  },
  charts: {
    count: 'Jumlah',
    ikm: 'IKM',
    trendLabel: 'Tren IKM per periode',
  },
  dates: {
    placeholder: 'HH/BB/TTTT',
  },
  poster: {
    localhostTitle: 'Alamat publik masih localhost',
    localhostBody: 'Kode QR pada poster akan menunjuk ke {{url}}, yang tidak bisa dibuka dari ponsel warga. Minta admin mengisi SERASAN_PUBLIC_URL dengan alamat publik Serasan sebelum mencetak poster.',
    printAnyway: 'Tetap unduh poster',
  },
};
