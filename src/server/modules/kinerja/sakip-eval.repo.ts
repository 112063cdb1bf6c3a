import { evidenceRepo } from '../evidence/evidence.repo.ts';
import type { DialectName, Executor } from '../../db/db.ts';
import { forUpdate } from '../../db/dialect.ts';
import type { SakipLheIssueTable, SakipLheItemTable } from '../../db/schema.ts';
import { newId } from '../../lib/ids.ts';

/** The entity type of LHE follow-ups in `evidence_links`. */
export const FOLLOW_UP_ENTITY = 'sakip_followup';

/** Kysely queries of the SAKIP internal evaluation; every function takes tenantId. */
export const sakipEvalRepo = {
  unit(db: Executor, tenantId: string, unitId: string) {
    return db.selectFrom('units').select(['id', 'parentId', 'name', 'shortName', 'type']).where('tenantId', '=', tenantId).where('id', '=', unitId).executeTakeFirst();
  },

  /** The evaluated units: every active unit (perangkat daerah, kecamatan and their sub-units); the service orders them by tree. */
  activeUnits(db: Executor, tenantId: string) {
    return db.selectFrom('units').select(['id', 'parentId', 'name', 'shortName', 'type']).where('tenantId', '=', tenantId).where('isActive', '=', 1).execute();
  },

  /**
   * Serialise the LHE writes of one evaluation (issue vs. adding a finding): lock the unit row,
   * or the tenant row for the pemda-level evaluation, until the transaction ends.
   */
  async lockTarget(tx: Executor, dialect: DialectName, tenantId: string, unitId: string | null) {
    if (unitId) await forUpdate(tx.selectFrom('units').select('id').where('tenantId', '=', tenantId).where('id', '=', unitId), dialect).execute();
    else await forUpdate(tx.selectFrom('tenants').select('id').where('id', '=', tenantId), dialect).execute();
  },

  /** The issued LHE of an evaluation (target = unit id or 'pemda'), with its verification code. */
  issued(db: Executor, tenantId: string, target: string, year: number) {
    return db
      .selectFrom('sakipLheIssues as i')
      .innerJoin('officialDocuments as d', (j) => j.onRef('d.tenantId', '=', 'i.tenantId').onRef('d.id', '=', 'i.documentId'))
      .select(['i.id', 'i.documentId', 'i.number', 'i.documentDate', 'i.issuedAt', 'i.issuedBy', 'd.sha256', 'd.verificationCode', 'd.status as documentStatus'])
      .where('i.tenantId', '=', tenantId)
      .where('i.target', '=', target)
      .where('i.year', '=', year)
      .executeTakeFirst();
  },

  async deleteIssue(db: Executor, tenantId: string, id: string) {
    await db.deleteFrom('sakipLheIssues').where('tenantId', '=', tenantId).where('id', '=', id).execute();
  },

  async insertIssue(db: Executor, row: SakipLheIssueTable) {
    await db.insertInto('sakipLheIssues').values(row).execute();
  },

  /** The Inspektorat unit of the tenant (its kop and its head sign the LHE), if there is one. */
  inspectorate(db: Executor, tenantId: string) {
    return db.selectFrom('units').select(['id', 'name']).where('tenantId', '=', tenantId).where('type', '=', 'inspektorat').where('isActive', '=', 1).orderBy('createdAt').executeTakeFirst();
  },

  /** Every answer of these worksheet kinds whose scope is one of `scopes` (the year-on-year table). */
  answersOf(db: Executor, tenantId: string, kinds: string[], scopes: string[], rulebookId: string) {
    if (!scopes.length) return Promise.resolve([]);
    return db
      .selectFrom('assessmentAnswers')
      .select(['worksheetKind', 'scope', 'questionCode', 'ownValue', 'evalValue'])
      .where('tenantId', '=', tenantId)
      .where('worksheetKind', 'in', kinds)
      .where('scope', 'in', scopes)
      .where('rulebookId', '=', rulebookId)
      .execute();
  },

  items(db: Executor, tenantId: string, unitId: string | null, year: number) {
    let q = db.selectFrom('sakipLheItems').selectAll().where('tenantId', '=', tenantId).where('year', '=', year);
    q = unitId ? q.where('unitId', '=', unitId) : q.where('unitId', 'is', null);
    return q.orderBy('seq').orderBy('id').execute();
  },

  /** Follow-up counts per unit (null = pemda) and status for a year. */
  async statusCounts(db: Executor, tenantId: string, year: number) {
    const rows = await db
      .selectFrom('sakipLheItems')
      .select(['unitId', 'status', db.fn.countAll<string | number>().as('n')])
      .where('tenantId', '=', tenantId)
      .where('year', '=', year)
      .groupBy(['unitId', 'status'])
      .execute();
    return rows.map((r) => ({ unitId: r.unitId, status: r.status, n: Number(r.n) }));
  },

  find(db: Executor, tenantId: string, id: string) {
    return db.selectFrom('sakipLheItems').selectAll().where('tenantId', '=', tenantId).where('id', '=', id).executeTakeFirst();
  },

  async nextSeq(db: Executor, tenantId: string, unitId: string | null, year: number) {
    let q = db.selectFrom('sakipLheItems').select(db.fn.max('seq').as('m')).where('tenantId', '=', tenantId).where('year', '=', year);
    q = unitId ? q.where('unitId', '=', unitId) : q.where('unitId', 'is', null);
    const r = await q.executeTakeFirst();
    return Number(r?.m ?? 0) + 1;
  },

  async insert(db: Executor, row: SakipLheItemTable) {
    await db.insertInto('sakipLheItems').values(row).execute();
  },

  async update(db: Executor, tenantId: string, id: string, set: Partial<SakipLheItemTable>) {
    await db.updateTable('sakipLheItems').set(set).where('tenantId', '=', tenantId).where('id', '=', id).execute();
  },

  /** Evidence of follow-ups, in the order linked. */
  async evidenceOf(db: Executor, tenantId: string, itemIds: string[]) {
    return (await evidenceRepo.linkedFiles(db, tenantId, FOLLOW_UP_ENTITY, itemIds)).map(({ entityId, ...f }) => ({ itemId: entityId, ...f }));
  },

  /** Add evidence links to a follow-up (links only; files are never copied); returns the ids added. */
  async linkEvidence(db: Executor, tenantId: string, itemId: string, evidenceIds: string[], now: string) {
    const added: string[] = [];
    for (const evidenceId of new Set(evidenceIds)) {
      if (await evidenceRepo.linkExists(db, tenantId, evidenceId, FOLLOW_UP_ENTITY, itemId)) continue;
      await evidenceRepo.insertLink(db, { tenantId, id: newId(), evidenceId, entityType: FOLLOW_UP_ENTITY, entityId: itemId, createdAt: now });
      added.push(evidenceId);
    }
    return added;
  },

  /** For the evidence registry: the unit a follow-up belongs to. */
  async unitOfItem(db: Executor, tenantId: string, itemId: string) {
    const r = await db.selectFrom('sakipLheItems').select('unitId').where('tenantId', '=', tenantId).where('id', '=', itemId).executeTakeFirst();
    return { exists: !!r, unitId: r?.unitId ?? null };
  },
};
