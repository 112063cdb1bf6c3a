import { test } from 'node:test';
import assert from 'node:assert/strict';
import JSZip from 'jszip';
import { beritaAcaraDocx, keputusanDocx, notulaDocx, perjanjianKinerjaDocx } from './docx.ts';
import { bupati, kepala, kop, notulis, sekda } from './layouts.fixtures.ts';
import type { BeritaAcaraInput, KeputusanInput, NotulaInput, PerjanjianKinerjaInput } from './layouts.ts';

/**
 * The editable DOCX drafts (RULES.md §7.3–7.4, §2.5), from the same input objects as the PDF
 * layouts, read back through jszip: the paragraphs of word/document.xml as lines, and every table
 * row as its cells' texts.
 */
interface Read {
  lines: string[];
  text: string;
  rows: string[][];
  xml: string;
  files: string[];
  header: string;
}
const plain = (x: string) => x.replace(/<w:tab\/>/g, '\t').replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&apos;/g, "'");
async function read(buf: Buffer): Promise<Read> {
  const zip = await JSZip.loadAsync(buf);
  const xml = await zip.file('word/document.xml')!.async('string');
  const lines = (xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? []).map(plain).filter((l) => l.trim() !== '');
  const rows = (xml.match(/<w:tr[ >][\s\S]*?<\/w:tr>/g) ?? []).map((r) => (r.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? []).map((c) => plain(c.replace(/<\/w:p>/g, '\n')).trim()));
  const headerFile = Object.keys(zip.files).find((f) => /^word\/header\d*\.xml$/.test(f));
  return { lines, text: lines.join('\n'), rows, xml, files: Object.keys(zip.files), header: headerFile ? plain(await zip.file(headerFile)!.async('string')) : '' };
}
const hasLines = (r: Read, expected: string[]) => {
  for (const l of expected) assert.ok(r.lines.includes(l), `no paragraph "${l}" in:\n${r.text.slice(0, 1500)}`);
};
const hasRow = (r: Read, cells: string[]) =>
  assert.ok(
    r.rows.some((row) => row.length === cells.length && row.every((c, i) => c === cells[i])),
    `no table row ${JSON.stringify(cells)} in ${JSON.stringify(r.rows.slice(0, 12))}`,
  );
/** The 8-6-1-3 grouping of an 18-digit NIP (birth date, appointment, sex, serial). */
const NIP = /^NIP\. \d{8} \d{6} \d \d{3}$/;

const keputusan: KeputusanInput = {
  kop,
  number: '100.3.3/12/BKPSDM/2026',
  date: '2026-01-05',
  signer: kepala,
  about: 'Tim Reformasi Birokrasi',
  menimbang: ['bahwa pertama;', 'bahwa kedua;'],
  mengingat: ['Undang-Undang pertama;', 'Peraturan kedua;'],
  menetapkan: 'Tim Reformasi Birokrasi',
  diktum: ['Membentuk tim.', 'Biaya dibebankan pada APBD.', 'Keputusan ini mulai berlaku pada tanggal ditetapkan.'],
  lampiran: { title: 'Susunan tim', table: { headers: ['No', 'Jabatan dalam tim', 'Jabatan'], widths: [24, '*', '*'], rows: [['1', 'Ketua', 'Sekretaris Daerah']] } },
};

test('DOCX keputusan: kop, KEPUTUSAN {JABATAN} NOMOR … TENTANG …, Menimbang a./b., Mengingat 1./2., MEMUTUSKAN, Menetapkan, KESATU…KETIGA, Ditetapkan di …, signer with grouped NIP, lampiran table', async () => {
  const r = await read(await keputusanDocx(keputusan));
  // Kop: the emblem at the left, the government line, unit, address and contacts centred beside it.
  hasRow(r, ['', `PEMERINTAH KABUPATEN MUARA ENIM\nBADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA\nJalan Uji No. 9, Muara Enim Kode Pos 31311\n${kop.contactLine}`, '']);
  const kopRow = (r.xml.match(/<w:tr[ >][\s\S]*?<\/w:tr>/g) ?? []).find((x) => x.includes('PEMERINTAH KABUPATEN MUARA ENIM'))!;
  const [emblemCell, linesCell] = kopRow.match(/<w:tc>[\s\S]*?<\/w:tc>/g)!;
  assert.ok(emblemCell.includes('<w:drawing>') && !linesCell.includes('<w:drawing>'), 'the emblem is in the left cell of the kop');
  const maker = 'KEPALA BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA';
  hasLines(r, [`KEPUTUSAN ${maker}`, 'NOMOR 100.3.3/12/BKPSDM/2026', 'TENTANG', 'TIM REFORMASI BIROKRASI', `${maker},`, 'MEMUTUSKAN:']);
  hasRow(r, ['Menimbang', ':', 'a.\tbahwa pertama;\nb.\tbahwa kedua;']);
  hasRow(r, ['Mengingat', ':', '1.\tUndang-Undang pertama;\n2.\tPeraturan kedua;']);
  hasRow(r, ['Menetapkan', ':', `KEPUTUSAN ${maker} TENTANG TIM REFORMASI BIROKRASI.`]);
  hasRow(r, ['KESATU', ':', 'Membentuk tim.']);
  hasRow(r, ['KEDUA', ':', 'Biaya dibebankan pada APBD.']);
  hasRow(r, ['KETIGA', ':', 'Keputusan ini mulai berlaku pada tanggal ditetapkan.']);
  hasLines(r, ['Ditetapkan di Muara Enim', 'pada tanggal 5 Januari 2026', `${maker},`, 'Dr. Hasan Basri, M.Si.', 'Pembina Utama Muda (IV/c)', 'NIP. 19701120 199503 1 002']);
  assert.ok(r.lines.filter((l) => NIP.test(l)).length === 2, 'the signer (with NIP) signs the decree and its lampiran');
  // Menimbang comes before Mengingat, MEMUTUSKAN before KESATU, the signature after the diktum.
  const at = (s: string) => r.text.indexOf(s);
  assert.ok(at('bahwa kedua;') < at('Undang-Undang pertama;') && at('Peraturan kedua;') < at('MEMUTUSKAN:') && at('MEMUTUSKAN:') < at('Membentuk tim.') && at('Keputusan ini mulai berlaku') < at('Ditetapkan di Muara Enim'));
  hasLines(r, [`LAMPIRAN KEPUTUSAN ${maker}`, 'SUSUNAN TIM']);
  hasRow(r, ['No', 'Jabatan dalam tim', 'Jabatan']);
  hasRow(r, ['1', 'Ketua', 'Sekretaris Daerah']);
  assert.ok(r.files.some((f) => f.startsWith('word/media/')), 'the emblem is embedded');
  assert.equal(r.header, '', 'an issued-form DOCX has no RANCANGAN header');
});

test('DOCX keputusan of the head of region: emblem-only kop, no NIP; a draft carries RANCANGAN and "……" for the number; F4 paper', async () => {
  const r = await read(await keputusanDocx({ ...keputusan, kop: { ...kop, kind: 'head', title: 'BUPATI MUARA ENIM' }, signer: bupati, number: null, lampiran: null }, { draft: true, paper: 'F4', font: 'Bookman Old Style' }));
  hasLines(r, ['BUPATI MUARA ENIM', 'KEPUTUSAN BUPATI MUARA ENIM', 'NOMOR ……', 'BUPATI MUARA ENIM,', 'Bupati Muara Enim (uji)']);
  assert.ok(!r.lines.includes('Jalan Uji No. 9, Muara Enim Kode Pos 31311'), 'no address line under the emblem-only kop');
  assert.ok(!r.text.includes('NIP'), 'the elected head of region has no NIP');
  assert.match(r.header, /RANCANGAN/);
  assert.match(r.xml, /<w:pgSz w:w="12189" w:h="18709"/, 'F4: 215 × 330 mm');
});

test('DOCX berita acara: title, number, opening, closing, place-date, and every signer with grouped NIP side by side', async () => {
  const b: BeritaAcaraInput = { kop, number: '000.1/3/BKPSDM/2026', date: '2026-03-02', signer: kepala, otherSigners: [notulis], about: 'Serah Terima Dokumen', opening: 'Pada hari ini Senin tanggal dua bulan Maret tahun dua ribu dua puluh enam, bertempat di Muara Enim, telah dilakukan serah terima dokumen.', body: ['Dokumen yang diserahterimakan tercantum dalam daftar.'] };
  const r = await read(await beritaAcaraDocx(b));
  hasLines(r, ['PEMERINTAH KABUPATEN MUARA ENIM', 'BERITA ACARA', 'SERAH TERIMA DOKUMEN', 'NOMOR 000.1/3/BKPSDM/2026', b.opening, 'Dokumen yang diserahterimakan tercantum dalam daftar.', 'Demikian berita acara ini dibuat untuk dipergunakan sebagaimana mestinya.', 'Muara Enim, 2 Maret 2026']);
  const signatures = r.rows.find((row) => row.length === 2 && row[0].includes('Dr. Hasan Basri'));
  assert.ok(signatures, 'the signers share one row');
  assert.match(signatures[0], /KEPALA BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA,\n\nDr\. Hasan Basri, M\.Si\.\nPembina Utama Muda \(IV\/c\)\nNIP\. 19701120 199503 1 002$/);
  assert.match(signatures[1], /ANALIS SDM APARATUR,\n\nRahmat Hidayat, S\.E\.\nPenata \(III\/c\)\nNIP\. 19900101 201503 1 005$/);
});

test('DOCX notula: agenda, time, place, chair, notulis, participants, discussion, decisions, tindak lanjut table with PIC and deadline; chair and notulis sign', async () => {
  const n: NotulaInput = { kop, number: null, date: '2026-02-10', signer: notulis, chair: sekda, agenda: 'Evaluasi Zona Integritas', time: '09.00–11.30 WIB', place: 'Ruang Rapat Setda', participants: ['Inspektur', 'Kepala BKPSDM'], discussion: ['Capaian LKE ZI triwulan I.'], decisions: ['Melengkapi bukti area IV.'], followUps: [{ action: 'Unggah SOP pelayanan', pic: 'Kepala Bagian Organisasi', due: '2026-02-28' }, { action: 'Rapat lanjutan', pic: 'Inspektur', due: '2026-03-15' }] };
  const r = await read(await notulaDocx(n));
  hasLines(r, ['NOTULA RAPAT', 'NOMOR ……', 'Pembahasan', '1.\tCapaian LKE ZI triwulan I.', 'Keputusan', '1.\tMelengkapi bukti area IV.', 'Tindak lanjut', 'Muara Enim, 10 Februari 2026']);
  hasRow(r, ['Agenda', ':', 'Evaluasi Zona Integritas']);
  hasRow(r, ['Hari, tanggal', ':', '10 Februari 2026']);
  hasRow(r, ['Waktu', ':', '09.00–11.30 WIB']);
  hasRow(r, ['Tempat', ':', 'Ruang Rapat Setda']);
  hasRow(r, ['Pimpinan rapat', ':', 'Plh. Sekretaris Daerah (Ir. Sri Lestari)']);
  hasRow(r, ['Notulis', ':', 'Rahmat Hidayat, S.E.']);
  hasRow(r, ['Peserta', ':', '1.\tInspektur\n2.\tKepala BKPSDM']);
  hasRow(r, ['No', 'Tindak lanjut', 'Penanggung jawab (PIC)', 'Tenggat']);
  hasRow(r, ['1', 'Unggah SOP pelayanan', 'Kepala Bagian Organisasi', '28 Februari 2026']);
  hasRow(r, ['2', 'Rapat lanjutan', 'Inspektur', '15 Maret 2026']);
  const signatures = r.rows.find((row) => row.length === 2 && row[0].startsWith('Pimpinan rapat\n'));
  assert.ok(signatures, 'chair left, notulis right');
  assert.match(signatures[0], /a\.n\. BUPATI MUARA ENIM\nPlh\. SEKRETARIS DAERAH,\n\nIr\. Sri Lestari\n.*\nNIP\. 19680512 199003 2 001$/);
  assert.match(signatures[1], /^Notulis\n[\s\S]*Rahmat Hidayat, S\.E\.\n.*\nNIP\. 19900101 201503 1 005$/);
});

test('DOCX perjanjian kinerja (RULES §2.5–2.6): title, PIHAK KESATU/KEDUA with name and jabatan, targets and programme tables, PIHAK KEDUA left and PIHAK KESATU right on both pages', async () => {
  const pk: PerjanjianKinerjaInput = { kop, number: null, date: '2026-01-31', signer: kepala, pihakKedua: bupati, year: 2026, targets: [{ sasaran: 'Meningkatnya kompetensi ASN', indikator: 'Persentase ASN memenuhi standar kompetensi', target: '75 %' }], programs: [{ name: 'Program Pengembangan Sumber Daya Manusia', budget: '1.250.000.000' }] };
  const r = await read(await perjanjianKinerjaDocx(pk));
  hasLines(r, ['PERJANJIAN KINERJA TAHUN 2026', 'BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA', 'selanjutnya disebut PIHAK KESATU.', 'selaku atasan PIHAK KESATU, selanjutnya disebut PIHAK KEDUA.', 'Muara Enim, 31 Januari 2026', 'LAMPIRAN PERJANJIAN KINERJA TAHUN 2026']);
  assert.ok(r.lines.some((l) => l.startsWith('PIHAK KESATU berjanji')) && r.lines.some((l) => l.startsWith('PIHAK KEDUA akan melakukan supervisi')));
  assert.ok(!r.lines.some((l) => /pertama/i.test(l)), 'no "pihak pertama": 53/2014 says PIHAK KESATU');
  hasRow(r, ['Nama', ':', 'Dr. Hasan Basri, M.Si.']);
  hasRow(r, ['Jabatan', ':', 'Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia']);
  hasRow(r, ['Nama', ':', 'Bupati Muara Enim (uji)']);
  hasRow(r, ['No', 'Sasaran Strategis', 'Indikator Kinerja', 'Target']);
  hasRow(r, ['1', 'Meningkatnya kompetensi ASN', 'Persentase ASN memenuhi standar kompetensi', '75 %']);
  hasRow(r, ['No', 'Program/Kegiatan/Sub-kegiatan', 'Anggaran (Rp)', 'Keterangan']);
  hasRow(r, ['1', 'Program Pengembangan Sumber Daya Manusia', '1.250.000.000', '']);
  const signatureRows = r.rows.filter((row) => row.length === 2 && row[0].startsWith('PIHAK KEDUA\n'));
  assert.equal(signatureRows.length, 2, 'signed on the agreement and on its lampiran');
  for (const [left, right] of signatureRows) {
    assert.match(left, /^PIHAK KEDUA\nBUPATI MUARA ENIM,\n\nBupati Muara Enim \(uji\)$/);
    assert.match(right, /^PIHAK KESATU\nKEPALA BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA,\n\nDr\. Hasan Basri, M\.Si\.\nPembina Utama Muda \(IV\/c\)\nNIP\. 19701120 199503 1 002$/);
  }
});
