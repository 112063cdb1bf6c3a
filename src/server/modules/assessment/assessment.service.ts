import type { Deps } from '../../deps.ts';
import type { Executor } from '../../db/db.ts';
import { AppError, notFound } from '../../errors.ts';
import type { Actor } from '../../policy/actor.ts';
import { authorize, can, type Action } from '../../policy/policy.ts';
import type { Rulebook } from '../../rules/rulebook.ts';
import { AssessmentAnswerError, rescore, scoreWorksheet, validateAnswers, type Answers } from '../../rules/assessment/assessment.engine.ts';
import type { WorksheetBody } from '../../rules/assessment/worksheet.ts';
import { writeWithAudit } from '../audit/audit.writer.ts';
import { assertEvidenceReadable, type EvidenceTarget } from '../evidence/evidence.service.ts';
import { who } from '../org/org.service.ts';
import { ANSWER_ENTITY, answersRepo, type SheetRef, type SideInput } from './answers.repo.ts';

/**
 * The one answers store for every worksheet, as a service. A module (IID, SAKIP, ZI, RB) declares
 * its worksheet kind once with `registerWorksheetKind`: which rulebook checks the answers, who
 * owns a scope, and which policy actions read, answer (the unit's own side) and evaluate (the
 * evaluator's side). The store then keeps, per question, both sides with notes, who and when, and
 * the evidence links.
 */
export interface WorksheetKind {
  kind: string;
  /** The worksheet the answers of this scope are checked against (undefined: unknown rulebook). */
  worksheet(rulebookId: string, scope: string): Rulebook<WorksheetBody> | undefined;
  /** Who owns the scope; null when it does not exist in the tenant (answers 404). */
  resolveScope(db: Executor, tenantId: string, scope: string): Promise<{ unitId: string | null } | null>;
  /** The caller module's policy: the action to read the sheet, to answer it, to evaluate it. */
  actions(scope: string): { read: Action; own: Action; evaluate: Action };
  /** Where the audit entry of a change is filed (default: entity type 'assessment', id kind/scope). */
  auditEntity?(tenantId: string, scope: string): { type: string; id: string };
  /**
   * When the sheet may no longer change (e.g. its report has been issued): the refusal (a 409
   * AppError) to throw, checked inside the writing transaction; null while it is open.
   */
  frozen?(db: Executor, tenantId: string, scope: string): Promise<AppError | null>;
}

const kinds = new Map<string, WorksheetKind>();

export function registerWorksheetKind(spec: WorksheetKind) {
  kinds.set(spec.kind, spec);
}

function kindOf(kind: string): WorksheetKind {
  const spec = kinds.get(kind);
  if (!spec) throw notFound('assessment_sheet');
  return spec;
}

// Evidence linked to an answer is readable by whoever may read the answer's worksheet. Links are
// made through this store only (the generic link route would need the platform-admin right).
export const assessmentEvidenceTarget: EvidenceTarget = {
  entityType: ANSWER_ENTITY,
  resolve: async (db, tenantId, answerId) => {
    const row = await answersRepo.find(db, tenantId, answerId);
    const spec = row && kinds.get(row.worksheetKind);
    const owner = row && spec ? await spec.resolveScope(db, tenantId, row.scope) : null;
    // Read as the worksheet is (a unit's SAKIP sheet: its unit and the SAKIP readers), not tenant-wide.
    return { exists: !!owner, unitId: owner?.unitId ?? null, readAction: row && spec ? spec.actions(row.scope).read : undefined };
  },
  manageAction: 'tenant.create',
};

export type OwnAnswerInput = SideInput & { evidenceIds?: string[] };
export type EvalAnswerInput = SideInput;

/** Answers with evidence of one sheet, keyed by question code. */
export async function loadSheet(db: Executor, tenantId: string, sheet: SheetRef) {
  const rows = await answersRepo.list(db, tenantId, sheet);
  const evidence = await answersRepo.evidenceOf(db, tenantId, rows.map((r) => r.id));
  const out = new Map<string, (typeof rows)[number] & { evidence: Array<{ id: string; originalName: string; mime: string; size: number; sha256: string }> }>();
  for (const r of rows) {
    out.set(r.questionCode, {
      ...r,
      evidence: evidence.filter((e) => e.answerId === r.id).map((e) => ({ id: e.id, originalName: e.originalName, mime: e.mime, size: Number(e.size), sha256: e.sha256 })),
    });
  }
  return out;
}

/** Evidence ids must exist in the actor's tenant; another tenant's id answers 404, like any unknown id. */
export async function checkEvidenceIds(db: Executor, tenantId: string, ids: string[], actor: Actor) {
  const unique = [...new Set(ids)];
  const found = await answersRepo.existingEvidence(db, tenantId, unique);
  if (found.size !== unique.length) throw notFound('evidence');
  await assertEvidenceReadable(db, actor, unique);
}

/**
 * Write the unit's own answers inside the caller's transaction. `replace`: questions not in
 * `answers` lose their own side (a sheet saved as a whole). Returns before/after for the audit.
 */
export async function writeOwnAnswers(tx: Executor, tenantId: string, userId: string | null, sheet: SheetRef, answers: Record<string, OwnAnswerInput>, opts: { replace: boolean }, now: string) {
  const before = await loadSheet(tx, tenantId, sheet);
  for (const [code, a] of Object.entries(answers)) {
    const id = await answersRepo.upsertSide(tx, tenantId, sheet, code, 'own', a, userId, now);
    if (a.evidenceIds !== undefined) await answersRepo.setEvidence(tx, tenantId, id, a.evidenceIds, now);
  }
  if (opts.replace) {
    for (const [code, row] of before) if (!(code in answers) && (row.ownValue !== null || row.ownNote !== null || row.evidence.length)) await answersRepo.clearOwn(tx, tenantId, row.id, now);
  }
  const summary = (m: Map<string, { ownValue: string | null; ownBasis: string | null; evidence: { id: string }[] }>) =>
    Object.fromEntries([...m].filter(([, r]) => r.ownValue !== null || r.evidence.length).map(([c, r]) => [c, `${r.ownValue ?? '-'}${r.ownBasis ? `/${r.ownBasis}` : ''}${r.evidence.length ? ` +${r.evidence.length} bukti` : ''}`]));
  return { before: summary(before), after: summary(await loadSheet(tx, tenantId, sheet)) };
}

export function createAssessmentService(deps: Deps) {
  const { db, clock } = deps;

  async function access(actor: Actor, sheet: { kind: string; scope: string }, side: 'read' | 'own' | 'evaluate') {
    const spec = kindOf(sheet.kind);
    const owner = await spec.resolveScope(db, actor.tenantId, sheet.scope);
    if (!owner) throw notFound('assessment_sheet');
    authorize(actor, spec.actions(sheet.scope)[side], { tenantId: actor.tenantId, unitId: owner.unitId });
    return spec;
  }

  function worksheetOf(spec: WorksheetKind, sheet: SheetRef) {
    const ws = spec.worksheet(sheet.rulebookId, sheet.scope);
    if (!ws) throw new AppError('NOT_FOUND', 'errors.rulebookNotFound', { id: sheet.rulebookId });
    return ws;
  }

  /** Check answers against the worksheet; each problem names the question (field answers.<code>). */
  function validate(ws: Rulebook<WorksheetBody>, answers: Record<string, SideInput>) {
    const engine: Answers = Object.fromEntries(Object.entries(answers).map(([c, a]) => [c, { value: a.value, basis: a.basis ?? null }]));
    try {
      validateAnswers(ws.body, engine);
    } catch (e) {
      if (!(e instanceof AssessmentAnswerError)) throw e;
      const params = { question: e.question, rulebook: ws.id.split(':')[0], value: answers[e.question]?.value ?? '' };
      const key = `errors.assessment_${e.reason}`;
      throw new AppError('VALIDATION', key, params, [{ field: `answers.${e.question}`, messageKey: key, params }]);
    }
  }

  async function assertOpen(spec: WorksheetKind, ex: Executor, tenantId: string, sheet: SheetRef) {
    const refusal = await spec.frozen?.(ex, tenantId, sheet.scope);
    if (refusal) throw refusal;
  }

  const auditEntity = (spec: WorksheetKind, tenantId: string, sheet: SheetRef) => spec.auditEntity?.(tenantId, sheet.scope) ?? { type: 'assessment', id: `${sheet.kind}/${sheet.scope}` };

  function present(rows: Awaited<ReturnType<typeof loadSheet>>) {
    return [...rows.values()].map((r) => ({
      answerId: r.id,
      questionCode: r.questionCode,
      own: { value: r.ownValue, basis: r.ownBasis, note: r.ownNote, by: r.ownBy, at: r.ownAt },
      evaluator: { value: r.evalValue, basis: r.evalBasis, note: r.evalNote, by: r.evalBy, at: r.evalAt },
      evidence: r.evidence,
    }));
  }

  return {
    /** Both sides of every answer of one sheet, with the evidence each answer uses. */
    async listAnswers(actor: Actor, sheet: SheetRef) {
      await access(actor, sheet, 'read');
      return { ...sheet, items: present(await loadSheet(db, actor.tenantId, sheet)) };
    },

    /** The unit's own answers (value/basis, note, evidence links); other questions are left as they are. */
    async saveOwnAnswers(actor: Actor, sheet: SheetRef, answers: Record<string, OwnAnswerInput>, requestId?: string) {
      const spec = await access(actor, sheet, 'own');
      validate(worksheetOf(spec, sheet), answers);
      await checkEvidenceIds(db, actor.tenantId, Object.values(answers).flatMap((a) => a.evidenceIds ?? []), actor);
      await writeWithAudit(db, who(actor, requestId), clock, async (tx, audit) => {
        await assertOpen(spec, tx, actor.tenantId, sheet);
        const change = await writeOwnAnswers(tx, actor.tenantId, actor.userId, sheet, answers, { replace: false }, clock.now().toISOString());
        const e = auditEntity(spec, actor.tenantId, sheet);
        await audit.record({ entityType: e.type, entityId: e.id, action: 'score', changes: { [`${sheet.kind}:${sheet.rulebookId}:own`]: change } });
      });
      return { ...sheet, items: present(await loadSheet(db, actor.tenantId, sheet)) };
    },

    /**
     * The evaluator's answers, kept beside the unit's own (never overwriting them). Who may
     * evaluate is the caller module's policy action for the sheet (e.g. Tim Inovasi for IID).
     */
    async saveEvaluatorAnswers(actor: Actor, sheet: SheetRef, answers: Record<string, EvalAnswerInput>, requestId?: string) {
      const spec = await access(actor, sheet, 'evaluate');
      validate(worksheetOf(spec, sheet), answers);
      await writeWithAudit(db, who(actor, requestId), clock, async (tx, audit) => {
        await assertOpen(spec, tx, actor.tenantId, sheet);
        const now = clock.now().toISOString();
        const before = await loadSheet(tx, actor.tenantId, sheet);
        for (const [code, a] of Object.entries(answers)) await answersRepo.upsertSide(tx, actor.tenantId, sheet, code, 'eval', a, actor.userId, now);
        const e = auditEntity(spec, actor.tenantId, sheet);
        const changes = Object.fromEntries(
          Object.entries(answers).map(([code, a]) => [`${sheet.kind}:${sheet.rulebookId}:eval:${code}`, { before: before.get(code)?.evalValue ?? null, after: a.value }]),
        );
        await audit.record({ entityType: e.type, entityId: e.id, action: 'evaluate', changes });
      });
      return { ...sheet, items: present(await loadSheet(db, actor.tenantId, sheet)) };
    },

    /**
     * The sheet scored by the engine from one side: 'own' (the unit's answers) or 'evaluator'
     * (only the evaluator's answers). The result carries per node the formula, the shortfalls
     * against minimums and the `unverified` flags; `compare` rescores the same answers under
     * other rulebook versions of the kind (matched by question code).
     */
    async scoreSheet(actor: Actor, sheet: SheetRef, opts: { side: 'own' | 'evaluator'; compare?: string[] }) {
      const spec = await access(actor, sheet, 'read');
      const ws = worksheetOf(spec, sheet);
      const rows = await loadSheet(db, actor.tenantId, sheet);
      const answers: Answers = {};
      for (const r of rows.values()) {
        const value = opts.side === 'own' ? r.ownValue : r.evalValue;
        if (value !== null) answers[r.questionCode] = { value, basis: opts.side === 'own' ? r.ownBasis : r.evalBasis, evidenceCount: r.evidence.length };
      }
      // Stored answers were checked when written; a question the rulebook lost since is left out, not fatal.
      const result = scoreWorksheet(ws, answers, { unknownAnswers: 'ignore' });
      const others = (opts.compare ?? []).filter((id) => id !== sheet.rulebookId).map((id) => worksheetOf(spec, { ...sheet, rulebookId: id }));
      return { ...sheet, side: opts.side, result, whatIf: others.length ? rescore(answers, others) : [] };
    },

    /** Which answers, in which worksheets, use one evidence record (only sheets the actor may read). */
    async evidenceUsedBy(actor: Actor, evidenceId: string) {
      authorize(actor, 'evidence.read', { tenantId: actor.tenantId });
      const found = await answersRepo.existingEvidence(db, actor.tenantId, [evidenceId]);
      if (!found.size) throw notFound('evidence');
      const rows = await answersRepo.usedBy(db, actor.tenantId, evidenceId);
      const items = [];
      for (const r of rows) {
        const spec = kinds.get(r.worksheetKind);
        const owner = spec ? await spec.resolveScope(db, actor.tenantId, r.scope) : null;
        if (!spec || !owner || !can(actor, spec.actions(r.scope).read, { tenantId: actor.tenantId, unitId: owner.unitId })) continue;
        items.push({ answerId: r.answerId, worksheetKind: r.worksheetKind, scope: r.scope, rulebookId: r.rulebookId, questionCode: r.questionCode, ownValue: r.ownValue, evalValue: r.evalValue, linkedAt: r.linkedAt });
      }
      return { evidenceId, items };
    },
  };
}
