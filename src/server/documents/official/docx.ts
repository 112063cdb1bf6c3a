import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  ImageRun,
  Packer,
  PageBreak,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  WidthType,
} from 'docx';
import type { Letterhead } from './letterhead.ts';
import {
  BERITA_ACARA_CLOSING,
  dateId,
  diktumLabel,
  keputusanMaker,
  keputusanMenetapkan,
  letter,
  no,
  notulaChairLine,
  notulaFollowUpTable,
  PK_TEXT,
  PK_CAPTIONS,
  pkQuarterTable,
  pkJabatan,
  pkProgramTable,
  pkTargetTable,
  pkUnitLine,
  type BeritaAcaraInput,
  type KeputusanInput,
  type NotulaInput,
  type PerjanjianKinerjaInput,
  type SuratInput,
  type Table as LayoutTable,
} from './layouts.ts';
import { signatureLines, type SignatureBlock } from './signer.ts';

/**
 * DOCX versions of the official layouts, for documents people edit before signing. Each takes the
 * SAME input object as its PDF layout in `layouts.ts` (and the same shared texts), so a draft and
 * the issued PDF say the same thing; the final, numbered document is issued as a frozen PDF.
 *
 * Units: docx measures in twips (1/20 pt; 1 cm = 567). Font sizes are half-points.
 */
export interface DocxOptions {
  /** A4 (default) or F4/folio (215 × 330 mm), still common in Indonesian offices. */
  paper?: 'A4' | 'F4';
  /** Arial (default) or Bookman Old Style. */
  font?: 'Arial' | 'Bookman Old Style';
  /** A draft: "RANCANGAN" in the page header and the document title. */
  draft?: boolean;
}

type Block = Paragraph | Table;
type Align = (typeof AlignmentType)[keyof typeof AlignmentType];

const PAPER = { A4: { width: 11906, height: 16838 }, F4: { width: 12189, height: 18709 } } as const;
/** The PDF layouts' margins (64/48/64/56 pt) in twips: left/right 2.26 cm, top 1.7 cm, bottom 2 cm. */
const MARGIN = { top: 960, right: 1280, bottom: 1120, left: 1280 };
const contentWidth = (o: DocxOptions) => PAPER[o.paper ?? 'A4'].width - MARGIN.left - MARGIN.right;

interface PO {
  bold?: boolean;
  underline?: boolean;
  size?: number;
  align?: Align;
  indent?: number;
  after?: number;
  before?: number;
}
const p = (text: string, o: PO = {}) =>
  new Paragraph({
    alignment: o.align,
    indent: o.indent ? { left: o.indent } : undefined,
    spacing: { after: o.after ?? 0, before: o.before ?? 0 },
    children: [new TextRun({ text, bold: o.bold, size: o.size, underline: o.underline ? {} : undefined })],
  });
const blank = (after = 120) => new Paragraph({ spacing: { after }, children: [] });
const justified = (text: string, after = 120, firstLine?: number) =>
  new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: firstLine ? { firstLine } : undefined, spacing: { after }, children: [new TextRun(text)] });

const NO_BORDERS = TableBorders.NONE;
const cell = (children: Block[], width: number, borders = false) =>
  new TableCell({ children: children.length ? children : [new Paragraph({ children: [] })], width: { size: width, type: WidthType.DXA }, ...(borders ? {} : { borders: NO_BORDERS }) });
/** A table without borders, used for layout (label : value rows, signatures side by side). */
const layoutTable = (rows: Block[][][], widths: number[]) =>
  new Table({
    layout: TableLayoutType.FIXED,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    borders: NO_BORDERS,
    rows: rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, widths[i])) })),
  });

/**
 * The kop: for a unit or the tenant the emblem at the left of the centred lines (as in the PDF),
 * for the head of region the emblem above "BUPATI …"; a double rule below. `width` is the text
 * width in twips (A4 with Word's default margins unless told).
 */
export function kopParagraphs(k: Letterhead, width = PAPER.A4.width - 2 * 1440): Block[] {
  const emblem = k.emblem
    ? new Paragraph({ alignment: AlignmentType.CENTER, children: [new ImageRun({ type: k.emblem.mime === 'image/png' ? 'png' : 'jpg', data: k.emblem.data, transformation: { width: 56, height: 66 } })] })
    : null;
  const rule = new Paragraph({ border: { bottom: { style: BorderStyle.DOUBLE, size: 6, color: '000000', space: 1 } }, spacing: { after: 240 }, children: [] });
  if (k.kind === 'head') return [...(emblem ? [emblem] : []), p(k.title ?? '', { bold: true, size: 32, align: AlignmentType.CENTER }), rule];
  const lines = [
    p(k.governmentLine, { size: 26, align: AlignmentType.CENTER }),
    ...(k.title ? [p(k.title, { bold: true, size: 30, align: AlignmentType.CENTER })] : []),
    ...(k.addressLine ? [p(k.addressLine, { size: 18, align: AlignmentType.CENTER })] : []),
    ...(k.contactLine ? [p(k.contactLine, { size: 18, align: AlignmentType.CENTER })] : []),
  ];
  if (!emblem) return [...lines, rule];
  return [layoutTable([[[emblem], lines, []]], [1300, width - 1300 - 500, 500]), rule];
}

/** Signature block lines, centred in their own cell or column: heading, space to sign, name, pangkat, NIP. */
function signatureBlock(s: SignatureBlock, o: { caption?: string; before?: string[]; align?: Align; indent?: number } = {}): Paragraph[] {
  const l = signatureLines(s);
  const a = o.align ?? AlignmentType.CENTER;
  const line = (t: string, x: PO = {}) => p(t, { align: a, indent: o.indent, ...x });
  return [
    ...(o.before ?? []).map((t) => line(t)),
    ...(o.caption ? [line(o.caption, { bold: true })] : []),
    ...l.heading.map((t) => line(t, { bold: true })),
    new Paragraph({ spacing: { after: 1000 }, children: [] }),
    line(l.name, { bold: true, underline: true }),
    ...l.below.map((t) => line(t)),
  ];
}

/** The single signer at the right half of the page (surat, keputusan). */
function signatureRight(s: SignatureBlock, o: DocxOptions, before?: string[]): Table {
  const w = contentWidth(o);
  return layoutTable([[[], signatureBlock(s, { before, align: AlignmentType.LEFT })]], [Math.round(w * 0.5), w - Math.round(w * 0.5)]);
}

/** Several signers side by side, each centred with its caption (berita acara, notula, PK). */
function signaturesSideBySide(blocks: Array<{ s: SignatureBlock; caption?: string }>, o: DocxOptions): Table {
  const w = contentWidth(o);
  const each = Math.floor(w / blocks.length);
  return layoutTable([blocks.map((b) => signatureBlock(b.s, { caption: b.caption }))], blocks.map(() => each));
}

/** "Label : value" rows, the colon aligned (Menimbang/Mengingat, Agenda/Waktu/Tempat …). */
function fieldRows(rows: Array<[string, Block[] | string]>, o: DocxOptions, labelWidth = 1700): Table {
  const w = contentWidth(o);
  return layoutTable(
    rows.map(([label, value]) => [[p(label)], [p(':')], typeof value === 'string' ? [new Paragraph({ alignment: AlignmentType.JUSTIFIED, children: [new TextRun(value)] })] : value]),
    [labelWidth, 280, w - labelWidth - 280],
  );
}

/** "a.\ttext" / "1.\ttext" as paragraphs with a hanging indent, so Word keeps the list aligned. */
const labelled = (items: string[], label: (i: number) => string, after = 60) =>
  items.map(
    (t, i) =>
      new Paragraph({
        alignment: AlignmentType.JUSTIFIED,
        indent: { left: 400, hanging: 400 },
        tabStops: [{ type: TabStopType.LEFT, position: 400 }],
        spacing: { after },
        children: [new TextRun(`${label(i)}\t${t}`)],
      }),
  );
const numbered = (items: string[]) => labelled(items, (i) => `${i + 1}.`);

/** A data table with borders and a bold, repeated header row; widths follow the PDF's (pt → share). */
function dataTable(t: LayoutTable, o: DocxOptions): Table {
  const w = contentWidth(o);
  const spec = t.widths ?? t.headers.map((_, i) => (i === 0 ? 24 : '*'));
  const fixed = spec.reduce<number>((a, x) => a + (typeof x === 'number' ? x * 20 : 0), 0);
  const stars = spec.filter((x) => typeof x !== 'number').length;
  const widths = spec.map((x) => (typeof x === 'number' ? x * 20 : Math.floor((w - fixed) / Math.max(stars, 1))));
  const small = (text: string, bold = false) => new Paragraph({ children: [new TextRun({ text, bold, size: 20 })] });
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({ tableHeader: true, children: t.headers.map((h, i) => cell([small(h, true)], widths[i], true)) }),
      ...t.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell([small(c)], widths[i], true)) })),
    ],
  });
}

const pageBreak = () => new Paragraph({ children: [new PageBreak()] });

async function pack(title: string, children: Block[], o: DocxOptions): Promise<Buffer> {
  const font = o.font ?? 'Arial';
  const doc = new Document({
    creator: 'Serasan',
    title: o.draft ? `RANCANGAN — ${title}` : title,
    styles: { default: { document: { run: { font, size: 24 } } } },
    sections: [
      {
        properties: { page: { size: PAPER[o.paper ?? 'A4'], margin: MARGIN } },
        headers: o.draft
          ? { default: new Header({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: 'RANCANGAN', bold: true, color: '9E9E9E', size: 20 })] })] }) }
          : undefined,
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}

// --- korespondensi ------------------------------------------------------------------------------
const field = (label: string, value: string) =>
  new Paragraph({ tabStops: [{ type: TabStopType.LEFT, position: 1400 }], children: [new TextRun(`${label}\t: ${value}`)] });

export async function suratDocx(s: SuratInput, o: DocxOptions = {}): Promise<Buffer> {
  const recipients = s.recipients.length > 5 ? ['Daftar terlampir'] : s.recipients;
  const children: Block[] = [
    ...kopParagraphs(s.kop, contentWidth(o)),
    p(`${s.kop.place}, ${dateId(s.date)}`, { align: AlignmentType.RIGHT, after: 200 }),
    field('Nomor', no(s.number)),
    field('Sifat', s.sifat),
    field('Lampiran', s.lampiran),
    field('Hal', s.hal),
    blank(),
    p('Yth.'),
    ...recipients.map((r, i) => p(recipients.length > 1 ? `${i + 1}. ${r}` : r, { indent: 400 })),
    p('di'),
    p(s.recipientPlace, { indent: 400, after: 240 }),
    ...s.body.map((t) => justified(t, 120, 720)),
    ...(s.event ? [field('Hari, tanggal', s.event.day), field('Waktu', s.event.time), field('Tempat', s.event.place), field('Acara', s.event.agenda)] : []),
    blank(240),
    signatureRight(s.signer, o),
    ...(s.tembusan.length ? [blank(240), p('Tembusan:', { size: 18 }), ...s.tembusan.map((t, i) => p(`${i + 1}. Yth. ${t}`, { size: 18 }))] : []),
  ];
  return pack(s.hal, children, o);
}

// --- keputusan ----------------------------------------------------------------------------------
export async function keputusanDocx(k: KeputusanInput, o: DocxOptions = {}): Promise<Buffer> {
  const maker = keputusanMaker(k);
  const center = (t: string, x: PO = {}) => p(t, { align: AlignmentType.CENTER, ...x });
  const children: Block[] = [
    ...kopParagraphs(k.kop, contentWidth(o)),
    center(`KEPUTUSAN ${maker}`, { bold: true }),
    center(`NOMOR ${no(k.number)}`, { after: 160 }),
    center('TENTANG'),
    center(k.about.toUpperCase(), { bold: true, after: 240 }),
    center(`${maker},`, { after: 200 }),
    fieldRows(
      [
        ['Menimbang', labelled(k.menimbang, (i) => `${letter(i)}.`)],
        ['Mengingat', numbered(k.mengingat)],
      ],
      o,
    ),
    center('MEMUTUSKAN:', { bold: true, before: 160, after: 160 }),
    fieldRows([['Menetapkan', keputusanMenetapkan(k)], ...k.diktum.map((d, i): [string, string] => [diktumLabel(i), d])], o),
    blank(240),
    signatureRight(k.signer, o, [`Ditetapkan di ${k.kop.place}`, `pada tanggal ${dateId(k.date)}`, '']),
    ...(k.lampiran
      ? [
          pageBreak(),
          ...[`LAMPIRAN KEPUTUSAN ${maker}`, `NOMOR ${no(k.number)}`, `TENTANG ${k.about.toUpperCase()}`].map((t, i, all) => p(t, { size: 18, indent: Math.round(contentWidth(o) * 0.5), after: i === all.length - 1 ? 240 : 0 })),
          center(k.lampiran.title.toUpperCase(), { bold: true, after: 120 }),
          dataTable(k.lampiran.table, o),
          blank(240),
          signatureRight(k.signer, o),
        ]
      : []),
  ];
  return pack(`Keputusan ${maker} Nomor ${no(k.number)} tentang ${k.about}`, children, o);
}

// --- berita acara -------------------------------------------------------------------------------
export async function beritaAcaraDocx(b: BeritaAcaraInput, o: DocxOptions = {}): Promise<Buffer> {
  const children: Block[] = [
    ...kopParagraphs(b.kop, contentWidth(o)),
    p('BERITA ACARA', { bold: true, align: AlignmentType.CENTER }),
    p(b.about.toUpperCase(), { bold: true, align: AlignmentType.CENTER }),
    p(`NOMOR ${no(b.number)}`, { align: AlignmentType.CENTER, after: 240 }),
    justified(b.opening),
    ...b.body.map((t) => justified(t)),
    justified(b.closing ?? BERITA_ACARA_CLOSING),
    p(`${b.kop.place}, ${dateId(b.date)}`, { align: AlignmentType.RIGHT, before: 160, after: 200 }),
    signaturesSideBySide([b.signer, ...b.otherSigners].map((s) => ({ s })), o),
  ];
  return pack(`Berita Acara ${b.about}`, children, o);
}

// --- notula -------------------------------------------------------------------------------------
export async function notulaDocx(n: NotulaInput, o: DocxOptions = {}): Promise<Buffer> {
  const heading = (t: string) => p(t, { bold: true, before: 160, after: 40 });
  const children: Block[] = [
    ...kopParagraphs(n.kop, contentWidth(o)),
    p('NOTULA RAPAT', { bold: true, align: AlignmentType.CENTER }),
    p(`NOMOR ${no(n.number)}`, { align: AlignmentType.CENTER, after: 240 }),
    fieldRows(
      [
        ['Agenda', n.agenda],
        ['Hari, tanggal', dateId(n.date)],
        ['Waktu', n.time],
        ['Tempat', n.place],
        ['Pimpinan rapat', notulaChairLine(n)],
        ['Notulis', n.signer.name],
        ['Peserta', numbered(n.participants)],
      ],
      o,
      2000,
    ),
    heading('Pembahasan'),
    ...numbered(n.discussion),
    heading('Keputusan'),
    ...numbered(n.decisions),
    heading('Tindak lanjut'),
    dataTable(notulaFollowUpTable(n), o),
    p(`${n.kop.place}, ${dateId(n.date)}`, { align: AlignmentType.RIGHT, before: 160, after: 200 }),
    signaturesSideBySide([{ s: n.chair, caption: 'Pimpinan rapat' }, { s: n.signer, caption: 'Notulis' }], o),
  ];
  return pack(`Notula Rapat ${n.agenda}`, children, o);
}

// --- perjanjian kinerja -------------------------------------------------------------------------
export async function perjanjianKinerjaDocx(k: PerjanjianKinerjaInput, o: DocxOptions = {}): Promise<Buffer> {
  const kedua = k.pihakKedua;
  const signatures = () =>
    kedua ? signaturesSideBySide([{ s: kedua, caption: PK_CAPTIONS.kedua }, { s: k.signer, caption: PK_CAPTIONS.kesatu }], o) : signaturesSideBySide([{ s: k.signer }], o);
  const children: Block[] = [
    ...kopParagraphs(k.kop, contentWidth(o)),
    p(`PERJANJIAN KINERJA TAHUN ${k.year}`, { bold: true, size: 26, align: AlignmentType.CENTER }),
    p(pkUnitLine(k), { bold: true, align: AlignmentType.CENTER }),
    p(k.kop.governmentLine, { align: AlignmentType.CENTER, after: 240 }),
    justified(kedua ? PK_TEXT.opening : PK_TEXT.openingStatement),
    fieldRows([['Nama', k.signer.name], ['Jabatan', pkJabatan(k.signer)]], o, 1200),
    ...(kedua
      ? [
          p(PK_TEXT.pihakKesatu, { before: 40, after: 120 }),
          fieldRows([['Nama', kedua.name], ['Jabatan', pkJabatan(kedua)]], o, 1200),
          p(PK_TEXT.pihakKedua, { before: 40, after: 120 }),
        ]
      : []),
    justified(kedua ? PK_TEXT.commitment : PK_TEXT.commitmentStatement),
    ...(kedua ? [justified(PK_TEXT.supervision)] : []),
    p(`${k.kop.place}, ${dateId(k.date)}`, { align: AlignmentType.RIGHT, before: 160, after: 200 }),
    signatures(),
    pageBreak(),
    p(`LAMPIRAN PERJANJIAN KINERJA TAHUN ${k.year}`, { bold: true, align: AlignmentType.CENTER }),
    p(pkJabatan(k.signer).toUpperCase(), { align: AlignmentType.CENTER, after: 160 }),
    dataTable(pkTargetTable(k), o),
    ...(k.programs.length ? [blank(160), dataTable(pkProgramTable(k), o)] : []),
    ...(k.quarterTargets?.length ? [blank(160), p('Rencana aksi: target triwulan', { bold: true }), dataTable(pkQuarterTable(k), o)] : []),
    blank(240),
    signatures(),
  ];
  return pack(`Perjanjian Kinerja Tahun ${k.year} — ${k.signer.jabatan}`, children, o);
}
