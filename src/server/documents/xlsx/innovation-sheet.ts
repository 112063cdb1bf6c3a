import ExcelJS from 'exceljs';
import { URUSAN } from '../../../shared/urusan.ts';
import { neutraliseFormula, unneutraliseFormula } from '../../lib/csv.ts';
import { INITIATOR_CLASSES, INNOVATION_STAGES, INNOVATION_TYPES, LEGAL_BASIS_LEVELS } from '../../../shared/schemas/innovation.ts';

/**
 * The innovation Excel format: one template for import and export, so an export can be edited
 * and imported again. Headers and allowed values are in Indonesian, as the national forms are.
 */
export const LABELS = {
  type: { tata_kelola: 'Tata kelola pemerintahan daerah', pelayanan_publik: 'Pelayanan publik', lainnya: 'Inovasi daerah lainnya' },
  stage: { inisiatif: 'Inisiatif', uji_coba: 'Uji coba', penerapan: 'Penerapan' },
  initiator: { kepala_daerah: 'Kepala daerah', anggota_dprd: 'Anggota DPRD', opd: 'OPD', asn: 'ASN', masyarakat: 'Masyarakat' },
  legal: { sk_kepala_pd: 'SK kepala perangkat daerah', sk_kepala_daerah: 'SK kepala daerah', perkada: 'Peraturan kepala daerah', perda: 'Peraturan daerah' },
} as const;

export interface SheetColumn {
  key: string;
  header: string;
  width: number;
  required?: boolean;
  note: string;
}

export const COLUMNS: SheetColumn[] = [
  { key: 'title', header: 'Nama Inovasi', width: 36, required: true, note: '3–200 karakter' },
  { key: 'acronym', header: 'Akronim', width: 14, note: 'opsional' },
  { key: 'unit', header: 'Unit Pengampu', width: 34, required: true, note: 'nama atau singkatan unit seperti di Serasan (lihat lembar Referensi)' },
  { key: 'initiatorClass', header: 'Inisiator', width: 16, note: Object.values(LABELS.initiator).join(' / ') },
  { key: 'type', header: 'Jenis Inovasi', width: 28, required: true, note: Object.values(LABELS.type).join(' / ') },
  { key: 'digital', header: 'Digital', width: 9, required: true, note: 'Ya / Tidak' },
  { key: 'urusanMain', header: 'Urusan Utama', width: 30, note: 'lihat lembar Referensi' },
  { key: 'urusanOther', header: 'Urusan Beririsan', width: 30, note: 'pisahkan dengan titik koma (;)' },
  { key: 'stage', header: 'Tahapan', width: 12, required: true, note: Object.values(LABELS.stage).join(' / ') },
  { key: 'initiatedOn', header: 'Tanggal Inisiatif', width: 15, required: true, note: 'tanggal (TTTT-BB-HH)' },
  { key: 'trialOn', header: 'Tanggal Uji Coba', width: 15, note: 'tanggal' },
  { key: 'appliedOn', header: 'Tanggal Penerapan', width: 15, note: 'tanggal' },
  { key: 'description', header: 'Rancang Bangun', width: 50, required: true, note: 'minimal 10 karakter' },
  { key: 'goals', header: 'Tujuan', width: 30, note: '' },
  { key: 'benefits', header: 'Manfaat', width: 30, note: '' },
  { key: 'results', header: 'Hasil', width: 30, note: '' },
  { key: 'legalBasisDoc', header: 'Dasar Hukum', width: 28, note: 'nomor dan judul dokumen' },
  { key: 'legalBasisLevel', header: 'Tingkat Dasar Hukum', width: 26, note: Object.values(LABELS.legal).join(' / ') },
  { key: 'budget', header: 'Anggaran (Rp)', width: 16, note: 'angka' },
  { key: 'videoUrl', header: 'Tautan Video', width: 30, note: 'https://…' },
];

export const EXPORT_EXTRA: SheetColumn[] = [
  { key: 'status', header: 'Status', width: 14, note: '' },
  { key: 'year', header: 'Tahun', width: 8, note: '' },
  { key: 'id', header: 'ID Serasan', width: 38, note: '' },
];

/**
 * Every text cell of every XLSX export goes through this: text that a spreadsheet would read as a
 * formula (= + - @ tab CR) gets a leading apostrophe, as in the CSV exports (OWASP).
 */
export function safeCells<T extends Record<string, unknown>>(row: T): T {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'string' ? neutraliseFormula(v) : v])) as T;
}

export function decorateHeader(ws: ExcelJS.Worksheet) {
  const header = ws.getRow(1);
  header.font = { bold: true, color: { argb: 'FFFFFFFF' } };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F5F8B' } };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.height = 32;
  ws.views = [{ state: 'frozen', ySplit: 1 }];
}

/** Template workbook: data sheet with dropdowns, instructions, and reference lists. */
export async function buildTemplate(unitNames: string[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Serasan';
  const ws = wb.addWorksheet('Inovasi');
  ws.columns = COLUMNS.map((c) => ({ header: c.required ? `${c.header} *` : c.header, key: c.key, width: c.width }));
  decorateHeader(ws);
  COLUMNS.forEach((c, i) => {
    ws.getCell(1, i + 1).note = c.note || c.header;
  });

  const ref = wb.addWorksheet('Referensi');
  const lists: Array<[string, string[]]> = [
    ['Unit', unitNames],
    ['Jenis Inovasi', Object.values(LABELS.type)],
    ['Tahapan', Object.values(LABELS.stage)],
    ['Inisiator', Object.values(LABELS.initiator)],
    ['Tingkat Dasar Hukum', Object.values(LABELS.legal)],
    ['Urusan', URUSAN.map((u) => u.label)],
    ['Digital', ['Ya', 'Tidak']],
  ];
  lists.forEach(([title, values], col) => {
    ref.getCell(1, col + 1).value = title;
    ref.getCell(1, col + 1).font = { bold: true };
    ref.getColumn(col + 1).width = Math.min(60, Math.max(14, ...values.map((v) => v.length)));
    values.forEach((v, r) => (ref.getCell(r + 2, col + 1).value = neutraliseFormula(v)));
  });
  const rangeOf = (col: number, n: number) => `Referensi!$${String.fromCharCode(65 + col)}$2:$${String.fromCharCode(65 + col)}$${n + 1}`;
  const dropdown: Record<string, number> = { unit: 0, type: 1, stage: 2, initiatorClass: 3, legalBasisLevel: 4, urusanMain: 5, digital: 6 };
  for (const [key, col] of Object.entries(dropdown)) {
    const idx = COLUMNS.findIndex((c) => c.key === key) + 1;
    const letter = ws.getColumn(idx).letter;
    for (let r = 2; r <= 501; r++) {
      ws.getCell(`${letter}${r}`).dataValidation = { type: 'list', allowBlank: true, formulae: [rangeOf(col, lists[col][1].length)] };
    }
  }

  const help = wb.addWorksheet('Petunjuk');
  help.getColumn(1).width = 110;
  [
    'Templat impor Inovasi Daerah — Serasan',
    '',
    '1. Isi satu baris per inovasi pada lembar "Inovasi". Kolom bertanda * wajib diisi.',
    '2. Pilih nilai dari daftar (unit, jenis, tahapan, urusan, tingkat dasar hukum) agar sesuai dengan lembar "Referensi".',
    '3. Tanggal: format TTTT-BB-HH atau sel bertipe tanggal. Tanggal uji coba dan penerapan tidak boleh sebelum tanggal inisiatif.',
    '4. Impor bersifat semua-atau-tidak-sama-sekali: bila satu baris bermasalah, tidak ada yang disimpan dan Serasan menyebutkan baris dan kolomnya.',
    '   Sebelum disimpan, Serasan menampilkan pratinjau: baris baru, baris yang diperbarui, baris tidak berubah, dan baris yang mungkin sudah ada.',
    '   Baris yang mungkin sudah ada (judul atau isinya mirip inovasi yang sudah tercatat) hanya dibuat bila Anda memilih "tetap buat".',
    '7. Berkas ekspor Serasan dapat diubah lalu diimpor kembali: baris dengan kolom "ID Serasan" memperbarui inovasi itu, bukan membuat yang baru.',
    '5. Inovasi hasil impor masuk sebagai Draf dan mengikuti alur: diajukan kepala unit, diverifikasi dan dipublikasikan Tim Inovasi Daerah.',
    '6. Maksimum 2.000 baris sekali impor.',
  ].forEach((line, i) => {
    help.getCell(i + 1, 1).value = line;
    if (i === 0) help.getCell(i + 1, 1).font = { bold: true, size: 14 };
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export type ExportRow = Record<string, string | number | boolean | null>;

export async function buildExport(rows: ExportRow[], title: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Serasan';
  wb.title = title;
  const ws = wb.addWorksheet('Inovasi');
  const cols = [...COLUMNS, ...EXPORT_EXTRA];
  ws.columns = cols.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  decorateHeader(ws);
  for (const r of rows) ws.addRow(safeCells(r));
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: cols.length } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Cell → plain string or ISO date, whatever Excel stored (text, number, date, rich text, formula). */
export function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('').trim();
    if ('text' in v && typeof v.text === 'string') return unneutraliseFormula(v.text.trim());
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('hyperlink' in v) return String(v.hyperlink);
    return '';
  }
  // An exported cell comes back without the apostrophe `safeCells` added.
  return typeof v === 'string' ? unneutraliseFormula(v.trim()) : String(v).trim();
}

export const reverse = <T extends Record<string, string>>(m: T) =>
  new Map(Object.entries(m).map(([code, label]) => [label.toLowerCase(), code as keyof T & string]));

export const TYPE_OF = reverse(LABELS.type);
export const STAGE_OF = reverse(LABELS.stage);
export const INITIATOR_OF = reverse(LABELS.initiator);
export const LEGAL_OF = reverse(LABELS.legal);
export const URUSAN_OF = new Map(URUSAN.flatMap((u) => [[u.label.toLowerCase(), u.code], [u.code, u.code]]));
// Codes are accepted as well as labels.
for (const [m, codes] of [[TYPE_OF, INNOVATION_TYPES], [STAGE_OF, INNOVATION_STAGES], [INITIATOR_OF, INITIATOR_CLASSES], [LEGAL_OF, LEGAL_BASIS_LEVELS]] as const) {
  for (const c of codes) (m as Map<string, string>).set(c, c);
}
