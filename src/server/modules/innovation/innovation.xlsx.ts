import ExcelJS from 'exceljs';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../errors.ts';
import type { Actor } from '../../policy/actor.ts';
import { authorize, can, POLICY } from '../../policy/policy.ts';
import { describeIssue } from '../../plugins/errors.ts';
import { checkXlsxLimits } from '../../documents/xlsx/zip-guard.ts';
import { translate, type Lang } from '../../../shared/i18n/translate.ts';
import { ZCreateInnovationInput, ZUpdateInnovationInput, type CreateInnovationInput, type InnovationListQuery } from '../../../shared/schemas/innovation.ts';
import type { ImportDecisions, ImportMatch, ImportPreview, ImportPreviewRow } from '../../../shared/schemas/innovation-import.ts';
import type { InnovationTable } from '../../db/schema.ts';
import { urusanLabel } from '../../../shared/urusan.ts';
import { writeWithAudit } from '../audit/audit.writer.ts';
import { who } from '../org/org.service.ts';
import { indexInnovation } from '../../search/innovation-index.ts';
import { buildExport, buildTemplate, cellText, COLUMNS, EXPORT_EXTRA, INITIATOR_OF, LABELS, LEGAL_OF, STAGE_OF, TYPE_OF, URUSAN_OF } from '../../documents/xlsx/innovation-sheet.ts';
import { auditFields, checkStageDates, createInnovationService, newInnovationRow, nextInnovationRow } from './innovation.service.ts';
import { innovationRepo as repo } from './innovation.repo.ts';
import { assertMayEditInnovation } from './innovation.policy.ts';

export const IMPORT_MAX_ROWS = 2000;
/** Unpacked size of an import workbook (all its XML), checked before ExcelJS loads it. */
export const IMPORT_MAX_UNPACKED_BYTES = 20 * 1024 * 1024;

export interface ImportProblem {
  row: number;
  field: string;
  column: string;
  message: string;
}

export function createInnovationXlsx(deps: Deps) {
  const { db, clock, dialect } = deps;
  const service = createInnovationService(deps);

  async function unitsOf(tenantId: string) {
    return repo.activeUnits(db, tenantId);
  }

  /**
   * Only a role that may create innovations somewhere may import (each row is then checked
   * against its unit). The route calls it before reading the upload, so others cost no parsing.
   */
  function assertMayImport(actor: Actor) {
    authorize(actor, 'innovation.read', { tenantId: actor.tenantId });
    if (!actor.roles.some((g) => POLICY['innovation.create'][g.role])) throw new AppError('FORBIDDEN', 'errors.forbidden');
  }

  return {
    async template(actor: Actor) {
      authorize(actor, 'innovation.read', { tenantId: actor.tenantId });
      return buildTemplate((await unitsOf(actor.tenantId)).map((u) => u.name));
    },

    async export(actor: Actor, q: InnovationListQuery) {
      const { items } = await service.list(actor, { ...q, page: 1, pageSize: 100_000 });
      const rows = items.map((r) => ({
        title: r.title,
        acronym: r.acronym,
        unit: r.unitName,
        initiatorClass: LABELS.initiator[r.initiatorClass as keyof typeof LABELS.initiator] ?? r.initiatorClass,
        type: LABELS.type[r.type as keyof typeof LABELS.type] ?? r.type,
        digital: r.isDigital ? 'Ya' : 'Tidak',
        urusanMain: r.urusanMain ? urusanLabel(r.urusanMain) : null,
        urusanOther: (JSON.parse(r.urusanOther) as string[]).map(urusanLabel).join('; '),
        stage: LABELS.stage[r.stage as keyof typeof LABELS.stage] ?? r.stage,
        initiatedOn: r.initiatedOn,
        trialOn: r.trialOn,
        appliedOn: r.appliedOn,
        description: r.description,
        goals: r.goals,
        benefits: r.benefits,
        results: r.results,
        legalBasisDoc: r.legalBasisDoc,
        legalBasisLevel: r.legalBasisLevel ? LABELS.legal[r.legalBasisLevel as keyof typeof LABELS.legal] : null,
        budget: r.budget,
        videoUrl: r.videoUrl,
        status: translate('id', `innovationStatus.${r.status}`),
        year: r.year,
        id: r.id,
      }));
      return buildExport(rows, 'Inovasi Daerah');
    },

    assertMayImport,

    /**
     * The dry run: reads the workbook and says, row by row, what the import would do, writing
     * nothing. A row with "ID Serasan" updates that record of this region (or is unchanged); a
     * row without it creates a draft, unless a record of this region looks the same ("mungkin
     * sudah ada": the user decides); a row that cannot be saved is an error with its cells.
     */
    async preview(actor: Actor, data: Buffer, lang: Lang): Promise<ImportPreview> {
      const entries = await plan(actor, data, lang);
      return { rows: entries.map(presentEntry), counts: countOf(entries) };
    },

    /**
     * All or nothing: the same plan as the preview, applied in one transaction. Rows flagged as
     * possible duplicates must each be decided: listed in `create` (make it anyway) or `skip`.
     */
    async import(actor: Actor, data: Buffer, lang: Lang, decisions: ImportDecisions = {}, requestId?: string) {
      const entries = await plan(actor, data, lang);
      const errors = entries.filter((e): e is Extract<PlanEntry, { action: 'error' }> => e.action === 'error');
      if (errors.length) {
        const problems = errors.flatMap((e) => e.problems.map((p) => ({ ...p, row: e.row })));
        throw new AppError('VALIDATION', 'errors.importRows', { count: errors.length }, problems.map((p) => ({ field: p.field, row: p.row, column: p.column, message: `Baris ${p.row}, ${p.column}: ${p.message}` })));
      }
      const create = new Set(decisions.create ?? []);
      const skip = new Set(decisions.skip ?? []);
      const undecided = entries.filter((e) => e.action === 'duplicate' && !create.has(e.row) && !skip.has(e.row));
      if (undecided.length) {
        throw new AppError('CONFLICT', 'errors.importUndecided', { count: undecided.length, rows: undecided.map((e) => e.row).join(', ') }, undecided.map((e) => ({
          field: 'title',
          row: e.row,
          column: header('title'),
          message: translate(lang, 'errors.importPossibleDuplicate', { title: e.action === 'duplicate' ? e.match.title : '' }),
        })));
      }
      const result = await writeWithAudit(db, who(actor, requestId), clock, async (tx, audit) => {
        const now = clock.now().toISOString();
        const createdIds: string[] = [];
        const updatedIds: string[] = [];
        let skipped = 0;
        for (const e of entries) {
          if (e.action === 'create' || (e.action === 'duplicate' && create.has(e.row))) {
            const row = newInnovationRow(actor, e.input, now);
            await repo.insert(tx, row);
            await indexInnovation(tx, dialect, row);
            await audit.record({ entityType: 'innovation', entityId: row.id, action: 'import', after: { title: row.title, unitId: row.unitId, stage: row.stage, type: row.type, ...(e.action === 'duplicate' ? { confirmedDespite: e.match.id } : {}) } });
            createdIds.push(row.id);
          } else if (e.action === 'duplicate') {
            skipped++;
          } else if (e.action === 'update') {
            const next = { ...e.next, updatedAt: now };
            await repo.update(tx, actor.tenantId, e.id, next);
            await indexInnovation(tx, dialect, next);
            await audit.record({ entityType: 'innovation', entityId: e.id, action: 'import_update', before: auditFields(e.before), after: auditFields(next) });
            updatedIds.push(e.id);
          }
        }
        return { createdIds, updatedIds, skipped };
      });
      const counts = countOf(entries);
      return {
        created: result.createdIds.length,
        updated: result.updatedIds.length,
        unchanged: counts.unchanged,
        skipped: result.skipped,
        /** Kept for older clients: the records created. */
        imported: result.createdIds.length,
        ids: result.createdIds,
        updatedIds: result.updatedIds,
      };
    },
  };

  async function plan(actor: Actor, data: Buffer, lang: Lang): Promise<PlanEntry[]> {
    assertMayImport(actor);
    // Size and rows are checked on the zip itself: ExcelJS would hold the whole workbook in memory.
    checkXlsxLimits(data, { maxUnpackedBytes: IMPORT_MAX_UNPACKED_BYTES, maxRowsPerSheet: 2 * IMPORT_MAX_ROWS, maxCellsPerSheet: 100 * IMPORT_MAX_ROWS });
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(data as unknown as ArrayBuffer);
    } catch {
      throw new AppError('VALIDATION', 'errors.importFile', {}, [{ field: 'file', messageKey: 'errors.importFile' }]);
    }
    const ws = wb.getWorksheet('Inovasi') ?? wb.worksheets[0];
    if (!ws) throw new AppError('VALIDATION', 'errors.importFile', {}, [{ field: 'file', messageKey: 'errors.importFile' }]);
    // Map header text → column key (the "*" of required columns is optional).
    const keyAt = new Map<number, string>();
    ws.getRow(1).eachCell((cell, col) => {
      const text = cellText(cell.value).replace(/\s*\*$/, '').toLowerCase();
      const c = IMPORT_COLUMNS.find((x) => x.header.toLowerCase() === text);
      if (c) keyAt.set(col, c.key);
    });
    if ([...keyAt.values()].filter((k) => k !== ID_COLUMN.key).length === 0) throw new AppError('VALIDATION', 'errors.importFile', {}, [{ field: 'file', messageKey: 'errors.importFile' }]);
    const present = new Set(keyAt.values());

    const raw: Array<{ row: number; values: Record<string, string> }> = [];
    ws.eachRow((row, n) => {
      if (n === 1) return;
      const values: Record<string, string> = {};
      keyAt.forEach((key, col) => (values[key] = cellText(row.getCell(col).value)));
      if (Object.values(values).some((v) => v !== '')) raw.push({ row: n, values });
    });
    if (raw.length === 0) throw new AppError('VALIDATION', 'errors.importEmpty');
    if (raw.length > IMPORT_MAX_ROWS) throw new AppError('VALIDATION', 'errors.importTooMany', { count: raw.length, max: IMPORT_MAX_ROWS });

    const units = await unitsOf(actor.tenantId);
    const unitByName = new Map(units.flatMap((u) => [[u.name.toLowerCase(), u.id], ...(u.shortName ? [[u.shortName.toLowerCase(), u.id] as [string, string]] : [])]));
    const entries: PlanEntry[] = [];
    const seenIds = new Map<string, number>();
    const seenTitles = new Map<string, { row: number; title: string }>();

    for (const { row, values: v } of raw) {
      const problems: Omit<ImportProblem, 'row'>[] = [];
      const problem = (field: string, message: string) => problems.push({ field, column: header(field), message });
      const title = v.title ?? '';
      const fail = () => entries.push({ row, action: 'error', title, id: v.id || null, problems });
      const lookup = (field: string, map: Map<string, string>, value: string) => {
        if (!value) return undefined;
        const code = map.get(value.toLowerCase());
        if (!code) problem(field, translate(lang, 'errors.importValue', { value, column: header(field) }));
        return code;
      };

      // A row with an ID names a record of this region; anything else (unknown, another region's) is refused alike.
      let existing: InnovationTable | undefined;
      if (v.id) {
        existing = v.id.length <= 64 ? await repo.find(db, actor.tenantId, v.id) : undefined;
        if (!existing) problem('id', translate(lang, 'errors.importUnknownId', { value: v.id.slice(0, 64) }));
        else if (seenIds.has(v.id)) problem('id', translate(lang, 'errors.importRepeatedId', { row: seenIds.get(v.id)! }));
        else seenIds.set(v.id, row);
        if (problems.length) {
          fail();
          continue;
        }
      }

      const unitId = v.unit ? unitByName.get(v.unit.toLowerCase()) : undefined;
      if (v.unit && !unitId) problem('unit', translate(lang, 'errors.importUnit', { value: v.unit }));
      const digital = /^(ya|y|true|1|digital)$/i.test(v.digital ?? '') ? true : /^(tidak|t|false|0|non[- ]?digital)$/i.test(v.digital ?? '') ? false : undefined;
      if (v.digital && digital === undefined) problem('digital', translate(lang, 'errors.importValue', { value: v.digital, column: header('digital') }));
      const budget = v.budget ? parseBudget(v.budget) : null;
      if (v.budget && budget === undefined) problem('budget', translate(lang, 'errors.importValue', { value: v.budget, column: header('budget') }));
      const candidate: Record<string, unknown> = {
        title: v.title || undefined,
        acronym: v.acronym || null,
        unitId: unitId ?? (v.unit ? 'x' : undefined),
        initiatorClass: lookup('initiatorClass', INITIATOR_OF, v.initiatorClass) ?? existing?.initiatorClass ?? 'opd',
        type: lookup('type', TYPE_OF, v.type) ?? (v.type ? 'x' : undefined),
        digital,
        urusanMain: lookup('urusanMain', URUSAN_OF, v.urusanMain) ?? null,
        urusanOther: (v.urusanOther ?? '').split(';').map((s) => s.trim()).filter(Boolean).map((s) => lookup('urusanOther', URUSAN_OF, s) ?? 'x'),
        stage: lookup('stage', STAGE_OF, v.stage) ?? (v.stage ? 'x' : undefined),
        initiatedOn: v.initiatedOn || undefined,
        trialOn: v.trialOn || null,
        appliedOn: v.appliedOn || null,
        description: v.description || undefined,
        goals: v.goals || null,
        benefits: v.benefits || null,
        results: v.results || null,
        legalBasisDoc: v.legalBasisDoc || null,
        legalBasisLevel: lookup('legalBasisLevel', LEGAL_OF, v.legalBasisLevel) ?? null,
        budget,
        videoUrl: v.videoUrl || null,
      };
      if (problems.length) {
        fail(); // lookups already explain this row
        continue;
      }
      if (existing) {
        // An update changes only the columns the sheet has; a column left out keeps its value.
        for (const c of COLUMNS) if (!present.has(c.key)) delete candidate[c.key === 'unit' ? 'unitId' : c.key];
      }
      const parsed = (existing ? ZUpdateInnovationInput : ZCreateInnovationInput).safeParse(candidate);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const field = String(issue.path[0] ?? 'body');
          const col = field === 'unitId' ? 'unit' : field;
          const d = describeIssue(lang, { ...(issue as object), path: issue.path as (string | number)[] }, 'innovations');
          problem(col, d.message.replace(/^[^:]*: /, `${header(col)}: `));
        }
        fail();
        continue;
      }

      if (existing) {
        const before = existing;
        const next = nextInnovationRow(before, parsed.data, before.updatedAt);
        const a = auditFields(before) as Record<string, unknown>;
        const b = auditFields(next) as Record<string, unknown>;
        const changes = Object.keys(b).filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
        if (changes.length === 0) {
          entries.push({ row, action: 'unchanged', title: before.title, id: before.id });
          continue;
        }
        try {
          checkStageDates(next);
          authorize(actor, 'innovation.update', { tenantId: actor.tenantId, unitId: before.unitId });
          assertMayEditInnovation(actor, before);
          if (next.unitId !== before.unitId) authorize(actor, 'innovation.update', { tenantId: actor.tenantId, unitId: next.unitId });
        } catch (e) {
          if (!(e instanceof AppError)) throw e;
          const field = e.details?.[0]?.field ?? 'id';
          problem(field, e.code === 'FORBIDDEN' ? translate(lang, 'errors.importForbiddenUpdate', { title: before.title }) : translate(lang, e.messageKey, e.params));
          fail();
          continue;
        }
        entries.push({ row, action: 'update', title: next.title, id: before.id, before, next, changes: changes.map((k) => header(FIELD_COLUMN[k] ?? k)) });
        continue;
      }

      const input = parsed.data as CreateInnovationInput;
      try {
        checkStageDates(input);
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        problem(e.details?.[0]?.field ?? 'initiatedOn', translate(lang, e.messageKey, e.params));
        fail();
        continue;
      }
      if (!can(actor, 'innovation.create', { tenantId: actor.tenantId, unitId: input.unitId })) {
        problem('unit', translate(lang, 'errors.importForbiddenUnit', { value: v.unit }));
        fail();
        continue;
      }
      const match = await possibleDuplicate(actor, input, seenTitles, lang);
      const key = normaliseTitle(input.title);
      if (!seenTitles.has(key)) seenTitles.set(key, { row, title: input.title });
      entries.push(match ? { row, action: 'duplicate', title: input.title, input, match } : { row, action: 'create', title: input.title, input });
    }
    return entries;
  }

  /**
   * A row without ID that may already exist: the same title (ignoring case and spaces) in this
   * region or earlier in the file, or a record of this region the similarity search calls a
   * likely duplicate (its `likelyDuplicate` when it says so, else the score against our threshold).
   */
  async function possibleDuplicate(actor: Actor, input: CreateInnovationInput, seenTitles: Map<string, { row: number; title: string }>, lang: Lang): Promise<ImportMatch | null> {
    const key = normaliseTitle(input.title);
    const same = (await repo.titles(db, actor.tenantId)).find((r) => normaliseTitle(r.title) === key);
    if (same) return { id: same.id, title: same.title, score: 1, reason: translate(lang, 'importReason.sameTitle') };
    const earlier = seenTitles.get(key);
    if (earlier) return { id: null, title: earlier.title, score: 1, reason: translate(lang, 'importReason.sameRow', { row: earlier.row }) };
    const similar = await service.similar(actor, `${input.title}\n${input.description}`, { limit: 5 });
    const best = similar.find((m) => m.sameTenant && isLikelyDuplicate(m));
    if (!best) return null;
    const reason = (best as { reason?: unknown }).reason;
    return {
      id: best.id,
      title: best.title,
      score: best.score,
      reason: typeof reason === 'string' && reason ? reason : translate(lang, 'importReason.similar', { percent: Math.round(best.score * 100) }),
    };
  }
}

/** Similarity at or above this marks an import row "mungkin sudah ada" when the search gives no verdict of its own. */
export const IMPORT_DUPLICATE_THRESHOLD = 0.6;

function isLikelyDuplicate(m: { score: number; likelyDuplicate?: boolean }) {
  return typeof m.likelyDuplicate === 'boolean' ? m.likelyDuplicate : m.score >= IMPORT_DUPLICATE_THRESHOLD;
}

const normaliseTitle = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

/** "1500000", "1.500.000", "1.500.000,50" or "1500000.5" (a number cell) → a number; anything else is undefined. */
export function parseBudget(text: string): number | undefined {
  const t = text.replace(/\s/g, '');
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(t)) return Number(t.replace(/\./g, '').replace(',', '.'));
  if (/^\d+(,\d+)?$/.test(t)) return Number(t.replace(',', '.'));
  if (/^\d+(\.\d+)?$/.test(t)) return Number(t);
  return undefined;
}

/** Audit field → sheet column, for "what changed" in the preview. */
const FIELD_COLUMN: Record<string, string> = { unitId: 'unit' };

const ID_COLUMN = EXPORT_EXTRA.find((c) => c.key === 'id')!;
/** The columns an import reads: the template's, and "ID Serasan" of an export. */
const IMPORT_COLUMNS = [...COLUMNS, ID_COLUMN];
const header = (key: string) => IMPORT_COLUMNS.find((c) => c.key === key)?.header ?? key;

type PlanEntry =
  | { row: number; action: 'create'; title: string; input: CreateInnovationInput }
  | { row: number; action: 'duplicate'; title: string; input: CreateInnovationInput; match: ImportMatch }
  | { row: number; action: 'update'; title: string; id: string; before: InnovationTable; next: InnovationTable; changes: string[] }
  | { row: number; action: 'unchanged'; title: string; id: string }
  | { row: number; action: 'error'; title: string; id: string | null; problems: Omit<ImportProblem, 'row'>[] };

function presentEntry(e: PlanEntry): ImportPreviewRow {
  return {
    row: e.row,
    action: e.action,
    title: e.title,
    id: 'id' in e ? e.id : null,
    match: e.action === 'duplicate' ? e.match : null,
    changes: e.action === 'update' ? e.changes : [],
    problems: e.action === 'error' ? e.problems : [],
  };
}

function countOf(entries: PlanEntry[]): ImportPreview['counts'] {
  const counts = { create: 0, update: 0, unchanged: 0, duplicate: 0, error: 0 };
  for (const e of entries) counts[e.action]++;
  return counts;
}
