import { test } from 'node:test';
import assert from 'node:assert/strict';
import JSZip from 'jszip';
import { renderPdf } from '../pdf/pdfmake.ts';
import { beritaAcaraLayout, keputusanLayout, notulaLayout, perjanjianKinerjaLayout, suratLayout, type LayoutDoc } from './layouts.ts';
import { bupati, kepala, kop, notulis, sekda, surat } from './layouts.fixtures.ts';
import { suratDocx } from './docx.ts';
import { pdfText } from './pdf-tools.ts';

/** Each layout rendered to a real PDF and read back with pdftotext (RULES.md §7.3, §7.4, §2.5). */

const text = async (l: LayoutDoc) => pdfText(await renderPdf({ ...l })).replace(/\s+/g, ' ');
const has = (t: string, words: string[]) => {
  for (const w of words) assert.ok(t.includes(w), `missing "${w}" in: ${t.slice(0, 400)}…`);
};

test('surat dinas: kop, place-date at the right, Nomor/Sifat/Lampiran/Hal, Yth. … di …, a.n. + Plh. signer with NIP, tembusan', async () => {
  const t = await text(suratLayout(surat));
  has(t, ['PEMERINTAH KABUPATEN MUARA ENIM', 'BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA', 'Kode Pos 31311', 'Pos-el bkpsdm@example.go.id']);
  has(t, ['Muara Enim, 12 Agustus 2026', 'Nomor : 800/41/BKPSDM/2026', 'Sifat : Penting', 'Lampiran : -', 'Hal : Teguran']);
  has(t, ['Yth. Kepala Dinas Kesehatan Kabupaten Muara Enim di Muara Enim', 'Demikian disampaikan untuk dilaksanakan.']);
  has(t, ['a.n. BUPATI MUARA ENIM', 'Plh. SEKRETARIS DAERAH,', 'Ir. Sri Lestari', 'Pembina Utama Madya (IV/d)', 'NIP. 19680512 199003 2 001']);
  has(t, ['Tembusan:', '1. Yth. Bupati Muara Enim (sebagai laporan)', '2. Yth. Inspektur Kabupaten Muara Enim']);
});

test('surat undangan: the event table, and more than five recipients go to a lampiran list ("daftar terlampir")', async () => {
  const recipients = ['Kepala Dinas Kesehatan', 'Kepala Dinas Pendidikan', 'Kepala Bappeda', 'Inspektur', 'Camat Lawang Kidul', 'Direktur RSUD dr. H.M. Rabain'];
  const t = await text(suratLayout({ ...surat, kind: 'surat_undangan', signer: kepala, hal: 'Undangan Rapat Koordinasi SAKIP', recipients, event: { day: 'Senin, 17 Agustus 2026', time: '09.00 WIB s.d. selesai', place: 'Ruang Rapat Bappeda', agenda: 'Penyusunan Perjanjian Kinerja' } }));
  has(t, ['Hal : Undangan Rapat Koordinasi SAKIP', 'Yth. Daftar terlampir', 'Hari, tanggal : Senin, 17 Agustus 2026', 'Waktu : 09.00 WIB s.d. selesai', 'Tempat : Ruang Rapat Bappeda', 'Acara : Penyusunan Perjanjian Kinerja']);
  has(t, ['DAFTAR PENERIMA', '6. Direktur RSUD dr. H.M. Rabain', 'KEPALA BADAN KEPEGAWAIAN']);
});

test('nota dinas: Yth./Dari/Tembusan/Tanggal/Nomor/Sifat/Lampiran/Hal block', async () => {
  const t = await text(suratLayout({ ...surat, kind: 'nota_dinas', signer: kepala, from: 'Kepala BKPSDM', hal: 'Usulan diklat' }));
  has(t, ['NOTA DINAS', 'Yth. : Kepala Dinas Kesehatan Kabupaten Muara Enim', 'Dari : Kepala BKPSDM', 'Tembusan : Bupati Muara Enim (sebagai laporan); Inspektur Kabupaten Muara Enim', 'Tanggal : 12 Agustus 2026', 'Hal : Usulan diklat']);
});

test('keputusan: KEPUTUSAN {JABATAN} NOMOR … TENTANG …, Menimbang a./b., Mengingat 1./2., MEMUTUSKAN, Menetapkan, KESATU/KEDUA, Ditetapkan di … pada tanggal …', async () => {
  const t = await text(keputusanLayout({ kop: { ...kop, kind: 'head', title: 'BUPATI MUARA ENIM' }, number: '100.3.3/12/KPTS/2026', date: '2026-01-05', signer: bupati, about: 'Tim Reformasi Birokrasi', menimbang: ['bahwa pertama;', 'bahwa kedua;'], mengingat: ['Undang-Undang pertama;', 'Peraturan kedua;'], menetapkan: 'Tim Reformasi Birokrasi', diktum: ['Membentuk tim.', 'Biaya dibebankan pada APBD.'] }));
  has(t, ['KEPUTUSAN BUPATI MUARA ENIM NOMOR 100.3.3/12/KPTS/2026 TENTANG TIM REFORMASI BIROKRASI', 'BUPATI MUARA ENIM,', 'Menimbang : a. bahwa pertama; b. bahwa kedua;', 'Mengingat : 1. Undang-Undang pertama; 2. Peraturan kedua;', 'MEMUTUSKAN:', 'Menetapkan : KEPUTUSAN BUPATI MUARA ENIM TENTANG TIM REFORMASI BIROKRASI.', 'KESATU : Membentuk tim.', 'KEDUA : Biaya dibebankan pada APBD.', 'Ditetapkan di Muara Enim pada tanggal 5 Januari 2026', 'Bupati Muara Enim (uji)']);
  assert.ok(!t.includes('NIP'), 'the head of region signs without NIP');
});

test('berita acara: title, number, opening, closing, place-date and every signer', async () => {
  const t = await text(beritaAcaraLayout({ kop, number: '000.1/3/BKPSDM/2026', date: '2026-03-02', signer: kepala, otherSigners: [notulis], about: 'Serah Terima Dokumen', opening: 'Pada hari ini Senin tanggal dua bulan Maret tahun dua ribu dua puluh enam, bertempat di Muara Enim, telah dilakukan serah terima dokumen.', body: ['Dokumen yang diserahterimakan tercantum dalam daftar.'] }));
  has(t, ['BERITA ACARA', 'SERAH TERIMA DOKUMEN', 'NOMOR 000.1/3/BKPSDM/2026', 'Pada hari ini Senin', 'Demikian berita acara ini dibuat untuk dipergunakan sebagaimana mestinya.', 'Muara Enim, 2 Maret 2026', 'Dr. Hasan Basri, M.Si.', 'Rahmat Hidayat, S.E.', 'NIP. 19900101 201503 1 005']);
});

test('notula: agenda, time, place, chair, notulis, participants, discussion, decisions, tindak lanjut with PIC and deadline; signed by chair and notulis', async () => {
  const t = await text(notulaLayout({ kop, number: null, date: '2026-02-10', signer: notulis, chair: sekda, agenda: 'Evaluasi Zona Integritas', time: '09.00–11.30 WIB', place: 'Ruang Rapat Setda', participants: ['Inspektur', 'Kepala BKPSDM'], discussion: ['Capaian LKE ZI triwulan I.'], decisions: ['Melengkapi bukti area IV.'], followUps: [{ action: 'Unggah SOP pelayanan', pic: 'Kepala Bagian Organisasi', due: '2026-02-28' }] }));
  has(t, ['NOTULA RAPAT', 'Agenda : Evaluasi Zona Integritas', 'Hari, tanggal : 10 Februari 2026', 'Waktu : 09.00–11.30 WIB', 'Tempat : Ruang Rapat Setda', 'Pimpinan rapat : Plh. Sekretaris Daerah (Ir. Sri Lestari)', 'Notulis : Rahmat Hidayat, S.E.', 'Peserta : 1. Inspektur 2. Kepala BKPSDM']);
  has(t, ['Pembahasan', 'Capaian LKE ZI triwulan I.', 'Keputusan', 'Melengkapi bukti area IV.', 'Tindak lanjut', 'Penanggung jawab (PIC)', 'Tenggat', 'Unggah SOP pelayanan', 'Kepala Bagian Organisasi', '28 Februari 2026']);
  has(t, ['Pimpinan rapat', 'Notulis', 'NIP. 19680512 199003 2 001', 'NIP. 19900101 201503 1 005']);
});

test('perjanjian kinerja (RULES §2.5–2.6): title with year and unit, the 53/2014 wording PIHAK KESATU/PIHAK KEDUA, commitment and supervision, targets and programme tables', async () => {
  const t = await text(perjanjianKinerjaLayout({ kop, number: null, date: '2026-01-31', signer: kepala, pihakKedua: bupati, year: 2026, targets: [{ sasaran: 'Meningkatnya kompetensi ASN', indikator: 'Persentase ASN memenuhi standar kompetensi', target: '75 %' }], programs: [{ name: 'Program Pengembangan Sumber Daya Manusia', budget: '1.250.000.000' }] }));
  has(t, ['PERJANJIAN KINERJA TAHUN 2026', 'BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA', 'selanjutnya disebut PIHAK KESATU.', 'selaku atasan PIHAK KESATU, selanjutnya disebut PIHAK KEDUA.', 'PIHAK KESATU berjanji', 'PIHAK KEDUA akan melakukan supervisi', 'Muara Enim, 31 Januari 2026']);
  assert.ok(!/pertama/i.test(t), 'no "pihak pertama": 53/2014 says PIHAK KESATU');
  has(t, ['LAMPIRAN PERJANJIAN KINERJA TAHUN 2026', 'Sasaran Strategis', 'Indikator Kinerja', 'Target', 'Meningkatnya kompetensi ASN', '75 %', 'Program/Kegiatan/Sub-kegiatan', 'Anggaran (Rp)', '1.250.000.000']);
  const [agreement, attachment] = t.split('LAMPIRAN PERJANJIAN KINERJA');
  for (const part of [agreement, attachment]) assert.ok(part.includes('PIHAK KEDUA PIHAK KESATU'), 'signature captions: PIHAK KEDUA left, PIHAK KESATU right');
  has(t, ['NIP. 19701120 199503 1 002']);
});

test('perjanjian kinerja: satuan column and the quarterly target sheet (rencana aksi TW I–IV) in the lampiran; the PK of the head of region has no PIHAK KEDUA', async () => {
  const t = await text(perjanjianKinerjaLayout({ kop, number: null, date: '2026-01-31', signer: kepala, pihakKedua: bupati, year: 2026, targets: [{ sasaran: 'Meningkatnya kompetensi ASN', indikator: 'Persentase ASN memenuhi standar kompetensi', satuan: '%', target: '75' }], programs: [], quarterTargets: [{ indikator: 'Persentase ASN memenuhi standar kompetensi', satuan: '%', q: ['20', '40', '60', '75'] }] }));
  has(t, ['Sasaran Strategis Indikator Kinerja Satuan Target', 'Rencana aksi: target triwulan', 'TW I TW II TW III TW IV', '20 40 60 75']);
  const statement = await text(perjanjianKinerjaLayout({ kop, number: null, date: '2026-01-31', signer: bupati, pihakKedua: null, year: 2026, targets: [{ sasaran: 'Meningkatnya pertumbuhan ekonomi', indikator: 'Laju pertumbuhan ekonomi', target: '5 %' }], programs: [] }));
  has(statement, ['PERJANJIAN KINERJA TAHUN 2026', 'Berjanji akan mewujudkan', 'Laju pertumbuhan ekonomi']);
  assert.ok(!statement.includes('PIHAK KEDUA') && !statement.includes('PIHAK KESATU'), 'a statement of the head of region names no parties');
});

test('DOCX surat (edited before signing): kop, Nomor/Hal, Yth., signer with NIP and tembusan in document.xml', async () => {
  const buf = await suratDocx(surat);
  const zip = await JSZip.loadAsync(buf);
  const xml = await zip.file('word/document.xml')!.async('string');
  const plain = xml.replace(/<w:tab\/>/g, '\t').replace(/<[^>]+>/g, '');
  for (const w of ['PEMERINTAH KABUPATEN MUARA ENIM', 'BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA', 'Muara Enim, 12 Agustus 2026', 'Nomor\t: 800/41/BKPSDM/2026', 'Hal\t: Teguran', 'Yth.', 'a.n. BUPATI MUARA ENIM', 'Plh. SEKRETARIS DAERAH,', 'NIP. 19680512 199003 2 001', '1. Yth. Bupati Muara Enim (sebagai laporan)']) {
    assert.ok(plain.includes(w), `document.xml lacks "${w}"`);
  }
  assert.ok(Object.keys(zip.files).some((f) => f.startsWith('word/media/')), 'the emblem is embedded');
});
