import type { Deps } from '../../deps.ts';
import { AppError, conflict, notFound } from '../../errors.ts';
import { newId } from '../../lib/ids.ts';
import type { Actor } from '../../policy/actor.ts';
import { authorize } from '../../policy/policy.ts';
import type { Executor } from '../../db/db.ts';
import { writeWithAudit } from '../audit/audit.writer.ts';
import { who } from '../org/org.service.ts';
import { regionToday } from '../tenants/tenants.region.ts';
import {
  computeIid,
  iidRulebooks,
  IidAnswerError,
  scoreInnovation,
  scoreRegion,
  validateAnswers,
  type IidRulebook,
  type IndicatorAnswer,
} from '../../rules/iid/index.ts';
import { isUnverified } from '../../rules/rulebook.ts';
import type { Iid, InnovationScore, RulebookSummary, WhatIf, WhatIfColumn } from '../../../shared/schemas/iid.ts';
import { innovationRepo as repo } from './innovation.repo.ts';
import { iidWorksheet } from '../../rules/iid/iid.worksheet.ts';
import { checkEvidenceIds, loadSheet, registerWorksheetKind, writeOwnAnswers } from '../assessment/assessment.service.ts';

/** Indicator 31 (replikasi) is fed by the replication ledger, not typed: confirmed count, max 3. */
export const REPLICATION_INDICATOR = '31';

/**
 * The IID worksheets in the one answers store: kind 'iid', scope 'innovation:<id>' (SID, answered
 * by the owning unit, evaluated by the Tim Inovasi Daerah) or 'region:<year>' (SPD, answered and
 * evaluated by the Tim Inovasi / admin).
 */
export const IID_KIND = 'iid';
registerWorksheetKind({
  kind: IID_KIND,
  worksheet(rulebookId, scope) {
    const rb = iidRulebooks.get(rulebookId);
    return rb && iidWorksheet(rb, scope.startsWith('innovation:') ? 'sid' : 'spd');
  },
  async resolveScope(db, tenantId, scope) {
    const [what, id] = scope.split(':');
    if (what === 'region' && /^\d{4}$/.test(id ?? '')) return { unitId: null };
    if (what !== 'innovation' || !id) return null;
    const row = await repo.unitOf(db, tenantId, id);
    return row.exists ? { unitId: row.unitId } : null;
  },
  actions: (scope) =>
    scope.startsWith('innovation:')
      ? { read: 'innovation.read', own: 'innovation.score', evaluate: 'innovation.review' }
      : { read: 'iid.read', own: 'iid.manage', evaluate: 'iid.manage' },
  auditEntity: (tenantId, scope) => (scope.startsWith('innovation:') ? { type: 'innovation', id: scope.slice('innovation:'.length) } : { type: 'tenant', id: tenantId }),
});

type AnswerInput = Record<string, { choice: number; basis?: string | null; evidenceIds?: string[]; note?: string | null }>;

export function createIidService(deps: Deps) {
  const { db, clock } = deps;

  function rulebookById(id: string): IidRulebook {
    const rb = iidRulebooks.get(id);
    if (!rb) throw new AppError('NOT_FOUND', 'errors.rulebookNotFound', { id });
    return rb;
  }

  /** The rulebook asked for by id, else the one in force in that year. */
  function rulebook(id: string | undefined, year: number): IidRulebook {
    if (id) return rulebookById(id);
    const rb = iidRulebooks.forDate(`${year}-06-30`);
    if (!rb) throw new AppError('NOT_FOUND', 'errors.noRulebookForYear', { year });
    return rb;
  }

  /**
   * The rulebook asked for by id, else the one in force in the region's current year (at
   * 2025-12-31T18:00Z a WIB region is already in 2026), never the UTC year.
   */
  async function currentRulebook(tenantId: string, id: string | undefined): Promise<IidRulebook> {
    return id ? rulebookById(id) : rulebook(undefined, Number((await regionToday(deps, tenantId)).slice(0, 4)));
  }

  function answerError(e: unknown, rb: IidRulebook, answers: AnswerInput): never {
    if (e instanceof IidAnswerError) {
      const a = answers[e.indicator];
      const params = { indicator: e.indicator, rulebook: rb.id, choice: a?.choice ?? '', basis: a?.basis ?? '' };
      throw new AppError('VALIDATION', `errors.${e.reason}`, params, [{ field: `answers.${e.indicator}`, messageKey: `errors.${e.reason}`, params }]);
    }
    throw e;
  }

  const confirmedReplications = (ex: Executor, tenantId: string, innovationId: string) => repo.confirmedReplications(ex, tenantId, innovationId);

  async function loadAnswers(ex: Executor, tenantId: string, scope: string, rb: IidRulebook) {
    const rows = await loadSheet(ex, tenantId, { kind: IID_KIND, scope, rulebookId: rb.id });
    const answers: Record<string, IndicatorAnswer & { evidenceIds: string[]; note: string | null; evaluator: { choice: number; note: string | null; at: string | null } | null }> = {};
    for (const r of rows.values()) {
      const evidenceIds = r.evidence.map((e) => e.id);
      answers[r.questionCode] = {
        choice: r.ownValue === null ? 0 : Number(r.ownValue),
        basis: r.ownBasis,
        evidenceCount: evidenceIds.length,
        evidenceIds,
        note: r.ownNote,
        evaluator: r.evalValue !== null || r.evalNote !== null ? { choice: r.evalValue === null ? 0 : Number(r.evalValue), note: r.evalNote, at: r.evalAt } : null,
      };
    }
    return answers;
  }

  /** SID score of one innovation under a rulebook, with the ledger-fed replication indicator. */
  async function innovationScore(ex: Executor, tenantId: string, innovationId: string, rb: IidRulebook): Promise<InnovationScore> {
    const answers = await loadAnswers(ex, tenantId, `innovation:${innovationId}`, rb);
    const confirmed = await confirmedReplications(ex, tenantId, innovationId);
    if (rb.body.sid.indicators.some((i) => i.no === REPLICATION_INDICATOR)) {
      answers[REPLICATION_INDICATOR] = { choice: Math.min(confirmed, 3), basis: null, evidenceCount: confirmed, evidenceIds: [], note: null, evaluator: null };
    }
    const score = scoreInnovation(rb, answers);
    return {
      rulebookId: rb.id,
      rulebookTitle: rb.title,
      confidence: rb.confidence,
      unverified: isUnverified(rb.confidence),
      total: score.total,
      max: score.max,
      missingEvidence: score.missingEvidence,
      confirmedReplications: confirmed,
      items: score.items.map((i) => ({
        ...i,
        evidenceIds: answers[i.indicator]?.evidenceIds ?? [],
        note: answers[i.indicator]?.note ?? null,
        evaluator: answers[i.indicator]?.evaluator ?? null,
        derived: i.indicator === REPLICATION_INDICATOR,
      })),
    };
  }

  async function saveAnswers(actor: Actor, scope: string, rb: IidRulebook, answers: AnswerInput, entity: { type: string; id: string }, indicators: 'sid' | 'spd', requestId?: string) {
    const withCounts = Object.fromEntries(Object.entries(answers).map(([k, a]) => [k, { choice: a.choice, basis: a.basis ?? null, evidenceCount: a.evidenceIds?.length ?? 0 }]));
    try {
      validateAnswers(rb, indicators, withCounts);
    } catch (e) {
      answerError(e, rb, answers);
    }
    await checkEvidenceIds(db, actor.tenantId, Object.values(answers).flatMap((a) => a.evidenceIds ?? []), actor);
    await writeWithAudit(db, who(actor, requestId), clock, async (tx, audit) => {
      // Indicator 31 is fed by the replication ledger: never stored as typed.
      const own = Object.fromEntries(
        Object.entries(answers)
          .filter(([no]) => !(indicators === 'sid' && no === REPLICATION_INDICATOR))
          .map(([no, a]) => [no, { value: a.choice > 0 ? String(a.choice) : null, basis: a.basis ?? null, note: a.note ?? null, evidenceIds: a.evidenceIds ?? [] }]),
      );
      // The sheet is saved as a whole: indicators left out lose the unit's answer.
      const change = await writeOwnAnswers(tx, actor.tenantId, actor.userId, { kind: IID_KIND, scope, rulebookId: rb.id }, own, { replace: true }, clock.now().toISOString());
      await audit.record({ entityType: entity.type, entityId: entity.id, action: 'score', changes: { [`iid:${rb.id}`]: change } });
    });
  }

  /** The innovations the index scores: applied (penerapan) inside the rulebook window, verified or published, not retired. */
  async function scoredInnovations(tenantId: string, rb: IidRulebook) {
    return repo.scoredForIid(db, tenantId, rb.body.window);
  }

  async function iidFor(actor: Actor, year: number, rb: IidRulebook): Promise<Iid> {
    const regionAnswers = await loadAnswers(db, actor.tenantId, `region:${year}`, rb);
    const scoredRegion = scoreRegion(rb, regionAnswers);
    // Items carry their evidence and notes, so an editor can send them back unchanged.
    const region = {
      ...scoredRegion,
      items: scoredRegion.items.map((i) => ({ ...i, evidenceIds: regionAnswers[i.indicator]?.evidenceIds ?? [], note: regionAnswers[i.indicator]?.note ?? null, evaluator: regionAnswers[i.indicator]?.evaluator ?? null, derived: false })),
    };
    const innovations = await scoredInnovations(actor.tenantId, rb);
    const scored = [];
    for (const i of innovations) {
      const s = await innovationScore(db, actor.tenantId, i.id, rb);
      scored.push({ id: i.id, title: i.title, sid: s.total, urusan: [i.urusanMain, ...(JSON.parse(i.urusanOther) as string[])].filter(Boolean) as string[], missingEvidence: s.missingEvidence.length });
    }
    const result = computeIid(rb, { spdScore: region.total, innovations: scored });
    return {
      year,
      rulebookId: rb.id,
      rulebookTitle: rb.title,
      confidence: rb.confidence,
      unverified: isUnverified(rb.confidence),
      legalBasis: rb.legalBasis,
      value: result.value,
      predicate: result.predicate,
      explanation: result.explanation,
      components: { ...result.components, spd: { ...result.components.spd, items: region.items, missingEvidence: region.missingEvidence } },
      innovations: scored,
    };
  }

  return {
    rulebooks: (): RulebookSummary[] =>
      iidRulebooks.list().map((rb) => ({ id: rb.id, version: rb.version, title: rb.title, effectiveFrom: rb.effectiveFrom, effectiveTo: rb.effectiveTo, legalBasis: rb.legalBasis, confidence: rb.confidence, unverified: isUnverified(rb.confidence), notes: rb.notes })),

    rulebook(id: string) {
      return rulebookById(id);
    },

    async getInnovationScore(actor: Actor, innovationId: string, rulebookId?: string) {
      authorize(actor, 'innovation.read', { tenantId: actor.tenantId });
      const row = await repo.find(db, actor.tenantId, innovationId);
      if (!row) throw notFound('innovation');
      return innovationScore(db, actor.tenantId, innovationId, await currentRulebook(actor.tenantId, rulebookId));
    },

    async saveInnovationScore(actor: Actor, innovationId: string, input: { rulebookId?: string; answers: AnswerInput }, requestId?: string) {
      const row = await repo.find(db, actor.tenantId, innovationId);
      if (!row) throw notFound('innovation');
      authorize(actor, 'innovation.score', { tenantId: actor.tenantId, unitId: row.unitId });
      const rb = await currentRulebook(actor.tenantId, input.rulebookId);
      await saveAnswers(actor, `innovation:${innovationId}`, rb, input.answers, { type: 'innovation', id: innovationId }, 'sid', requestId);
      return innovationScore(db, actor.tenantId, innovationId, rb);
    },

    async getIid(actor: Actor, year: number, rulebookId?: string) {
      authorize(actor, 'iid.read', { tenantId: actor.tenantId });
      return iidFor(actor, year, rulebook(rulebookId, year));
    },

    async saveRegionAnswers(actor: Actor, year: number, input: { rulebookId?: string; answers: AnswerInput }, requestId?: string) {
      authorize(actor, 'iid.manage', { tenantId: actor.tenantId });
      const rb = rulebook(input.rulebookId, year);
      await saveAnswers(actor, `region:${year}`, rb, input.answers, { type: 'tenant', id: actor.tenantId }, 'spd', requestId);
      return iidFor(actor, year, rb);
    },

    /**
     * What-if: the same stored answers rescored under other rulebooks, side by side. Answers are
     * matched by indicator number; indicators a rulebook does not have are left out of it.
     */
    async whatIf(actor: Actor, year: number, rulebookIds: string[]): Promise<WhatIf> {
      authorize(actor, 'iid.read', { tenantId: actor.tenantId });
      const base = rulebook(undefined, year);
      const sourceRegion = await loadAnswers(db, actor.tenantId, `region:${year}`, base);
      const innovations = await scoredInnovations(actor.tenantId, base);
      const sourceSid = new Map<string, Awaited<ReturnType<typeof loadAnswers>>>();
      for (const i of innovations) sourceSid.set(i.id, await loadAnswers(db, actor.tenantId, `innovation:${i.id}`, base));
      const columns: WhatIfColumn[] = [];
      for (const id of [base.id, ...rulebookIds.filter((r) => r !== base.id)]) {
        const rb = rulebookById(id);
        const keep = (answers: Record<string, IndicatorAnswer>, which: 'spd' | 'sid') =>
          Object.fromEntries(Object.entries(answers).filter(([no]) => rb.body[which].indicators.some((i) => i.no === no)));
        const region = scoreRegion(rb, keep(sourceRegion, 'spd'));
        // Answers this rulebook has no question for (matched by indicator number) are reported, not scored.
        const unmatched = new Set(Object.keys(sourceRegion).filter((no) => !rb.body.spd.indicators.some((i) => i.no === no)));
        for (const answers of sourceSid.values()) for (const no of Object.keys(answers)) if (!rb.body.sid.indicators.some((i) => i.no === no)) unmatched.add(no);
        const scored = [];
        for (const i of innovations) {
          const answers = keep(sourceSid.get(i.id)!, 'sid');
          const confirmed = await confirmedReplications(db, actor.tenantId, i.id);
          if (rb.body.sid.indicators.some((x) => x.no === REPLICATION_INDICATOR)) answers[REPLICATION_INDICATOR] = { choice: Math.min(confirmed, 3), evidenceCount: confirmed };
          scored.push({ sid: scoreInnovation(rb, answers).total, urusan: [i.urusanMain, ...(JSON.parse(i.urusanOther) as string[])].filter(Boolean) as string[] });
        }
        const result = computeIid(rb, { spdScore: region.total, innovations: scored });
        columns.push({ rulebookId: rb.id, rulebookTitle: rb.title, confidence: rb.confidence, unverified: isUnverified(rb.confidence), value: result.value, predicate: result.predicate, explanation: result.explanation, components: result.components, unmatched: [...unmatched].sort() });
      }
      return { year, sourceRulebookId: base.id, columns };
    },

    async setReplication(actor: Actor, innovationId: string, input: { originInnovationId?: string | null; externalOrigin?: string | null }, requestId?: string) {
      const row = await repo.find(db, actor.tenantId, innovationId);
      if (!row) throw notFound('innovation');
      authorize(actor, 'innovation.update', { tenantId: actor.tenantId, unitId: row.unitId });
      let originTenantId: string | null = null;
      if (input.originInnovationId) {
        if (input.originInnovationId === innovationId) throw new AppError('VALIDATION', 'errors.replicateSelf', {}, [{ field: 'originInnovationId', messageKey: 'errors.replicateSelf' }]);
        // The origin may be in any tenant, but only a published record can be replicated.
        const origin = await repo.findAnyRegion(db, input.originInnovationId);
        if (!origin || (origin.tenantId !== actor.tenantId && origin.status !== 'published')) throw notFound('innovation');
        if (origin.status !== 'published') throw new AppError('CONFLICT', 'errors.originNotPublished', {}, [{ field: 'originInnovationId', messageKey: 'errors.originNotPublished' }]);
        originTenantId = origin.tenantId;
      }
      return writeWithAudit(db, who(actor, requestId), clock, async (tx, audit) => {
        const existing = await repo.replicationOf(tx, actor.tenantId, innovationId);
        if (existing) await repo.deleteReplication(tx, actor.tenantId, existing.id);
        const rec = {
          tenantId: actor.tenantId,
          id: newId(),
          innovationId,
          originTenantId,
          originInnovationId: input.originInnovationId ?? null,
          externalOrigin: input.externalOrigin ?? null,
          createdAt: clock.now().toISOString(),
          confirmedAt: null,
          confirmedBy: null,
        };
        await repo.insertReplication(tx, rec);
        await audit.record({
          entityType: 'innovation',
          entityId: innovationId,
          action: 'replicate',
          before: existing ? { originInnovationId: existing.originInnovationId, externalOrigin: existing.externalOrigin } : null,
          after: { originInnovationId: rec.originInnovationId, externalOrigin: rec.externalOrigin },
        });
        return rec;
      });
    },

    /** The origin region confirms that another region really replicated its innovation. */
    async confirmReplication(actor: Actor, originInnovationId: string, replicationId: string, requestId?: string) {
      authorize(actor, 'replication.confirm', { tenantId: actor.tenantId });
      const origin = await repo.find(db, actor.tenantId, originInnovationId);
      if (!origin) throw notFound('innovation');
      const rep = await repo.findReplicationOfOrigin(db, actor.tenantId, replicationId);
      if (!rep || rep.originInnovationId !== originInnovationId || rep.originTenantId !== actor.tenantId) throw notFound('replication');
      if (rep.confirmedAt) throw conflict('errors.workflowStep', { status: 'confirmed', step: 'confirm' });
      await writeWithAudit(db, who(actor, requestId), clock, async (tx, audit) => {
        const now = clock.now().toISOString();
        await repo.confirmReplication(tx, rep.tenantId, rep.id, now, actor.userId);
        await audit.record({ entityType: 'innovation', entityId: originInnovationId, action: 'confirm', changes: { replicatedBy: { before: null, after: `${rep.tenantId}/${rep.innovationId}` } } });
      });
      return { confirmed: await confirmedReplications(db, actor.tenantId, originInnovationId) };
    },
  };
}
