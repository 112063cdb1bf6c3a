import { placeholderEmblem } from '../../demo/demo-documents.ts';
import type { SuratInput } from './layouts.ts';
import type { Letterhead } from './letterhead.ts';
import type { SignatureBlock } from './signer.ts';

/** Shared inputs of the layout tests: one input object feeds the PDF layout and its DOCX draft. */
export const kop: Letterhead = {
  kind: 'unit',
  emblem: { data: placeholderEmblem(), mime: 'image/png' },
  governmentLine: 'PEMERINTAH KABUPATEN MUARA ENIM',
  title: 'BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA',
  addressLine: 'Jalan Uji No. 9, Muara Enim Kode Pos 31311',
  contactLine: 'Telepon (0734) 111 · Laman bkpsdm.example.go.id · Pos-el bkpsdm@example.go.id',
  place: 'Muara Enim',
  unitCode: 'BKPSDM',
  unitName: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia',
};
export const kepala: SignatureBlock = { onBehalfOf: null, prefix: null, jabatan: 'Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia', name: 'Dr. Hasan Basri, M.Si.', rank: 'Pembina Utama Muda (IV/c)', nip: '197011201995031002', kind: 'definitif', positionId: 'p1', personId: 'x1', unitId: 'u1', unitName: kop.unitName };
export const sekda: SignatureBlock = { onBehalfOf: 'Bupati Muara Enim', prefix: 'Plh.', jabatan: 'Sekretaris Daerah', name: 'Ir. Sri Lestari', rank: 'Pembina Utama Madya (IV/d)', nip: '196805121990032001', kind: 'plh', positionId: 'p2', personId: 'x2', unitId: 'u2', unitName: 'Sekretariat Daerah' };
export const notulis: SignatureBlock = { ...kepala, jabatan: 'Analis SDM Aparatur', name: 'Rahmat Hidayat, S.E.', rank: 'Penata (III/c)', nip: '199001012015031005', kind: 'definitif' };
export const bupati: SignatureBlock = { onBehalfOf: null, prefix: null, jabatan: 'BUPATI MUARA ENIM', name: 'Bupati Muara Enim (uji)', rank: null, nip: null, kind: 'kepala_daerah', positionId: null, personId: null, unitId: null, unitName: null };

export const surat: SuratInput = {
  kind: 'surat_dinas',
  kop,
  number: '800/41/BKPSDM/2026',
  date: '2026-08-12',
  signer: sekda,
  sifat: 'Penting',
  lampiran: '-',
  hal: 'Teguran',
  recipients: ['Kepala Dinas Kesehatan Kabupaten Muara Enim'],
  recipientPlace: 'Muara Enim',
  body: ['Berdasarkan hasil pemantauan kehadiran bulan Juli 2026, kami sampaikan hal-hal sebagai berikut.', 'Demikian disampaikan untuk dilaksanakan.'],
  tembusan: ['Bupati Muara Enim (sebagai laporan)', 'Inspektur Kabupaten Muara Enim'],
};
