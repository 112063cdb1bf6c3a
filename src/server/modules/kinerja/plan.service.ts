import type { Deps } from '../../deps.ts';
import type { Executor } from '../../db/db.ts';
import type { PlanBudgetTable, PlanIndicatorTable, PlanPeriodTable, PlanProgramTable, PlanSasaranTable, PlanTargetTable, PlanTujuanTable } from '../../db/schema.ts';
import { AppError, conflict, notFound, validation } from '../../errors.ts';
import { newId } from '../../lib/ids.ts';
import type { Actor } from '../../policy/actor.ts';
import { authorize, POLICY } from '../../policy/policy.ts';
import { writeWithAudit, type AuditRecorder } from '../audit/audit.writer.ts';
import { who } from '../org/org.service.ts';
import type {
  CreatePlanIndicatorInput,
  CreatePlanPeriodInput,
  CreatePlanProgramInput,
  CreatePlanSasaranInput,
  CreatePlanTujuanInput,
  UpdatePlanIndicatorInput,
  UpdatePlanProgramInput,
  UpdatePlanSasaranInput,
} from '../../../shared/schemas/sakip-plan.ts';
import { planRepo as repo } from './plan.repo.ts';

/**
 * SAKIP plan and cascade (issue 11 item 1). The pemda plan (RPJMD: tujuan, pemda sasaran and
 * their indicators) is managed by whoever holds `pk.manage` tenant-wide (Tim RB, admin); a unit's
 * Renstra (unit sasaran, indicators) and programmes by whoever holds `pk.manage` for that unit
 * (its head and operators, for the unit and its sub-units); everybody with `pk.read` reads the
 * whole plan (a unit links its sasaran to the pemda's, so it must see them).
 */

const PARENT_LEVEL = { program: null, kegiatan: 'program', sub_kegiatan: 'kegiatan' } as const;

/** The write half shared by the CRUD routes and the Excel import (which runs it row by row in one transaction). */
export interface PlanWriter {
  tx: Executor;
  audit: AuditRecorder;
  actor: Actor;
  now: string;
}

export function assertMayReadPlan(actor: Actor) {
  authorize(actor, 'pk.read', { tenantId: actor.tenantId, unitId: null });
}

/** The pemda plan: `pk.manage` tenant-wide. A unit's Renstra: `pk.manage` for that unit. */
function assertMayManage(actor: Actor, unitId: string | null) {
  authorize(actor, 'pk.manage', { tenantId: actor.tenantId, unitId });
}

/** Anyone with `pk.read` in any scope reads the plan (unit roles included). */
function mayRead(actor: Actor) {
  return actor.roles.some((g) => POLICY['pk.read'][g.role]);
}

function checkYears(periodRow: PlanPeriodTable, years: number[], field: string) {
  const seen = new Set<number>();
  for (const y of years) {
    if (y < periodRow.startYear || y > periodRow.endYear) throw validation(field, 'errors.planYearOutside', { year: y, start: periodRow.startYear, end: periodRow.endYear });
    if (seen.has(y)) throw validation(field, 'errors.planYearRepeated', { year: y });
    seen.add(y);
  }
}

async function requirePeriod(db: Executor, tenantId: string, id: string) {
  const p = await repo.period(db, tenantId, id);
  if (!p) throw notFound('plan_period');
  return p;
}

// ---- write verbs on an open transaction (used by the API and by the import) ----

export async function writeTujuan(w: PlanWriter, input: CreatePlanTujuanInput) {
  const { tx, actor, now } = w;
  await requirePeriod(tx, actor.tenantId, input.periodId);
  const before = await repo.tujuanByCode(tx, actor.tenantId, input.periodId, input.code);
  // A row that changes nothing writes nothing: a unit may re-import the whole plan it reads.
  if (before?.name === input.name) return { row: before, action: 'unchanged' as const };
  assertMayManage(actor, null);
  if (before) {
    await repo.updateTujuan(tx, actor.tenantId, before.id, { name: input.name, updatedAt: now });
    const after = { ...before, name: input.name, updatedAt: now };
    await w.audit.record({ entityType: 'plan_tujuan', entityId: before.id, action: 'update', before, after });
    return { row: after, action: 'update' as const };
  }
  const row: PlanTujuanTable = { tenantId: actor.tenantId, id: newId(), periodId: input.periodId, code: input.code, name: input.name, createdAt: now, updatedAt: now };
  await repo.insertTujuan(tx, row);
  await w.audit.record({ entityType: 'plan_tujuan', entityId: row.id, action: 'create', after: { ...row } });
  return { row, action: 'create' as const };
}

/** Check the links of a sasaran: a pemda sasaran may sit under a tujuan, a unit sasaran may feed a pemda sasaran, of the same period. */
async function checkSasaranLinks(tx: Executor, tenantId: string, periodId: string, unitId: string | null, tujuanId: string | null | undefined, pemdaSasaranId: string | null | undefined) {
  if (unitId === null) {
    if (pemdaSasaranId) throw validation('pemdaSasaranId', 'errors.planPemdaLinkOnPemda');
    if (tujuanId) {
      const t = await repo.findTujuan(tx, tenantId, tujuanId);
      if (!t || t.periodId !== periodId) throw validation('tujuanId', 'errors.planTujuanInvalid');
    }
  } else {
    if (tujuanId) throw validation('tujuanId', 'errors.planTujuanOnUnit');
    if (pemdaSasaranId) {
      const s = await repo.findSasaran(tx, tenantId, pemdaSasaranId);
      if (!s || s.unitId !== null || s.periodId !== periodId) throw validation('pemdaSasaranId', 'errors.planPemdaSasaranInvalid');
    }
  }
}

export async function writeSasaran(w: PlanWriter, input: CreatePlanSasaranInput, mode: 'create' | 'upsert' = 'create') {
  const { tx, actor, now } = w;
  const tenantId = actor.tenantId;
  const unitId = input.unitId ?? null;
  if (unitId) {
    const units = await repo.units(tx, tenantId);
    if (!units.some((u) => u.id === unitId)) throw notFound('unit');
  }
  await requirePeriod(tx, tenantId, input.periodId);
  const before = await repo.sasaranByCode(tx, tenantId, input.periodId, input.code);
  const fields = { name: input.name, tujuanId: input.tujuanId ?? null, pemdaSasaranId: input.pemdaSasaranId ?? null };
  if (mode === 'upsert' && before && before.unitId === unitId && before.name === fields.name && before.tujuanId === fields.tujuanId && before.pemdaSasaranId === fields.pemdaSasaranId) return { row: before, action: 'unchanged' as const };
  assertMayManage(actor, unitId);
  await checkSasaranLinks(tx, tenantId, input.periodId, unitId, input.tujuanId, input.pemdaSasaranId);
  if (before) {
    if (mode === 'create') throw conflict('errors.planCodeExists', { code: input.code });
    if (before.unitId !== unitId) throw validation('unitId', 'errors.planCodeOtherUnit', { code: input.code });
    const after = { ...before, ...fields, updatedAt: now };
    await repo.updateSasaran(tx, tenantId, before.id, { ...fields, updatedAt: now });
    await w.audit.record({ entityType: 'plan_sasaran', entityId: before.id, action: 'update', before, after });
    return { row: after, action: 'update' as const };
  }
  const row: PlanSasaranTable = { tenantId, id: newId(), periodId: input.periodId, unitId, code: input.code, ...fields, createdAt: now, updatedAt: now };
  await repo.insertSasaran(tx, row);
  await w.audit.record({ entityType: 'plan_sasaran', entityId: row.id, action: 'create', after: { ...row } });
  return { row, action: 'create' as const };
}

const sameTargets = (a: Array<{ year: number; target: number }>, b: Array<{ year: number; target: number }>) =>
  JSON.stringify([...a].sort((x, y) => x.year - y.year).map((t) => [t.year, t.target])) === JSON.stringify([...b].sort((x, y) => x.year - y.year).map((t) => [t.year, t.target]));

export async function writeIndicator(w: PlanWriter, input: CreatePlanIndicatorInput, mode: 'create' | 'upsert' = 'create') {
  const { tx, actor, now } = w;
  const tenantId = actor.tenantId;
  const sasaran = await repo.findSasaran(tx, tenantId, input.sasaranId);
  if (!sasaran) throw notFound('plan_sasaran');
  const before = await repo.indicatorByCode(tx, tenantId, sasaran.periodId, input.code);
  const fields = { sasaranId: sasaran.id, name: input.name, satuan: input.satuan, polarity: input.polarity, baseline: input.baseline ?? null, finalTarget: input.finalTarget ?? null };
  const targets: PlanTargetTable[] = input.targets.map((t) => ({ tenantId, indicatorId: '', year: t.year, target: t.target }));
  const oldTargets = before ? await repo.targetsOf(tx, tenantId, before.id) : [];
  if (mode === 'upsert' && before && (Object.keys(fields) as Array<keyof typeof fields>).every((k) => before[k] === fields[k]) && sameTargets(oldTargets, input.targets)) return { row: before, action: 'unchanged' as const };
  assertMayManage(actor, sasaran.unitId);
  const period = await requirePeriod(tx, tenantId, sasaran.periodId);
  checkYears(period, input.targets.map((t) => t.year), 'targets');
  if (before) {
    if (mode === 'create') throw conflict('errors.planCodeExists', { code: input.code });
    const old = await repo.findSasaran(tx, tenantId, before.sasaranId);
    assertMayManage(actor, old?.unitId ?? null);
    const after = { ...before, ...fields, updatedAt: now };
    await repo.updateIndicator(tx, tenantId, before.id, { ...fields, updatedAt: now });
    await repo.replaceTargets(tx, tenantId, before.id, targets.map((t) => ({ ...t, indicatorId: before.id })));
    await w.audit.record({ entityType: 'plan_indicator', entityId: before.id, action: 'update', before: { ...before, targets: oldTargets.map((t) => [t.year, t.target]) }, after: { ...after, targets: input.targets.map((t) => [t.year, t.target]) } });
    return { row: after, action: 'update' as const };
  }
  const row: PlanIndicatorTable = { tenantId, id: newId(), periodId: sasaran.periodId, code: input.code, ...fields, createdAt: now, updatedAt: now };
  await repo.insertIndicator(tx, row);
  await repo.replaceTargets(tx, tenantId, row.id, targets.map((t) => ({ ...t, indicatorId: row.id })));
  await w.audit.record({ entityType: 'plan_indicator', entityId: row.id, action: 'create', after: { ...row, targets: input.targets.map((t) => [t.year, t.target]) } });
  return { row, action: 'create' as const };
}

const sameBudgets = (a: Array<{ year: number; pagu: number; realisasi?: number | null }>, b: Array<{ year: number; pagu: number; realisasi?: number | null }>) => {
  const norm = (x: typeof a) => JSON.stringify([...x].sort((p, q) => p.year - q.year).map((t) => [t.year, t.pagu, t.realisasi ?? null]));
  return norm(a) === norm(b);
};

export async function writeProgram(w: PlanWriter, input: CreatePlanProgramInput, mode: 'create' | 'upsert' = 'create') {
  const { tx, actor, now } = w;
  const tenantId = actor.tenantId;
  const units = await repo.units(tx, tenantId);
  if (!units.some((u) => u.id === input.unitId)) throw notFound('unit');
  if (mode === 'create') assertMayManage(actor, input.unitId);
  const period = await requirePeriod(tx, tenantId, input.periodId);
  checkYears(period, input.budgets.map((b) => b.year), 'budgets');
  // The hierarchy: a programme has no parent; a kegiatan sits under a programme, a sub-kegiatan under a kegiatan, of the same unit.
  const parentLevel = PARENT_LEVEL[input.level];
  let parentId: string | null = null;
  if (parentLevel) {
    const parent = input.parentId ? await repo.findProgram(tx, tenantId, input.parentId) : undefined;
    if (!parent || parent.level !== parentLevel || parent.unitId !== input.unitId || parent.periodId !== input.periodId) throw validation('parentId', 'errors.planProgramParent', { level: `@planLevels.${input.level}`, parent: `@planLevels.${parentLevel}` });
    parentId = parent.id;
  } else if (input.parentId) throw validation('parentId', 'errors.planProgramNoParent');
  if (input.sasaranId) {
    const s = await repo.findSasaran(tx, tenantId, input.sasaranId);
    if (!s || s.unitId !== input.unitId || s.periodId !== input.periodId) throw validation('sasaranId', 'errors.planProgramSasaran');
  }
  const before = await repo.programByCode(tx, tenantId, input.periodId, input.unitId, input.code);
  const fields = { parentId, level: input.level, sasaranId: input.sasaranId ?? null, name: input.name };
  const budgets: PlanBudgetTable[] = input.budgets.map((b) => ({ tenantId, programId: '', year: b.year, pagu: b.pagu, realisasi: b.realisasi ?? null }));
  const oldBudgets = before ? await repo.budgetsOf(tx, tenantId, before.id) : [];
  if (mode === 'upsert' && before && (Object.keys(fields) as Array<keyof typeof fields>).every((k) => before[k] === fields[k]) && sameBudgets(oldBudgets, input.budgets)) return { row: before, action: 'unchanged' as const };
  assertMayManage(actor, input.unitId);
  if (before) {
    if (mode === 'create') throw conflict('errors.planCodeExists', { code: input.code });
    const after = { ...before, ...fields, updatedAt: now };
    await repo.updateProgram(tx, tenantId, before.id, { ...fields, updatedAt: now });
    await repo.replaceBudgets(tx, tenantId, before.id, budgets.map((b) => ({ ...b, programId: before.id })));
    await w.audit.record({ entityType: 'plan_program', entityId: before.id, action: 'update', before: { ...before, budgets: oldBudgets.map((b) => [b.year, b.pagu, b.realisasi]) }, after: { ...after, budgets: budgets.map((b) => [b.year, b.pagu, b.realisasi]) } });
    return { row: after, action: 'update' as const };
  }
  const row: PlanProgramTable = { tenantId, id: newId(), periodId: input.periodId, unitId: input.unitId, code: input.code, ...fields, createdAt: now, updatedAt: now };
  await repo.insertProgram(tx, row);
  await repo.replaceBudgets(tx, tenantId, row.id, budgets.map((b) => ({ ...b, programId: row.id })));
  await w.audit.record({ entityType: 'plan_program', entityId: row.id, action: 'create', after: { ...row, budgets: budgets.map((b) => [b.year, b.pagu, b.realisasi]) } });
  return { row, action: 'create' as const };
}

/** How a unit is named in the tree: its short name (Disdukcapil), but a kecamatan by its full name ("Kecamatan Muara Enim", not the town). */
function unitLabels(p: { units: PlanSnapshot['units'] }) {
  return new Map(p.units.map((u) => [u.id, u.shortName && u.type !== 'kecamatan' ? u.shortName : u.name]));
}

// ---- the whole plan of a period, read once ----

export interface PlanSnapshot {
  period: PlanPeriodTable;
  units: Array<{ id: string; name: string; shortName: string | null; type: string; parentId: string | null; isActive: number }>;
  tujuan: PlanTujuanTable[];
  sasaran: PlanSasaranTable[];
  indicators: PlanIndicatorTable[];
  targets: PlanTargetTable[];
  programs: PlanProgramTable[];
  budgets: PlanBudgetTable[];
}

export async function loadPlan(db: Executor, tenantId: string, period: PlanPeriodTable, unitId?: string): Promise<PlanSnapshot> {
  const [units, tujuan, sasaran, indicators, targets, programs, budgets] = await Promise.all([
    repo.units(db, tenantId),
    repo.tujuan(db, tenantId, period.id),
    repo.sasaran(db, tenantId, period.id),
    repo.indicators(db, tenantId, period.id),
    repo.targets(db, tenantId, period.id),
    repo.programs(db, tenantId, period.id, unitId),
    repo.budgets(db, tenantId, period.id, unitId),
  ]);
  return { period, units, tujuan, sasaran, indicators, targets, programs, budgets };
}

/** Budget of a programme row for a year: its own budget row, else the sum of its children's (kegiatan, sub-kegiatan). */
export function budgetOf(p: PlanSnapshot, programId: string, year: number): { pagu: number | null; realisasi: number | null } {
  const own = p.budgets.find((b) => b.programId === programId && b.year === year);
  if (own) return { pagu: own.pagu, realisasi: own.realisasi };
  const children = p.programs.filter((c) => c.parentId === programId).map((c) => budgetOf(p, c.id, year));
  const withPagu = children.filter((c) => c.pagu !== null);
  if (!withPagu.length) return { pagu: null, realisasi: null };
  const real = children.filter((c) => c.realisasi !== null);
  return { pagu: withPagu.reduce((s, c) => s + c.pagu!, 0), realisasi: real.length ? real.reduce((s, c) => s + c.realisasi!, 0) : null };
}

const targetOf = (p: PlanSnapshot, indicatorId: string, year: number) => p.targets.find((t) => t.indicatorId === indicatorId && t.year === year)?.target ?? null;

export interface UnitPlan {
  sasaran: Array<{ id: string; code: string; name: string; pemdaSasaranId: string | null; indicators: Array<{ id: string; code: string; name: string; satuan: string; polarity: 'higher' | 'lower'; target: number | null }> }>;
  programs: Array<{ id: string; code: string; name: string; budget: number | null; realised: number | null }>;
}

/**
 * The plan of one unit for one year, for the other parts of SAKIP (PK, LKjIP): the unit's Renstra
 * sasaran with their indicators and the year's target, and its programmes (level "program") with
 * the year's pagu (`budget`) and realisasi anggaran (`realised`), in rupiah. Empty when no RPJMD
 * period contains the year. No authorisation here: the caller has authorised its own record.
 */
/** A unit's Renstra for a year (sasaran with indicators and targets, programmes with budget); `unitId` null = the pemda's own RPJMD sasaran (no programmes). */
export async function planForUnit(db: Executor, tenantId: string, unitId: string | null, year: number): Promise<UnitPlan> {
  const period = await repo.periodOfYear(db, tenantId, year);
  if (!period) return { sasaran: [], programs: [] };
  const p = await loadPlan(db, tenantId, period, unitId ?? undefined);
  return {
    sasaran: p.sasaran
      .filter((s) => s.unitId === unitId)
      .map((s) => ({
        id: s.id,
        code: s.code,
        name: s.name,
        pemdaSasaranId: s.pemdaSasaranId,
        indicators: p.indicators.filter((i) => i.sasaranId === s.id).map((i) => ({ id: i.id, code: i.code, name: i.name, satuan: i.satuan, polarity: i.polarity, target: targetOf(p, i.id, year) })),
      })),
    programs: p.programs
      .filter((x) => unitId !== null && x.level === 'program')
      .map((x) => {
        const b = budgetOf(p, x.id, year);
        return { id: x.id, code: x.code, name: x.name, budget: b.pagu, realised: b.realisasi };
      }),
  };
}

export function createPlanService(deps: Deps) {
  const { db, clock } = deps;

  async function write<T>(actor: Actor, requestId: string | undefined, fn: (w: PlanWriter) => Promise<T>) {
    return writeWithAudit(db, who(actor, requestId), clock, (tx, audit) => fn({ tx, audit, actor, now: clock.now().toISOString() }));
  }

  function assertRead(actor: Actor) {
    if (!mayRead(actor) || !actor.tenantId) throw new AppError('FORBIDDEN', 'errors.forbidden');
  }

  async function periodOfYear(actor: Actor, year: number) {
    assertRead(actor);
    const period = await repo.periodOfYear(db, actor.tenantId, year);
    if (!period) throw new AppError('NOT_FOUND', 'errors.planNoPeriod', { year });
    return period;
  }

  return {
    assertRead,
    periodOfYear,
    async periods(actor: Actor) {
      assertRead(actor);
      return repo.periods(db, actor.tenantId);
    },
    async createPeriod(actor: Actor, input: CreatePlanPeriodInput, requestId?: string) {
      assertMayManage(actor, null);
      return write(actor, requestId, async ({ tx, audit, now }) => {
        const o = await repo.overlapping(tx, actor.tenantId, input.startYear, input.endYear);
        if (o) throw conflict('errors.planPeriodOverlap', { name: o.name, start: o.startYear, end: o.endYear });
        const row: PlanPeriodTable = { tenantId: actor.tenantId, id: newId(), name: input.name ?? `RPJMD ${input.startYear}–${input.endYear}`, startYear: input.startYear, endYear: input.endYear, isDemo: 0, createdAt: now, updatedAt: now };
        await repo.insertPeriod(tx, row);
        await audit.record({ entityType: 'plan_period', entityId: row.id, action: 'create', after: { ...row } });
        return row;
      });
    },
    async createTujuan(actor: Actor, input: CreatePlanTujuanInput, requestId?: string) {
      assertMayManage(actor, null);
      return write(actor, requestId, async (w) => {
        if (await repo.tujuanByCode(w.tx, actor.tenantId, input.periodId, input.code)) throw conflict('errors.planCodeExists', { code: input.code });
        return (await writeTujuan(w, input)).row;
      });
    },
    async updateTujuan(actor: Actor, id: string, name: string, requestId?: string) {
      assertMayManage(actor, null);
      const t = await repo.findTujuan(db, actor.tenantId, id);
      if (!t) throw notFound('plan_tujuan');
      return write(actor, requestId, async (w) => (await writeTujuan(w, { periodId: t.periodId, code: t.code, name })).row);
    },
    async createSasaran(actor: Actor, input: CreatePlanSasaranInput, requestId?: string) {
      return write(actor, requestId, async (w) => (await writeSasaran(w, input, 'create')).row);
    },
    async updateSasaran(actor: Actor, id: string, input: UpdatePlanSasaranInput, requestId?: string) {
      const s = await repo.findSasaran(db, actor.tenantId, id);
      if (!s) throw notFound('plan_sasaran');
      assertMayManage(actor, s.unitId);
      return write(actor, requestId, async (w) =>
        (await writeSasaran(w, { periodId: s.periodId, code: s.code, unitId: s.unitId, name: input.name ?? s.name, tujuanId: input.tujuanId === undefined ? s.tujuanId : input.tujuanId, pemdaSasaranId: input.pemdaSasaranId === undefined ? s.pemdaSasaranId : input.pemdaSasaranId }, 'upsert')).row,
      );
    },
    async createIndicator(actor: Actor, input: CreatePlanIndicatorInput, requestId?: string) {
      return write(actor, requestId, async (w) => (await writeIndicator(w, input, 'create')).row);
    },
    async updateIndicator(actor: Actor, id: string, input: UpdatePlanIndicatorInput, requestId?: string) {
      const i = await repo.findIndicator(db, actor.tenantId, id);
      if (!i) throw notFound('plan_indicator');
      const s = await repo.findSasaran(db, actor.tenantId, i.sasaranId);
      assertMayManage(actor, s?.unitId ?? null);
      const targets = input.targets ?? (await repo.targetsOf(db, actor.tenantId, i.id)).map((t) => ({ year: t.year, target: t.target }));
      return write(actor, requestId, async (w) =>
        (await writeIndicator(w, {
          sasaranId: i.sasaranId,
          code: i.code,
          name: input.name ?? i.name,
          satuan: input.satuan ?? i.satuan,
          polarity: input.polarity ?? i.polarity,
          baseline: input.baseline === undefined ? i.baseline : input.baseline,
          finalTarget: input.finalTarget === undefined ? i.finalTarget : input.finalTarget,
          targets,
        }, 'upsert')).row,
      );
    },
    async createProgram(actor: Actor, input: CreatePlanProgramInput, requestId?: string) {
      return write(actor, requestId, async (w) => (await writeProgram(w, input, 'create')).row);
    },
    async updateProgram(actor: Actor, id: string, input: UpdatePlanProgramInput, requestId?: string) {
      const p = await repo.findProgram(db, actor.tenantId, id);
      if (!p) throw notFound('plan_program');
      assertMayManage(actor, p.unitId);
      const budgets = input.budgets ?? (await repo.budgetsOf(db, actor.tenantId, p.id)).map((b) => ({ year: b.year, pagu: b.pagu, realisasi: b.realisasi }));
      return write(actor, requestId, async (w) =>
        (await writeProgram(w, { periodId: p.periodId, unitId: p.unitId, parentId: p.parentId, level: p.level, code: p.code, name: input.name ?? p.name, sasaranId: input.sasaranId === undefined ? p.sasaranId : input.sasaranId, budgets }, 'upsert')).row,
      );
    },
    /** The whole plan of the period that contains `year`. */
    async snapshot(actor: Actor, year: number) {
      const period = await periodOfYear(actor, year);
      return loadPlan(db, actor.tenantId, period);
    },
    /**
     * Delete a tujuan, sasaran, indicator or programme row. Refused (409) while something hangs on
     * it (sasaran under a tujuan; indicators, feeding unit sasaran or programmes on a sasaran;
     * kegiatan under a programme): the user removes or relinks those first. Targets and budgets go
     * with their indicator or programme row.
     */
    async remove(actor: Actor, kind: 'tujuan' | 'sasaran' | 'indicator' | 'program', id: string, requestId?: string) {
      const tenantId = actor.tenantId;
      const found =
        kind === 'tujuan' ? await repo.findTujuan(db, tenantId, id)
        : kind === 'sasaran' ? await repo.findSasaran(db, tenantId, id)
        : kind === 'indicator' ? await repo.findIndicator(db, tenantId, id)
        : await repo.findProgram(db, tenantId, id);
      if (!found) throw notFound(`plan_${kind}`);
      const unitId =
        kind === 'tujuan' ? null
        : kind === 'sasaran' ? (found as PlanSasaranTable).unitId
        : kind === 'indicator' ? ((await repo.findSasaran(db, tenantId, (found as PlanIndicatorTable).sasaranId))?.unitId ?? null)
        : (found as PlanProgramTable).unitId;
      assertMayManage(actor, unitId);
      return write(actor, requestId, async ({ tx, audit }) => {
        if (kind !== 'indicator' && (await repo.dependents(tx, tenantId, kind, id)) > 0) throw conflict('errors.planInUse', { code: found.code });
        // A PK indicator carries it (its medium-term target in the LKjIP comes through the link).
        if (kind === 'indicator' && (await repo.pkIndicatorsLinked(tx, tenantId, id)) > 0) throw conflict('errors.planIndicatorInPk', { code: found.code });
        let before: Record<string, unknown> = { ...found };
        if (kind === 'tujuan') await repo.deleteTujuan(tx, tenantId, id);
        else if (kind === 'sasaran') await repo.deleteSasaran(tx, tenantId, id);
        else if (kind === 'indicator') {
          before = { ...before, targets: (await repo.targetsOf(tx, tenantId, id)).map((t) => [t.year, t.target]) };
          await repo.deleteIndicator(tx, tenantId, id);
        } else {
          before = { ...before, budgets: (await repo.budgetsOf(tx, tenantId, id)).map((b) => [b.year, b.pagu, b.realisasi]) };
          await repo.deleteProgram(tx, tenantId, id);
        }
        await audit.record({ entityType: `plan_${kind}`, entityId: id, action: 'delete', before, after: null });
      });
    },
    /** Several writes in one transaction with their audit entries (the Excel import). */
    write,
  };
}

/**
 * Pohon kinerja for a year: pemda tujuan → sasaran → indicators (target of the year) → the unit
 * sasaran that feed each pemda sasaran, grouped by unit, with their indicators and the unit's
 * programmes serving that sasaran (budget of the year). Unit sasaran that feed nothing are in
 * `unlinked` (the cascade check lists them too).
 */
export function treeOf(p: PlanSnapshot, year: number) {
  const unitName = unitLabels(p);
  const ind = (sasaranId: string) =>
    p.indicators.filter((i) => i.sasaranId === sasaranId).map((i) => ({
      id: i.id,
      code: i.code,
      name: i.name,
      satuan: i.satuan,
      polarity: i.polarity,
      baseline: i.baseline,
      finalTarget: i.finalTarget,
      target: targetOf(p, i.id, year),
      // Every year of the period, so an edit form can show and send them all (a PUT replaces the targets).
      targets: p.targets.filter((t) => t.indicatorId === i.id).sort((a, b) => a.year - b.year).map((t) => ({ year: t.year, target: t.target })),
    }));
  const programsOf = (sasaranId: string) =>
    p.programs.filter((x) => x.sasaranId === sasaranId && x.level === 'program').map((x) => {
      const b = budgetOf(p, x.id, year);
      // `budgets`: the row's own pagu/realisasi per year (empty when its budget is the sum of its kegiatan).
      const own = p.budgets.filter((o) => o.programId === x.id).sort((a, c) => a.year - c.year).map((o) => ({ year: o.year, pagu: o.pagu, realisasi: o.realisasi }));
      return { id: x.id, code: x.code, name: x.name, budget: b.pagu, realised: b.realisasi, budgets: own };
    });
  const unitSasaran = (s: PlanSasaranTable) => ({ id: s.id, code: s.code, name: s.name, unitId: s.unitId!, unitName: unitName.get(s.unitId!) ?? '', pemdaSasaranId: s.pemdaSasaranId, indicators: ind(s.id), programs: programsOf(s.id) });
  const pemdaSasaran = (s: PlanSasaranTable) => {
    const feeding = p.sasaran.filter((u) => u.pemdaSasaranId === s.id);
    const unitIds = [...new Set(feeding.map((u) => u.unitId!))].sort((a, b) => (unitName.get(a) ?? '').localeCompare(unitName.get(b) ?? '', 'id'));
    return {
      id: s.id,
      code: s.code,
      name: s.name,
      tujuanId: s.tujuanId,
      indicators: ind(s.id),
      units: unitIds.map((unitId) => ({ unitId, unitName: unitName.get(unitId) ?? '', sasaran: feeding.filter((u) => u.unitId === unitId).map(unitSasaran) })),
    };
  };
  const pemda = p.sasaran.filter((s) => s.unitId === null);
  return {
    period: { id: p.period.id, name: p.period.name, startYear: p.period.startYear, endYear: p.period.endYear, isDemo: p.period.isDemo === 1 },
    year,
    tujuan: [
      ...p.tujuan.map((t) => ({ id: t.id as string | null, code: t.code, name: t.name, sasaran: pemda.filter((s) => s.tujuanId === t.id).map(pemdaSasaran) })),
      ...(pemda.some((s) => !s.tujuanId) ? [{ id: null, code: '', name: '', sasaran: pemda.filter((s) => !s.tujuanId).map(pemdaSasaran) }] : []),
    ],
    unlinked: p.sasaran.filter((s) => s.unitId !== null && !s.pemdaSasaranId).map(unitSasaran),
  };
}

/**
 * The cascade check (LKE AKIP criterion "cascading"): unit sasaran (with their indicators) that
 * feed no pemda sasaran, and pemda sasaran that no unit sasaran carries.
 */
export function cascadeOf(p: PlanSnapshot) {
  const unitName = unitLabels(p);
  const carried = new Set(p.sasaran.map((s) => s.pemdaSasaranId).filter(Boolean));
  return {
    period: { id: p.period.id, name: p.period.name, startYear: p.period.startYear, endYear: p.period.endYear, isDemo: p.period.isDemo === 1 },
    unlinkedUnitSasaran: p.sasaran
      .filter((s) => s.unitId !== null && !s.pemdaSasaranId)
      .map((s) => ({ id: s.id, code: s.code, name: s.name, unitId: s.unitId!, unitName: unitName.get(s.unitId!) ?? '', indicators: p.indicators.filter((i) => i.sasaranId === s.id).map((i) => ({ id: i.id, code: i.code, name: i.name })) })),
    uncarriedPemdaSasaran: p.sasaran.filter((s) => s.unitId === null && !carried.has(s.id)).map((s) => ({ id: s.id, code: s.code, name: s.name })),
  };
}
