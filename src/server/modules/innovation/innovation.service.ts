import type { Deps } from '../../deps.ts';
import { notFound, validation } from '../../errors.ts';
import { newId } from '../../lib/ids.ts';
import type { Actor } from '../../policy/actor.ts';
import { authorize } from '../../policy/policy.ts';
import type { Executor, Tx } from '../../db/db.ts';
import type { InnovationTable } from '../../db/schema.ts';
import type { CreateInnovationInput, InnovationListQuery, UpdateInnovationInput } from '../../../shared/schemas/innovation.ts';
import { writeWithAudit, type AuditRecorder } from '../audit/audit.writer.ts';
import { who } from '../org/org.service.ts';
import { analyze, distinctiveTerms, indexInnovation } from '../../search/innovation-index.ts';
import { documentFrequencies, idfOf, retrieve, similarity, weightedBag, type Concept } from '../../search/engine.ts';
import { words } from '../../search/stem.ts';
import { synonymMatches } from '../../search/synonyms.ts';
import { innovationRepo as repo } from './innovation.repo.ts';
import { assertMayEditInnovation, assertStepAllowedInLifecycle, innovationMachine, innovationPermissions, type WorkflowAction } from './innovation.policy.ts';
import { authorizeTransition, recordTransition } from '../../workflow/state-machine.ts';

export type { WorkflowAction } from './innovation.policy.ts';

/** Similarity at or above this, within the same tenant, is flagged as a likely duplicate. */
export const DUPLICATE_THRESHOLD = 0.6;

export const auditFields = (r: InnovationTable) => ({
  title: r.title,
  acronym: r.acronym,
  unitId: r.unitId,
  initiatorClass: r.initiatorClass,
  type: r.type,
  digital: r.isDigital === 1,
  urusanMain: r.urusanMain,
  urusanOther: JSON.parse(r.urusanOther),
  stage: r.stage,
  initiatedOn: r.initiatedOn,
  trialOn: r.trialOn,
  appliedOn: r.appliedOn,
  description: r.description,
  goals: r.goals,
  benefits: r.benefits,
  results: r.results,
  legalBasisDoc: r.legalBasisDoc,
  legalBasisLevel: r.legalBasisLevel,
  budget: r.budget,
  videoUrl: r.videoUrl,
  lifecycle: r.lifecycle,
  retiredReason: r.retiredReason,
  status: r.status,
});

/** A new draft record from validated input (create and Excel import share it). */
export function newInnovationRow(actor: Actor, input: CreateInnovationInput, now: string): InnovationTable {
  return {
    tenantId: actor.tenantId,
    id: newId(),
    title: input.title,
    acronym: input.acronym ?? null,
    unitId: input.unitId,
    initiatorClass: input.initiatorClass,
    type: input.type,
    isDigital: input.digital ? 1 : 0,
    urusanMain: input.urusanMain ?? null,
    urusanOther: JSON.stringify([...new Set(input.urusanOther)].filter((u) => u !== input.urusanMain)),
    stage: input.stage,
    initiatedOn: input.initiatedOn,
    trialOn: input.trialOn ?? null,
    appliedOn: input.appliedOn ?? null,
    description: input.description,
    goals: input.goals ?? null,
    benefits: input.benefits ?? null,
    results: input.results ?? null,
    legalBasisDoc: input.legalBasisDoc ?? null,
    legalBasisLevel: input.legalBasisLevel ?? null,
    budget: input.budget ?? null,
    videoUrl: input.videoUrl ?? null,
    lifecycle: 'active',
    retiredReason: null,
    status: 'draft',
    year: Number(input.initiatedOn.slice(0, 4)),
    sourceNote: null,
    createdBy: actor.userId,
    createdAt: now,
    updatedAt: now,
    publishedAt: null,
  };
}

/** The record after an update (the edit form and the Excel import share it). */
export function nextInnovationRow(row: InnovationTable, input: UpdateInnovationInput, now: string): InnovationTable {
  return {
    ...row,
    ...(input.title !== undefined && { title: input.title }),
    ...(input.acronym !== undefined && { acronym: input.acronym ?? null }),
    ...(input.unitId !== undefined && { unitId: input.unitId }),
    ...(input.initiatorClass !== undefined && { initiatorClass: input.initiatorClass }),
    ...(input.type !== undefined && { type: input.type }),
    ...(input.digital !== undefined && { isDigital: input.digital ? 1 : 0 }),
    ...(input.urusanMain !== undefined && { urusanMain: input.urusanMain ?? null }),
    ...(input.urusanOther !== undefined && { urusanOther: JSON.stringify([...new Set(input.urusanOther)]) }),
    ...(input.stage !== undefined && { stage: input.stage }),
    ...(input.initiatedOn !== undefined && { initiatedOn: input.initiatedOn, year: Number(input.initiatedOn.slice(0, 4)) }),
    ...(input.trialOn !== undefined && { trialOn: input.trialOn ?? null }),
    ...(input.appliedOn !== undefined && { appliedOn: input.appliedOn ?? null }),
    ...(input.description !== undefined && { description: input.description }),
    ...(input.goals !== undefined && { goals: input.goals ?? null }),
    ...(input.benefits !== undefined && { benefits: input.benefits ?? null }),
    ...(input.results !== undefined && { results: input.results ?? null }),
    ...(input.legalBasisDoc !== undefined && { legalBasisDoc: input.legalBasisDoc ?? null }),
    ...(input.legalBasisLevel !== undefined && { legalBasisLevel: input.legalBasisLevel ?? null }),
    ...(input.budget !== undefined && { budget: input.budget ?? null }),
    ...(input.videoUrl !== undefined && { videoUrl: input.videoUrl ?? null }),
    updatedAt: now,
  };
}

export interface TimelineStep {
  id: string;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  comment: string | null;
  actorName: string | null;
  at: string;
  /** For a lifecycle step: the new lifecycle (active, paused, retired). */
  lifecycle?: string | null;
}

/**
 * Every step of the record, oldest first: recorded or imported, each workflow transition of the
 * review log (submit, return, verify, publish) with who, when and the note, and lifecycle changes.
 * A record published before the review log existed (or seeded as published) still shows its
 * publication, from publishedAt.
 */
export function innovationTimeline(
  row: InnovationTable,
  reviews: Array<{ id: string; action: string; fromState: string | null; toState: string | null; note: string | null; actorName: string | null; at: string }>,
  lifeEvents: Array<{ id: string; action: string; actorName: string | null; at: string; changes: string }>,
): TimelineStep[] {
  const steps: TimelineStep[] = reviews.map((x) => ({ id: x.id, action: x.action, fromStatus: x.fromState, toStatus: x.toState, comment: x.note, actorName: x.actorName, at: x.at }));
  for (const e of lifeEvents) {
    const ch = JSON.parse(e.changes) as Record<string, { before: unknown; after: unknown }>;
    if (e.action === 'lifecycle') {
      const reason = ch.retiredReason?.after;
      steps.push({ id: e.id, action: 'lifecycle', fromStatus: null, toStatus: null, comment: typeof reason === 'string' ? reason : null, actorName: e.actorName, at: e.at, lifecycle: typeof ch.lifecycle?.after === 'string' ? ch.lifecycle.after : null });
    } else {
      steps.push({ id: e.id, action: e.action, fromStatus: null, toStatus: 'draft', comment: null, actorName: e.actorName, at: e.at });
    }
  }
  if (!steps.some((x) => x.action === 'create' || x.action === 'import')) {
    steps.push({ id: `created-${row.id}`, action: 'create', fromStatus: null, toStatus: 'draft', comment: null, actorName: null, at: row.createdAt });
  }
  if (row.publishedAt && !reviews.some((x) => x.action === 'publish')) {
    steps.push({ id: `published-${row.id}`, action: 'publish', fromStatus: null, toStatus: 'published', comment: null, actorName: null, at: row.publishedAt });
  }
  // Same instant (a seeded record is created and published at once): recorded comes first.
  const order = (a: string) => (a === 'create' || a === 'import' ? 0 : 1);
  return steps.sort((a, b) => a.at.localeCompare(b.at) || order(a.action) - order(b.action));
}

/** Stage dates must follow the stages: initiative ≤ trial ≤ application. */
export function checkStageDates(r: { initiatedOn: string; trialOn?: string | null; appliedOn?: string | null }) {
  if (r.trialOn && r.trialOn < r.initiatedOn) throw validation('trialOn', 'errors.trialBeforeInitiative');
  if (r.appliedOn && r.appliedOn < r.initiatedOn) throw validation('appliedOn', 'errors.appliedBeforeInitiative');
  if (r.appliedOn && r.trialOn && r.appliedOn < r.trialOn) throw validation('appliedOn', 'errors.appliedBeforeTrial');
}

export function createInnovationService(deps: Deps) {
  const { db, clock, dialect } = deps;
  const nowIso = () => clock.now().toISOString();

  async function requireInnovation(tenantId: string, id: string, ex: Executor = db) {
    const row = await repo.find(ex, tenantId, id);
    if (!row) throw notFound('innovation');
    return row;
  }

  async function requireUnit(tenantId: string, unitId: string, ex: Executor = db) {
    const unit = await repo.findUnit(ex, tenantId, unitId);
    if (!unit) throw notFound('unit');
    return unit;
  }

  async function writeInnovators(tx: Tx, tenantId: string, innovationId: string, innovators: NonNullable<CreateInnovationInput['innovators']>) {
    await repo.deleteInnovators(tx, tenantId, innovationId);
    let position = 0;
    for (const i of innovators) {
      if (i.personId) {
        if (!(await repo.personExists(tx, tenantId, i.personId))) throw notFound('person');
      }
      await repo.insertInnovator(tx, { tenantId, id: newId(), innovationId, personId: i.personId ?? null, externalName: i.externalName ?? null, role: i.role, position: position++ });
    }
  }

  async function reindex(tx: Executor, row: InnovationTable) {
    await indexInnovation(tx, dialect, row);
  }

  async function recordReview(tx: Tx, audit: AuditRecorder, actor: Actor, row: InnovationTable, action: string, to: string, comment: string | null) {
    await recordTransition(tx, { tenantId: row.tenantId, entityType: innovationMachine.entityType, entityId: row.id, fromState: row.status, toState: to, action, actor, note: comment, at: nowIso() });
    await audit.record({ entityType: 'innovation', entityId: row.id, action, changes: { status: { before: row.status, after: to }, ...(comment ? { comment: { before: null, after: comment } } : {}) } });
  }

  return {
    requireInnovation,

    async list(actor: Actor, q: InnovationListQuery) {
      authorize(actor, 'innovation.read', { tenantId: actor.tenantId });
      return repo.list(db, dialect, actor.tenantId, q);
    },

    async get(actor: Actor, id: string) {
      authorize(actor, 'innovation.read', { tenantId: actor.tenantId });
      const row = await requireInnovation(actor.tenantId, id);
      const unit = await requireUnit(actor.tenantId, row.unitId);
      const [innovators, reviews, lifeEvents, replication, replicatedBy] = await Promise.all([
        repo.innovators(db, actor.tenantId, id),
        repo.reviews(db, actor.tenantId, id),
        repo.lifeEvents(db, actor.tenantId, id),
        repo.replicationOf(db, actor.tenantId, id),
        repo.replicatedBy(db, actor.tenantId, id),
      ]);
      let origin: { tenantName: string; regionCode: string; title: string } | null = null;
      if (replication?.originInnovationId && replication.originTenantId) {
        origin = (await repo.originOf(db, replication.originTenantId, replication.originInnovationId)) ?? null;
      }
      return {
        row,
        unitName: unit.name,
        innovators,
        reviews,
        timeline: innovationTimeline(row, reviews, lifeEvents),
        replication: replication ? { ...replication, origin } : null,
        replicatedBy,
        permissions: innovationPermissions(actor, row),
      };
    },

    async create(actor: Actor, input: CreateInnovationInput, requestId?: string) {
      await requireUnit(actor.tenantId, input.unitId);
      authorize(actor, 'innovation.create', { tenantId: actor.tenantId, unitId: input.unitId });
      checkStageDates(input);
      return writeWithAudit(db, who(actor, requestId), clock, async (tx, audit) => {
        const now = nowIso();
        const row = newInnovationRow(actor, input, now);
        await repo.insert(tx, row);
        if (input.innovators?.length) await writeInnovators(tx, actor.tenantId, row.id, input.innovators);
        await reindex(tx, row);
        await audit.record({ entityType: 'innovation', entityId: row.id, action: 'create', after: { ...auditFields(row), innovators: input.innovators?.length ?? 0 } });
        return row;
      });
    },

    async update(actor: Actor, id: string, input: UpdateInnovationInput, requestId?: string) {
      const row = await requireInnovation(actor.tenantId, id);
      const res = { tenantId: actor.tenantId, unitId: row.unitId };
      authorize(actor, 'innovation.update', res);
      // Once submitted, only the Tim Inovasi (reviewers) edit; the unit edits drafts and returned records.
      assertMayEditInnovation(actor, row);
      if (input.unitId && input.unitId !== row.unitId) {
        await requireUnit(actor.tenantId, input.unitId);
        authorize(actor, 'innovation.update', { tenantId: actor.tenantId, unitId: input.unitId });
      }
      const next = nextInnovationRow(row, input, nowIso());
      checkStageDates(next);
      return writeWithAudit(db, who(actor, requestId), clock, async (tx, audit) => {
        await repo.update(tx, actor.tenantId, id, next);
        if (input.innovators) await writeInnovators(tx, actor.tenantId, id, input.innovators);
        await reindex(tx, next);
        await audit.record({ entityType: 'innovation', entityId: id, action: 'update', before: auditFields(row), after: auditFields(next) });
        return next;
      });
    },

    /** Active, paused or retired (with a reason). A retired innovation stays in the history. */
    async setLifecycle(actor: Actor, id: string, lifecycle: string, reason: string | null | undefined, requestId?: string) {
      const row = await requireInnovation(actor.tenantId, id);
      authorize(actor, 'innovation.lifecycle', { tenantId: actor.tenantId, unitId: row.unitId });
      const next = { ...row, lifecycle, retiredReason: lifecycle === 'retired' ? reason ?? null : null, updatedAt: nowIso() };
      return writeWithAudit(db, who(actor, requestId), clock, async (tx, audit) => {
        await repo.update(tx, actor.tenantId, id, { lifecycle: next.lifecycle, retiredReason: next.retiredReason, updatedAt: next.updatedAt });
        await audit.record({ entityType: 'innovation', entityId: id, action: 'lifecycle', before: { lifecycle: row.lifecycle, retiredReason: row.retiredReason }, after: { lifecycle: next.lifecycle, retiredReason: next.retiredReason } });
        return next;
      });
    },

    async transition(actor: Actor, id: string, step: WorkflowAction, comment: string | null | undefined, requestId?: string) {
      const row = await requireInnovation(actor.tenantId, id);
      const to = authorizeTransition(innovationMachine, row.status, step, actor, { tenantId: actor.tenantId, unitId: row.unitId });
      assertStepAllowedInLifecycle(row, step);
      return writeWithAudit(db, who(actor, requestId), clock, async (tx, audit) => {
        const now = nowIso();
        const next = { ...row, status: to, updatedAt: now, publishedAt: step === 'publish' ? now : row.publishedAt };
        await repo.update(tx, actor.tenantId, id, { status: next.status, updatedAt: now, publishedAt: next.publishedAt });
        await recordReview(tx, audit, actor, row, step, to, comment ?? null);
        await reindex(tx, next);
        return next;
      });
    },

    /**
     * Search before create: the most similar innovations of this tenant (any status) and the
     * published ones of every other tenant, best first, with a 0–1 score (engine.ts `similarity`:
     * name and content, rare words weighing more), the shared words as the reason, and
     * `likelyDuplicate` for this tenant's records at or above DUPLICATE_THRESHOLD.
     * `title` (optional) is the draft's name; without it the first clause of `text` is.
     */
    async similar(actor: Actor, text: string, opts: { excludeId?: string; limit?: number; title?: string } = {}) {
      authorize(actor, 'innovation.read', { tenantId: actor.tenantId });
      const limit = opts.limit ?? 10;
      const title = opts.title?.trim() || text.split(/[.;:\n]/)[0]!.split(/\s+/).slice(0, 12).join(' ');
      const headTerms = analyze(title);
      const allTerms = analyze(`${title} ${text}`);
      const bag = weightedBag(headTerms, analyze(text));
      const headBag = weightedBag(headTerms, []);
      // Candidates come from the draft's most distinctive terms and its name; the score ranks them.
      const rare = await distinctiveTerms(db, allTerms, 8);
      const asConcepts = (terms: string[]): Concept[] => [...new Set(terms)].map((t) => ({ word: t, alts: [t], prefixes: [] }));
      const found = [
        ...(await retrieve(db, dialect, asConcepts(rare), 'any', { tenantId: actor.tenantId }, 40)),
        ...(await retrieve(db, dialect, asConcepts(rare), 'any', { publicOnly: true }, 40)),
        ...(await retrieve(db, dialect, asConcepts(headTerms.filter((t) => t.length > 1)), 'any', { tenantId: actor.tenantId }, 20)),
        ...(await retrieve(db, dialect, asConcepts(headTerms.filter((t) => t.length > 1)), 'any', { publicOnly: true }, 20)),
      ];
      const candidates = new Map(found.filter((c) => c.innovationId !== opts.excludeId).map((c) => [`${c.tenantId}/${c.innovationId}`, c]));
      if (candidates.size === 0) return [];
      const { df, docs } = await documentFrequencies(db, [...bag.keys(), ...[...candidates.values()].flatMap((c) => c.stems.split(' '))]);
      const idf = (t: string) => idfOf(df.get(t) ?? 1, docs);
      // Shared terms are explained with the draft's own words (a synonym token by the words that made it).
      const draftWords = words(`${title} ${text}`);
      const surface = new Map<string, string>();
      for (const w of draftWords) {
        const t = analyze(w)[0];
        if (t && !surface.has(t)) surface.set(t, w);
      }
      for (const m of synonymMatches(draftWords)) if (!surface.has(m.token)) surface.set(m.token, draftWords.slice(m.start, m.end).join(' '));
      const keys = [...candidates.values()];
      const rows = await repo.findByKeys(db, keys);
      return rows
        .filter((r) => r.tenantId === actor.tenantId || r.status === 'published')
        .map((r) => {
          const { score, shared } = similarity({ head: headBag, all: bag }, candidates.get(`${r.tenantId}/${r.id}`)!.stems, idf, analyze(r.title));
          const sameTenant = r.tenantId === actor.tenantId;
          return {
            id: r.id,
            title: r.title,
            tenantCode: r.regionCode,
            tenantName: r.tenantName,
            unitName: r.unitName,
            stage: r.stage,
            year: r.year,
            status: sameTenant ? r.status : 'published',
            sameTenant,
            score,
            likelyDuplicate: sameTenant && score >= DUPLICATE_THRESHOLD,
            reason: [...new Set(shared.map((t) => surface.get(t) ?? t))].slice(0, 6),
          };
        })
        .sort((a, b) => b.score - a.score || a.title.localeCompare(b.title) || a.id.localeCompare(b.id))
        .slice(0, limit);
    },

    /** Counts the statistics page and the index need, per year. */
    async stats(actor: Actor, year?: number) {
      authorize(actor, 'innovation.read', { tenantId: actor.tenantId });
      const { perYear, groups, urusanRows, innovatorsPerYear, units } = await repo.stats(db, actor.tenantId, year);
      const group = async (col: 'stage' | 'type' | 'status' | 'unitId' | 'isDigital') => groups[col];
      const urusan = new Map<string, number>();
      for (const r of urusanRows) {
        for (const u of new Set([r.urusanMain, ...(JSON.parse(r.urusanOther) as string[])].filter(Boolean) as string[])) urusan.set(u, (urusan.get(u) ?? 0) + 1);
      }
      const unitName = new Map(units.map((u) => [u.id, u.name]));
      return {
        year: year ?? null,
        perYear: perYear.map((r) => ({ year: r.year, n: Number(r.n) })),
        innovatorsPerYear: innovatorsPerYear.map((r) => ({ year: r.year, n: Number(r.n) })),
        byStage: await group('stage'),
        byType: await group('type'),
        byStatus: await group('status'),
        byDigital: await group('isDigital'),
        byUnit: (await group('unitId')).map((g) => ({ ...g, name: unitName.get(g.key) ?? g.key })).sort((a, b) => b.n - a.n),
        byUrusan: [...urusan].map(([key, n]) => ({ key, n })).sort((a, b) => b.n - a.n),
      };
    },
  };
}
export type InnovationService = ReturnType<typeof createInnovationService>;
