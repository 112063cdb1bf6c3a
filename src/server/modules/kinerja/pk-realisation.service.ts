import type { Deps } from '../../deps.ts';
import type { PkAgreementTable, PkCorrectiveActionTable, PkIndicatorTable, PkRealisationCorrectionTable, PkRealisationTable, PkSettingsTable } from '../../db/schema.ts';
import { AppError, conflict, notFound, validation } from '../../errors.ts';
import { newId } from '../../lib/ids.ts';
import type { Actor } from '../../policy/actor.ts';
import { authorize, can } from '../../policy/policy.ts';
import { writeWithAudit } from '../audit/audit.writer.ts';
import { who } from '../org/org.service.ts';
import { allowedActions, authorizeTransition, recordTransition } from '../../workflow/state-machine.ts';
import { annualValue, capaian, capaianStatus, DEFAULT_STATUS_BANDS, displayCapaian, type CapaianStatus, type StatusBands } from '../../rules/sakip/capaian.ts';
import type { PkRealisationInput } from '../../../shared/schemas/kinerja.ts';
import type { PkCorrectionInput, PkCorrectiveActionInput, PkIndicatorPlanInput, PkSettingsInput } from '../../../shared/schemas/pk-realisation.ts';
import { regionToday } from '../tenants/tenants.region.ts';
import { pkRealisationRepo as repo, realisationKey } from './pk-realisation.repo.ts';
import { kinerjaRepo } from './kinerja.repo.ts';
import { evidenceRepo } from '../evidence/evidence.repo.ts';
import { pkRealisationMachine } from './pk-realisation.policy.ts';
import { checkPlanLink } from './pk-plan-link.ts';

/** The tenant's capaian settings: status bands and an optional display cap (never applied to stored or JSON capaian). */
export interface PkCapaianSettings {
  bands: StatusBands;
  displayCap: number | null;
}
export const DEFAULT_PK_SETTINGS: PkCapaianSettings = { bands: DEFAULT_STATUS_BANDS, displayCap: null };

export interface CapaianFigure {
  value: number | null;
  /** Percent, two decimals, floored at 0, never capped; null when there is no verified value. */
  capaian: number | null;
  status: CapaianStatus | null;
  /** What a page shows: `capaian` capped at the tenant's display cap, if one is set. */
  displayCapaian: number | null;
  capped: boolean;
  explanation: string;
}

export interface Evidence {
  id: string;
  originalName: string;
  mime: string;
}

export type CorrectiveState = 'not_required' | 'missing' | 'open' | 'done';
export interface CorrectiveActionView {
  id: string;
  quarter: number;
  kendala: string;
  solusi: string;
  rencana: string;
  picPositionId: string;
  picTitle: string | null;
  deadline: string;
  status: 'open' | 'done';
  result: string | null;
  doneAt: string | null;
  evidence: Evidence[];
}

export interface QuarterView {
  quarter: number;
  target: number;
  realisation: PkRealisationTable | null;
  /** Capaian of the quarter's verified value against the quarter target. */
  figure: CapaianFigure;
  evidence: Evidence[];
  corrections: PkRealisationCorrectionTable[];
  correctiveAction: { state: CorrectiveState; action: CorrectiveActionView | null };
  /** The previous quarter's corrective action (its follow-up is reported with this quarter). */
  previousFollowUp: CorrectiveActionView | null;
  /** What the reading user may do on this quarter now (the page shows only these buttons). */
  allowedActions: QuarterAction[];
  /** The quarter's first day ('YYYY-MM-DD'); before it (the region's day) no value can be entered. */
  startsOn: string;
  begun: boolean;
}
export type QuarterAction = 'enter' | 'submit' | 'verify' | 'return' | 'correct' | 'correctiveAction' | 'completeCorrectiveAction' | 'attachEvidence';

export interface IndicatorView {
  indicator: PkIndicatorTable;
  realisations: PkRealisationTable[];
  quarters: QuarterView[];
  annual: CapaianFigure;
}

const TW = ['I', 'II', 'III', 'IV'];

function figure(value: number | null, c: ReturnType<typeof capaian>, settings: PkCapaianSettings, prefix: string): CapaianFigure {
  if (!c.ok) return { value, capaian: null, status: null, displayCapaian: null, capped: false, explanation: value === null ? c.explanation : `${prefix}${c.explanation}` };
  const d = displayCapaian(c.value, settings.displayCap);
  return { value, capaian: c.value, status: capaianStatus(c.value, settings.bands), displayCapaian: d.shown, capped: d.capped, explanation: `${prefix}capaian ${c.explanation}` };
}

/** The year's figures of one indicator from its VERIFIED quarters only (RULES §2.6). */
export function annualOf(i: PkIndicatorTable, realisations: PkRealisationTable[], settings: PkCapaianSettings = DEFAULT_PK_SETTINGS): CapaianFigure {
  const verified: Array<number | null> = [1, 2, 3, 4].map((q) => realisations.find((r) => r.quarter === q && r.status === 'verified')?.value ?? null);
  const a = annualValue(i.aggregation, verified);
  if (a.value === null) return { value: null, capaian: null, status: null, displayCapaian: null, capped: false, explanation: a.explanation };
  return figure(a.value, capaian({ polarity: i.polarity }, i.target, a.value), settings, `${a.explanation}; `);
}

/** The first day of a quarter of the year: 1 January, 1 April, 1 July, 1 October. */
export function quarterStart(year: number, quarter: number): string {
  return `${year}-${['01', '04', '07', '10'][quarter - 1]}-01`;
}

/**
 * A quarter has begun once the region's day reaches its first day: a realisation is entered only
 * for a quarter that has begun (TW III cannot be reported in February). Every quarter of a past
 * year has begun.
 */
export function quarterBegun(year: number, quarter: number, regionDay: string): boolean {
  return regionDay >= quarterStart(year, quarter);
}

export function quarterTarget(i: PkIndicatorTable, quarter: number): number {
  return [i.q1Target, i.q2Target, i.q3Target, i.q4Target][quarter - 1]!;
}

/**
 * Capaian of one quarter against its quarter target, from the VERIFIED value only. The quarter
 * targets of the rencana aksi are read per quarter, not cumulative (RULES §2.6: the annual value
 * comes from the quarters by the indicator's aggregation; a summed indicator's TW targets add up to
 * the annual target, a level indicator repeats its level): the quarter's own value is compared with
 * the quarter's own target by the indicator's polarity (§2.5).
 */
export function quarterFigure(i: PkIndicatorTable, quarter: number, r: PkRealisationTable | null | undefined, settings: PkCapaianSettings = DEFAULT_PK_SETTINGS): CapaianFigure {
  const t = quarterTarget(i, quarter);
  if (!r || r.status !== 'verified') {
    return { value: null, capaian: null, status: null, displayCapaian: null, capped: false, explanation: `TW ${TW[quarter - 1]}: belum ada realisasi terverifikasi.` };
  }
  return figure(r.value, capaian({ polarity: i.polarity }, t, r.value), settings, `TW ${TW[quarter - 1]} terhadap target triwulan: `);
}

export function settingsOf(row: PkSettingsTable | undefined): PkCapaianSettings {
  return row ? { bands: { red: row.redBelow, green: row.greenAbove }, displayCap: row.displayCap } : DEFAULT_PK_SETTINGS;
}

/** Whether the actor reads PKs at all: tenant-wide, or of some unit in their scope. */
function authorizeSomePkRead(actor: Actor) {
  if (can(actor, 'pk.read', { tenantId: actor.tenantId })) return;
  if ([...actor.unitScope].some((unitId) => can(actor, 'pk.read', { tenantId: actor.tenantId, unitId }))) return;
  throw new AppError('FORBIDDEN', 'errors.forbidden');
}

export function createPkRealisationService(deps: Deps) {
  const { db, clock } = deps;
  const today = (tenantId: string) => regionToday(deps, tenantId);

  async function requireIndicator(actor: Actor, id: string) {
    const i = await repo.indicatorWithPk(db, actor.tenantId, id);
    if (!i) throw notFound('pk_indicator');
    return i;
  }

  /** 409 for a quarter that has not begun on the region's day (issue 11 item 3). */
  async function requireBegun(tenantId: string, year: number, quarter: number) {
    if (!quarterBegun(year, quarter, await today(tenantId))) {
      throw conflict('errors.pkQuarterNotBegun', { quarter: TW[quarter - 1]!, date: `#date:${quarterStart(year, quarter)}` });
    }
  }

  async function settings(tenantId: string) {
    return settingsOf(await repo.settings(db, tenantId));
  }

  /** One step of a quarter's realisation through the workflow, in one transaction with review_log and audit. */
  async function step(actor: Actor, indicatorId: string, quarter: number, action: 'submit' | 'verify' | 'return', note: string | null, requestId?: string) {
    const i = await requireIndicator(actor, indicatorId);
    if (action === 'submit') await requireBegun(i.tenantId, i.pkYear, quarter);
    const current = await repo.realisation(db, i.tenantId, i.id, quarter);
    if (!current) throw conflict('errors.pkRealisationMissing', { quarter });
    const to = authorizeTransition(pkRealisationMachine, current.status, action, actor, { tenantId: i.tenantId, unitId: i.pkUnitId });
    // Four eyes: whoever entered the value does not verify it.
    if (action === 'verify' && current.enteredBy === actor.userId) throw new AppError('FORBIDDEN', 'errors.pkVerifyOwn');
    return writeWithAudit(db, who(actor, requestId), clock, async (tx, audit) => {
      const now = clock.now().toISOString();
      const set: Partial<PkRealisationTable> =
        action === 'submit'
          ? { status: to, submittedBy: actor.userId, submittedAt: now }
          : action === 'verify'
            ? { status: to, verifiedBy: actor.userId, verifiedAt: now, returnNote: null }
            : { status: to, returnNote: note, returnedBy: actor.userId, returnedAt: now };
      await repo.updateRealisation(tx, i.tenantId, i.id, quarter, set);
      await recordTransition(tx, { tenantId: i.tenantId, entityType: 'pk_realisation', entityId: realisationKey(i.id, quarter), fromState: current.status, toState: to, action, actor: { userId: actor.userId, name: actor.name }, at: now, note });
      const after = { ...current, ...set };
      await audit.record({ entityType: 'pk_realisation', entityId: realisationKey(i.id, quarter), action, before: current, after });
      return after;
    });
  }

  return {
    settings,

    /** Indicators of a PK with quarters, capaian (tenant bands, display cap), evidence, corrections and corrective actions. */
    async viewsOf(pk: PkAgreementTable, actor?: Actor): Promise<IndicatorView[]> {
      const t = pk.tenantId;
      const [indicators, realisations, corrections, actions, s, day] = await Promise.all([
        kinerjaRepo.indicators(db, t, pk.id),
        repo.realisationsOfPk(db, t, pk.id),
        repo.correctionsOfPk(db, t, pk.id),
        repo.correctiveActionsOfPk(db, t, pk.id),
        settings(t),
        today(t),
      ]);
      const [rEvidence, aEvidence] = await Promise.all([
        evidenceRepo.linkedFiles(db, t, 'pk_realisation', realisations.map((r) => realisationKey(r.indicatorId, r.quarter))),
        evidenceRepo.linkedFiles(db, t, 'pk_corrective_action', actions.map((a) => a.id)),
      ]);
      const ev = (rows: typeof rEvidence, key: string): Evidence[] => rows.filter((e) => e.entityId === key).map((e) => ({ id: e.id, originalName: e.originalName, mime: e.mime }));
      const actionView = (a: (typeof actions)[number] | undefined): CorrectiveActionView | null =>
        a ? { id: a.id, quarter: a.quarter, kendala: a.kendala, solusi: a.solusi, rencana: a.rencana, picPositionId: a.picPositionId, picTitle: a.picTitle ?? null, deadline: a.deadline, status: a.status, result: a.result, doneAt: a.doneAt, evidence: ev(aEvidence, a.id) } : null;
      return indicators.map((i) => {
        const rs = realisations.filter((r) => r.indicatorId === i.id);
        const quarters: QuarterView[] = [1, 2, 3, 4].map((q) => {
          const r = rs.find((x) => x.quarter === q) ?? null;
          const f = quarterFigure(i, q, r, s);
          const a = actionView(actions.find((x) => x.indicatorId === i.id && x.quarter === q));
          const state: CorrectiveState = a ? a.status : f.status === 'merah' ? 'missing' : 'not_required';
          const res = { tenantId: pk.tenantId, unitId: pk.unitId };
          const acts: QuarterAction[] = [];
          const begun = quarterBegun(pk.year, q, day);
          if (actor && begun) {
            const realise = can(actor, 'pk.realise', res);
            const own = r?.enteredBy === actor.userId;
            if (realise && pk.status === 'signed' && (!r || r.status === 'draft' || r.status === 'returned')) acts.push('enter');
            if (r) acts.push(...allowedActions(pkRealisationMachine, r.status, actor, res).filter((x) => !(x === 'verify' && own)));
            // Evidence goes with the value the unit is still preparing (draft or returned) or awaiting verification.
            if (r && realise && r.status !== 'verified') acts.push('attachEvidence');
            if (r?.status === 'verified' && !own && can(actor, 'pk.verify', res)) acts.push('correct');
            if (state === 'missing' && realise) acts.push('correctiveAction');
            if (state === 'open' && realise) acts.push('completeCorrectiveAction');
          }
          return {
            allowedActions: acts,
            quarter: q,
            target: quarterTarget(i, q),
            realisation: r,
            figure: f,
            evidence: ev(rEvidence, realisationKey(i.id, q)),
            corrections: corrections.filter((c) => c.indicatorId === i.id && c.quarter === q),
            correctiveAction: { state, action: a },
            previousFollowUp: q > 1 ? actionView(actions.find((x) => x.indicatorId === i.id && x.quarter === q - 1)) : null,
            startsOn: quarterStart(pk.year, q),
            begun,
          };
        });
        return { indicator: i, realisations: rs, quarters, annual: annualOf(i, rs, s) };
      });
    },

    /** The rencana aksi of an indicator (quarter targets, formula, data source, plan link) while its PK is a draft. */
    async updatePlan(actor: Actor, indicatorId: string, input: PkIndicatorPlanInput, requestId?: string) {
      const i = await requireIndicator(actor, indicatorId);
      authorize(actor, 'pk.manage', { tenantId: i.tenantId, unitId: i.pkUnitId });
      if (i.pkStatus !== 'draft') throw conflict('errors.pkIndicatorsFrozen');
      if (input.quarterTargets && !i.allowNegative && input.quarterTargets.some((q) => q < 0)) throw validation('quarterTargets', 'errors.pkNegativeTarget', { unit: i.unit });
      const set: Partial<PkIndicatorTable> = {};
      if (input.quarterTargets) [set.q1Target, set.q2Target, set.q3Target, set.q4Target] = input.quarterTargets;
      if (input.formula !== undefined) set.formula = input.formula || null;
      if (input.dataSource !== undefined) set.dataSource = input.dataSource || null;
      if (input.planIndicatorId !== undefined) set.planIndicatorId = input.planIndicatorId || null;
      return writeWithAudit(db, who(actor, requestId), clock, async (tx, audit) => {
        if (set.planIndicatorId) await checkPlanLink(tx, i.tenantId, { unitId: i.pkUnitId, year: i.pkYear }, set.planIndicatorId);
        await repo.updateIndicator(tx, i.tenantId, i.id, set);
        const { pkUnitId: _u, pkStatus: _s, pkYear: _y, ...before } = i;
        await audit.record({ entityType: 'pk_indicator', entityId: i.id, action: 'update', before, after: { ...before, ...set } });
        return { ...before, ...set };
      });
    },

    /**
     * Enter a quarter's realisation (draft). Only for a signed PK; a submitted value waits for the
     * verifier; a returned one is edited again; a verified value changes only by a correction (409).
     */
    async enterRealisation(actor: Actor, indicatorId: string, quarter: number, input: PkRealisationInput, requestId?: string) {
      const i = await requireIndicator(actor, indicatorId);
      authorize(actor, 'pk.realise', { tenantId: i.tenantId, unitId: i.pkUnitId });
      if (i.pkStatus !== 'signed') throw conflict('errors.pkNotSigned');
      // A revised PK (perubahan) takes the realisations once it is signed; the old one is closed then.
      if (i.pkReplacementStatus === 'signed') throw conflict('errors.pkReplaced');
      await requireBegun(i.tenantId, i.pkYear, quarter);
      if (input.value < 0 && !i.allowNegative) throw validation('value', 'errors.pkNegativeValue', { unit: i.unit });
      return writeWithAudit(db, who(actor, requestId), clock, async (tx, audit) => {
        const before = await repo.realisation(tx, i.tenantId, i.id, quarter);
        if (before?.status === 'submitted') throw conflict('errors.pkRealisationSubmitted');
        if (before?.status === 'verified') throw conflict('errors.pkRealisationVerified');
        const now = clock.now().toISOString();
        // A returned value keeps the verifier's note (shown) and its state until it is submitted again.
        const status = before?.status === 'returned' ? 'returned' : 'draft';
        const row: PkRealisationTable = { tenantId: i.tenantId, indicatorId: i.id, quarter, value: input.value, note: input.note ?? null, status, enteredBy: actor.userId, enteredAt: now, submittedBy: null, submittedAt: null, verifiedBy: null, verifiedAt: null };
        if (before) await repo.updateRealisation(tx, i.tenantId, i.id, quarter, { value: row.value, note: row.note, enteredBy: row.enteredBy, enteredAt: now });
        else await repo.insertRealisation(tx, row);
        await audit.record({ entityType: 'pk_realisation', entityId: realisationKey(i.id, quarter), action: before ? 'update' : 'create', before: before ?? null, after: { ...before, ...row } });
        return { ...before, ...row };
      });
    },

    async stepRealisation(actor: Actor, indicatorId: string, quarter: number, action: 'submit' | 'verify', requestId?: string) {
      return step(actor, indicatorId, quarter, action, null, requestId);
    },

    /** The verifier returns a submitted value to the unit with a note (review_log keeps the note). */
    async returnRealisation(actor: Actor, indicatorId: string, quarter: number, note: string, requestId?: string) {
      return step(actor, indicatorId, quarter, 'return', note, requestId);
    },

    /**
     * An audited correction of a VERIFIED value (issue 11 item 6): by a verifier who did not enter
     * it, with a reason; the old and new values are kept in pk_realisation_corrections and the
     * capaian uses the corrected value. The value stays verified.
     */
    async correct(actor: Actor, indicatorId: string, quarter: number, input: PkCorrectionInput, requestId?: string) {
      const i = await requireIndicator(actor, indicatorId);
      authorize(actor, 'pk.verify', { tenantId: i.tenantId, unitId: i.pkUnitId });
      const before = await repo.realisation(db, i.tenantId, i.id, quarter);
      if (!before) throw conflict('errors.pkRealisationMissing', { quarter });
      if (before.status !== 'verified') throw conflict('errors.pkCorrectionNotVerified');
      if (before.enteredBy === actor.userId) throw new AppError('FORBIDDEN', 'errors.pkCorrectOwn');
      if (input.value < 0 && !i.allowNegative) throw validation('value', 'errors.pkNegativeValue', { unit: i.unit });
      return writeWithAudit(db, who(actor, requestId), clock, async (tx, audit) => {
        // Read again inside the transaction: the "before" of the record is the value it replaces.
        const current = (await repo.realisation(tx, i.tenantId, i.id, quarter)) ?? before;
        if (current.status !== 'verified') throw conflict('errors.pkCorrectionNotVerified');
        const now = clock.now().toISOString();
        const c: PkRealisationCorrectionTable = { tenantId: i.tenantId, id: newId(), indicatorId: i.id, quarter, valueBefore: current.value, valueAfter: input.value, reason: input.reason, correctedBy: actor.userId, correctedByName: actor.name, correctedAt: now };
        await repo.insertCorrection(tx, c);
        await repo.updateRealisation(tx, i.tenantId, i.id, quarter, { value: input.value });
        await audit.record({ entityType: 'pk_realisation', entityId: realisationKey(i.id, quarter), action: 'correct', before: current, after: { ...current, value: input.value, correctionReason: input.reason } });
        return { realisation: { ...current, value: input.value }, correction: c };
      });
    },

    async getSettings(actor: Actor) {
      authorizeSomePkRead(actor);
      return settings(actor.tenantId);
    },

    async putSettings(actor: Actor, input: PkSettingsInput, requestId?: string) {
      authorize(actor, 'pk.configure', { tenantId: actor.tenantId });
      return writeWithAudit(db, who(actor, requestId), clock, async (tx, audit) => {
        const before = await repo.settings(tx, actor.tenantId);
        const row: PkSettingsTable = { tenantId: actor.tenantId, redBelow: input.redBelow, greenAbove: input.greenAbove, displayCap: input.displayCap, updatedBy: actor.userId, updatedAt: clock.now().toISOString() };
        await repo.upsertSettings(tx, row);
        await audit.record({ entityType: 'pk_settings', entityId: actor.tenantId, action: before ? 'update' : 'create', before: before ?? null, after: { ...row } });
        return settingsOf(row);
      });
    },

    /** A red verified quarter asks for a corrective action (kendala, solusi, rencana tindak lanjut, PIC, deadline). */
    async createCorrectiveAction(actor: Actor, indicatorId: string, quarter: number, input: PkCorrectiveActionInput, requestId?: string) {
      const i = await requireIndicator(actor, indicatorId);
      authorize(actor, 'pk.realise', { tenantId: i.tenantId, unitId: i.pkUnitId });
      const r = await repo.realisation(db, i.tenantId, i.id, quarter);
      const f = quarterFigure(i, quarter, r, await settings(i.tenantId));
      if (f.status !== 'merah') throw conflict('errors.pkCorrectiveNotRequired');
      if (await repo.correctiveActionFor(db, i.tenantId, i.id, quarter)) throw conflict('errors.pkCorrectiveExists', { quarter });
      if (!(await kinerjaRepo.position(db, i.tenantId, input.picPositionId))) throw notFound('position');
      return writeWithAudit(db, who(actor, requestId), clock, async (tx, audit) => {
        const row: PkCorrectiveActionTable = { tenantId: i.tenantId, id: newId(), indicatorId: i.id, quarter, unitId: i.pkUnitId, kendala: input.kendala, solusi: input.solusi, rencana: input.rencana, picPositionId: input.picPositionId, deadline: input.deadline, status: 'open', result: null, createdBy: actor.userId, createdAt: clock.now().toISOString(), doneBy: null, doneAt: null };
        await repo.insertCorrectiveAction(tx, row);
        await audit.record({ entityType: 'pk_corrective_action', entityId: row.id, action: 'create', after: { ...row } });
        return row;
      });
    },

    /** Open → done, with what was done and at least one evidence file linked to the action. */
    async completeCorrectiveAction(actor: Actor, id: string, result: string, requestId?: string) {
      const a = await repo.correctiveAction(db, actor.tenantId, id);
      if (!a) throw notFound('pk_corrective_action');
      authorize(actor, 'pk.realise', { tenantId: a.tenantId, unitId: a.unitId });
      if (a.status !== 'open') throw conflict('errors.pkCorrectiveNotOpen');
      if (!(await evidenceRepo.linkedFiles(db, a.tenantId, 'pk_corrective_action', [a.id])).length) throw conflict('errors.pkCorrectiveNoEvidence');
      return writeWithAudit(db, who(actor, requestId), clock, async (tx, audit) => {
        const set = { status: 'done' as const, result, doneBy: actor.userId, doneAt: clock.now().toISOString() };
        await repo.updateCorrectiveAction(tx, a.tenantId, a.id, set);
        await audit.record({ entityType: 'pk_corrective_action', entityId: a.id, action: 'done', before: a, after: { ...a, ...set } });
        return { ...a, ...set };
      });
    },

    /** The tenant's corrective actions (Tim RB, Inspektorat: all; unit roles: their units), filtered. */
    async listCorrectiveActions(actor: Actor, f: { year?: number; status?: 'open' | 'done'; unitId?: string; overdue?: 'true' | 'false' }) {
      if (f.unitId) authorize(actor, 'pk.read', { tenantId: actor.tenantId, unitId: f.unitId });
      else authorizeSomePkRead(actor);
      const rows = await repo.listCorrectiveActions(db, actor.tenantId, {
        year: f.year,
        status: f.overdue === 'true' ? 'open' : f.status,
        unitIds: f.unitId ? [f.unitId] : undefined,
        deadlineBefore: f.overdue === 'true' ? await today(actor.tenantId) : undefined,
      });
      return rows.filter((r) => can(actor, 'pk.read', { tenantId: r.tenantId, unitId: r.unitId }));
    },
  };
}
