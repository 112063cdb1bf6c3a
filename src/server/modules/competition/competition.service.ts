import type { Deps } from '../../deps.ts';
import { AppError, conflict, notFound, validation } from '../../errors.ts';
import { newId } from '../../lib/ids.ts';
import type { Actor } from '../../policy/actor.ts';
import { expandUnitScope } from '../../policy/actor.ts';
import { authorize, can } from '../../policy/policy.ts';
import { writeWithAudit } from '../audit/audit.writer.ts';
import { who } from '../org/org.service.ts';
import { rank, weightedTotal } from '../../rules/kipp/index.ts';
import { rulebookOfProposal } from '../proposal/proposal.service.ts';
import type { CompetitionTable } from '../../db/schema.ts';
import { issueCompetitionDecree, type DecreeOptions } from './competition.decree.ts';

export interface CreateCompetitionInput {
  name: string;
  year: number;
  rulebookId?: string;
  registrationClose: string;
  quota: number;
  blind?: boolean;
  margin?: number;
}

export function createCompetitionService(deps: Deps) {
  const { db, clock } = deps;

  async function requireCompetition(actor: Actor, id: string) {
    const c = await db.selectFrom('competitions').selectAll().where('tenantId', '=', actor.tenantId).where('id', '=', id).executeTakeFirst();
    if (!c) throw notFound('competition');
    return c;
  }

  async function judgesOf(c: CompetitionTable) {
    return db.selectFrom('competitionJudges as j').innerJoin('users as u', 'u.id', 'j.userId').select(['j.userId', 'j.conflicts', 'u.name']).where('j.tenantId', '=', c.tenantId).where('j.competitionId', '=', c.id).execute();
  }

  async function entries(c: CompetitionTable) {
    return db
      .selectFrom('proposals as p')
      .innerJoin('innovations as i', (j) => j.onRef('i.tenantId', '=', 'p.tenantId').onRef('i.id', '=', 'p.innovationId'))
      .innerJoin('units as u', (j) => j.onRef('u.tenantId', '=', 'i.tenantId').onRef('u.id', '=', 'i.unitId'))
      .select(['p.id', 'p.title', 'i.unitId', 'u.name as unitName', 'p.innovationId'])
      .where('p.tenantId', '=', c.tenantId)
      .where('p.competitionId', '=', c.id)
      .orderBy('p.title')
      .execute();
  }

  /** The units a user belongs to: their person's unit and any unit roles, with sub-units. */
  async function unitsOfUser(tenantId: string, userId: string) {
    const user = await db.selectFrom('users').select(['personId']).where('id', '=', userId).executeTakeFirst();
    const grants = await db.selectFrom('userRoles').select(['role', 'unitId']).where('tenantId', '=', tenantId).where('userId', '=', userId).execute();
    const person = user?.personId ? await db.selectFrom('people').select('unitId').where('tenantId', '=', tenantId).where('id', '=', user.personId).executeTakeFirst() : undefined;
    const roots = [...grants.map((g) => g.unitId), person?.unitId].filter((x): x is string => !!x);
    const tree = await db.selectFrom('units').select(['id', 'parentId']).where('tenantId', '=', tenantId).execute();
    return expandUnitScope(roots.map((u) => ({ role: 'unit_operator' as const, unitId: u })), tree);
  }

  async function rankingOf(c: CompetitionTable) {
    const rb = rulebookOfProposal(c.rulebookId);
    const list = await entries(c);
    const scores = await db.selectFrom('judgeScores').select(['proposalId', 'userId', 'total']).where('tenantId', '=', c.tenantId).where('competitionId', '=', c.id).execute();
    const ranked = rank(list.map((e) => ({ proposalId: e.id, judgeTotals: scores.filter((s) => s.proposalId === e.id).map((s) => Number(s.total)) })), c.margin);
    const byId = new Map(list.map((e) => [e.id, e]));
    return { rb, items: ranked.map((r) => ({ ...r, title: byId.get(r.proposalId)?.title ?? '', unitName: byId.get(r.proposalId)?.unitName ?? '', nominated: r.rank <= c.quota && r.judges > 0 })) };
  }

  return {
    requireCompetition,
    rankingOf,

    async create(actor: Actor, input: CreateCompetitionInput, requestId?: string) {
      authorize(actor, 'competition.manage', { tenantId: actor.tenantId });
      const rb = rulebookOfProposal(input.rulebookId ?? 'kipp-umum-2023');
      return writeWithAudit(db, who(actor, requestId), clock, async (tx, audit) => {
        const row: CompetitionTable = {
          tenantId: actor.tenantId,
          id: newId(),
          name: input.name,
          year: input.year,
          rulebookId: rb.id,
          registrationClose: input.registrationClose,
          quota: input.quota,
          isBlind: input.blind ? 1 : 0,
          margin: input.margin ?? rb.body.disagreementMargin,
          status: 'open',
          decision: null,
          decisionNumber: null,
          decidedAt: null,
          decidedBy: null,
          createdAt: clock.now().toISOString(),
        };
        await tx.insertInto('competitions').values(row).execute();
        await audit.record({ entityType: 'competition', entityId: row.id, action: 'create', after: { name: row.name, year: row.year, rulebookId: row.rulebookId, registrationClose: row.registrationClose, quota: row.quota, blind: input.blind ?? false, margin: row.margin } });
        return row;
      });
    },

    async addJudge(actor: Actor, id: string, userId: string, requestId?: string) {
      const c = await requireCompetition(actor, id);
      authorize(actor, 'competition.manage', { tenantId: actor.tenantId });
      if (c.status !== 'open') throw conflict('errors.competitionFrozen');
      const user = await db.selectFrom('users').select(['id', 'name']).where('tenantId', '=', actor.tenantId).where('id', '=', userId).executeTakeFirst();
      if (!user) throw notFound('user');
      await writeWithAudit(db, who(actor, requestId), clock, async (tx, audit) => {
        await tx.insertInto('competitionJudges').values({ tenantId: actor.tenantId, competitionId: id, userId, conflicts: '[]' }).onConflict((oc) => oc.doNothing()).execute();
        await audit.record({ entityType: 'competition', entityId: id, action: 'update', changes: { judge: { before: null, after: user.name } } });
      });
    },

    /** Users the Tim Inovasi may assign as judges: every active user of the pemda, judges first. */
    async judgeCandidates(actor: Actor, id: string) {
      const c = await requireCompetition(actor, id);
      authorize(actor, 'competition.manage', { tenantId: actor.tenantId });
      const assigned = new Set((await judgesOf(c)).map((j) => j.userId));
      const users = await db.selectFrom('users').select(['id', 'name', 'username']).where('tenantId', '=', actor.tenantId).where('isActive', '=', 1).orderBy('name').execute();
      const judgeRole = new Set((await db.selectFrom('userRoles').select('userId').where('tenantId', '=', actor.tenantId).where('role', '=', 'judge').execute()).map((r) => r.userId));
      return users
        .map((u) => ({ ...u, hasJudgeRole: judgeRole.has(u.id), assigned: assigned.has(u.id) }))
        .sort((a, b) => Number(b.hasJudgeRole) - Number(a.hasJudgeRole) || a.name.localeCompare(b.name));
    },

    async declareConflict(actor: Actor, id: string, proposalId: string, requestId?: string) {
      const c = await requireCompetition(actor, id);
      const judge = (await judgesOf(c)).find((j) => j.userId === actor.userId);
      if (!judge) throw new AppError('FORBIDDEN', 'errors.notJudge');
      const conflicts = new Set(JSON.parse(judge.conflicts) as string[]);
      conflicts.add(proposalId);
      await writeWithAudit(db, who(actor, requestId), clock, async (tx, audit) => {
        await tx.updateTable('competitionJudges').set({ conflicts: JSON.stringify([...conflicts]) }).where('tenantId', '=', actor.tenantId).where('competitionId', '=', id).where('userId', '=', actor.userId).execute();
        await audit.record({ entityType: 'competition', entityId: id, action: 'conflict', changes: { conflict: { before: null, after: proposalId } } });
      });
    },

    async enter(actor: Actor, id: string, proposalId: string, requestId?: string) {
      const c = await requireCompetition(actor, id);
      if (c.status !== 'open') throw conflict('errors.competitionFrozen');
      const p = await db.selectFrom('proposals as p').innerJoin('innovations as i', (j) => j.onRef('i.tenantId', '=', 'p.tenantId').onRef('i.id', '=', 'p.innovationId')).select(['p.id', 'p.rulebookId', 'i.unitId']).where('p.tenantId', '=', actor.tenantId).where('p.id', '=', proposalId).executeTakeFirst();
      if (!p) throw notFound('proposal');
      if (!can(actor, 'competition.manage', { tenantId: actor.tenantId })) authorize(actor, 'proposal.write', { tenantId: actor.tenantId, unitId: p.unitId });
      const today = clock.now().toISOString().slice(0, 10);
      if (today > c.registrationClose) throw conflict('errors.registrationClosed', { date: `#date:${c.registrationClose}` });
      await writeWithAudit(db, who(actor, requestId), clock, async (tx, audit) => {
        await tx.updateTable('proposals').set({ competitionId: id }).where('tenantId', '=', actor.tenantId).where('id', '=', proposalId).execute();
        await audit.record({ entityType: 'proposal', entityId: proposalId, action: 'update', changes: { competitionId: { before: null, after: id } } });
      });
    },

    /** What a judge sees: in blind mode no unit or innovator names. */
    async entriesFor(actor: Actor, id: string) {
      const c = await requireCompetition(actor, id);
      authorize(actor, 'competition.read', { tenantId: actor.tenantId });
      const blind = c.isBlind === 1 && !can(actor, 'competition.manage', { tenantId: actor.tenantId });
      const list = await entries(c);
      const mine = await db.selectFrom('judgeScores').select(['proposalId', 'scores', 'total']).where('tenantId', '=', actor.tenantId).where('competitionId', '=', id).where('userId', '=', actor.userId).execute();
      const judges = await judgesOf(c);
      return {
        competition: { id: c.id, name: c.name, year: c.year, status: c.status, blind: c.isBlind === 1, quota: c.quota, registrationClose: c.registrationClose, margin: c.margin, rulebook: rulebookOfProposal(c.rulebookId) },
        judges: judges.map((j) => ({ userId: j.userId, name: j.name })),
        permissions: { manage: can(actor, 'competition.manage', { tenantId: actor.tenantId }), score: judges.some((j) => j.userId === actor.userId) && c.status === 'open' },
        items: list.map((e) => ({
          proposalId: e.id,
          title: e.title,
          unitName: blind ? null : e.unitName,
          myScores: mine.find((m) => m.proposalId === e.id) ? JSON.parse(mine.find((m) => m.proposalId === e.id)!.scores) : null,
          myTotal: mine.find((m) => m.proposalId === e.id)?.total ?? null,
        })),
      };
    },

    async score(actor: Actor, id: string, proposalId: string, scores: Record<string, number>, requestId?: string) {
      const c = await requireCompetition(actor, id);
      authorize(actor, 'competition.score', { tenantId: actor.tenantId });
      if (c.status !== 'open') throw conflict('errors.competitionFrozen');
      const judge = (await judgesOf(c)).find((j) => j.userId === actor.userId);
      if (!judge) throw new AppError('FORBIDDEN', 'errors.notJudge');
      const entry = (await entries(c)).find((e) => e.id === proposalId);
      if (!entry) throw new AppError('VALIDATION', 'errors.notInCompetition', {}, [{ field: 'proposalId', messageKey: 'errors.notInCompetition' }]);
      // Conflict of interest: never one's own unit (automatic), nor a declared conflict.
      if ((await unitsOfUser(actor.tenantId, actor.userId)).has(entry.unitId)) throw new AppError('FORBIDDEN', 'errors.ownUnitProposal');
      if ((JSON.parse(judge.conflicts) as string[]).includes(proposalId)) throw new AppError('FORBIDDEN', 'errors.declaredConflict');
      const rb = rulebookOfProposal(c.rulebookId);
      for (const [k, v] of Object.entries(scores)) {
        if (!rb.body.criteria.some((x) => x.key === k)) throw validation(`scores.${k}`, 'errors.unknownCriterion', { criterion: k });
        if (!Number.isFinite(v) || v < rb.body.scale.min || v > rb.body.scale.max) throw validation(`scores.${k}`, 'errors.scoreOutOfScale', { criterion: k, min: rb.body.scale.min, max: rb.body.scale.max });
      }
      const missing = rb.body.criteria.filter((x) => scores[x.key] === undefined);
      if (missing.length) throw validation(`scores.${missing[0].key}`, 'errors.scoreOutOfScale', { criterion: missing[0].title, min: rb.body.scale.min, max: rb.body.scale.max });
      const total = weightedTotal(rb, scores);
      await writeWithAudit(db, who(actor, requestId), clock, async (tx, audit) => {
        const now = clock.now().toISOString();
        const before = await tx.selectFrom('judgeScores').select('total').where('tenantId', '=', actor.tenantId).where('competitionId', '=', id).where('proposalId', '=', proposalId).where('userId', '=', actor.userId).executeTakeFirst();
        await tx.deleteFrom('judgeScores').where('tenantId', '=', actor.tenantId).where('competitionId', '=', id).where('proposalId', '=', proposalId).where('userId', '=', actor.userId).execute();
        await tx.insertInto('judgeScores').values({ tenantId: actor.tenantId, competitionId: id, proposalId, userId: actor.userId, scores: JSON.stringify(scores), total, updatedAt: now }).execute();
        await audit.record({ entityType: 'competition', entityId: id, action: 'score', changes: { [proposalId]: { before: before?.total ?? null, after: total } } });
      });
      return { proposalId, total };
    },

    /**
     * Freeze the result as a signed decision; the top `quota` proposals are nominated for SINOVIK.
     * The decree is issued on the official documents kit in the same transaction: its number
     * comes from the register, the signer from the organisation at the decree's date.
     */
    async decide(actor: Actor, id: string, decree: DecreeOptions & { publicBase: string }, requestId?: string) {
      const c = await requireCompetition(actor, id);
      authorize(actor, 'competition.manage', { tenantId: actor.tenantId });
      if (c.status !== 'open') throw conflict('errors.competitionFrozen');
      const { items } = await rankingOf(c);
      const judges = await judgesOf(c);
      return writeWithAudit(db, who(actor, requestId), clock, async (tx, audit) => {
        const now = clock.now().toISOString();
        const { publicBase, ...opts } = decree;
        const issued = await issueCompetitionDecree(deps, tx, audit, { c, ranking: items, judges: judges.map((j) => j.name), opts, actorId: actor.userId, publicBase });
        const decisionNumber = issued.number;
        const decision = { ranking: items, judges: judges.map((j) => j.name), decidedBy: actor.name, decidedAt: now, documentId: issued.id, verificationCode: issued.code, signer: issued.signer };
        await tx.updateTable('competitions').set({ status: 'frozen', decision: JSON.stringify(decision), decisionNumber, decidedAt: now, decidedBy: actor.userId }).where('tenantId', '=', actor.tenantId).where('id', '=', id).execute();
        await audit.record({ entityType: 'competition', entityId: id, action: 'decide', changes: { status: { before: 'open', after: 'frozen' }, decisionNumber: { before: null, after: decisionNumber }, nominated: { before: null, after: items.filter((x) => x.nominated).map((x) => x.title) } } });
        return { ...c, status: 'frozen', decision: JSON.stringify(decision), decisionNumber, decidedAt: now, documentId: issued.id, verificationUrl: issued.url };
      });
    },
  };
}
export type CompetitionService = ReturnType<typeof createCompetitionService>;
