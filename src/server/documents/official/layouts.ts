import { formatDate } from '../../../shared/i18n/translate.ts';
import type { PdfContent } from '../pdf/pdfmake.ts';
import { kopContent, type Letterhead } from './letterhead.ts';
import { signatureContent, signatureLines, type SignatureBlock } from './signer.ts';

/**
 * Layouts of the official documents (Permendagri 1/2023 as summarised in RULES.md §7.3–7.4 and
 * PermenPANRB 53/2014 for the PK, §2.5). Each returns a pdfmake document definition; the kit adds
 * the verification QR when the document is issued.
 */
export interface Common {
  kop: Letterhead;
  number: string | null; // null = draft ("……")
  date: string; // YYYY-MM-DD
  signer: SignatureBlock;
}
export interface Table {
  headers: string[];
  rows: string[][];
  widths?: Array<number | string>;
}
export type LayoutDoc = { info: { title: string }; content: PdfContent[]; pageMargins: number[] };

export const dateId = (d: string) => formatDate('id', d);
/** The number as printed: a draft has none yet ("……"). */
export const no = (n: string | null) => n ?? '……';
const MARGINS = [64, 48, 64, 56];

export const DIKTUM = ['KESATU', 'KEDUA', 'KETIGA', 'KEEMPAT', 'KELIMA', 'KEENAM', 'KETUJUH', 'KEDELAPAN', 'KESEMBILAN', 'KESEPULUH', 'KESEBELAS', 'KEDUA BELAS'];
export const letter = (i: number) => String.fromCharCode(97 + i);
/** The diktum label: KESATU, KEDUA, … */
export const diktumLabel = (i: number) => DIKTUM[i] ?? `KE-${i + 1}`;

/*
 * The texts below are shared by the PDF layouts here and the DOCX drafts in `docx.ts`, so both
 * read the same from the same input object.
 */

export function tableContent(t: Table, fontSize = 9): PdfContent {
  return {
    table: {
      headerRows: 1,
      widths: t.widths ?? t.headers.map((_, i) => (i === 0 ? 24 : '*')),
      body: [t.headers.map((h) => ({ text: h, bold: true, fontSize })), ...t.rows.map((r) => r.map((c) => ({ text: c, fontSize })))],
    },
    margin: [0, 4, 0, 8],
  };
}

/** "a. text" / "1. text" hanging list. */
function labelled(items: string[], label: (i: number) => string): PdfContent {
  return { stack: items.map((t, i) => ({ columns: [{ width: 18, text: label(i) }, { width: '*', text: t, alignment: 'justify' }], margin: [0, 0, 0, 3] })) };
}

function row(label: string, value: PdfContent, width = 100): PdfContent {
  return { columns: [{ width, text: label }, { width: 10, text: ':' }, { width: '*', ...(typeof value === 'string' ? { text: value } : { stack: [value] }) }], margin: [0, 0, 0, 2] };
}

// --- keputusan --------------------------------------------------------------------------------
export interface KeputusanInput extends Common {
  about: string; // TENTANG …
  menimbang: string[];
  mengingat: string[];
  menetapkan: string; // the decree's own name after "Menetapkan:"
  diktum: string[];
  lampiran?: { title: string; table: Table } | null;
}

/** Who makes the decree, as printed in its title: "BUPATI MUARA ENIM" (the a.n. principal if any). */
export const keputusanMaker = (k: Pick<KeputusanInput, 'signer'>) => (k.signer.onBehalfOf ?? k.signer.jabatan).toUpperCase();
export const keputusanMenetapkan = (k: KeputusanInput) => `KEPUTUSAN ${keputusanMaker(k)} TENTANG ${k.menetapkan.toUpperCase()}.`;

export function keputusanLayout(k: KeputusanInput): LayoutDoc {
  const maker = keputusanMaker(k);
  const sideBySide = (label: string, body: PdfContent) => ({ columns: [{ width: 80, text: label }, { width: 10, text: ':' }, { width: '*', stack: [body] }], margin: [0, 0, 0, 8] });
  return {
    info: { title: `Keputusan ${maker} Nomor ${no(k.number)} tentang ${k.about}` },
    pageMargins: MARGINS,
    content: [
      ...kopContent(k.kop),
      { text: `KEPUTUSAN ${maker}`, alignment: 'center', bold: true },
      { text: `NOMOR ${no(k.number)}`, alignment: 'center', margin: [0, 2, 0, 8] },
      { text: 'TENTANG', alignment: 'center' },
      { text: k.about.toUpperCase(), alignment: 'center', bold: true, margin: [0, 2, 0, 12] },
      { text: `${maker},`, alignment: 'center', margin: [0, 0, 0, 10] },
      sideBySide('Menimbang', labelled(k.menimbang, (i) => `${letter(i)}.`)),
      sideBySide('Mengingat', labelled(k.mengingat, (i) => `${i + 1}.`)),
      { text: 'MEMUTUSKAN:', alignment: 'center', bold: true, margin: [0, 6, 0, 8] },
      sideBySide('Menetapkan', { text: keputusanMenetapkan(k) }),
      ...k.diktum.map((d, i) => sideBySide(diktumLabel(i), { text: d, alignment: 'justify' })),
      signatureContent(k.signer, [`Ditetapkan di ${k.kop.place}`, `pada tanggal ${dateId(k.date)}`, ' ']),
      ...(k.lampiran
        ? [
            { text: '', pageBreak: 'after' },
            { text: `LAMPIRAN KEPUTUSAN ${maker}`, fontSize: 9, margin: [240, 0, 0, 0] },
            { text: `NOMOR ${no(k.number)}`, fontSize: 9, margin: [240, 0, 0, 0] },
            { text: `TENTANG ${k.about.toUpperCase()}`, fontSize: 9, margin: [240, 0, 0, 12] },
            { text: k.lampiran.title.toUpperCase(), bold: true, alignment: 'center', margin: [0, 0, 0, 6] },
            tableContent(k.lampiran.table),
            signatureContent(k.signer),
          ]
        : []),
    ],
  };
}

// --- korespondensi: surat dinas, surat undangan, nota dinas ------------------------------------
export interface SuratInput extends Common {
  kind: 'surat_dinas' | 'surat_undangan' | 'nota_dinas';
  sifat: 'Biasa' | 'Penting' | 'Segera' | 'Rahasia';
  lampiran: string; // "-" or "1 (satu) berkas"
  hal: string;
  recipients: string[]; // by jabatan
  recipientPlace: string; // "Muara Enim" → "di Muara Enim"
  from?: string; // nota dinas: "Dari"
  body: string[];
  event?: { day: string; time: string; place: string; agenda: string } | null; // undangan
  tembusan: string[];
  lampiranList?: { title: string; items: string[] } | null;
}

export function suratLayout(s: SuratInput): LayoutDoc {
  // More than five recipients go to a lampiran list ("daftar terlampir", RULES §7.4).
  const many = s.recipients.length > 5;
  const recipients = many ? ['Daftar terlampir'] : s.recipients;
  const lampiranList = many ? { title: 'Daftar penerima', items: s.recipients } : s.lampiranList;
  const head: PdfContent[] =
    s.kind === 'nota_dinas'
      ? [
          { text: 'NOTA DINAS', alignment: 'center', bold: true, margin: [0, 0, 0, 10] },
          row('Yth.', recipients.join('; '), 70),
          row('Dari', s.from ?? s.signer.jabatan, 70),
          row('Tembusan', s.tembusan.join('; ') || '-', 70),
          row('Tanggal', dateId(s.date), 70),
          row('Nomor', no(s.number), 70),
          row('Sifat', s.sifat, 70),
          row('Lampiran', s.lampiran, 70),
          row('Hal', s.hal, 70),
          { canvas: [{ type: 'line', x1: 0, y1: 4, x2: 467, y2: 4, lineWidth: 0.5 }], margin: [0, 0, 0, 10] },
        ]
      : [
          { text: `${s.kop.place}, ${dateId(s.date)}`, alignment: 'right', margin: [0, 0, 0, 10] },
          row('Nomor', no(s.number), 70),
          row('Sifat', s.sifat, 70),
          row('Lampiran', s.lampiran, 70),
          row('Hal', s.hal, 70),
          { text: 'Yth.', margin: [0, 12, 0, 0] },
          ...recipients.map((r, i) => ({ text: recipients.length > 1 ? `${i + 1}. ${r}` : r, margin: [20, 0, 0, 0] })),
          { text: 'di', margin: [0, 2, 0, 0] },
          { text: s.recipientPlace, margin: [20, 0, 0, 12] },
        ];
  return {
    info: { title: `${s.kind === 'nota_dinas' ? 'Nota Dinas' : s.kind === 'surat_undangan' ? 'Surat Undangan' : 'Surat Dinas'} ${no(s.number)}: ${s.hal}` },
    pageMargins: MARGINS,
    content: [
      ...kopContent(s.kop),
      ...head,
      ...s.body.slice(0, 1).map((p) => ({ text: p, alignment: 'justify', margin: [0, 0, 0, 6], leadingIndent: 24 })),
      ...(s.event
        ? [{ stack: [row('Hari, tanggal', s.event.day), row('Waktu', s.event.time), row('Tempat', s.event.place), row('Acara', s.event.agenda)], margin: [24, 0, 0, 6] }]
        : []),
      ...s.body.slice(1).map((p) => ({ text: p, alignment: 'justify', margin: [0, 0, 0, 6], leadingIndent: 24 })),
      signatureContent(s.signer),
      ...(s.tembusan.length && s.kind !== 'nota_dinas'
        ? [{ text: 'Tembusan:', margin: [0, 16, 0, 0], fontSize: 9 }, { ol: s.tembusan.map((t) => `Yth. ${t}`), fontSize: 9 }]
        : []),
      ...(lampiranList
        ? [
            { text: '', pageBreak: 'after' },
            { text: `Lampiran ${s.kind === 'surat_undangan' ? 'Surat Undangan' : 'Surat'} Nomor ${no(s.number)}`, fontSize: 9, margin: [240, 0, 0, 0] },
            { text: `Tanggal ${dateId(s.date)}`, fontSize: 9, margin: [240, 0, 0, 12] },
            { text: lampiranList.title.toUpperCase(), bold: true, alignment: 'center', margin: [0, 0, 0, 6] },
            { ol: lampiranList.items },
          ]
        : []),
    ],
  };
}

// --- berita acara -------------------------------------------------------------------------------
export interface BeritaAcaraInput extends Common {
  about: string;
  opening: string; // "Pada hari ini, Senin tanggal … bertempat di …"
  body: string[];
  closing?: string;
  otherSigners: SignatureBlock[];
}

export const BERITA_ACARA_CLOSING = 'Demikian berita acara ini dibuat untuk dipergunakan sebagaimana mestinya.';

export function beritaAcaraLayout(b: BeritaAcaraInput): LayoutDoc {
  const signers = [b.signer, ...b.otherSigners];
  return {
    info: { title: `Berita Acara ${b.about}` },
    pageMargins: MARGINS,
    content: [
      ...kopContent(b.kop),
      { text: 'BERITA ACARA', alignment: 'center', bold: true },
      { text: b.about.toUpperCase(), alignment: 'center', bold: true },
      { text: `NOMOR ${no(b.number)}`, alignment: 'center', margin: [0, 2, 0, 12] },
      { text: b.opening, alignment: 'justify', margin: [0, 0, 0, 6] },
      ...b.body.map((p) => ({ text: p, alignment: 'justify', margin: [0, 0, 0, 6] })),
      { text: b.closing ?? BERITA_ACARA_CLOSING, alignment: 'justify', margin: [0, 0, 0, 6] },
      { text: `${b.kop.place}, ${dateId(b.date)}`, alignment: 'right', margin: [0, 8, 0, 0] },
      { columns: signers.map((s) => smallSignature(s)), columnGap: 12, margin: [0, 10, 0, 0] },
    ],
  };
}

function smallSignature(s: SignatureBlock, caption?: string): PdfContent {
  const l = signatureLines(s);
  return {
    width: '*',
    stack: [...(caption ? [{ text: caption, bold: true }] : []), ...l.heading.map((t) => ({ text: t })), { text: ' ', margin: [0, 0, 0, 40] }, { text: l.name, bold: true, decoration: 'underline' }, ...l.below.map((t) => ({ text: t }))],
    alignment: 'center',
    unbreakable: true,
  };
}

// --- notula ---------------------------------------------------------------------------------
export interface NotulaInput extends Common {
  agenda: string;
  time: string;
  place: string;
  chair: SignatureBlock; // pimpinan rapat
  participants: string[];
  discussion: string[];
  decisions: string[];
  followUps: Array<{ action: string; pic: string; due: string }>;
  // `signer` (Common) is the notulis
}

/** "Plh. Sekretaris Daerah (Ir. Sri Lestari)" */
export const notulaChairLine = (n: NotulaInput) => `${n.chair.prefix ? `${n.chair.prefix} ` : ''}${n.chair.jabatan} (${n.chair.name})`;
export const notulaFollowUpTable = (n: NotulaInput): Table => ({
  headers: ['No', 'Tindak lanjut', 'Penanggung jawab (PIC)', 'Tenggat'],
  widths: [24, '*', 140, 80],
  rows: n.followUps.map((f, i) => [String(i + 1), f.action, f.pic, dateId(f.due)]),
});

export function notulaLayout(n: NotulaInput): LayoutDoc {
  return {
    info: { title: `Notula Rapat ${n.agenda}` },
    pageMargins: MARGINS,
    content: [
      ...kopContent(n.kop),
      { text: 'NOTULA RAPAT', alignment: 'center', bold: true },
      { text: `NOMOR ${no(n.number)}`, alignment: 'center', margin: [0, 2, 0, 12] },
      row('Agenda', n.agenda),
      row('Hari, tanggal', dateId(n.date)),
      row('Waktu', n.time),
      row('Tempat', n.place),
      row('Pimpinan rapat', notulaChairLine(n)),
      row('Notulis', n.signer.name),
      row('Peserta', { ol: n.participants }),
      { text: 'Pembahasan', bold: true, margin: [0, 8, 0, 2] },
      { ol: n.discussion },
      { text: 'Keputusan', bold: true, margin: [0, 8, 0, 2] },
      { ol: n.decisions },
      { text: 'Tindak lanjut', bold: true, margin: [0, 8, 0, 2] },
      tableContent(notulaFollowUpTable(n)),
      { text: `${n.kop.place}, ${dateId(n.date)}`, alignment: 'right', margin: [0, 8, 0, 0] },
      { columns: [smallSignature(n.chair, 'Pimpinan rapat'), smallSignature(n.signer, 'Notulis')], columnGap: 12, margin: [0, 10, 0, 0] },
    ],
  };
}

// --- perjanjian kinerja (PermenPANRB 53/2014, RULES §2.5–2.6) ----------------------------------
export interface PerjanjianKinerjaInput extends Common {
  year: number;
  /** The superior (PIHAK KEDUA); `signer` (Common) is PIHAK KESATU. Null for the PK of the head of region (a statement: no pihak kedua, RULES §2.6). */
  pihakKedua: SignatureBlock | null;
  targets: Array<{ sasaran: string; indikator: string; satuan?: string; target: string }>;
  programs: Array<{ name: string; budget: string; note?: string }>;
  /** Rencana aksi: the quarterly target sheet (TW I–IV), printed when given. */
  quarterTargets?: Array<{ indikator: string; satuan?: string; q: [string, string, string, string] }>;
}

/** "Plt. Kepala Dinas …" as written after "Jabatan :" in the PK. */
export const pkJabatan = (s: SignatureBlock) => `${s.prefix ? `${s.prefix} ` : ''}${s.jabatan}`;
export const pkUnitLine = (p: PerjanjianKinerjaInput) => (p.signer.unitName ?? p.kop.unitName ?? '').toUpperCase();
/** The 53/2014 wording (RULES §2.6 [HIGH]): PIHAK KESATU, not "pihak pertama". */
export const PK_TEXT = {
  opening: 'Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan, dan akuntabel serta berorientasi pada hasil, kami yang bertanda tangan di bawah ini:',
  openingStatement: 'Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan, dan akuntabel serta berorientasi pada hasil, yang bertanda tangan di bawah ini:',
  pihakKesatu: 'selanjutnya disebut PIHAK KESATU.',
  pihakKedua: 'selaku atasan PIHAK KESATU, selanjutnya disebut PIHAK KEDUA.',
  commitment: 'PIHAK KESATU berjanji akan mewujudkan target kinerja yang seharusnya sesuai lampiran perjanjian ini, dalam rangka mencapai target kinerja jangka menengah seperti yang telah ditetapkan dalam dokumen perencanaan. Keberhasilan dan kegagalan pencapaian target kinerja tersebut menjadi tanggung jawab kami.',
  commitmentStatement: 'Berjanji akan mewujudkan target kinerja yang seharusnya sesuai lampiran perjanjian ini, dalam rangka mencapai target kinerja jangka menengah seperti yang telah ditetapkan dalam dokumen perencanaan. Keberhasilan dan kegagalan pencapaian target kinerja tersebut menjadi tanggung jawab kami.',
  supervision: 'PIHAK KEDUA akan melakukan supervisi yang diperlukan serta akan melakukan evaluasi terhadap capaian kinerja dari perjanjian ini dan mengambil tindakan yang diperlukan dalam rangka pemberian penghargaan dan sanksi.',
};
/** Signature captions, left to right: PIHAK KEDUA left, PIHAK KESATU right (RULES §2.6). */
export const PK_CAPTIONS = { kedua: 'PIHAK KEDUA', kesatu: 'PIHAK KESATU' } as const;
export const pkTargetTable = (p: PerjanjianKinerjaInput): Table => {
  const withSatuan = p.targets.some((t) => t.satuan);
  return withSatuan
    ? { headers: ['No', 'Sasaran Strategis', 'Indikator Kinerja', 'Satuan', 'Target'], widths: [24, '*', '*', 56, 64], rows: p.targets.map((t, i) => [String(i + 1), t.sasaran, t.indikator, t.satuan ?? '', t.target]) }
    : { headers: ['No', 'Sasaran Strategis', 'Indikator Kinerja', 'Target'], widths: [24, '*', '*', 80], rows: p.targets.map((t, i) => [String(i + 1), t.sasaran, t.indikator, t.target]) };
};
export const pkProgramTable = (p: PerjanjianKinerjaInput): Table => ({
  headers: ['No', 'Program/Kegiatan/Sub-kegiatan', 'Anggaran (Rp)', 'Keterangan'],
  widths: [24, '*', 100, 80],
  rows: p.programs.map((x, i) => [String(i + 1), x.name, x.budget, x.note ?? '']),
});
export const pkQuarterTable = (p: PerjanjianKinerjaInput): Table => ({
  headers: ['No', 'Indikator Kinerja', 'Satuan', 'TW I', 'TW II', 'TW III', 'TW IV'],
  widths: [24, '*', 56, 48, 48, 48, 48],
  rows: (p.quarterTargets ?? []).map((x, i) => [String(i + 1), x.indikator, x.satuan ?? '', ...x.q]),
});

export function perjanjianKinerjaLayout(p: PerjanjianKinerjaInput): LayoutDoc {
  const title = pkJabatan;
  const kedua = p.pihakKedua;
  const signatures = (): PdfContent =>
    kedua
      ? { columns: [smallSignature(kedua, PK_CAPTIONS.kedua), smallSignature(p.signer, PK_CAPTIONS.kesatu)], columnGap: 12, margin: [0, 10, 0, 0] }
      : { columns: [{ width: '*', text: '' }, smallSignature(p.signer)], columnGap: 12, margin: [0, 10, 0, 0] };
  return {
    info: { title: `Perjanjian Kinerja Tahun ${p.year} — ${p.signer.jabatan}` },
    pageMargins: MARGINS,
    content: [
      ...kopContent(p.kop),
      { text: `PERJANJIAN KINERJA TAHUN ${p.year}`, alignment: 'center', bold: true, fontSize: 12 },
      { text: pkUnitLine(p), alignment: 'center', bold: true },
      { text: p.kop.governmentLine, alignment: 'center', margin: [0, 0, 0, 12] },
      { text: kedua ? PK_TEXT.opening : PK_TEXT.openingStatement, alignment: 'justify', margin: [0, 0, 0, 6] },
      row('Nama', p.signer.name, 60),
      row('Jabatan', title(p.signer), 60),
      ...(kedua
        ? [
            { text: PK_TEXT.pihakKesatu, margin: [0, 2, 0, 6] },
            row('Nama', kedua.name, 60),
            row('Jabatan', title(kedua), 60),
            { text: PK_TEXT.pihakKedua, margin: [0, 2, 0, 6] },
          ]
        : []),
      { text: kedua ? PK_TEXT.commitment : PK_TEXT.commitmentStatement, alignment: 'justify', margin: [0, 0, 0, 6] },
      ...(kedua ? [{ text: PK_TEXT.supervision, alignment: 'justify', margin: [0, 0, 0, 6] }] : []),
      { text: `${p.kop.place}, ${dateId(p.date)}`, alignment: 'right', margin: [0, 8, 0, 0] },
      signatures(),
      { text: '', pageBreak: 'after' },
      { text: `LAMPIRAN PERJANJIAN KINERJA TAHUN ${p.year}`, alignment: 'center', bold: true },
      { text: title(p.signer).toUpperCase(), alignment: 'center', margin: [0, 0, 0, 8] },
      tableContent(pkTargetTable(p)),
      ...(p.programs.length ? [tableContent(pkProgramTable(p))] : []),
      ...(p.quarterTargets?.length ? [{ text: 'Rencana aksi: target triwulan', bold: true, margin: [0, 8, 0, 2] }, tableContent(pkQuarterTable(p))] : []),
      signatures(),
    ],
  };
}

/** The verification strip printed on an issued document: QR (PNG from `qrcode`) and the link. */
export function verificationContent(qrPng: Buffer, url: string, code: string): PdfContent {
  return {
    columns: [
      { width: 84, image: `data:image/png;base64,${qrPng.toString('base64')}`, fit: [84, 84] },
      { width: '*', stack: [{ text: 'Dokumen ini diterbitkan secara elektronik melalui Serasan.', fontSize: 8 }, { text: `Periksa keaslian dan statusnya di ${url}`, fontSize: 8 }, { text: `Kode verifikasi: ${code}`, fontSize: 8, bold: true }], margin: [6, 20, 0, 0] },
    ],
    margin: [0, 18, 0, 0],
    unbreakable: true,
  };
}
