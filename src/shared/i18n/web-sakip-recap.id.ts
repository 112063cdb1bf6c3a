/** UI text of the SAKIP recap and LKjIP tab (issue 11 items 3–4). Indonesian is the source. */
export const webSakipRecapId = {
  sakipRecap: {
    year: 'Tahun',
    quarter: 'Triwulan',
    tw: 'TW {{q}}',
    excel: 'Unduh rekap Excel',
    lkjipPemda: 'LKjIP pemda',
    lkjipUnit: 'LKjIP unit',
    docx: 'DOCX',
    pdf: 'PDF',
    notula: 'Notula TW',
    unitPicker: 'Pilih unit',
    note: 'Capaian dihitung hanya dari realisasi yang sudah diverifikasi. Status: merah < 70 %, kuning 70–90 %, hijau > 90 %.',
    summary: '{{withPk}} dari {{units}} unit memiliki PK ({{signed}} ditandatangani); {{reported}} dari {{indicators}} indikator dilaporkan, {{verified}} terverifikasi.',
    average: 'Rata-rata capaian pemda',
    noRecapAccess: 'Rekap seluruh pemda hanya untuk Tim RB, Inspektorat, pimpinan dan admin. Unduh LKjIP unit Anda di bawah ini.',
    empty: 'Belum ada Perjanjian Kinerja untuk tahun ini.',
    columns: { unit: 'Unit', pk: 'Status PK', indicators: 'Indikator', reported: 'Dilaporkan', verified: 'Terverifikasi', capaian: 'Rata-rata capaian', documents: 'Dokumen' },
    pkStatus: { none: 'Belum ada PK', draft: 'Rancangan', submitted: 'Diajukan', agreed: 'Disetujui', signed: 'Ditandatangani' },
    status: { merah: 'Merah', kuning: 'Kuning', hijau: 'Hijau' },
    pemda: 'Pemerintah Daerah (PK Kepala Daerah)',
  },
};
