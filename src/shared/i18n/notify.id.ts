/**
 * Notification texts (Bahasa Indonesia, the source), rendered by the server in each recipient's
 * language when the outbox is delivered. `share` is the WhatsApp text; `{{url}}` is the link.
 */
export const notifyId = {
  skm: {
    periodEnding: {
      title: 'Periode SKM segera berakhir: {{service}}',
      body: 'Periode survei kepuasan masyarakat untuk layanan {{service}} ({{unit}}) berakhir pada {{end}}, {{days}} hari lagi. Saat ini terkumpul {{responses}} responden. Pastikan jumlah sampel tercukupi sebelum periode ditutup.',
      share: 'Pengingat SKM: periode survei layanan {{service}} ({{unit}}) berakhir pada {{end}}. Mohon bantu sebarkan tautan survei kepada pengguna layanan. {{url}}',
    },
  },
  pk: {
    reportDue: {
      title: 'Realisasi PK TW {{quarter}} {{year}} belum dilaporkan',
      body: '{{missing}} indikator Perjanjian Kinerja {{position}} tahun {{year}} belum memiliki realisasi triwulan {{quarter}} yang diajukan. Batas pelaporan {{due}}, {{days}} hari lagi.',
      share: 'Pengingat SAKIP: realisasi PK TW {{quarter}} {{year}} ({{position}}) ditunggu paling lambat {{due}}. {{url}}',
    },
    signLate: {
      title: 'Perjanjian Kinerja {{year}} belum ditandatangani: {{unit}}',
      body: 'Perjanjian Kinerja tahun {{year}} untuk {{position}} ({{unit}}) belum ditandatangani (status: {{status}}), padahal batas penandatanganan adalah {{deadline}}. Segera lengkapi, ajukan dan tandatangani PK, lalu unggah pindaian halaman bertanda tangan.',
      share: 'Pengingat: Perjanjian Kinerja {{year}} {{unit}} belum ditandatangani (batas {{deadline}}). {{url}}',
    },
  },
  email: {
    open: 'Buka di Serasan:',
    footer: 'Pesan ini dikirim otomatis oleh Serasan. Anda menerimanya karena peran Anda di {{tenant}}.',
  },
};
