import { regionToday } from '../tenants/tenants.region.ts';
import ExcelJS from 'exceljs';
import { AlignmentType, Document, Packer, Paragraph, Table as DocxTable, TableCell, TableLayoutType, TableRow, TextRun, WidthType } from 'docx';
import type { Deps } from '../../deps.ts';
import { renderPdf, type PdfContent } from '../../documents/pdf/pdfmake.ts';
import { dateId, notulaLayout, tableContent, type NotulaInput, type Table } from '../../documents/official/layouts.ts';
import { kopParagraphs } from '../../documents/official/docx.ts';
import { kopContent, loadLetterhead, tenantDocSettings, type Letterhead } from '../../documents/official/letterhead.ts';
import { resolveSigner, signatureContent, signatureLines, unitHeadSigner, vacantSigner, type SignatureBlock } from '../../documents/official/signer.ts';
import { neutraliseFormula } from '../../lib/csv.ts';
import type { CapaianStatus } from '../../rules/sakip/capaian.ts';
import { meanCapaian, type SakipReportsService } from './sakip-reports.service.ts';

/**
 * The SAKIP report documents (issue 11 items 3–4): the pemda recap in Excel (exceljs), the
 * quarterly monitoring notula of a PK (PDF through the kit's `notulaLayout`) and the LKjIP
 * (Bab I–IV, RULES.md §2.6) as DOCX (`docx`, the house style of `documents/official/docx.ts`) and
 * PDF (pdfmake), both rendered from ONE block list built from ONE input object, so the draft to
 * edit and the PDF to publish say the same thing. Decimals use the Indonesian comma.
 */

type Recap = Awaited<ReturnType<SakipReportsService['recap']>>;
type NotulaData = Awaited<ReturnType<SakipReportsService['notula']>>;
type LkjipData = Awaited<ReturnType<SakipReportsService['lkjip']>>;

export const TW = ['I', 'II', 'III', 'IV'] as const;
/** Numbers as printed: Indonesian grouping and comma, up to four decimals. */
const NUM = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 4 });
const PCT = new Intl.NumberFormat('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
export const num = (x: number | null | undefined) => (x === null || x === undefined ? '—' : NUM.format(x));
/** A capaian as printed: two decimals and " %", "—" when there is none. */
export const pct = (x: number | null | undefined) => (x === null || x === undefined ? '—' : `${PCT.format(x)} %`);
export const STATUS_LABEL: Record<CapaianStatus, string> = { merah: 'Merah', kuning: 'Kuning', hijau: 'Hijau' };
const statusText = (s: CapaianStatus | null) => (s ? STATUS_LABEL[s] : '—');
const PK_STATUS_LABEL = { none: 'Belum ada PK', draft: 'Rancangan', submitted: 'Diajukan', agreed: 'Disetujui', signed: 'Ditandatangani' } as const;
const REALISATION_LABEL = { draft: 'Diisi, belum diajukan', submitted: 'Diajukan', verified: 'Terverifikasi', returned: 'Dikembalikan untuk diperbaiki' } as const;

// --- recap (Excel) -------------------------------------------------------------------------------
/** Fill colours of capaian cells by status (ARGB). */
export const STATUS_FILL: Record<CapaianStatus, string> = { merah: 'FFF4CCCC', kuning: 'FFFFF2CC', hijau: 'FFD9EAD3' };
export const RECAP_HEADER_ROW = 5;
export const RECAP_COLUMNS = [
  { header: 'No', width: 6 },
  { header: 'Unit / Indikator Kinerja', width: 44 },
  { header: 'Sasaran', width: 36 },
  { header: 'Satuan', width: 12 },
  { header: 'Target Tahunan', width: 12 },
  { header: 'Target TW', width: 11 },
  { header: 'Status Laporan', width: 20 },
  { header: 'Realisasi TW (terverifikasi)', width: 14 },
  { header: 'Capaian TW (%)', width: 11 },
  { header: 'Realisasi s.d. TW', width: 12 },
  { header: 'Capaian s.d. TW (%)', width: 11 },
  { header: 'Status', width: 10 },
] as const;

const numFmt = (x: number) => (Number.isInteger(x) ? '#,##0' : '#,##0.00##');

export async function recapXlsx(deps: Deps, tenantId: string, recap: Recap, printedAt: string): Promise<Buffer> {
  const { governmentLine } = await tenantDocSettings(deps.db, tenantId);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Serasan';
  const ws = wb.addWorksheet(`Rekap TW ${TW[recap.quarter - 1]} ${recap.year}`);
  ws.columns = RECAP_COLUMNS.map((c) => ({ width: c.width }));
  const last = RECAP_COLUMNS.length;
  const title = (row: number, text: string, o: Partial<ExcelJS.Font> = {}) => {
    ws.mergeCells(row, 1, row, last);
    const c = ws.getCell(row, 1);
    c.value = text;
    c.font = { bold: true, ...o };
    c.alignment = { horizontal: 'center' };
  };
  title(1, `REKAPITULASI CAPAIAN KINERJA TRIWULAN ${TW[recap.quarter - 1]} TAHUN ${recap.year}`, { size: 14 });
  title(2, governmentLine, { size: 12 });
  title(3, `Dari realisasi terverifikasi saja. Status: merah < 70 %, kuning 70–90 %, hijau > 90 %. Dicetak ${printedAt}.`, { bold: false, italic: true, size: 9 });
  const header = ws.getRow(RECAP_HEADER_ROW);
  header.values = RECAP_COLUMNS.map((c) => c.header);
  header.font = { bold: true, color: { argb: 'FFFFFFFF' } };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F5F8B' } };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.height = 32;
  ws.views = [{ state: 'frozen', ySplit: RECAP_HEADER_ROW }];

  const text = (s: string) => neutraliseFormula(s);
  const setNumber = (cell: ExcelJS.Cell, x: number | null) => {
    if (x === null) cell.value = '—';
    else {
      cell.value = x;
      cell.numFmt = numFmt(x);
    }
  };
  const setCapaian = (cell: ExcelJS.Cell, x: number | null, s: CapaianStatus | null) => {
    if (x === null || !s) {
      cell.value = '—';
      return;
    }
    cell.value = x;
    cell.numFmt = '#,##0.00';
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: STATUS_FILL[s] } };
  };
  let r = RECAP_HEADER_ROW + 1;
  recap.units.forEach((u, n) => {
    const row = ws.getRow(r++);
    row.getCell(1).value = n + 1;
    row.getCell(2).value = text(u.unitName);
    row.getCell(3).value = text(`${PK_STATUS_LABEL[u.pkStatus]}${u.holder ? ` — ${u.holder}` : ''}`);
    row.getCell(7).value = `Dilaporkan ${u.reported}/${u.indicators}, terverifikasi ${u.verified}/${u.indicators}`;
    setCapaian(row.getCell(9), u.averageCapaian, u.status);
    row.getCell(12).value = statusText(u.status);
    row.font = { bold: true };
    row.eachCell((c) => {
      if (!c.fill || (c.fill as ExcelJS.FillPattern).pattern !== 'solid') c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDEDED' } };
    });
    u.items.forEach((i, k) => {
      const x = ws.getRow(r++);
      x.getCell(1).value = `${n + 1}.${k + 1}`;
      x.getCell(2).value = text(i.name);
      x.getCell(3).value = text(i.sasaran);
      x.getCell(4).value = text(i.unit);
      setNumber(x.getCell(5), i.target);
      setNumber(x.getCell(6), i.quarterTarget);
      x.getCell(7).value = i.quarterStatus ? REALISATION_LABEL[i.quarterStatus] : 'Belum diisi';
      setNumber(x.getCell(8), i.quarterValue);
      setCapaian(x.getCell(9), i.quarterCapaian, i.quarterCapaianStatus);
      setNumber(x.getCell(10), i.toDate.value);
      setCapaian(x.getCell(11), i.toDate.capaian, i.toDate.status);
      x.getCell(12).value = statusText(i.quarterCapaianStatus);
      x.alignment = { vertical: 'top', wrapText: true };
    });
  });
  const t = ws.getRow(r);
  t.getCell(2).value = 'Rata-rata capaian pemda';
  t.getCell(7).value = `Dilaporkan ${recap.totals.reported}/${recap.totals.indicators}, terverifikasi ${recap.totals.verified}/${recap.totals.indicators}`;
  setCapaian(t.getCell(9), recap.totals.averageCapaian, recap.totals.status);
  t.getCell(12).value = statusText(recap.totals.status);
  t.font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// --- quarterly monitoring notula (PDF) -----------------------------------------------------------
export const notulaIndicatorTable = (d: NotulaData): Table => ({
  headers: ['No', 'Indikator Kinerja', 'Satuan', `Target TW ${TW[d.quarter - 1]}`, 'Realisasi', 'Capaian', 'Status', 'Kendala / tindak lanjut'],
  widths: [18, '*', 40, 44, 48, 44, 36, 96],
  rows: d.items.map((i, n) => {
    const acts = d.actions.filter((a) => a.indicatorId === i.id);
    const followUp = acts.length
      ? acts.map((a) => `${a.kendala}${a.solusi ? `; solusi: ${a.solusi}` : ''}; tindak lanjut: ${a.tindakLanjut} (PIC ${a.pic}${a.due ? `, ${dateId(a.due)}` : ''})`).join('\n')
      : i.quarterCapaianStatus === 'merah'
        ? 'Capaian merah: rencana tindak lanjut belum tersedia'
        : '—';
    const value = i.quarterValue !== null ? num(i.quarterValue) : i.quarterStatus ? `${REALISATION_LABEL[i.quarterStatus].toLowerCase()}` : 'belum diisi';
    return [String(n + 1), i.name, i.unit, num(i.quarterTarget), value, pct(i.quarterCapaian), statusText(i.quarterCapaianStatus), followUp];
  }),
});

export async function notulaPdf(deps: Deps, d: NotulaData): Promise<Buffer> {
  const { pk } = d;
  const date = await regionToday(deps, pk.tenantId);
  const kop = await loadLetterhead(deps.db, deps.blobs, pk.tenantId, pk.unitId ? { kind: 'unit', unitId: pk.unitId } : { kind: 'head' });
  const chair = pk.unitId
    ? ((await unitHeadSigner(deps.db, pk.tenantId, pk.unitId, date)).signer ?? vacantSigner(pk.firstTitle))
    : await resolveSigner(deps.db, pk.tenantId, { headOfRegion: true }, date).catch(() => vacantSigner(pk.firstTitle));
  const tw = `Triwulan ${TW[d.quarter - 1]} Tahun ${pk.year}`;
  const counted = d.items.filter((i) => i.quarterValue !== null).length;
  const reds = d.items.filter((i) => i.quarterCapaianStatus === 'merah');
  const discussion = [
    `Perjanjian Kinerja ${pk.firstTitle} tahun ${pk.year} memuat ${d.items.length} indikator; realisasi ${tw} yang terverifikasi: ${counted} dari ${d.items.length}. Capaian dihitung hanya dari realisasi terverifikasi.`,
    reds.length ? `Indikator dengan capaian merah (< 70 %): ${reds.map((i) => i.name).join('; ')}.` : 'Tidak ada indikator dengan capaian merah pada triwulan ini.',
    ...(d.quarter > 1
      ? [d.previous.length ? `Tindak lanjut triwulan sebelumnya: ${d.previous.map((a) => `${a.tindakLanjut} (PIC ${a.pic})`).join('; ')}.` : 'Tindak lanjut triwulan sebelumnya: belum tersedia.']
      : []),
    '[Uraikan pembahasan rapat: analisis capaian, kendala dan solusi per indikator.]',
  ];
  const input: NotulaInput = {
    kop,
    number: null,
    date,
    signer: vacantSigner('Notulis'),
    agenda: `Monitoring capaian kinerja ${tw}`,
    time: '[isi waktu rapat]',
    place: '[isi tempat rapat]',
    chair,
    participants: [`${chair.prefix ? `${chair.prefix} ` : ''}${chair.jabatan}`, '[isi daftar peserta rapat]'],
    discussion,
    decisions: reds.length ? [`Indikator dengan capaian merah menyusun rencana tindak lanjut (kendala, solusi, PIC dan tenggat) sebelum pemantauan triwulan berikutnya.`, '[isi keputusan rapat lainnya]'] : ['[isi keputusan rapat]'],
    followUps: d.actions.filter((a) => a.due).map((a) => ({ action: a.tindakLanjut, pic: a.pic, due: a.due! })),
  };
  const layout = notulaLayout(input);
  // The kit's notula has no place for a data table: the quarter's indicator table goes right after
  // the "Pembahasan" list, before "Keputusan".
  const at = layout.content.findIndex((c) => typeof c === 'object' && !Array.isArray(c) && (c as { text?: unknown }).text === 'Keputusan');
  const table: PdfContent[] = [{ text: `Capaian indikator ${tw}`, bold: true, margin: [0, 8, 0, 2] }, tableContent(notulaIndicatorTable(d), 8)];
  layout.content.splice(at < 0 ? layout.content.length : at, 0, ...table);
  return renderPdf({ info: { title: `Notula ${layout.info.title.replace(/^Notula Rapat /, '')} — ${pk.firstTitle}`, creator: 'Serasan' }, pageMargins: layout.pageMargins, content: layout.content });
}

// --- LKjIP (DOCX + PDF) -------------------------------------------------------------------------
export interface LkjipInput {
  kop: Letterhead;
  signer: SignatureBlock;
  date: string;
  year: number;
  /** "PEMERINTAH KABUPATEN MUARA ENIM" or the unit's name. */
  subject: string;
  scope: 'pemda' | 'unit';
  /** Which PKs Bab II and III are built from (written in the document). */
  basis: string;
  pks: Array<{ party: string; status: string }>;
  previousYears: number[];
  rows: Array<{
    sasaran: string;
    indikator: string;
    satuan: string;
    target: string;
    realisasi: string;
    capaian: string;
    status: string;
    previous: Array<{ realisasi: string; capaian: string }>;
    mediumTarget: string;
    mediumCapaian: string;
  }>;
  averageCapaian: string;
  counts: { hijau: number; kuning: number; merah: number; none: number };
  budget: { pagu: string; realised: string; absorption: string } | null;
}

/** Placeholders for the analysis people write (kept in square brackets, easy to find and replace). */
export const LKJIP_PLACEHOLDER = {
  ikhtisar: '[Uraikan ikhtisar eksekutif: tujuan dan sasaran, capaian utama, kendala dan langkah perbaikan.]',
  organisasi: '[Uraikan gambaran umum organisasi: kedudukan, tugas pokok dan fungsi, struktur organisasi, sumber daya manusia.]',
  isu: '[Uraikan isu strategis yang dihadapi organisasi.]',
  sistematika: '[Uraikan sistematika penyajian laporan.]',
  target: '[Uraikan analisis capaian dibandingkan target tahun ini.]',
  tahunLalu: '[Uraikan analisis capaian tahun ini dibandingkan tahun lalu dan beberapa tahun terakhir.]',
  jangkaMenengah: '[Uraikan analisis realisasi sampai dengan tahun ini dibandingkan target jangka menengah (Renstra/RPJMD).]',
  nasional: '[Uraikan perbandingan dengan standar nasional, bila ada.]',
  sebab: '[Uraikan analisis penyebab keberhasilan/kegagalan serta alternatif solusi yang telah dilakukan.]',
  efisiensi: '[Uraikan analisis efisiensi penggunaan sumber daya.]',
  program: '[Uraikan program/kegiatan yang menunjang keberhasilan ataupun kegagalan pencapaian kinerja.]',
  anggaran: '[Uraikan realisasi anggaran yang digunakan untuk mewujudkan kinerja organisasi.]',
  penutup: '[Uraikan simpulan umum atas capaian kinerja organisasi serta langkah perbaikan ke depan.]',
};
export const LKJIP_HEADINGS = ['IKHTISAR EKSEKUTIF', 'BAB I PENDAHULUAN', 'BAB II PERENCANAAN KINERJA', 'BAB III AKUNTABILITAS KINERJA', 'BAB IV PENUTUP', 'LAMPIRAN'] as const;
const NOT_AVAILABLE = 'belum tersedia';

type LkBlock =
  | { kind: 'title'; lines: string[] }
  | { kind: 'heading'; text: string }
  | { kind: 'subheading'; text: string }
  | { kind: 'para'; text: string }
  | { kind: 'placeholder'; text: string }
  | { kind: 'table'; table: Table }
  | { kind: 'signature' };

/** The LKjIP's content, once, for both renderers (RULES.md §2.6 outline). */
export function lkjipBlocks(k: LkjipInput): LkBlock[] {
  const [y2, y1] = k.previousYears;
  const sasaranTable: Table = {
    headers: ['No', 'Sasaran Strategis', 'Indikator Kinerja', 'Satuan', 'Target'],
    widths: [22, '*', '*', 56, 60],
    rows: k.rows.map((r, i) => [String(i + 1), r.sasaran, r.indikator, r.satuan, r.target]),
  };
  const vsTarget: Table = {
    headers: ['No', 'Sasaran / Indikator Kinerja', 'Satuan', 'Target', 'Realisasi', 'Capaian', 'Status'],
    widths: [22, '*', 50, 54, 54, 54, 44],
    rows: k.rows.map((r, i) => [String(i + 1), `${r.sasaran} — ${r.indikator}`, r.satuan, r.target, r.realisasi, r.capaian, r.status]),
  };
  const vsYears: Table = {
    headers: ['No', 'Indikator Kinerja', `Realisasi ${y2}`, `Capaian ${y2}`, `Realisasi ${y1}`, `Capaian ${y1}`, `Realisasi ${k.year}`, `Capaian ${k.year}`],
    widths: [22, '*', 48, 48, 48, 48, 48, 48],
    rows: k.rows.map((r, i) => [String(i + 1), r.indikator, r.previous[0]?.realisasi ?? '—', r.previous[0]?.capaian ?? '—', r.previous[1]?.realisasi ?? '—', r.previous[1]?.capaian ?? '—', r.realisasi, r.capaian]),
  };
  const vsMedium: Table = {
    headers: ['No', 'Indikator Kinerja', 'Target Jangka Menengah', `Realisasi ${k.year}`, 'Capaian thd. Target Jangka Menengah'],
    widths: [22, '*', 80, 70, 90],
    rows: k.rows.map((r, i) => [String(i + 1), r.indikator, r.mediumTarget, r.realisasi, r.mediumCapaian]),
  };
  const budget: Table = {
    headers: ['Uraian', 'Nilai'],
    widths: ['*', 160],
    rows: [
      ['Pagu anggaran (Rp)', k.budget?.pagu ?? NOT_AVAILABLE],
      ['Realisasi anggaran (Rp)', k.budget?.realised ?? NOT_AVAILABLE],
      ['Persentase realisasi anggaran', k.budget?.absorption ?? NOT_AVAILABLE],
      ['Rata-rata capaian kinerja', k.averageCapaian],
    ],
  };
  const pkTable: Table = { headers: ['No', 'Perjanjian Kinerja', 'Status'], widths: [22, '*', 100], rows: k.pks.map((p, i) => [String(i + 1), p.party, p.status]) };
  const who = k.scope === 'pemda' ? 'Pemerintah Daerah' : 'perangkat daerah';
  return [
    { kind: 'title', lines: [`LAPORAN KINERJA INSTANSI PEMERINTAH (LKjIP) TAHUN ${k.year}`, k.subject.toUpperCase()] },
    { kind: 'heading', text: LKJIP_HEADINGS[0] },
    {
      kind: 'para',
      text: `Tahun ${k.year} ${who} menetapkan ${k.rows.length} indikator kinerja dalam Perjanjian Kinerja. Dari realisasi terverifikasi: ${k.counts.hijau} indikator berstatus hijau (> 90 %), ${k.counts.kuning} kuning (70–90 %), ${k.counts.merah} merah (< 70 %) dan ${k.counts.none} belum dapat diukur; rata-rata capaian ${k.averageCapaian}.`,
    },
    { kind: 'placeholder', text: LKJIP_PLACEHOLDER.ikhtisar },
    { kind: 'heading', text: LKJIP_HEADINGS[1] },
    { kind: 'subheading', text: 'A. Gambaran Umum Organisasi' },
    { kind: 'placeholder', text: LKJIP_PLACEHOLDER.organisasi },
    { kind: 'subheading', text: 'B. Isu Strategis' },
    { kind: 'placeholder', text: LKJIP_PLACEHOLDER.isu },
    { kind: 'subheading', text: 'C. Sistematika Penyajian' },
    { kind: 'placeholder', text: LKJIP_PLACEHOLDER.sistematika },
    { kind: 'heading', text: LKJIP_HEADINGS[2] },
    { kind: 'para', text: k.basis },
    { kind: 'subheading', text: `Ringkasan Perjanjian Kinerja Tahun ${k.year}` },
    { kind: 'table', table: sasaranTable },
    { kind: 'heading', text: LKJIP_HEADINGS[3] },
    { kind: 'subheading', text: 'A. Capaian Kinerja Organisasi' },
    { kind: 'para', text: 'Capaian dihitung dari realisasi triwulanan yang telah diverifikasi; indikator yang makin tinggi makin baik: realisasi ÷ target × 100; yang makin rendah makin baik: (2 × target − realisasi) ÷ target × 100; tidak kurang dari 0 %.' },
    { kind: 'subheading', text: '1. Perbandingan target dan realisasi kinerja tahun ini' },
    { kind: 'table', table: vsTarget },
    { kind: 'placeholder', text: LKJIP_PLACEHOLDER.target },
    { kind: 'subheading', text: '2. Perbandingan realisasi dan capaian tahun ini dengan tahun lalu dan beberapa tahun terakhir' },
    { kind: 'table', table: vsYears },
    { kind: 'placeholder', text: LKJIP_PLACEHOLDER.tahunLalu },
    { kind: 'subheading', text: '3. Perbandingan realisasi sampai dengan tahun ini dengan target jangka menengah' },
    { kind: 'table', table: vsMedium },
    { kind: 'placeholder', text: LKJIP_PLACEHOLDER.jangkaMenengah },
    { kind: 'subheading', text: '4. Perbandingan dengan standar nasional' },
    { kind: 'placeholder', text: LKJIP_PLACEHOLDER.nasional },
    { kind: 'subheading', text: '5. Analisis penyebab keberhasilan/kegagalan dan alternatif solusi' },
    { kind: 'placeholder', text: LKJIP_PLACEHOLDER.sebab },
    { kind: 'subheading', text: '6. Analisis efisiensi penggunaan sumber daya' },
    { kind: 'table', table: budget },
    { kind: 'placeholder', text: LKJIP_PLACEHOLDER.efisiensi },
    { kind: 'subheading', text: '7. Program/kegiatan yang menunjang keberhasilan atau kegagalan' },
    { kind: 'placeholder', text: LKJIP_PLACEHOLDER.program },
    { kind: 'subheading', text: 'B. Realisasi Anggaran' },
    { kind: 'para', text: k.budget ? `Pagu anggaran Rp${k.budget.pagu}, realisasi Rp${k.budget.realised} (${k.budget.absorption}).` : `Data pagu dan realisasi anggaran ${NOT_AVAILABLE}.` },
    { kind: 'placeholder', text: LKJIP_PLACEHOLDER.anggaran },
    { kind: 'heading', text: LKJIP_HEADINGS[4] },
    { kind: 'placeholder', text: LKJIP_PLACEHOLDER.penutup },
    { kind: 'signature' },
    { kind: 'heading', text: LKJIP_HEADINGS[5] },
    { kind: 'para', text: `Perjanjian Kinerja Tahun ${k.year} (dokumen terlampir):` },
    { kind: 'table', table: pkTable },
  ];
}

export async function lkjipPdf(k: LkjipInput): Promise<Buffer> {
  const content: PdfContent[] = [...kopContent(k.kop)];
  for (const b of lkjipBlocks(k)) {
    if (b.kind === 'title') content.push(...b.lines.map((t, i) => ({ text: t, alignment: 'center', bold: true, fontSize: i === 0 ? 14 : 12, margin: [0, i === 0 ? 120 : 8, 0, 0] })), { text: k.kop.governmentLine, alignment: 'center', margin: [0, 8, 0, 0] });
    else if (b.kind === 'heading') content.push({ text: b.text, alignment: 'center', bold: true, fontSize: 12, pageBreak: 'before', margin: [0, 0, 0, 10] });
    else if (b.kind === 'subheading') content.push({ text: b.text, bold: true, margin: [0, 8, 0, 4] });
    else if (b.kind === 'para') content.push({ text: b.text, alignment: 'justify', margin: [0, 0, 0, 6] });
    else if (b.kind === 'placeholder') content.push({ text: b.text, italics: true, color: '#555555', margin: [0, 0, 0, 6] });
    else if (b.kind === 'table') content.push(tableContent(b.table, 8));
    else content.push(signatureContent(k.signer, [`${k.kop.place}, ${dateId(k.date)}`]));
  }
  return renderPdf({
    info: { title: `LKjIP Tahun ${k.year} — ${k.subject}`, creator: 'Serasan' },
    pageMargins: [64, 48, 64, 56],
    footer: (page: number, pages: number) => ({ text: `LKjIP ${k.year} — halaman ${page} dari ${pages}`, alignment: 'center', fontSize: 8, color: '#777777', margin: [0, 20, 0, 0] }),
    content,
  });
}

/** The DOCX draft (A4 or F4), house style of documents/official/docx.ts: kop, bordered data tables, Arial. */
export async function lkjipDocx(k: LkjipInput, o: { paper?: 'A4' | 'F4' } = {}): Promise<Buffer> {
  const PAPER = { A4: { width: 11906, height: 16838 }, F4: { width: 12189, height: 18709 } } as const;
  const MARGIN = { top: 960, right: 1280, bottom: 1120, left: 1280 };
  const width = PAPER[o.paper ?? 'A4'].width - MARGIN.left - MARGIN.right;
  const para = (text: string, x: { bold?: boolean; italics?: boolean; size?: number; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; before?: number; after?: number; pageBreakBefore?: boolean } = {}) =>
    new Paragraph({
      alignment: x.align,
      pageBreakBefore: x.pageBreakBefore,
      spacing: { before: x.before ?? 0, after: x.after ?? 120 },
      children: [new TextRun({ text, bold: x.bold, italics: x.italics, size: x.size, color: x.italics ? '555555' : undefined })],
    });
  const dataTable = (t: Table) => {
    const spec = t.widths ?? t.headers.map((_, i) => (i === 0 ? 24 : '*'));
    const fixed = spec.reduce<number>((a, x) => a + (typeof x === 'number' ? x * 20 : 0), 0);
    const stars = spec.filter((x) => typeof x !== 'number').length;
    const widths = spec.map((x) => (typeof x === 'number' ? x * 20 : Math.floor((width - fixed) / Math.max(stars, 1))));
    const cell = (text: string, w: number, bold = false) => new TableCell({ width: { size: w, type: WidthType.DXA }, children: [new Paragraph({ children: [new TextRun({ text, bold, size: 18 })] })] });
    return new DocxTable({
      layout: TableLayoutType.FIXED,
      width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
      columnWidths: widths,
      rows: [new TableRow({ tableHeader: true, children: t.headers.map((h, i) => cell(h, widths[i]!, true)) }), ...t.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(c, widths[i]!)) }))],
    });
  };
  const children: Array<Paragraph | DocxTable> = [...kopParagraphs(k.kop, width)];
  for (const b of lkjipBlocks(k)) {
    if (b.kind === 'title') children.push(...b.lines.map((t, i) => para(t, { bold: true, size: i === 0 ? 28 : 24, align: AlignmentType.CENTER, before: i === 0 ? 2400 : 160 })), para(k.kop.governmentLine, { align: AlignmentType.CENTER, before: 160 }));
    else if (b.kind === 'heading') children.push(para(b.text, { bold: true, size: 26, align: AlignmentType.CENTER, pageBreakBefore: true, after: 240 }));
    else if (b.kind === 'subheading') children.push(para(b.text, { bold: true, before: 160, after: 80 }));
    else if (b.kind === 'para') children.push(para(b.text, { align: AlignmentType.JUSTIFIED }));
    else if (b.kind === 'placeholder') children.push(para(b.text, { italics: true }));
    else if (b.kind === 'table') children.push(dataTable(b.table), para('', { after: 120 }));
    else {
      const l = signatureLines(k.signer);
      const right = (t: string, x: { bold?: boolean; after?: number } = {}) => new Paragraph({ indent: { left: Math.round(width / 2) }, spacing: { after: x.after ?? 0 }, children: [new TextRun({ text: t, bold: x.bold })] });
      children.push(right(`${k.kop.place}, ${dateId(k.date)}`, { after: 0 }), ...l.heading.map((t) => right(t, { bold: true })), right('', { after: 1000 }), right(l.name, { bold: true }), ...l.below.map((t) => right(t)));
    }
  }
  const doc = new Document({
    creator: 'Serasan',
    title: `LKjIP Tahun ${k.year} — ${k.subject}`,
    styles: { default: { document: { run: { font: 'Arial', size: 22 } } } },
    sections: [{ properties: { page: { size: PAPER[o.paper ?? 'A4'], margin: MARGIN } }, children }],
  });
  return Packer.toBuffer(doc);
}

/** The LKjIP input object (formatted once) from the service's data: kop and signer of the unit or the pemda. */
export async function lkjipInput(deps: Deps, tenantId: string, d: LkjipData): Promise<LkjipInput> {
  const date = await regionToday(deps, tenantId);
  const kop = await loadLetterhead(deps.db, deps.blobs, tenantId, d.unit ? { kind: 'unit', unitId: d.unit.id } : { kind: 'tenant' });
  const signer = d.unit
    ? ((await unitHeadSigner(deps.db, tenantId, d.unit.id, date)).signer ?? vacantSigner(`Kepala ${d.unit.name}`))
    : await resolveSigner(deps.db, tenantId, { headOfRegion: true }, date).catch(() => vacantSigner('Kepala Daerah'));
  const party = (p: LkjipData['pks'][number]) => `${p.firstTitle} (${p.firstName})${p.secondTitle ? ` dengan ${p.secondTitle}` : ''}`;
  const basis =
    d.basis === 'bupati'
      ? `Bab ini disusun dari Perjanjian Kinerja Kepala Daerah tahun ${d.year}.`
      : d.basis === 'jpt_pratama'
        ? `Perjanjian Kinerja Kepala Daerah tahun ${d.year} belum tersedia; bab ini disusun dari seluruh Perjanjian Kinerja pimpinan perangkat daerah dan camat (JPT Pratama) tahun ${d.year}.`
        : d.basis === 'unit'
          ? `Bab ini disusun dari Perjanjian Kinerja ${d.pks.map((p) => p.firstTitle).join(', ')} tahun ${d.year}.`
          : `Perjanjian Kinerja tahun ${d.year} belum tersedia.`;
  const withUnit = d.basis === 'jpt_pratama';
  const values = d.rows.flatMap((r) => (r.annual.capaian === null ? [] : [r.annual.capaian]));
  const avg = meanCapaian(values);
  const b = d.budget;
  return {
    kop,
    signer,
    date,
    year: d.year,
    subject: d.unit ? d.unit.name : kop.governmentLine,
    scope: d.unit ? 'unit' : 'pemda',
    basis,
    pks: d.pks.map((p) => ({ party: party(p), status: p.status === 'signed' ? `Ditandatangani ${p.signedOn ? dateId(p.signedOn) : ''}`.trim() : 'Rancangan' })),
    previousYears: d.previousYears,
    rows: d.rows.map((r) => ({
      sasaran: withUnit ? `${r.pk.unitShortName ?? r.pk.unitName ?? ''}: ${r.indicator.sasaran}` : r.indicator.sasaran,
      indikator: r.indicator.name,
      satuan: r.indicator.unit,
      target: num(r.indicator.target),
      realisasi: num(r.annual.value),
      capaian: pct(r.annual.capaian),
      status: statusText(r.annual.status),
      previous: r.previous.map((p) => ({ realisasi: num(p.annual?.value), capaian: pct(p.annual?.capaian) })),
      mediumTarget: r.mediumTerm ? `${num(r.mediumTerm.target)} (${r.mediumTerm.year})` : NOT_AVAILABLE,
      mediumCapaian: r.mediumTerm ? pct(r.mediumTerm.capaian) : NOT_AVAILABLE,
    })),
    averageCapaian: pct(avg),
    counts: {
      hijau: d.rows.filter((r) => r.annual.status === 'hijau').length,
      kuning: d.rows.filter((r) => r.annual.status === 'kuning').length,
      merah: d.rows.filter((r) => r.annual.status === 'merah').length,
      none: d.rows.filter((r) => r.annual.status === null).length,
    },
    budget: b ? { pagu: num(b.pagu), realised: b.realised === null ? NOT_AVAILABLE : num(b.realised), absorption: b.realised === null ? NOT_AVAILABLE : b.pagu > 0 ? pct(Math.round((b.realised / b.pagu) * 10000) / 100) : '—' } : null,
  };
}
