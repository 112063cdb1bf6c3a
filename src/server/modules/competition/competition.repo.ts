import { sql, type Insertable, type Updateable } from 'kysely';
import type { DialectName, Executor } from '../../db/db.ts';
import type { CompetitionTable, DB } from '../../db/schema.ts';
import { forUpdate, ilikeContains } from '../../db/dialect.ts';
import { orderByList, pageOf, type SortColumns } from '../../lib/list.ts';
import { expandUnitScope } from '../../policy/actor.ts';
import type { LIST_SORTS, SortValue } from '../../../shared/schemas/common.ts';

type CompetitionSortKey = (typeof LIST_SORTS.competitions.keys)[number];
export interface CompetitionListFilter {
  /** Part of the competition's name. */
  q?: string;
  year?: number;
  page: number;
  pageSize: number;
  sort: SortValue<CompetitionSortKey>;
}
const COMPETITION_SORT: SortColumns<CompetitionSortKey> = {
  createdAt: { column: 'c.createdAt' },
  name: { column: 'c.name', text: true },
  year: { column: 'c.year' },
  registrationClose: { column: 'c.registrationClose' },
};

/** The tenant's competitions; with `judgeUserId` only those that judge is assigned to. */
function visibleCompetitions(db: Executor, tenantId: string, judgeUserId?: string) {
  const q = db.selectFrom('competitions as c').where('c.tenantId', '=', tenantId);
  if (!judgeUserId) return q;
  return q.where((eb) =>
    eb.exists(eb.selectFrom('competitionJudges as j').select('j.userId').whereRef('j.tenantId', '=', 'c.tenantId').whereRef('j.competitionId', '=', 'c.id').where('j.userId', '=', judgeUserId)),
  );
}

/** Internal competitions: data access shared by the competition and proposal services. */
export const competitionRepo = {
  find(db: Executor, tenantId: string, id: string) {
    return db.selectFrom('competitions').selectAll().where('tenantId', '=', tenantId).where('id', '=', id).executeTakeFirst();
  },

  /**
   * Competitions of the tenant, filtered (name, year), sorted (newest first by default) and paged;
   * with `judgeUserId` only those that judge is assigned to.
   */
  async list(db: Executor, dialect: DialectName, tenantId: string, f: CompetitionListFilter, judgeUserId?: string) {
    let q = visibleCompetitions(db, tenantId, judgeUserId);
    if (f.q) q = q.where(ilikeContains('c.name', f.q));
    if (f.year) q = q.where('c.year', '=', f.year);
    const [{ total }] = await q.select((eb) => eb.fn.countAll<number>().as('total')).execute();
    const items = await q
      .select(['c.id', 'c.name', 'c.year', 'c.status', 'c.quota', 'c.registrationClose', 'c.isBlind', 'c.decisionNumber', 'c.createdAt'])
      .$call((qb) => pageOf(orderByList(qb, f.sort, COMPETITION_SORT, 'c.id', dialect), f))
      .execute();
    return { items, total: Number(total) };
  },

  /** The years that have a competition this actor may see (all, or a judge's own), newest first. */
  async years(db: Executor, tenantId: string, judgeUserId?: string): Promise<number[]> {
    const rows = await visibleCompetitions(db, tenantId, judgeUserId).select('c.year').distinct().orderBy('c.year', 'desc').execute();
    return rows.map((r) => Number(r.year));
  },

  isJudge(db: Executor, tenantId: string, competitionId: string, userId: string) {
    return db.selectFrom('competitionJudges').select('userId').where('tenantId', '=', tenantId).where('competitionId', '=', competitionId).where('userId', '=', userId).executeTakeFirst().then((r) => !!r);
  },

  /** A competition of the same pemda and year whose name equals this one, ignoring case (names are stored collapsed). */
  sameName(db: Executor, tenantId: string, year: number, name: string) {
    return db.selectFrom('competitions').select(['id', 'name']).where('tenantId', '=', tenantId).where('year', '=', year).where(sql`lower(name)`, '=', name.toLowerCase()).executeTakeFirst();
  },

  /** The stored PDF (by SHA-256) of an issued document, e.g. the SK penetapan. */
  async documentSha256(db: Executor, tenantId: string, documentId: string) {
    const doc = await db.selectFrom('officialDocuments').select('sha256').where('tenantId', '=', tenantId).where('id', '=', documentId).executeTakeFirstOrThrow();
    return doc.sha256;
  },

  judges(db: Executor, tenantId: string, competitionId: string) {
    return db
      .selectFrom('competitionJudges as j')
      .innerJoin('users as u', 'u.id', 'j.userId')
      .select(['j.userId', 'j.conflicts', 'u.name'])
      .where('j.tenantId', '=', tenantId)
      .where('j.competitionId', '=', competitionId)
      .execute();
  },

  /** The entries with the version judges score; the unit is joined for managers and conflict checks. */
  entries(db: Executor, tenantId: string, competitionId: string) {
    return db
      .selectFrom('competitionEntries as e')
      .innerJoin('proposals as p', (j) => j.onRef('p.tenantId', '=', 'e.tenantId').onRef('p.id', '=', 'e.proposalId'))
      .innerJoin('innovations as i', (j) => j.onRef('i.tenantId', '=', 'e.tenantId').onRef('i.id', '=', 'e.innovationId'))
      .innerJoin('units as u', (j) => j.onRef('u.tenantId', '=', 'i.tenantId').onRef('u.id', '=', 'i.unitId'))
      .select(['e.proposalId as id', 'p.title', 'i.title as innovationTitle', 'i.unitId', 'u.name as unitName', 'e.innovationId', 'e.version', 'e.sectionVersions'])
      .where('e.tenantId', '=', tenantId)
      .where('e.competitionId', '=', competitionId)
      .orderBy('p.title')
      .orderBy('e.proposalId')
      .execute();
  },

  /** The competition entry of a proposal (a proposal enters at most one competition), with the competition. */
  entryOfProposal(db: Executor, tenantId: string, proposalId: string) {
    return db
      .selectFrom('competitionEntries as e')
      .innerJoin('competitions as c', (j) => j.onRef('c.tenantId', '=', 'e.tenantId').onRef('c.id', '=', 'e.competitionId'))
      .select(['e.competitionId', 'e.proposalId', 'e.innovationId', 'e.version', 'e.sectionVersions', 'e.enteredAt', 'c.name as competitionName', 'c.isBlind', 'c.status'])
      .where('e.tenantId', '=', tenantId)
      .where('e.proposalId', '=', proposalId)
      .executeTakeFirst();
  },

  /** The units a user belongs to: their person's unit and any unit roles, with sub-units. */
  async unitsOfUser(db: Executor, tenantId: string, userId: string) {
    const user = await db.selectFrom('users').select(['personId']).where('id', '=', userId).executeTakeFirst();
    const grants = await db.selectFrom('userRoles').select(['role', 'unitId']).where('tenantId', '=', tenantId).where('userId', '=', userId).execute();
    const person = user?.personId ? await db.selectFrom('people').select('unitId').where('tenantId', '=', tenantId).where('id', '=', user.personId).executeTakeFirst() : undefined;
    const roots = [...grants.map((g) => g.unitId), person?.unitId].filter((x): x is string => !!x);
    const tree = await db.selectFrom('units').select(['id', 'parentId']).where('tenantId', '=', tenantId).execute();
    return expandUnitScope(roots.map((u) => ({ role: 'unit_operator' as const, unitId: u })), tree);
  },

  /**
   * Names that identify a unit or a person behind an innovation: what blind mode hides. A unit
   * name that is part of the pemda's own name (the kecamatan "Muara Enim" of the Kabupaten Muara
   * Enim) names the whole region, which every judge knows, and is left alone; its full name
   * ("Kecamatan Muara Enim") is still hidden.
   */
  async identifyingNames(db: Executor, tenantId: string, innovationIds: string[]) {
    const tenant = await db.selectFrom('tenants').select('name').where('id', '=', tenantId).executeTakeFirst();
    const region = (tenant?.name ?? '').toLowerCase();
    const units = (await db.selectFrom('units').select(['name', 'shortName']).where('tenantId', '=', tenantId).execute()).map((u) => ({
      name: u.name,
      shortName: u.shortName && !region.includes(u.shortName.toLowerCase()) ? u.shortName : null,
    }));
    const innovators = innovationIds.length
      ? await db
          .selectFrom('innovationInnovators as ii')
          .leftJoin('people as p', (j) => j.onRef('p.tenantId', '=', 'ii.tenantId').onRef('p.id', '=', 'ii.personId'))
          .select(['p.name as personName', 'ii.externalName'])
          .where('ii.tenantId', '=', tenantId)
          .where('ii.innovationId', 'in', innovationIds)
          .execute()
      : [];
    return [...units.flatMap((u) => [u.name, u.shortName]), ...innovators.flatMap((i) => [i.personName, i.externalName])].filter((x): x is string => !!x && x.trim().length >= 3);
  },

  // Writes and lookups of the competition's verbs (create, judges, entries, scores, decision).
  async insert(db: Executor, row: Insertable<CompetitionTable>) {
    await db.insertInto('competitions').values(row).execute();
  },
  async update(db: Executor, tenantId: string, id: string, set: Updateable<CompetitionTable>) {
    await db.updateTable('competitions').set(set).where('tenantId', '=', tenantId).where('id', '=', id).execute();
  },
  /** Serialise entries per competition (a PostgreSQL row lock; SQLite transactions are serial). */
  async lock(db: Executor, dialect: DialectName, tenantId: string, id: string) {
    await forUpdate(db.selectFrom('competitions').select('id').where('tenantId', '=', tenantId).where('id', '=', id), dialect).execute();
  },
  findUser(db: Executor, tenantId: string, userId: string) {
    return db.selectFrom('users').select(['id', 'name']).where('tenantId', '=', tenantId).where('id', '=', userId).executeTakeFirst();
  },
  activeUsers(db: Executor, tenantId: string) {
    return db.selectFrom('users').select(['id', 'name', 'username']).where('tenantId', '=', tenantId).where('isActive', '=', 1).orderBy('name').execute();
  },
  async usersWithRole(db: Executor, tenantId: string, role: string) {
    return (await db.selectFrom('userRoles').select('userId').where('tenantId', '=', tenantId).where('role', '=', role).execute()).map((r) => r.userId);
  },
  /** Assigns a judge (a second assignment is a no-op). */
  async addJudge(db: Executor, tenantId: string, competitionId: string, userId: string) {
    await db.insertInto('competitionJudges').values({ tenantId, competitionId, userId, conflicts: '[]' }).onConflict((oc) => oc.doNothing()).execute();
  },
  async setJudgeConflicts(db: Executor, tenantId: string, competitionId: string, userId: string, conflicts: string[]) {
    await db.updateTable('competitionJudges').set({ conflicts: JSON.stringify(conflicts) }).where('tenantId', '=', tenantId).where('competitionId', '=', competitionId).where('userId', '=', userId).execute();
  },
  /** A proposal with the unit of its innovation (who may enter it). */
  proposalToEnter(db: Executor, tenantId: string, proposalId: string) {
    return db
      .selectFrom('proposals as p')
      .innerJoin('innovations as i', (j) => j.onRef('i.tenantId', '=', 'p.tenantId').onRef('i.id', '=', 'p.innovationId'))
      .select(['p.id', 'p.rulebookId', 'p.title', 'p.innovationId', 'p.competitionId', 'i.unitId'])
      .where('p.tenantId', '=', tenantId)
      .where('p.id', '=', proposalId)
      .executeTakeFirst();
  },
  entryOfInnovation(db: Executor, tenantId: string, competitionId: string, innovationId: string) {
    return db.selectFrom('competitionEntries').select(['title']).where('tenantId', '=', tenantId).where('competitionId', '=', competitionId).where('innovationId', '=', innovationId).executeTakeFirst();
  },
  /** The version of each section of a proposal, and the proposal's revision count (what an entry locks). */
  async proposalVersions(db: Executor, tenantId: string, proposalId: string) {
    const sections = await db.selectFrom('proposalSections').select(['key', 'version']).where('tenantId', '=', tenantId).where('proposalId', '=', proposalId).execute();
    const revision = await db.selectFrom('proposalVersions').select((eb) => eb.fn.countAll<number>().as('n')).where('tenantId', '=', tenantId).where('proposalId', '=', proposalId).executeTakeFirstOrThrow();
    return { sections, revisions: Number(revision.n) };
  },
  /** Records the entry and marks the proposal as entered. */
  async insertEntry(db: Executor, row: Insertable<DB['competitionEntries']>) {
    await db.insertInto('competitionEntries').values(row).execute();
    await db.updateTable('proposals').set({ competitionId: row.competitionId }).where('tenantId', '=', row.tenantId).where('id', '=', row.proposalId).execute();
  },
  scores(db: Executor, tenantId: string, competitionId: string) {
    return db.selectFrom('judgeScores').select(['proposalId', 'userId', 'total']).where('tenantId', '=', tenantId).where('competitionId', '=', competitionId).execute();
  },
  scoresOfJudge(db: Executor, tenantId: string, competitionId: string, userId: string) {
    return db.selectFrom('judgeScores').select(['proposalId', 'scores', 'total']).where('tenantId', '=', tenantId).where('competitionId', '=', competitionId).where('userId', '=', userId).execute();
  },
  scoreOf(db: Executor, tenantId: string, competitionId: string, proposalId: string, userId: string) {
    return db.selectFrom('judgeScores').select('total').where('tenantId', '=', tenantId).where('competitionId', '=', competitionId).where('proposalId', '=', proposalId).where('userId', '=', userId).executeTakeFirst();
  },
  /** Replaces a judge's score of a proposal. */
  async putScore(db: Executor, row: Insertable<DB['judgeScores']>) {
    await db.deleteFrom('judgeScores').where('tenantId', '=', row.tenantId).where('competitionId', '=', row.competitionId).where('proposalId', '=', row.proposalId).where('userId', '=', row.userId).execute();
    await db.insertInto('judgeScores').values(row).execute();
  },
};
