import type { Deps } from '../../deps.ts';
import type { Executor } from '../../db/db.ts';
import type { SakipLheItemTable } from '../../db/schema.ts';
import { conflict, notFound, validation } from '../../errors.ts';
import { newId } from '../../lib/ids.ts';
import type { Actor } from '../../policy/actor.ts';
import { authorize, can, type Action } from '../../policy/policy.ts';
import { lkeAkipRulebooks, scoreWorksheet, type Answers, type WorksheetResult } from '../../rules/assessment/index.ts';
import { writeWithAudit } from '../audit/audit.writer.ts';
import { who } from '../org/org.service.ts';
import { checkEvidenceIds, loadSheet, registerWorksheetKind } from '../assessment/assessment.service.ts';
import type { FollowUpInput, FollowUpReview, LheItemInput } from '../../../shared/schemas/sakip-eval.ts';
import { sakipEvalRepo as repo } from './sakip-eval.repo.ts';
import { issueLhe, lhePdf, type LheData } from './sakip-eval.document.ts';

/**
 * SAKIP internal evaluation (PermenPANRB 88/2021, RULES.md §2.1–2.4; issue 11 item 5) on the
 * shared assessment engine. Two worksheet kinds in the one answers store, same LKE AKIP worksheet:
 * - `sakip_unit`, scope `<unitId>:<year>`: the unit answers the 80 criteria (Ya/Tidak + evidence)
 *   and may give a self-assessed letter (own side); the Inspektorat gives the letter per
 *   sub-component with a note (evaluator side);
 * - `sakip_pemda`, scope `<year>`: the pemda-level self-evaluation, own side by the Tim RB.
 * The official score is the EVALUATOR's letters × weights; the criteria (own side) only inform it
 * (how criteria become a letter is UNVERIFIED, §2.2). The LHE (findings, recommendations) and the
 * unit's follow-ups live in `sakip_lhe_items`.
 */
export const SAKIP_RULEBOOK = 'lke-akip-2021';
export const SAKIP_UNIT_KIND = 'sakip_unit';
export const SAKIP_PEMDA_KIND = 'sakip_pemda';
export const SUB_COMPONENTS = ['1.a', '1.b', '1.c', '2.a', '2.b', '2.c', '3.a', '3.b', '3.c', '4.a', '4.b', '4.c'] as const;
const SUBS = new Set<string>(SUB_COMPONENTS);

export type Target = { unitId: string | null; year: number };
export const sheetOf = (t: Target) => ({ kind: t.unitId ? SAKIP_UNIT_KIND : SAKIP_PEMDA_KIND, scope: t.unitId ? `${t.unitId}:${t.year}` : String(t.year), rulebookId: SAKIP_RULEBOOK });
const actionsOf = (unit: boolean): { read: Action; own: Action; evaluate: Action } => ({ read: 'sakipEval.read', own: unit ? 'sakipEval.fill' : 'sakipEval.pemdaFill', evaluate: 'sakipEval.evaluate' });
const validYear = (y: string | undefined) => /^\d{4}$/.test(y ?? '') && Number(y) >= 2000 && Number(y) <= 2100;

/** An issued LHE that has not been withdrawn from the register (a withdrawn one may be issued anew). */
const inForce = (issued: { documentStatus: string } | undefined): boolean => !!issued && issued.documentStatus !== 'withdrawn';

/** Once the LHE is issued, the worksheet it reports on (criteria and letters) is final. */
async function frozenByLhe(db: Executor, tenantId: string, target: string, year: number) {
  const issued = await repo.issued(db, tenantId, target, year);
  return issued && inForce(issued) ? conflict('errors.sakipLheScoresFrozen', { number: issued.number }) : null;
}

registerWorksheetKind({
  kind: SAKIP_UNIT_KIND,
  worksheet: (rulebookId) => lkeAkipRulebooks.get(rulebookId),
  async resolveScope(db, tenantId, scope) {
    const [unitId, year, ...rest] = scope.split(':');
    if (rest.length || !unitId || !validYear(year)) return null;
    const unit = await repo.unit(db, tenantId, unitId);
    return unit ? { unitId: unit.id } : null;
  },
  actions: () => actionsOf(true),
  auditEntity: (_tenantId, scope) => ({ type: 'sakip_evaluation', id: scope }),
  frozen: (db, tenantId, scope) => frozenByLhe(db, tenantId, scope.split(':')[0]!, Number(scope.split(':')[1])),
});
registerWorksheetKind({
  kind: SAKIP_PEMDA_KIND,
  worksheet: (rulebookId) => lkeAkipRulebooks.get(rulebookId),
  resolveScope: async (_db, _tenantId, scope) => (validYear(scope) ? { unitId: null } : null),
  actions: () => actionsOf(false),
  auditEntity: (_tenantId, scope) => ({ type: 'sakip_evaluation', id: `pemda:${scope}` }),
  frozen: (db, tenantId, scope) => frozenByLhe(db, tenantId, 'pemda', Number(scope)),
});

const isLetter = (code: string) => SUBS.has(code);

/**
 * The two readings of one sheet: `evaluation` = the evaluator's letters (the official score) with
 * the unit's criteria answers as the Ya-share hint; `self` = the unit's own side entirely (its
 * self-assessed letters). Null when no letter is given on that side.
 */
export function scoreBoth(rows: Iterable<{ questionCode: string; ownValue: string | null; evalValue: string | null; evidenceCount?: number }>) {
  const ws = lkeAkipRulebooks.get(SAKIP_RULEBOOK)!;
  const evaluation: Answers = {};
  const self: Answers = {};
  let evalLetters = 0;
  let ownLetters = 0;
  for (const r of rows) {
    if (r.ownValue !== null) self[r.questionCode] = { value: r.ownValue, evidenceCount: r.evidenceCount };
    if (isLetter(r.questionCode)) {
      if (r.evalValue !== null) (evaluation[r.questionCode] = { value: r.evalValue }), evalLetters++;
      if (r.ownValue !== null) ownLetters++;
    } else if (r.ownValue !== null) evaluation[r.questionCode] = { value: r.ownValue, evidenceCount: r.evidenceCount };
  }
  const score = (a: Answers) => scoreWorksheet(ws, a, { unknownAnswers: 'ignore' });
  return { evaluation: score(evaluation), evaluated: evalLetters, self: ownLetters ? score(self) : null, selfGraded: ownLetters };
}

/**
 * Units in tree order: each unit followed by its sub-units (depth first), siblings by name. A unit
 * whose parent is not in the list (inactive) starts a tree of its own. `depth` 0 = top level.
 */
export function unitTree<U extends { id: string; parentId: string | null; name: string }>(units: U[]): Array<U & { depth: number; parentName: string | null }> {
  const byId = new Map(units.map((u) => [u.id, u]));
  const children = new Map<string | null, U[]>();
  for (const u of units) {
    const parent = u.parentId && byId.has(u.parentId) ? u.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), u]);
  }
  const out: Array<U & { depth: number; parentName: string | null }> = [];
  const seen = new Set<string>();
  const walk = (parent: string | null, depth: number) => {
    const list = [...(children.get(parent) ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'id') || (a.id < b.id ? -1 : 1));
    for (const u of list) {
      if (seen.has(u.id)) continue; // a cycle in bad data never loops
      seen.add(u.id);
      out.push({ ...u, depth, parentName: u.parentId ? (byId.get(u.parentId)?.name ?? null) : null });
      walk(u.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

const brief = (r: WorksheetResult | null) => (r ? { total: r.total, predikat: r.band?.code ?? null, label: r.band?.label ?? null } : null);

export function createSakipEvalService(deps: Deps) {
  const { db, clock } = deps;

  async function target(actor: Actor, raw: string, year: number): Promise<Target & { unit: { id: string; name: string; shortName: string | null } | null }> {
    if (raw === 'pemda') return { unitId: null, year, unit: null };
    const unit = await repo.unit(db, actor.tenantId, raw);
    if (!unit) throw notFound('unit');
    return { unitId: unit.id, year, unit: { id: unit.id, name: unit.name, shortName: unit.shortName } };
  }

  async function items(ex: Executor, tenantId: string, t: Target) {
    const rows = await repo.items(ex, tenantId, t.unitId, t.year);
    const evidence = await repo.evidenceOf(ex, tenantId, rows.map((r) => r.id));
    return rows.map((r) => ({ ...r, evidence: evidence.filter((e) => e.itemId === r.id).map((e) => ({ id: e.id, originalName: e.originalName, mime: e.mime, size: Number(e.size) })) }));
  }

  /** What the LHE document prints, read through `ex` (the issuing transaction, or the pool). */
  async function lheContent(ex: Executor, tenantId: string, t: Target & { unit: { id: string; name: string; shortName: string | null } | null }): Promise<LheData> {
    const rows = await loadSheet(ex, tenantId, sheetOf(t));
    const scored = scoreBoth([...rows.values()]);
    return { tenantId, target: { unitId: t.unitId, year: t.year }, unit: t.unit, evaluation: scored.evaluation, evaluated: scored.evaluated, lhe: await items(ex, tenantId, t), inspectorate: await repo.inspectorate(ex, tenantId) };
  }

  /** The issued LHE of an evaluation, or null while it is a draft. */
  const issuedOf = (ex: Executor, tenantId: string, t: Target) => repo.issued(ex, tenantId, t.unitId ?? 'pemda', t.year);

  async function itemFor(actor: Actor, id: string) {
    const item = await repo.find(db, actor.tenantId, id);
    if (!item) throw notFound('sakip_lhe_item');
    authorize(actor, 'sakipEval.read', { tenantId: actor.tenantId, unitId: item.unitId });
    return item;
  }

  return {
    /** One evaluation: both sides of every answer with evidence, the official and the self score, the LHE. */
    async get(actor: Actor, rawTarget: string, year: number) {
      const t = await target(actor, rawTarget, year);
      authorize(actor, 'sakipEval.read', { tenantId: actor.tenantId, unitId: t.unitId });
      const sheet = sheetOf(t);
      const rows = await loadSheet(db, actor.tenantId, sheet);
      const scored = scoreBoth([...rows.values()].map((r) => ({ ...r, evidenceCount: r.evidence.length })));
      const res = { tenantId: actor.tenantId, unitId: t.unitId };
      const actions = actionsOf(!!t.unitId);
      return {
        target: t.unitId ?? 'pemda',
        year,
        unit: t.unit,
        sheet,
        evaluated: scored.evaluated,
        evaluation: scored.evaluation,
        self: scored.self,
        answers: [...rows.values()],
        lhe: await items(db, actor.tenantId, t),
        lheIssued: await issuedOf(db, actor.tenantId, t),
        may: { fill: can(actor, actions.own, res), evaluate: can(actor, actions.evaluate, res) },
      };
    },

    /**
     * All units' official scores and predikat for a year with the two years before it (year on
     * year), the pemda row, and the follow-up counts; only the units the actor may read.
     */
    async table(actor: Actor, year: number) {
      authorize(actor, 'sakipEval.read', { tenantId: actor.tenantId, unitId: [...actor.unitScope][0] ?? null });
      const years = [year - 2, year - 1, year];
      const units = unitTree(await repo.activeUnits(db, actor.tenantId)).filter((u) => can(actor, 'sakipEval.read', { tenantId: actor.tenantId, unitId: u.id }));
      const pemda = can(actor, 'sakipEval.read', { tenantId: actor.tenantId, unitId: null });
      const scopes = [...units.flatMap((u) => years.map((y) => `${u.id}:${y}`)), ...(pemda ? years.map(String) : [])];
      const answers = await repo.answersOf(db, actor.tenantId, [SAKIP_UNIT_KIND, SAKIP_PEMDA_KIND], scopes, SAKIP_RULEBOOK);
      const byScope = new Map<string, typeof answers>();
      for (const a of answers) byScope.set(`${a.worksheetKind}/${a.scope}`, [...(byScope.get(`${a.worksheetKind}/${a.scope}`) ?? []), a]);
      const counts = await repo.statusCounts(db, actor.tenantId, year);
      const followUps = (unitId: string | null) => {
        const c = { open: 0, answered: 0, accepted: 0 };
        for (const r of counts) if (r.unitId === unitId) c[r.status] += r.n;
        return c;
      };
      const row = (kind: string, scopeOf: (y: number) => string) =>
        years.map((y) => {
          const s = scoreBoth(byScope.get(`${kind}/${scopeOf(y)}`) ?? []);
          return { year: y, evaluated: s.evaluated, score: s.evaluated ? brief(s.evaluation) : null, self: brief(s.self) };
        });
      return {
        year,
        years,
        pemda: pemda ? { years: row(SAKIP_PEMDA_KIND, String), followUps: followUps(null) } : null,
        items: units.map((u) => ({
          unitId: u.id,
          name: u.name,
          shortName: u.shortName,
          type: u.type,
          parentId: u.parentId,
          parentName: u.parentName,
          depth: u.depth,
          years: row(SAKIP_UNIT_KIND, (y) => `${u.id}:${y}`),
          followUps: followUps(u.id),
        })),
      };
    },

    /** The Inspektorat writes a finding with its recommendation (optionally tied to a sub-component). */
    async addItem(actor: Actor, rawTarget: string, year: number, input: LheItemInput, requestId?: string) {
      const t = await target(actor, rawTarget, year);
      authorize(actor, 'sakipEval.evaluate', { tenantId: actor.tenantId, unitId: t.unitId });
      if (input.subComponent && !SUBS.has(input.subComponent)) throw validation('subComponent', 'errors.sakipUnknownSubComponent', { code: input.subComponent });
      return writeWithAudit(db, who(actor, requestId), clock, async (tx, audit) => {
        await repo.lockTarget(tx, deps.dialect, actor.tenantId, t.unitId);
        const issued = await issuedOf(tx, actor.tenantId, t);
        if (issued && inForce(issued)) throw conflict('errors.sakipLheFrozen', { number: issued.number });
        const now = clock.now().toISOString();
        const row: SakipLheItemTable = {
          tenantId: actor.tenantId,
          id: newId(),
          unitId: t.unitId,
          year,
          seq: await repo.nextSeq(tx, actor.tenantId, t.unitId, year),
          subComponent: input.subComponent ?? null,
          finding: input.finding,
          recommendation: input.recommendation,
          status: 'open',
          followUp: null,
          followUpBy: null,
          followUpAt: null,
          reviewNote: null,
          acceptedBy: null,
          acceptedAt: null,
          isDemo: 0,
          createdBy: actor.userId,
          createdAt: now,
          updatedAt: now,
        };
        await repo.insert(tx, row);
        await audit.record({ entityType: 'sakip_lhe_item', entityId: row.id, action: 'create', after: { unitId: row.unitId, year, seq: row.seq, subComponent: row.subComponent, finding: row.finding, recommendation: row.recommendation, status: row.status } });
        return row;
      });
    },

    /** The unit answers a recommendation (text + evidence): open/answered → answered. */
    async followUp(actor: Actor, id: string, input: FollowUpInput, requestId?: string) {
      const item = await itemFor(actor, id);
      authorize(actor, actionsOf(!!item.unitId).own, { tenantId: actor.tenantId, unitId: item.unitId });
      if (item.status === 'accepted') throw conflict('errors.sakipFollowUpClosed');
      await checkEvidenceIds(db, actor.tenantId, input.evidenceIds ?? [], actor);
      return writeWithAudit(db, who(actor, requestId), clock, async (tx, audit) => {
        const now = clock.now().toISOString();
        const set = { followUp: input.text, followUpBy: actor.userId, followUpAt: now, status: 'answered' as const, updatedAt: now };
        await repo.update(tx, actor.tenantId, id, set);
        const added = await repo.linkEvidence(tx, actor.tenantId, id, input.evidenceIds ?? [], now);
        await audit.record({
          entityType: 'sakip_lhe_item',
          entityId: id,
          action: 'update',
          changes: { followUp: { before: item.followUp, after: input.text }, status: { before: item.status, after: 'answered' }, ...(added.length ? { evidence: { before: null, after: added } } : {}) },
        });
        return { ...item, ...set };
      });
    },

    /** The Inspektorat accepts an answered follow-up, or returns it (open again) with a note. */
    async review(actor: Actor, id: string, input: FollowUpReview, requestId?: string) {
      const item = await itemFor(actor, id);
      authorize(actor, 'sakipEval.evaluate', { tenantId: actor.tenantId, unitId: item.unitId });
      if (item.status !== 'answered') throw conflict('errors.sakipFollowUpNotAnswered');
      if (input.decision === 'return' && !input.note) throw validation('note', 'errors.sakipReturnNoteRequired');
      return writeWithAudit(db, who(actor, requestId), clock, async (tx, audit) => {
        const now = clock.now().toISOString();
        const set =
          input.decision === 'accept'
            ? { status: 'accepted' as const, acceptedBy: actor.userId, acceptedAt: now, reviewNote: input.note ?? null, updatedAt: now }
            : { status: 'open' as const, reviewNote: input.note ?? null, updatedAt: now };
        await repo.update(tx, actor.tenantId, id, set);
        await audit.record({ entityType: 'sakip_lhe_item', entityId: id, action: 'update', changes: { status: { before: item.status, after: set.status }, reviewNote: { before: item.reviewNote, after: set.reviewNote } } });
        return { ...item, ...set };
      });
    },

    /**
     * The LHE as a PDF: once issued, the frozen bytes of the official document (the same bytes
     * every time); before, a draft rendered now (RANCANGAN, no number).
     */
    async lhePdf(actor: Actor, rawTarget: string, year: number): Promise<{ pdf: Buffer; number: string | null }> {
      const t = await target(actor, rawTarget, year);
      authorize(actor, 'sakipEval.read', { tenantId: actor.tenantId, unitId: t.unitId });
      const issued = await issuedOf(db, actor.tenantId, t);
      if (!issued || !inForce(issued)) return { pdf: await lhePdf(deps, await lheContent(db, actor.tenantId, t)), number: null };
      const chunks: Buffer[] = [];
      for await (const c of deps.blobs.open(issued.sha256)) chunks.push(c as Buffer);
      return { pdf: Buffer.concat(chunks), number: issued.number };
    },

    /**
     * The Inspektorat issues the LHE as an official document (number, frozen PDF, QR to the
     * verification page) in one transaction with its audit entries. Refused (409) without findings
     * or when already issued; afterwards the findings are frozen (follow-ups and their review go on).
     */
    async issueLhe(actor: Actor, rawTarget: string, year: number, publicBase: string, requestId?: string) {
      const t = await target(actor, rawTarget, year);
      authorize(actor, 'sakipEval.evaluate', { tenantId: actor.tenantId, unitId: t.unitId });
      return writeWithAudit(db, who(actor, requestId), clock, async (tx, audit) => {
        await repo.lockTarget(tx, deps.dialect, actor.tenantId, t.unitId);
        const already = await issuedOf(tx, actor.tenantId, t);
        if (already && inForce(already)) throw conflict('errors.sakipLheAlreadyIssued', { number: already.number });
        const data = await lheContent(tx, actor.tenantId, t);
        if (!data.lhe.length) throw conflict('errors.sakipLheNoItems');
        // The LHE reports the evaluation's result: every sub-component has its letter first.
        if (data.evaluated < SUB_COMPONENTS.length) throw conflict('errors.sakipLheUngraded', { graded: data.evaluated, total: SUB_COMPONENTS.length });
        const doc = await issueLhe(deps, tx, audit, { data, actorId: actor.userId, publicBase });
        const row = {
          tenantId: actor.tenantId,
          id: newId(),
          target: t.unitId ?? 'pemda',
          unitId: t.unitId,
          year,
          documentId: doc.id,
          number: doc.number,
          documentDate: doc.date,
          issuedAt: clock.now().toISOString(),
          issuedBy: actor.userId,
        };
        // A withdrawn LHE stays in the register (withdrawn, with its reason); the evaluation now
        // points at the new one.
        if (already) await repo.deleteIssue(tx, actor.tenantId, already.id);
        await repo.insertIssue(tx, row);
        await audit.record({ entityType: 'sakip_evaluation', entityId: `${row.target}:${year}`, action: 'issue', before: already ? { number: already.number, documentId: already.documentId, status: 'withdrawn' } : undefined, after: { number: doc.number, documentId: doc.id, documentDate: doc.date, items: data.lhe.length, total: data.evaluation.total, predikat: data.evaluation.band?.code ?? null } });
        return { ...row, verificationCode: doc.code, verificationUrl: doc.url, sha256: doc.sha256 };
      });
    },
  };
}

export type SakipEvalService = ReturnType<typeof createSakipEvalService>;
