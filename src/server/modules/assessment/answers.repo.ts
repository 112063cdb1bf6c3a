import type { Executor } from '../../db/db.ts';
import { newId } from '../../lib/ids.ts';

/** The entity type of assessment answers in `evidence_links`. */
export const ANSWER_ENTITY = 'assessment_answer';

/** One worksheet instance: its kind, whose/what it is about (scope) and the rulebook version. */
export interface SheetRef {
  kind: string;
  scope: string;
  rulebookId: string;
}

export interface SideInput {
  value: string | null;
  basis?: string | null;
  note?: string | null;
}

/** The one answers store (Kysely only; every function takes tenantId). */
export const answersRepo = {
  list(db: Executor, tenantId: string, sheet: SheetRef) {
    return db
      .selectFrom('assessmentAnswers')
      .selectAll()
      .where('tenantId', '=', tenantId)
      .where('worksheetKind', '=', sheet.kind)
      .where('scope', '=', sheet.scope)
      .where('rulebookId', '=', sheet.rulebookId)
      .orderBy('questionCode')
      .execute();
  },

  find(db: Executor, tenantId: string, id: string) {
    return db.selectFrom('assessmentAnswers').selectAll().where('tenantId', '=', tenantId).where('id', '=', id).executeTakeFirst();
  },

  /** Evidence linked to these answers, in the order it was linked. */
  async evidenceOf(db: Executor, tenantId: string, answerIds: string[]) {
    if (!answerIds.length) return [];
    return db
      .selectFrom('evidenceLinks as l')
      .innerJoin('evidence as e', (j) => j.onRef('e.tenantId', '=', 'l.tenantId').onRef('e.id', '=', 'l.evidenceId'))
      .select(['l.entityId as answerId', 'e.id', 'e.originalName', 'e.mime', 'e.size', 'e.sha256', 'l.createdAt as linkedAt'])
      .where('l.tenantId', '=', tenantId)
      .where('l.entityType', '=', ANSWER_ENTITY)
      .where('l.entityId', 'in', answerIds)
      .orderBy('l.createdAt')
      .orderBy('l.id')
      .execute();
  },

  /** Insert or update one side of an answer; returns the answer id. */
  async upsertSide(db: Executor, tenantId: string, sheet: SheetRef, questionCode: string, side: 'own' | 'eval', input: SideInput, by: string | null, now: string) {
    const existing = await db
      .selectFrom('assessmentAnswers')
      .select('id')
      .where('tenantId', '=', tenantId)
      .where('worksheetKind', '=', sheet.kind)
      .where('scope', '=', sheet.scope)
      .where('rulebookId', '=', sheet.rulebookId)
      .where('questionCode', '=', questionCode)
      .executeTakeFirst();
    const values =
      side === 'own'
        ? { ownValue: input.value, ownBasis: input.basis ?? null, ownNote: input.note ?? null, ownBy: by, ownAt: now }
        : { evalValue: input.value, evalBasis: input.basis ?? null, evalNote: input.note ?? null, evalBy: by, evalAt: now };
    if (existing) {
      await db.updateTable('assessmentAnswers').set({ ...values, updatedAt: now }).where('tenantId', '=', tenantId).where('id', '=', existing.id).execute();
      return existing.id;
    }
    const id = newId();
    await db
      .insertInto('assessmentAnswers')
      .values({
        tenantId,
        id,
        worksheetKind: sheet.kind,
        scope: sheet.scope,
        rulebookId: sheet.rulebookId,
        questionCode,
        ownValue: null,
        ownBasis: null,
        ownNote: null,
        ownBy: null,
        ownAt: null,
        evalValue: null,
        evalBasis: null,
        evalNote: null,
        evalBy: null,
        evalAt: null,
        ...values,
        createdAt: now,
        updatedAt: now,
      })
      .execute();
    return id;
  },

  /** Clear the unit's side; an answer with neither side left is removed with its evidence links. */
  async clearOwn(db: Executor, tenantId: string, id: string, now: string) {
    const row = await answersRepo.find(db, tenantId, id);
    if (!row) return;
    if (row.evalValue === null && row.evalNote === null) {
      await db.deleteFrom('evidenceLinks').where('tenantId', '=', tenantId).where('entityType', '=', ANSWER_ENTITY).where('entityId', '=', id).execute();
      await db.deleteFrom('assessmentAnswers').where('tenantId', '=', tenantId).where('id', '=', id).execute();
      return;
    }
    await db
      .updateTable('assessmentAnswers')
      .set({ ownValue: null, ownBasis: null, ownNote: null, ownBy: null, ownAt: now, updatedAt: now })
      .where('tenantId', '=', tenantId)
      .where('id', '=', id)
      .execute();
    await db.deleteFrom('evidenceLinks').where('tenantId', '=', tenantId).where('entityType', '=', ANSWER_ENTITY).where('entityId', '=', id).execute();
  },

  /** Make the answer's evidence exactly this set (links only: files are never copied). */
  async setEvidence(db: Executor, tenantId: string, answerId: string, evidenceIds: string[], now: string) {
    const current = await db
      .selectFrom('evidenceLinks')
      .select(['id', 'evidenceId'])
      .where('tenantId', '=', tenantId)
      .where('entityType', '=', ANSWER_ENTITY)
      .where('entityId', '=', answerId)
      .execute();
    const want = new Set(evidenceIds);
    const gone = current.filter((l) => !want.has(l.evidenceId));
    if (gone.length) await db.deleteFrom('evidenceLinks').where('tenantId', '=', tenantId).where('id', 'in', gone.map((l) => l.id)).execute();
    const have = new Set(current.map((l) => l.evidenceId));
    const added = [...want].filter((e) => !have.has(e));
    for (const evidenceId of added) {
      await db.insertInto('evidenceLinks').values({ tenantId, id: newId(), evidenceId, entityType: ANSWER_ENTITY, entityId: answerId, createdAt: now }).execute();
    }
    return { added, removed: gone.map((l) => l.evidenceId) };
  },

  /** "Evidence used by": every answer, in any worksheet, that this evidence record backs. */
  usedBy(db: Executor, tenantId: string, evidenceId: string) {
    return db
      .selectFrom('evidenceLinks as l')
      .innerJoin('assessmentAnswers as a', (j) => j.onRef('a.tenantId', '=', 'l.tenantId').onRef('a.id', '=', 'l.entityId'))
      .select(['a.id as answerId', 'a.worksheetKind', 'a.scope', 'a.rulebookId', 'a.questionCode', 'a.ownValue', 'a.evalValue', 'l.createdAt as linkedAt'])
      .where('l.tenantId', '=', tenantId)
      .where('l.entityType', '=', ANSWER_ENTITY)
      .where('l.evidenceId', '=', evidenceId)
      .orderBy('a.worksheetKind')
      .orderBy('a.scope')
      .orderBy('a.questionCode')
      .execute();
  },

  /** Which of these evidence ids exist in the tenant (another tenant's ids are simply absent). */
  async existingEvidence(db: Executor, tenantId: string, ids: string[]) {
    if (!ids.length) return new Set<string>();
    const rows = await db.selectFrom('evidence').select('id').where('tenantId', '=', tenantId).where('id', 'in', ids).execute();
    return new Set(rows.map((r) => r.id));
  },
};
