import type { Insertable } from 'kysely';
import type { Executor } from '../../db/db.ts';
import type { DB, ProposalAttachmentTable, ProposalCommentTable, ProposalSectionTable, ProposalTable, ProposalVersionTable } from '../../db/schema.ts';

/** KIPP proposals data access; every function takes tenantId explicitly. */
export const proposalRepo = {
  /** Proposals with the unit of their innovation, most recently changed first. */
  list(db: Executor, tenantId: string, filter: { innovationId?: string }) {
    let q = db
      .selectFrom('proposals as p')
      .innerJoin('innovations as i', (j) => j.onRef('i.tenantId', '=', 'p.tenantId').onRef('i.id', '=', 'p.innovationId'))
      // The KIPP home card shows the unit and where the proposal stands (draft, entered, decided).
      .leftJoin('units as u', (j) => j.onRef('u.tenantId', '=', 'i.tenantId').onRef('u.id', '=', 'i.unitId'))
      .leftJoin('competitions as c', (j) => j.onRef('c.tenantId', '=', 'p.tenantId').onRef('c.id', '=', 'p.competitionId'))
      .select(['p.id', 'p.title', 'p.rulebookId', 'p.innovationId', 'p.updatedAt', 'p.competitionId', 'i.unitId', 'u.name as unitName', 'u.shortName as unitShortName', 'c.name as competitionName', 'c.status as competitionStatus'])
      .where('p.tenantId', '=', tenantId);
    if (filter.innovationId) q = q.where('p.innovationId', '=', filter.innovationId);
    return q.orderBy('p.updatedAt', 'desc').execute();
  },
  /** Whether the proposal exists and the unit of its innovation (evidence access). */
  async unitOf(db: Executor, tenantId: string, id: string) {
    const r = await db.selectFrom('proposals as p').innerJoin('innovations as i', (j) => j.onRef('i.tenantId', '=', 'p.tenantId').onRef('i.id', '=', 'p.innovationId')).select('i.unitId').where('p.tenantId', '=', tenantId).where('p.id', '=', id).executeTakeFirst();
    return { exists: !!r, unitId: r?.unitId ?? null };
  },

  find(db: Executor, tenantId: string, id: string) {
    return db.selectFrom('proposals').selectAll().where('tenantId', '=', tenantId).where('id', '=', id).executeTakeFirst();
  },
  innovationOf(db: Executor, tenantId: string, innovationId: string) {
    return db.selectFrom('innovations').selectAll().where('tenantId', '=', tenantId).where('id', '=', innovationId).executeTakeFirstOrThrow();
  },
  findInnovation(db: Executor, tenantId: string, innovationId: string) {
    return db.selectFrom('innovations').selectAll().where('tenantId', '=', tenantId).where('id', '=', innovationId).executeTakeFirst();
  },
  /** The names of the regions that confirmed replicating an innovation (prefill of the replication section). */
  async replicatingRegions(db: Executor, originTenantId: string, originInnovationId: string) {
    const rows = await db
      .selectFrom('innovationReplications as r')
      .innerJoin('tenants as t', 't.id', 'r.tenantId')
      .select(['t.name'])
      .where('r.originTenantId', '=', originTenantId)
      .where('r.originInnovationId', '=', originInnovationId)
      .where('r.confirmedAt', 'is not', null)
      .execute();
    return rows.map((r) => r.name);
  },
  async insert(db: Executor, row: Insertable<ProposalTable>) {
    await db.insertInto('proposals').values(row).execute();
  },
  async touch(db: Executor, tenantId: string, id: string, updatedAt: string) {
    await db.updateTable('proposals').set({ updatedAt }).where('tenantId', '=', tenantId).where('id', '=', id).execute();
  },
  /** Another proposal of the same competition with the same title, if any. */
  sameTitleInCompetition(db: Executor, tenantId: string, competitionId: string, exceptId: string, title: string) {
    return db.selectFrom('proposals').select('id').where('tenantId', '=', tenantId).where('competitionId', '=', competitionId).where('id', '!=', exceptId).where('title', '=', title).executeTakeFirst();
  },
  competitionRegistrationClose(db: Executor, tenantId: string, competitionId: string) {
    return db.selectFrom('competitions').select('registrationClose').where('tenantId', '=', tenantId).where('id', '=', competitionId).executeTakeFirst();
  },

  sections(db: Executor, tenantId: string, proposalId: string) {
    return db.selectFrom('proposalSections').selectAll().where('tenantId', '=', tenantId).where('proposalId', '=', proposalId).execute();
  },
  section(db: Executor, tenantId: string, proposalId: string, key: string) {
    return db.selectFrom('proposalSections').selectAll().where('tenantId', '=', tenantId).where('proposalId', '=', proposalId).where('key', '=', key).executeTakeFirstOrThrow();
  },
  async insertSection(db: Executor, row: Insertable<ProposalSectionTable>) {
    await db.insertInto('proposalSections').values(row).execute();
  },
  /** Optimistic lock: writes the section only at the version that was read; answers whether it did. */
  async updateSectionAt(db: Executor, tenantId: string, proposalId: string, key: string, readVersion: number, set: { text: string; version: number; updatedAt: string; updatedBy: string }) {
    const res = await db
      .updateTable('proposalSections')
      .set(set)
      .where('tenantId', '=', tenantId)
      .where('proposalId', '=', proposalId)
      .where('key', '=', key)
      .where('version', '=', readVersion)
      .executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  },
  /** Every saved version of every section (the judges read the entered ones). */
  allVersions(db: Executor, tenantId: string, proposalId: string) {
    return db.selectFrom('proposalVersions').select(['key', 'version', 'text']).where('tenantId', '=', tenantId).where('proposalId', '=', proposalId).execute();
  },
  versionsOfSection(db: Executor, tenantId: string, proposalId: string, key: string) {
    return db.selectFrom('proposalVersions').select(['version', 'savedAt', 'savedByName', 'text']).where('tenantId', '=', tenantId).where('proposalId', '=', proposalId).where('key', '=', key).orderBy('version', 'desc').execute();
  },
  async insertVersion(db: Executor, row: Insertable<ProposalVersionTable>) {
    await db.insertInto('proposalVersions').values(row).execute();
  },

  openCommentSections(db: Executor, tenantId: string, proposalId: string) {
    return db.selectFrom('proposalComments').select(['sectionKey']).where('tenantId', '=', tenantId).where('proposalId', '=', proposalId).where('resolvedAt', 'is', null).execute();
  },
  comments(db: Executor, tenantId: string, proposalId: string) {
    return db.selectFrom('proposalComments').selectAll().where('tenantId', '=', tenantId).where('proposalId', '=', proposalId).orderBy('createdAt').execute();
  },
  findComment(db: Executor, tenantId: string, proposalId: string, id: string) {
    return db.selectFrom('proposalComments').selectAll().where('tenantId', '=', tenantId).where('proposalId', '=', proposalId).where('id', '=', id).executeTakeFirst();
  },
  async insertComment(db: Executor, row: Insertable<ProposalCommentTable>) {
    await db.insertInto('proposalComments').values(row).execute();
  },
  async resolveComment(db: Executor, tenantId: string, id: string, resolvedAt: string, resolvedBy: string) {
    await db.updateTable('proposalComments').set({ resolvedAt, resolvedBy }).where('tenantId', '=', tenantId).where('id', '=', id).execute();
  },

  attachmentKindsOf(db: Executor, tenantId: string, proposalId: string) {
    return db.selectFrom('proposalAttachments').select('kind').where('tenantId', '=', tenantId).where('proposalId', '=', proposalId).execute();
  },
  /** Attachments with their file names. */
  attachments(db: Executor, tenantId: string, proposalId: string) {
    return db
      .selectFrom('proposalAttachments as a')
      .innerJoin('evidence as e', (j) => j.onRef('e.tenantId', '=', 'a.tenantId').onRef('e.id', '=', 'a.evidenceId'))
      .select(['a.id', 'a.kind', 'a.evidenceId', 'e.originalName', 'a.createdAt'])
      .where('a.tenantId', '=', tenantId)
      .where('a.proposalId', '=', proposalId)
      .execute();
  },
  /** The kind and file name of each attachment (exports). */
  attachedKinds(db: Executor, tenantId: string, proposalId: string) {
    return db
      .selectFrom('proposalAttachments as a')
      .innerJoin('evidence as e', (j) => j.onRef('e.tenantId', '=', 'a.tenantId').onRef('e.id', '=', 'a.evidenceId'))
      .select(['a.kind', 'e.originalName'])
      .where('a.tenantId', '=', tenantId)
      .where('a.proposalId', '=', proposalId)
      .execute();
  },
  findEvidence(db: Executor, tenantId: string, evidenceId: string) {
    return db.selectFrom('evidence').select(['id', 'originalName']).where('tenantId', '=', tenantId).where('id', '=', evidenceId).executeTakeFirst();
  },
  /** Records the attachment and links its evidence to the proposal (once). */
  async insertAttachment(db: Executor, row: Insertable<ProposalAttachmentTable>, linkId: string) {
    await db.insertInto('proposalAttachments').values(row).execute();
    await db
      .insertInto('evidenceLinks')
      .values({ tenantId: row.tenantId, id: linkId, evidenceId: row.evidenceId, entityType: 'proposal', entityId: row.proposalId, createdAt: row.createdAt } satisfies Insertable<DB['evidenceLinks']>)
      .onConflict((oc) => oc.doNothing())
      .execute();
  },
};
