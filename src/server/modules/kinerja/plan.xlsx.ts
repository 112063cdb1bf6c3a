import ExcelJS from 'exceljs';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../errors.ts';
import type { Actor } from '../../policy/actor.ts';
import { checkXlsxLimits } from '../../documents/xlsx/zip-guard.ts';
import { cellText, decorateHeader, safeCells } from '../../documents/xlsx/innovation-sheet.ts';
import { translate, type Lang } from '../../../shared/i18n/translate.ts';
import { ZCreatePlanIndicatorInput, ZCreatePlanProgramInput, ZCreatePlanSasaranInput, ZCreatePlanTujuanInput, PLAN_PROGRAM_LEVELS } from '../../../shared/schemas/sakip-plan.ts';
import type { PlanPeriodTable, PlanProgramLevel } from '../../db/schema.ts';
import { planRepo as repo } from './plan.repo.ts';
import { createPlanService, loadPlan, writeIndicator, writeProgram, writeSasaran, writeTujuan, type PlanSnapshot, type PlanWriter } from './plan.service.ts';

/**
 * The plan workbook (issue 11 item 1): one sheet per level — Tujuan, Sasaran (pemda and unit),
 * Indikator (targets per year of the period), Program (programme / kegiatan / sub-kegiatan with
 * pagu and realisasi per year) — plus "Petunjuk". The same layout is the template (empty) and the
 * export (filled): rows carry their codes, so re-importing an export updates what changed and
 * creates nothing twice. The import is all or nothing and reports every bad row (sheet, row,
 * column, message in the user's language).
 */
export const PLAN_IMPORT_MAX_ROWS = 5000;
const MAX_UNPACKED = 20 * 1024 * 1024;

const LEVEL_LABEL: Record<PlanProgramLevel, string> = { program: 'Program', kegiatan: 'Kegiatan', sub_kegiatan: 'Sub Kegiatan' };
const POLARITY_LABEL = { higher: 'Semakin tinggi semakin baik', lower: 'Semakin rendah semakin baik' } as const;

interface Col {
  key: string;
  header: string;
  width: number;
  required?: boolean;
}

function sheetsOf(period: PlanPeriodTable): Record<'Tujuan' | 'Sasaran' | 'Indikator' | 'Program', Col[]> {
  const years: number[] = [];
  for (let y = period.startYear; y <= period.endYear; y++) years.push(y);
  return {
    Tujuan: [
      { key: 'code', header: 'Kode Tujuan', width: 14, required: true },
      { key: 'name', header: 'Tujuan', width: 70, required: true },
    ],
    Sasaran: [
      { key: 'code', header: 'Kode Sasaran', width: 16, required: true },
      { key: 'name', header: 'Sasaran', width: 70, required: true },
      { key: 'unit', header: 'Unit (kosong = Pemda)', width: 30 },
      { key: 'tujuan', header: 'Kode Tujuan', width: 14 },
      { key: 'pemdaSasaran', header: 'Kode Sasaran Pemda', width: 18 },
    ],
    Indikator: [
      { key: 'code', header: 'Kode Indikator', width: 16, required: true },
      { key: 'sasaran', header: 'Kode Sasaran', width: 16, required: true },
      { key: 'name', header: 'Indikator', width: 60, required: true },
      { key: 'satuan', header: 'Satuan', width: 12, required: true },
      { key: 'polarity', header: 'Polaritas', width: 28, required: true },
      { key: 'baseline', header: 'Baseline', width: 12 },
      ...years.map((y) => ({ key: `t${y}`, header: `Target ${y}`, width: 12 })),
      { key: 'finalTarget', header: 'Target Akhir', width: 12 },
    ],
    Program: [
      { key: 'unit', header: 'Unit', width: 30, required: true },
      { key: 'code', header: 'Kode', width: 18, required: true },
      { key: 'level', header: 'Jenjang', width: 14, required: true },
      { key: 'name', header: 'Nama', width: 60, required: true },
      { key: 'parent', header: 'Kode Induk', width: 18 },
      { key: 'sasaran', header: 'Kode Sasaran Unit', width: 18 },
      ...years.flatMap((y) => [
        { key: `p${y}`, header: `Pagu ${y}`, width: 18 },
        { key: `r${y}`, header: `Realisasi ${y}`, width: 18 },
      ]),
    ],
  };
}

const HELP = (period: PlanPeriodTable) => [
  `Templat rencana kinerja (RPJMD ${period.startYear}–${period.endYear} dan Renstra) — Serasan`,
  '',
  '1. Lembar "Tujuan": satu baris per tujuan pemda, dengan kode yang unik dalam periode (mis. T1).',
  '2. Lembar "Sasaran": kosongkan kolom Unit untuk sasaran pemda (isi Kode Tujuan); isi nama atau singkatan unit untuk sasaran Renstra dan Kode Sasaran Pemda yang didukungnya.',
  '3. Lembar "Indikator": satu baris per indikator; Kode Sasaran menunjuk lembar Sasaran. Polaritas: "Semakin tinggi semakin baik" atau "Semakin rendah semakin baik". Target per tahun berupa angka (koma desimal boleh).',
  '4. Lembar "Program": Jenjang Program, Kegiatan atau Sub Kegiatan; kegiatan menunjuk programnya dan sub kegiatan menunjuk kegiatannya di Kode Induk (unit yang sama). Pagu dan realisasi anggaran dalam rupiah.',
  '5. Impor bersifat semua-atau-tidak-sama-sekali: bila satu baris bermasalah, tidak ada yang disimpan dan Serasan menyebutkan lembar, baris, kolom dan masalahnya.',
  '6. Baris dengan kode yang sudah ada memperbarui data itu; berkas ekspor Serasan dapat diubah lalu diimpor kembali tanpa membuat data ganda.',
  `7. Maksimum ${PLAN_IMPORT_MAX_ROWS.toLocaleString('id-ID')} baris per lembar.`,
];

function addSheet(wb: ExcelJS.Workbook, name: string, cols: Col[], rows: Array<Record<string, string | number | null>>) {
  const ws = wb.addWorksheet(name);
  ws.columns = cols.map((c) => ({ header: c.required ? `${c.header} *` : c.header, key: c.key, width: c.width }));
  decorateHeader(ws);
  for (const r of rows) ws.addRow(safeCells(r));
}

async function workbook(p: PlanSnapshot | null, period: PlanPeriodTable): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Serasan';
  const help = wb.addWorksheet('Petunjuk');
  help.getColumn(1).width = 120;
  HELP(period).forEach((line, i) => {
    help.getCell(i + 1, 1).value = line;
    if (i === 0) help.getCell(i + 1, 1).font = { bold: true, size: 14 };
  });
  const cols = sheetsOf(period);
  const unitName = new Map((p?.units ?? []).map((u) => [u.id, u.name]));
  const code = <T extends { id: string; code: string }>(rows: T[], id: string | null) => (id ? rows.find((r) => r.id === id)?.code ?? '' : '');
  const sasaran = p ? [...p.sasaran].sort((a, b) => (a.unitId === null ? 0 : 1) - (b.unitId === null ? 0 : 1) || a.code.localeCompare(b.code)) : [];
  const levelRank = (l: PlanProgramLevel) => PLAN_PROGRAM_LEVELS.indexOf(l);
  const programs = p ? [...p.programs].sort((a, b) => (unitName.get(a.unitId) ?? '').localeCompare(unitName.get(b.unitId) ?? '') || a.code.localeCompare(b.code) || levelRank(a.level) - levelRank(b.level)) : [];
  addSheet(wb, 'Tujuan', cols.Tujuan, (p?.tujuan ?? []).map((t) => ({ code: t.code, name: t.name })));
  addSheet(wb, 'Sasaran', cols.Sasaran, sasaran.map((s) => ({ code: s.code, name: s.name, unit: s.unitId ? unitName.get(s.unitId) ?? '' : '', tujuan: code(p!.tujuan, s.tujuanId), pemdaSasaran: code(p!.sasaran, s.pemdaSasaranId) })));
  addSheet(wb, 'Indikator', cols.Indikator, (p?.indicators ?? []).map((i) => ({
    code: i.code,
    sasaran: code(p!.sasaran, i.sasaranId),
    name: i.name,
    satuan: i.satuan,
    polarity: POLARITY_LABEL[i.polarity],
    baseline: i.baseline,
    ...Object.fromEntries(p!.targets.filter((t) => t.indicatorId === i.id).map((t) => [`t${t.year}`, t.target])),
    finalTarget: i.finalTarget,
  })));
  addSheet(wb, 'Program', cols.Program, programs.map((x) => ({
    unit: unitName.get(x.unitId) ?? '',
    code: x.code,
    level: LEVEL_LABEL[x.level],
    name: x.name,
    parent: code(p!.programs, x.parentId),
    sasaran: code(p!.sasaran, x.sasaranId),
    ...Object.fromEntries(p!.budgets.filter((b) => b.programId === x.id).flatMap((b) => [[`p${b.year}`, b.pagu], [`r${b.year}`, b.realisasi]])),
  })));
  const ref = wb.addWorksheet('Referensi');
  ref.getColumn(1).width = 60;
  ref.getCell(1, 1).value = 'Unit';
  ref.getCell(1, 1).font = { bold: true };
  (p?.units ?? []).filter((u) => u.isActive).forEach((u, i) => (ref.getCell(i + 2, 1).value = u.name));
  ref.getCell(1, 2).value = 'Polaritas';
  ref.getCell(1, 2).font = { bold: true };
  Object.values(POLARITY_LABEL).forEach((v, i) => (ref.getCell(i + 2, 2).value = v));
  ref.getCell(1, 3).value = 'Jenjang';
  ref.getCell(1, 3).font = { bold: true };
  Object.values(LEVEL_LABEL).forEach((v, i) => (ref.getCell(i + 2, 3).value = v));
  ref.getColumn(2).width = 30;
  ref.getColumn(3).width = 16;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** "1.234.567,89", "Rp 1.500.000", "12,5", 12.5 → number; undefined when it is not a number. */
export function parseAmount(text: string): number | undefined {
  let t = text.replace(/^rp\.?\s*/i, '').replace(/\s+/g, '');
  if (!t) return undefined;
  if (t.includes(',')) t = t.replace(/\./g, '').replace(',', '.');
  else if (/^-?\d{1,3}(\.\d{3})+$/.test(t)) t = t.replace(/\./g, '');
  if (!/^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(t)) return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

export interface PlanImportProblem {
  sheet: string;
  row: number;
  column: string;
  message: string;
}

type SheetName = 'Tujuan' | 'Sasaran' | 'Indikator' | 'Program';
export interface PlanImportCounts {
  created: number;
  updated: number;
  unchanged: number;
}
/** What an import would do, per sheet and in total, with every bad row; the preview returns it, the import applies it. */
export interface PlanImportPreview extends PlanImportCounts {
  sheets: Array<PlanImportCounts & { sheet: SheetName; errors: number }>;
  problems: PlanImportProblem[];
}

/** Thrown at the end of a dry run so the transaction (every row written to check the next) rolls back. */
class DryRunRollback extends Error {
  constructor(readonly preview: PlanImportPreview) {
    super('plan import dry run');
  }
}

export function createPlanXlsx(deps: Deps) {
  const { db } = deps;
  const service = createPlanService(deps);

  return {
    async template(actor: Actor, year: number) {
      const period = await service.periodOfYear(actor, year);
      const p = await loadPlan(db, actor.tenantId, period);
      return workbook({ ...p, tujuan: [], sasaran: [], indicators: [], targets: [], programs: [], budgets: [] }, period);
    },
    async export(actor: Actor, year: number) {
      const p = await service.snapshot(actor, year);
      return workbook(p, p.period);
    },
    assertMayImport(actor: Actor) {
      service.assertRead(actor);
    },
    /** All or nothing, in one transaction: every row is applied in order; any bad row rolls everything back and the report lists them all. */
    async import(actor: Actor, data: Buffer, year: number, lang: Lang, requestId?: string): Promise<PlanImportCounts> {
      return (await runImport(actor, data, year, lang, requestId, false)) as PlanImportCounts;
    },
    /**
     * The import as a dry run: the same rows through the same write verbs in one transaction that
     * is always rolled back, so later rows see earlier ones (a new sasaran under a new tujuan) and
     * nothing is kept, audit entries included. Returns the counts per sheet and every bad row.
     */
    async preview(actor: Actor, data: Buffer, year: number, lang: Lang): Promise<PlanImportPreview> {
      return (await runImport(actor, data, year, lang, undefined, true)) as PlanImportPreview;
    },
  };

  async function runImport(actor: Actor, data: Buffer, year: number, lang: Lang, requestId: string | undefined, dryRun: boolean): Promise<PlanImportCounts | PlanImportPreview> {
    const period = await service.periodOfYear(actor, year);
    checkXlsxLimits(data, { maxUnpackedBytes: MAX_UNPACKED, maxRowsPerSheet: PLAN_IMPORT_MAX_ROWS + 1, maxCellsPerSheet: 60 * PLAN_IMPORT_MAX_ROWS });
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(data as unknown as ArrayBuffer);
    } catch {
      throw new AppError('VALIDATION', 'errors.importFile', {}, [{ field: 'file', messageKey: 'errors.importFile' }]);
    }
    const cols = sheetsOf(period);
    const sheets = Object.fromEntries((Object.keys(cols) as Array<keyof typeof cols>).map((name) => [name, readSheet(wb, name, cols[name])])) as Record<keyof typeof cols, SheetRows>;
    if (Object.values(sheets).every((s) => s === null)) throw new AppError('VALIDATION', 'errors.importFile', {}, [{ field: 'file', messageKey: 'errors.importFile' }]);
    if (Object.values(sheets).every((s) => !s || s.length === 0)) throw new AppError('VALIDATION', 'errors.importEmpty');

    const problems: PlanImportProblem[] = [];
    const counts = { created: 0, updated: 0, unchanged: 0 };
    const perSheet = Object.fromEntries(SHEET_ORDER.map((name) => [name, { created: 0, updated: 0, unchanged: 0 }])) as Record<SheetName, PlanImportCounts>;
    const years: number[] = [];
    for (let y = period.startYear; y <= period.endYear; y++) years.push(y);
    const header = (sheet: keyof typeof cols, key: string) => (cols[sheet].find((c) => c.key === key) ?? cols[sheet][0]!).header;
    const FIELD_KEY: Record<string, string> = { unitId: 'unit', tujuanId: 'tujuan', pemdaSasaranId: 'pemdaSasaran', sasaranId: 'sasaran', parentId: 'parent', targets: 't', budgets: 'p' };
    const columnOf = (sheet: keyof typeof cols, field: string) => {
      const key = FIELD_KEY[field] ?? field;
      if (key === 't') return years.map((y) => `Target ${y}`).join(', ');
      if (key === 'p') return years.map((y) => `Pagu ${y}`).join(', ');
      return header(sheet, key);
    };

    const applyRows = () => service.write(actor, requestId, async (w: PlanWriter) => {
      const units = (await loadPlan(w.tx, actor.tenantId, period)).units;
      const unitOf = (v: string) => units.find((u) => u.name.toLowerCase() === v.toLowerCase() || (u.shortName ?? '').toLowerCase() === v.toLowerCase());

      /** Apply one row: problems of parsing first, then the shared write verb; an AppError becomes the row's message. */
      async function apply(sheet: keyof typeof cols, row: number, local: Array<{ field: string; message: string }>, run: () => Promise<{ action: 'create' | 'update' | 'unchanged' }>) {
        if (local.length) {
          for (const l of local) problems.push({ sheet, row, column: columnOf(sheet, l.field), message: l.message });
          return;
        }
        try {
          const r = await run();
          const key = r.action === 'create' ? 'created' : r.action === 'update' ? 'updated' : 'unchanged';
          counts[key]++;
          perSheet[sheet][key]++;
        } catch (err) {
          if (!(err instanceof AppError) || err.code === 'INTERNAL') throw err;
          const field = err.details?.[0]?.field ?? (err.code === 'CONFLICT' ? 'code' : err.code === 'FORBIDDEN' ? 'unit' : 'code');
          problems.push({ sheet, row, column: columnOf(sheet, String(field)), message: translate(lang, err.messageKey, err.params) });
        }
      }
      const zodProblems = (issues: Array<{ path: PropertyKey[] }>, sheet: keyof typeof cols) =>
        issues.map((i) => ({ field: String(i.path[0] ?? 'code'), message: translate(lang, 'errors.planImportCell', { column: columnOf(sheet, String(i.path[0] ?? 'code')) }) }));
      const required = (sheet: keyof typeof cols, v: Record<string, string>) =>
        cols[sheet].filter((c) => c.required && !v[c.key]).map((c) => ({ field: c.key, message: translate(lang, 'errors.planImportRequired', { column: c.header }) }));
      const amount = (v: Record<string, string>, key: string, column: string, local: Array<{ field: string; message: string }>) => {
        if (!v[key]) return undefined;
        const n = parseAmount(v[key]);
        if (n === undefined) local.push({ field: key, message: translate(lang, 'errors.planImportNumber', { column, value: v[key].slice(0, 40) }) });
        return n;
      };

      for (const { row, v } of sheets.Tujuan ?? []) {
        const local = required('Tujuan', v);
        const parsed = ZCreatePlanTujuanInput.safeParse({ periodId: period.id, code: v.code, name: v.name });
        if (!local.length && !parsed.success) local.push(...zodProblems(parsed.error.issues, 'Tujuan'));
        await apply('Tujuan', row, local, () => writeTujuan(w, parsed.data!));
      }
      // Pemda sasaran first: unit rows point at them.
      const sasaranRows = [...(sheets.Sasaran ?? [])].sort((a, b) => (a.v.unit ? 1 : 0) - (b.v.unit ? 1 : 0) || a.row - b.row);
      for (const { row, v } of sasaranRows) {
        const local = required('Sasaran', v);
        const unit = v.unit ? unitOf(v.unit) : undefined;
        if (v.unit && !unit) local.push({ field: 'unit', message: translate(lang, 'errors.importUnit', { value: v.unit.slice(0, 100) }) });
        await apply('Sasaran', row, local, async () => {
          const tujuanId = v.tujuan ? await codeId(w, 'tujuan', period.id, v.tujuan) : null;
          if (v.tujuan && !tujuanId) throw new AppError('VALIDATION', 'errors.planImportUnknownCode', { code: v.tujuan, column: header('Sasaran', 'tujuan') }, [{ field: 'tujuanId' }]);
          const pemdaSasaranId = v.pemdaSasaran ? await codeId(w, 'sasaran', period.id, v.pemdaSasaran) : null;
          if (v.pemdaSasaran && !pemdaSasaranId) throw new AppError('VALIDATION', 'errors.planImportUnknownCode', { code: v.pemdaSasaran, column: header('Sasaran', 'pemdaSasaran') }, [{ field: 'pemdaSasaranId' }]);
          const parsed = ZCreatePlanSasaranInput.safeParse({ periodId: period.id, code: v.code, name: v.name, unitId: unit?.id ?? null, tujuanId, pemdaSasaranId });
          if (!parsed.success) throw new AppError('VALIDATION', 'errors.planImportCell', { column: columnOf('Sasaran', String(parsed.error.issues[0]?.path[0] ?? 'code')) }, [{ field: String(parsed.error.issues[0]?.path[0] ?? 'code') }]);
          return writeSasaran(w, parsed.data, 'upsert');
        });
      }
      for (const { row, v } of sheets.Indikator ?? []) {
        const local = required('Indikator', v);
        const polarity = /^(higher|.*tinggi.*|naik|\+)$/i.test(v.polarity) ? 'higher' : /^(lower|.*rendah.*|turun|-)$/i.test(v.polarity) ? 'lower' : undefined;
        if (v.polarity && !polarity) local.push({ field: 'polarity', message: translate(lang, 'errors.importValue', { value: v.polarity.slice(0, 60), column: header('Indikator', 'polarity') }) });
        const baseline = amount(v, 'baseline', header('Indikator', 'baseline'), local);
        const finalTarget = amount(v, 'finalTarget', header('Indikator', 'finalTarget'), local);
        const targets = years.flatMap((y) => {
          const n = amount(v, `t${y}`, `Target ${y}`, local);
          return n === undefined ? [] : [{ year: y, target: n }];
        });
        await apply('Indikator', row, local, async () => {
          const sasaranId = await codeId(w, 'sasaran', period.id, v.sasaran);
          if (!sasaranId) throw new AppError('VALIDATION', 'errors.planImportUnknownCode', { code: v.sasaran, column: header('Indikator', 'sasaran') }, [{ field: 'sasaranId' }]);
          const parsed = ZCreatePlanIndicatorInput.safeParse({ sasaranId, code: v.code, name: v.name, satuan: v.satuan, polarity, baseline: baseline ?? null, finalTarget: finalTarget ?? null, targets });
          if (!parsed.success) throw new AppError('VALIDATION', 'errors.planImportCell', { column: columnOf('Indikator', String(parsed.error.issues[0]?.path[0] ?? 'code')) }, [{ field: String(parsed.error.issues[0]?.path[0] ?? 'code') }]);
          return writeIndicator(w, parsed.data, 'upsert');
        });
      }
      const LEVEL_OF = new Map<string, PlanProgramLevel>([...Object.entries(LEVEL_LABEL).map(([k, l]) => [l.toLowerCase(), k as PlanProgramLevel] as const), ['subkegiatan', 'sub_kegiatan'], ['sub-kegiatan', 'sub_kegiatan'], ...PLAN_PROGRAM_LEVELS.map((l) => [l, l] as const)]);
      const programRows = [...(sheets.Program ?? [])].map((r) => ({ ...r, level: LEVEL_OF.get(r.v.level.toLowerCase()) }));
      programRows.sort((a, b) => PLAN_PROGRAM_LEVELS.indexOf(a.level ?? 'program') - PLAN_PROGRAM_LEVELS.indexOf(b.level ?? 'program') || a.row - b.row);
      for (const { row, v, level } of programRows) {
        const local = required('Program', v);
        const unit = v.unit ? unitOf(v.unit) : undefined;
        if (v.unit && !unit) local.push({ field: 'unit', message: translate(lang, 'errors.importUnit', { value: v.unit.slice(0, 100) }) });
        if (v.level && !level) local.push({ field: 'level', message: translate(lang, 'errors.importValue', { value: v.level.slice(0, 60), column: header('Program', 'level') }) });
        const budgets = years.flatMap((y) => {
          const pagu = amount(v, `p${y}`, `Pagu ${y}`, local);
          const realisasi = amount(v, `r${y}`, `Realisasi ${y}`, local);
          if (pagu === undefined && realisasi !== undefined) local.push({ field: `p${y}`, message: translate(lang, 'errors.planImportRequired', { column: `Pagu ${y}` }) });
          return pagu === undefined ? [] : [{ year: y, pagu, realisasi: realisasi ?? null }];
        });
        await apply('Program', row, local, async () => {
          const parentId = v.parent ? await programId(w, period.id, unit!.id, v.parent) : null;
          if (v.parent && !parentId) throw new AppError('VALIDATION', 'errors.planImportUnknownCode', { code: v.parent, column: header('Program', 'parent') }, [{ field: 'parentId' }]);
          const sasaranId = v.sasaran ? await codeId(w, 'sasaran', period.id, v.sasaran) : null;
          if (v.sasaran && !sasaranId) throw new AppError('VALIDATION', 'errors.planImportUnknownCode', { code: v.sasaran, column: header('Program', 'sasaran') }, [{ field: 'sasaranId' }]);
          const parsed = ZCreatePlanProgramInput.safeParse({ periodId: period.id, unitId: unit!.id, parentId, level, sasaranId, code: v.code, name: v.name, budgets });
          if (!parsed.success) {
            const f = String(parsed.error.issues[0]?.path[0] ?? 'code');
            throw new AppError('VALIDATION', 'errors.planImportCell', { column: columnOf('Program', f) }, [{ field: f }]);
          }
          return writeProgram(w, parsed.data, 'upsert');
        });
      }
      problems.sort((a, b) => SHEET_ORDER.indexOf(a.sheet as SheetName) - SHEET_ORDER.indexOf(b.sheet as SheetName) || a.row - b.row);
      if (dryRun) {
        const errorRows = (sheet: string) => new Set(problems.filter((p) => p.sheet === sheet).map((p) => p.row)).size;
        throw new DryRunRollback({ ...counts, sheets: SHEET_ORDER.map((sheet) => ({ sheet, ...perSheet[sheet], errors: errorRows(sheet) })), problems });
      }
      if (problems.length) {
        throw new AppError('VALIDATION', 'errors.planImportRows', { count: new Set(problems.map((p) => `${p.sheet}:${p.row}`)).size }, problems.map((p) => ({
          field: 'file',
          sheet: p.sheet,
          row: p.row,
          column: p.column,
          message: translate(lang, 'errors.planImportAt', { sheet: p.sheet, row: p.row, column: p.column, message: p.message }),
        })));
      }
      return counts;
    });
    try {
      return await applyRows();
    } catch (err) {
      if (err instanceof DryRunRollback) return err.preview;
      throw err;
    }
  }
}

async function codeId(w: PlanWriter, kind: 'tujuan' | 'sasaran', periodId: string, code: string) {
  const row = kind === 'tujuan' ? await repo.tujuanByCode(w.tx, w.actor.tenantId, periodId, code) : await repo.sasaranByCode(w.tx, w.actor.tenantId, periodId, code);
  return row?.id ?? null;
}
async function programId(w: PlanWriter, periodId: string, unitId: string, code: string) {
  return (await repo.programByCode(w.tx, w.actor.tenantId, periodId, unitId, code))?.id ?? null;
}

const SHEET_ORDER: SheetName[] = ['Tujuan', 'Sasaran', 'Indikator', 'Program'];
type SheetRows = Array<{ row: number; v: Record<string, string> }> | null;

/** The rows of a sheet keyed by column key (headers matched by text; the "*" of required columns optional); null when the sheet is missing. */
function readSheet(wb: ExcelJS.Workbook, name: string, cols: Col[]): SheetRows {
  const ws = wb.getWorksheet(name);
  if (!ws) return null;
  const keyAt = new Map<number, string>();
  ws.getRow(1).eachCell((cell, col) => {
    const text = cellText(cell.value).replace(/\s*\*$/, '').toLowerCase();
    const c = cols.find((x) => x.header.toLowerCase() === text);
    if (c) keyAt.set(col, c.key);
  });
  const out: Array<{ row: number; v: Record<string, string> }> = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const v: Record<string, string> = Object.fromEntries(cols.map((c) => [c.key, '']));
    keyAt.forEach((key, col) => (v[key] = cellText(row.getCell(col).value)));
    if (Object.values(v).some((x) => x !== '')) out.push({ row: n, v });
  });
  return out;
}
