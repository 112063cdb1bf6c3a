/** UI texts of the Excel import preview, the history labels and the competition rules (Indonesian, the source). */
export const webImportId = {
  importPlan: {
    intro: 'Unggah templat Serasan yang sudah diisi, atau berkas ekspor Serasan yang sudah Anda ubah. Serasan menampilkan pratinjau lebih dulu; tidak ada yang disimpan sebelum Anda mengonfirmasi. Baris dengan "ID Serasan" memperbarui inovasi itu.',
    preview: 'Pratinjau',
    confirm: 'Simpan impor',
    back: 'Pilih berkas lain',
    fixErrors: 'Perbaiki baris bermasalah di Excel, lalu unggah lagi. Tidak ada yang disimpan selama masih ada baris bermasalah.',
    decideDuplicates: 'Beberapa baris mungkin sudah tercatat. Pilih untuk setiap baris: tetap buat sebagai inovasi baru, atau lewati.',
    nothingToDo: 'Semua baris sama dengan data di Serasan: tidak ada yang berubah.',
    action: {
      create: 'Baru',
      update: 'Diperbarui',
      unchanged: 'Tidak berubah',
      duplicate: 'Mungkin sudah ada',
      error: 'Bermasalah',
    },
    col: {
      row: 'Baris',
      title: 'Nama inovasi',
      action: 'Tindakan',
      detail: 'Keterangan',
    },
    changes: 'Kolom berubah: {{columns}}',
    existing: 'Mirip dengan "{{title}}" ({{reason}})',
    createAnyway: 'Tetap buat',
    skip: 'Lewati',
    done: 'Impor selesai: {{created}} baru, {{updated}} diperbarui, {{unchanged}} tidak berubah, {{skipped}} dilewati.',
  },
  competitionRules: {
    noScores: 'Belum ada penilaian: belum ada juri yang memberi nilai, jadi belum ada peringkat.',
    notScored: 'belum dinilai',
  },
};
