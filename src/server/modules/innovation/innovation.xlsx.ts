import ExcelJS from 'exceljs';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../errors.ts';
import type { Actor } from '../../policy/actor.ts';
import { authorize, can, POLICY } from '../../policy/policy.ts';
import { describeIssue } from '../../plugins/errors.ts';
import { checkXlsxLimits } from '../../documents/xlsx/zip-guard.ts';
import { translate, type Lang } from '../../../shared/i18n/translate.ts';
import { ZCreateInnovationInput, type InnovationListQuery } from '../../../shared/schemas/innovation.ts';
import { urusanLabel } from '../../../shared/urusan.ts';
import { writeWithAudit } from '../audit/audit.writer.ts';
import { who } from '../org/org.service.ts';
import { indexInnovation } from '../../search/innovation-index.ts';
import { buildExport, buildTemplate, cellText, COLUMNS, INITIATOR_OF, LABELS, LEGAL_OF, STAGE_OF, TYPE_OF, URUSAN_OF } from '../../documents/xlsx/innovation-sheet.ts';
import { checkStageDates, createInnovationService, newInnovationRow } from './innovation.service.ts';

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
    return db.selectFrom('units').select(['id', 'name', 'shortName']).where('tenantId', '=', tenantId).where('isActive', '=', 1).orderBy('name').execute();
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

    /** All or nothing: every row is validated first; one bad row means nothing is saved. */
    async import(actor: Actor, data: Buffer, lang: Lang, requestId?: string) {
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
        const c = COLUMNS.find((x) => x.header.toLowerCase() === text);
        if (c) keyAt.set(col, c.key);
      });
      if (!keyAt.size) throw new AppError('VALIDATION', 'errors.importFile', {}, [{ field: 'file', messageKey: 'errors.importFile' }]);
      const header = (key: string) => COLUMNS.find((c) => c.key === key)?.header ?? key;

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
      const problems: ImportProblem[] = [];
      const inputs: Array<{ row: number; input: ReturnType<typeof ZCreateInnovationInput.parse> }> = [];
      const problem = (row: number, field: string, message: string) => problems.push({ row, field, column: header(field), message });
      const lookup = (row: number, field: string, map: Map<string, string>, value: string) => {
        if (!value) return undefined;
        const code = map.get(value.toLowerCase());
        if (!code) problem(row, field, translate(lang, 'errors.importValue', { value, column: header(field) }));
        return code;
      };

      for (const { row, values: v } of raw) {
        const before = problems.length;
        const unitId = v.unit ? unitByName.get(v.unit.toLowerCase()) : undefined;
        if (v.unit && !unitId) problem(row, 'unit', translate(lang, 'errors.importUnit', { value: v.unit }));
        const digital = /^(ya|y|true|1|digital)$/i.test(v.digital ?? '') ? true : /^(tidak|t|false|0|non[- ]?digital)$/i.test(v.digital ?? '') ? false : undefined;
        if (v.digital && digital === undefined) problem(row, 'digital', translate(lang, 'errors.importValue', { value: v.digital, column: header('digital') }));
        const candidate = {
          title: v.title || undefined,
          acronym: v.acronym || null,
          unitId: unitId ?? (v.unit ? 'x' : undefined),
          initiatorClass: lookup(row, 'initiatorClass', INITIATOR_OF, v.initiatorClass) ?? 'opd',
          type: lookup(row, 'type', TYPE_OF, v.type) ?? (v.type ? 'x' : undefined),
          digital,
          urusanMain: lookup(row, 'urusanMain', URUSAN_OF, v.urusanMain) ?? null,
          urusanOther: (v.urusanOther ?? '').split(';').map((s) => s.trim()).filter(Boolean).map((s) => lookup(row, 'urusanOther', URUSAN_OF, s) ?? 'x'),
          stage: lookup(row, 'stage', STAGE_OF, v.stage) ?? (v.stage ? 'x' : undefined),
          initiatedOn: v.initiatedOn || undefined,
          trialOn: v.trialOn || null,
          appliedOn: v.appliedOn || null,
          description: v.description || undefined,
          goals: v.goals || null,
          benefits: v.benefits || null,
          results: v.results || null,
          legalBasisDoc: v.legalBasisDoc || null,
          legalBasisLevel: lookup(row, 'legalBasisLevel', LEGAL_OF, v.legalBasisLevel) ?? null,
          budget: v.budget ? Number(v.budget.replace(/[.\s]/g, '').replace(',', '.')) : null,
          videoUrl: v.videoUrl || null,
        };
        if (problems.length > before) continue; // lookups already explain this row
        const parsed = ZCreateInnovationInput.safeParse(candidate);
        if (!parsed.success) {
          for (const issue of parsed.error.issues) {
            const field = String(issue.path[0] ?? 'body');
            const d = describeIssue(lang, { ...(issue as object), path: issue.path as (string | number)[] }, 'innovations');
            problem(row, field === 'unitId' ? 'unit' : field, d.message.replace(/^[^:]*: /, `${header(field === 'unitId' ? 'unit' : field)}: `));
          }
          continue;
        }
        try {
          checkStageDates(parsed.data);
        } catch (e) {
          if (e instanceof AppError) problem(row, e.details?.[0]?.field ?? 'initiatedOn', translate(lang, e.messageKey, e.params));
          continue;
        }
        if (!can(actor, 'innovation.create', { tenantId: actor.tenantId, unitId: parsed.data.unitId })) {
          problem(row, 'unit', translate(lang, 'errors.importForbiddenUnit', { value: v.unit }));
          continue;
        }
        inputs.push({ row, input: parsed.data });
      }
      if (problems.length) {
        const rows = new Set(problems.map((p) => p.row)).size;
        throw new AppError('VALIDATION', 'errors.importRows', { count: rows }, problems.map((p) => ({ field: p.field, row: p.row, column: p.column, message: `Baris ${p.row}, ${p.column}: ${p.message}` })));
      }

      const ids = await writeWithAudit(db, who(actor, requestId), clock, async (tx, audit) => {
        const now = clock.now().toISOString();
        const created: string[] = [];
        for (const { input } of inputs) {
          const row = newInnovationRow(actor, input, now);
          await tx.insertInto('innovations').values(row).execute();
          await indexInnovation(tx, dialect, row);
          await audit.record({ entityType: 'innovation', entityId: row.id, action: 'import', after: { title: row.title, unitId: row.unitId, stage: row.stage, type: row.type } });
          created.push(row.id);
        }
        return created;
      });
      return { imported: ids.length, ids };
    },
  };
}
