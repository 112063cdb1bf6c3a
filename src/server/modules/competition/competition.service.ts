import type { Deps } from '../../deps.ts';
import { AppError, conflict, notFound, validation } from '../../errors.ts';
import { newId } from '../../lib/ids.ts';
import type { Actor } from '../../policy/actor.ts';
import { authorize, can } from '../../policy/policy.ts';
import { writeWithAudit } from '../audit/audit.writer.ts';
import { who } from '../org/org.service.ts';
import { rank, weightedTotal } from '../../rules/kipp/index.ts';
import { rulebookOfProposal } from '../proposal/proposal.service.ts';
import type { CompetitionTable } from '../../db/schema.ts';
import { issueCompetitionDecree, type DecreeOptions } from './competition.decree.ts';
import { recordTransition } from '../../workflow/state-machine.ts';
import { competitionRepo, type CompetitionListFilter } from './competition.repo.ts';
import { seesOnlyAssignedCompetitions, assertAssignedJudge, assertCompetitionOpen, assertMaySeeRanking, assertNoConflict, assignedJudge, blindRedactor, conflictOf, isBlindFor, isCompetitionManager, mayReadDecree, maySeeRanking } from './competition.policy.ts';
import { regionToday } from '../tenants/tenants.region.ts';

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
    const c = await competitionRepo.find(db, actor.tenantId, id);
    if (!c) throw notFound('competition');
    // A judge's view: a competition they are not assigned to does not exist for them.
    if (seesOnlyAssignedCompetitions(actor) && !(await competitionRepo.isJudge(db, actor.tenantId, id, actor.userId))) throw notFound('competition');
    return c;
  }

  async function judgesOf(c: CompetitionTable) {
    return competitionRepo.judges(db, c.tenantId, c.id);
  }

  async function entries(c: CompetitionTable) {
    return competitionRepo.entries(db, c.tenantId, c.id);
  }

  async function rankingOf(c: CompetitionTable) {
    const rb = rulebookOfProposal(c.rulebookId);
    const list = await entries(c);
    const scores = await competitionRepo.scores(db, c.tenantId, c.id);
    const ranked = rank(list.map((e) => ({ proposalId: e.id, judgeTotals: scores.filter((s) => s.proposalId === e.id).map((s) => Number(s.total)) })), c.margin);
    const byId = new Map(list.map((e) => [e.id, e]));
    // Each item names the proposal title and the scored (entered, locked) version: the decision
    // snapshot and the decree list exactly what the judges scored.
    return {
      rb,
      items: ranked.map((r) => {
        const e = byId.get(r.proposalId);
        return { ...r, title: e?.title ?? '', innovationTitle: e?.innovationTitle ?? '', proposalVersion: e?.version ?? 0, unitName: e?.unitName ?? '', nominated: r.rank !== null && r.rank <= c.quota };
      }),
    };
  }

  /**
   * The ranking as this actor may see it: managers the live one; everyone else only once the
   * result is decided (the frozen snapshot), without units in blind mode.
   */
  async function rankingFor(actor: Actor, id: string) {
    const c = await requireCompetition(actor, id);
    authorize(actor, 'competition.read', { tenantId: actor.tenantId });
    assertMaySeeRanking(actor, c);
    const snapshot = c.decision ? (JSON.parse(c.decision) as { ranking: Awaited<ReturnType<typeof rankingOf>>['items'] }).ranking : null;
    const items = isCompetitionManager(actor) || !snapshot ? (await rankingOf(c)).items : snapshot;
    const blind = isBlindFor(actor, c);
    if (!blind) return { margin: c.margin, status: c.status, items };
    // Blind: no unit, and the titles are redacted of unit and innovator names as on the entries page.
    const redact = blindRedactor(await competitionRepo.identifyingNames(db, actor.tenantId, (await entries(c)).map((e) => e.innovationId)));
    return { margin: c.margin, status: c.status, items: items.map((i) => ({ ...i, title: i.title && redact(i.title), innovationTitle: i.innovationTitle && redact(i.innovationTitle), unitName: null })) };
  }

  return {
    requireCompetition,
    rankingOf,
    rankingFor,

    /** The competitions this actor may see: all of the pemda, or a judge's own assignments. */
    async list(actor: Actor, f: CompetitionListFilter) {
      authorize(actor, 'competition.read', { tenantId: actor.tenantId });
      return competitionRepo.list(db, deps.dialect, actor.tenantId, f, seesOnlyAssignedCompetitions(actor) ? actor.userId : undefined);
    },

    /**
     * The years the list's year filter offers: those with a competition this actor may see, and
     * the region's current year (a new year's competition is about to be opened), newest first.
     */
    async years(actor: Actor) {
      authorize(actor, 'competition.read', { tenantId: actor.tenantId });
      const current = Number((await regionToday(deps, actor.tenantId)).slice(0, 4));
      const years = await competitionRepo.years(db, actor.tenantId, seesOnlyAssignedCompetitions(actor) ? actor.userId : undefined);
      return { current, years: [...new Set([current, ...years])].sort((a, b) => b - a) };
    },

    /** The frozen PDF of an issued decree (the caller has checked who may see it). */
    issuedDecreeSha256(tenantId: string, documentId: string) {
      return competitionRepo.documentSha256(db, tenantId, documentId);
    },

    async create(actor: Actor, input: CreateCompetitionInput, requestId?: string) {
      authorize(actor, 'competition.manage', { tenantId: actor.tenantId });
      const rb = rulebookOfProposal(input.rulebookId ?? 'kipp-umum-2023');
      // One name per pemda and year, whatever the case or spacing (a unique index holds it too).
      const name = input.name.replace(/\s+/g, ' ').trim();
      return writeWithAudit(db, who(actor, requestId), clock, async (tx, audit) => {
        const twin = await competitionRepo.sameName(tx, actor.tenantId, input.year, name);
        if (twin) throw conflict('errors.competitionNameTaken', { name: twin.name, year: input.year });
        const row: CompetitionTable = {
          tenantId: actor.tenantId,
          id: newId(),
          name,
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
        await competitionRepo.insert(tx, row);
        await audit.record({ entityType: 'competition', entityId: row.id, action: 'create', after: { name: row.name, year: row.year, rulebookId: row.rulebookId, registrationClose: row.registrationClose, quota: row.quota, blind: input.blind ?? false, margin: row.margin } });
        return row;
      });
    },

    async addJudge(actor: Actor, id: string, userId: string, requestId?: string) {
      const c = await requireCompetition(actor, id);
      authorize(actor, 'competition.manage', { tenantId: actor.tenantId });
      assertCompetitionOpen(c);
      const user = await competitionRepo.findUser(db, actor.tenantId, userId);
      if (!user) throw notFound('user');
      await writeWithAudit(db, who(actor, requestId), clock, async (tx, audit) => {
        await competitionRepo.addJudge(tx, actor.tenantId, id, userId);
        await audit.record({ entityType: 'competition', entityId: id, action: 'update', changes: { judge: { before: null, after: user.name } } });
      });
    },

    /** Users the Tim Inovasi may assign as judges: every active user of the pemda, judges first. */
    async judgeCandidates(actor: Actor, id: string) {
      const c = await requireCompetition(actor, id);
      authorize(actor, 'competition.manage', { tenantId: actor.tenantId });
      const assigned = new Set((await judgesOf(c)).map((j) => j.userId));
      const users = await competitionRepo.activeUsers(db, actor.tenantId);
      const judgeRole = new Set(await competitionRepo.usersWithRole(db, actor.tenantId, 'judge'));
      return users
        .map((u) => ({ ...u, hasJudgeRole: judgeRole.has(u.id), assigned: assigned.has(u.id) }))
        .sort((a, b) => Number(b.hasJudgeRole) - Number(a.hasJudgeRole) || a.name.localeCompare(b.name));
    },

    async declareConflict(actor: Actor, id: string, proposalId: string, requestId?: string) {
      const c = await requireCompetition(actor, id);
      const judge = assertAssignedJudge(actor, await judgesOf(c));
      const conflicts = new Set(JSON.parse(judge.conflicts) as string[]);
      conflicts.add(proposalId);
      await writeWithAudit(db, who(actor, requestId), clock, async (tx, audit) => {
        await competitionRepo.setJudgeConflicts(tx, actor.tenantId, id, actor.userId, [...conflicts]);
        await audit.record({ entityType: 'competition', entityId: id, action: 'conflict', changes: { conflict: { before: null, after: proposalId } } });
      });
    },

    /**
     * Enter a proposal: it is locked from now on and the entry keeps the version judges score.
     * One innovation enters a competition once (also with another proposal): 409, and a unique key.
     */
    async enter(actor: Actor, id: string, proposalId: string, requestId?: string) {
      const c = await requireCompetition(actor, id);
      assertCompetitionOpen(c);
      const p = await competitionRepo.proposalToEnter(db, actor.tenantId, proposalId);
      if (!p) throw notFound('proposal');
      if (!isCompetitionManager(actor)) authorize(actor, 'proposal.write', { tenantId: actor.tenantId, unitId: p.unitId });
      const today = await regionToday(deps, actor.tenantId);
      if (today > c.registrationClose) throw conflict('errors.registrationClosed', { date: `#date:${c.registrationClose}` });
      await writeWithAudit(db, who(actor, requestId), clock, async (tx, audit) => {
        // Serialise entries per competition (PostgreSQL row lock; SQLite transactions are serial).
        await competitionRepo.lock(tx, deps.dialect, actor.tenantId, id);
        const mine = await competitionRepo.entryOfProposal(tx, actor.tenantId, proposalId);
        if (mine) throw conflict('errors.proposalAlreadyEntered', { competition: mine.competitionName });
        const twin = await competitionRepo.entryOfInnovation(tx, actor.tenantId, id, p.innovationId);
        if (twin) throw conflict('errors.innovationAlreadyEntered', { competition: c.name, title: twin.title });
        const { sections, revisions: version } = await competitionRepo.proposalVersions(tx, actor.tenantId, proposalId);
        await competitionRepo.insertEntry(tx, { tenantId: actor.tenantId, competitionId: id, proposalId, innovationId: p.innovationId, title: p.title, version, sectionVersions: JSON.stringify(Object.fromEntries(sections.map((x) => [x.key, x.version]))), enteredAt: clock.now().toISOString(), enteredBy: actor.userId });
        await audit.record({ entityType: 'proposal', entityId: proposalId, action: 'update', changes: { competitionId: { before: null, after: id }, enteredVersion: { before: null, after: version } } });
      });
    },

    /**
     * The competition page. Managers see every entry with its unit; an assigned judge sees only the
     * entries they may score (not their own unit's, not declared conflicts); in blind mode nobody
     * but the managers sees a unit, and titles are redacted of unit and innovator names.
     */
    async entriesFor(actor: Actor, id: string) {
      const c = await requireCompetition(actor, id);
      authorize(actor, 'competition.read', { tenantId: actor.tenantId });
      const manager = isCompetitionManager(actor);
      const blind = isBlindFor(actor, c);
      let list = await entries(c);
      const mine = await competitionRepo.scoresOfJudge(db, actor.tenantId, id, actor.userId);
      const judges = await judgesOf(c);
      const judge = assignedJudge(actor, judges);
      if (judge && !manager) {
        const units = await competitionRepo.unitsOfUser(db, actor.tenantId, actor.userId);
        list = list.filter((e) => conflictOf(judge, units, e) === null);
      }
      const redact = blind ? blindRedactor(await competitionRepo.identifyingNames(db, actor.tenantId, list.map((e) => e.innovationId))) : (t: string) => t;
      return {
        competition: { id: c.id, name: c.name, year: c.year, status: c.status, blind: c.isBlind === 1, quota: c.quota, registrationClose: c.registrationClose, margin: c.margin, rulebook: rulebookOfProposal(c.rulebookId) },
        judges: judges.map((j) => ({ userId: j.userId, name: j.name })),
        permissions: { manage: manager, score: !!judge && c.status === 'open', ranking: maySeeRanking(actor, c), decree: mayReadDecree(actor, c), read: manager || !!judge },
        items: list.map((e) => ({
          proposalId: e.id,
          title: redact(e.title),
          unitName: blind ? null : e.unitName,
          version: e.version,
          myScores: mine.find((m) => m.proposalId === e.id) ? JSON.parse(mine.find((m) => m.proposalId === e.id)!.scores) : null,
          myTotal: mine.find((m) => m.proposalId === e.id)?.total ?? null,
        })),
      };
    },

    async score(actor: Actor, id: string, proposalId: string, scores: Record<string, number>, requestId?: string) {
      const c = await requireCompetition(actor, id);
      authorize(actor, 'competition.score', { tenantId: actor.tenantId });
      assertCompetitionOpen(c);
      const judge = assertAssignedJudge(actor, await judgesOf(c));
      const entry = (await entries(c)).find((e) => e.id === proposalId);
      if (!entry) throw new AppError('VALIDATION', 'errors.notInCompetition', {}, [{ field: 'proposalId', messageKey: 'errors.notInCompetition' }]);
      // Conflict of interest: never one's own unit (automatic), nor a declared conflict.
      assertNoConflict(judge, await competitionRepo.unitsOfUser(db, actor.tenantId, actor.userId), entry);
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
        const before = await competitionRepo.scoreOf(tx, actor.tenantId, id, proposalId, actor.userId);
        await competitionRepo.putScore(tx, { tenantId: actor.tenantId, competitionId: id, proposalId, userId: actor.userId, scores: JSON.stringify(scores), total, updatedAt: now });
        await audit.record({ entityType: 'competition', entityId: id, action: 'score', changes: { [proposalId]: { before: before?.total ?? null, after: total } } });
      });
      return { proposalId, total, version: entry.version };
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
        await competitionRepo.update(tx, actor.tenantId, id, { status: 'frozen', decision: JSON.stringify(decision), decisionNumber, decidedAt: now, decidedBy: actor.userId });
        await recordTransition(tx, { tenantId: actor.tenantId, entityType: 'competition', entityId: id, fromState: 'open', toState: 'frozen', action: 'decide', actor, at: now, note: decisionNumber });
        await audit.record({ entityType: 'competition', entityId: id, action: 'decide', changes: { status: { before: 'open', after: 'frozen' }, decisionNumber: { before: null, after: decisionNumber }, nominated: { before: null, after: items.filter((x) => x.nominated).map((x) => x.title) } } });
        return { ...c, status: 'frozen', decision: JSON.stringify(decision), decisionNumber, decidedAt: now, documentId: issued.id, verificationUrl: issued.url };
      });
    },
  };
}
export type CompetitionService = ReturnType<typeof createCompetitionService>;
