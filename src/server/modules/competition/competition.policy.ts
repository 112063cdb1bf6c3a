import { AppError } from '../../errors.ts';
import type { Actor } from '../../policy/actor.ts';
import { can, POLICY } from '../../policy/policy.ts';

/**
 * Rules of a competition that depend on its state and on who the actor is in it (manager,
 * assigned judge, conflicted judge). The role × action table stays in policy/policy.ts.
 *
 * - Managers (competition.manage: admin, Tim Inovasi) see everything, always, including the live
 *   ranking and the units.
 * - An assigned judge sees and opens only the entries they may score: never a proposal of their own
 *   unit (their person's unit or unit roles, with sub-units) nor one they declared a conflict on.
 * - Blind mode hides units and innovator names from everyone but the managers, everywhere.
 * - The ranking (and with it any other judge's marks) is for managers while the competition is
 *   open; everyone who may read the competition sees it once the result is decided (frozen).
 * - The decree names the units: in blind mode only the managers may download it.
 */
interface Competition {
  tenantId: string;
  status: string;
  isBlind: number;
}

interface Judge {
  userId: string;
  conflicts: string;
}

export const isCompetitionManager = (actor: Actor) => can(actor, 'competition.manage', { tenantId: actor.tenantId });

/**
 * A judge (without another role that reads competitions) sees only the competitions they are
 * assigned to: the list leaves the others out and their pages answer 404, like another region's.
 */
export const seesOnlyAssignedCompetitions = (actor: Actor) =>
  !isCompetitionManager(actor) && actor.roles.every((g) => g.role === 'judge' || !POLICY['competition.read'][g.role]);

export function assertCompetitionOpen(c: Competition) {
  if (c.status !== 'open') throw new AppError('CONFLICT', 'errors.competitionFrozen');
}

/** Whether units and innovator names are hidden from this actor. */
export const isBlindFor = (actor: Actor, c: Competition) => c.isBlind === 1 && !isCompetitionManager(actor);

export const maySeeRanking = (actor: Actor, c: Competition) => isCompetitionManager(actor) || c.status === 'frozen';

export function assertMaySeeRanking(actor: Actor, c: Competition) {
  if (!maySeeRanking(actor, c)) throw new AppError('FORBIDDEN', 'errors.rankingBeforeDecision');
}

/**
 * The decree (SK penetapan, draft or issued) names every entry's unit: it follows the ranking
 * (managers always, others after the decision) and, in blind mode, is for the managers only; a
 * judge must not learn from it whose proposals they scored. The public sees the issued decree's
 * number, title and signer on its verification page, not its content.
 */
export const mayReadDecree = (actor: Actor, c: Competition) => maySeeRanking(actor, c) && !isBlindFor(actor, c);

export function assertMayReadDecree(actor: Actor, c: Competition) {
  assertMaySeeRanking(actor, c);
  if (isBlindFor(actor, c)) throw new AppError('FORBIDDEN', 'errors.decreeBlind');
}

/**
 * The editable DOCX draft of the decree exists only before the decision, for those who may see the
 * ranking then (the managers); once decided, the decree is the frozen PDF.
 */
export function assertMayDraftDecree(actor: Actor, c: Competition) {
  assertMaySeeRanking(actor, c);
  if (c.status === 'frozen') throw new AppError('CONFLICT', 'errors.decreeDraftAfterDecision');
}

export function assignedJudge<J extends Judge>(actor: Actor, judges: J[]): J | undefined {
  return judges.find((j) => j.userId === actor.userId);
}

export function assertAssignedJudge<J extends Judge>(actor: Actor, judges: J[]): J {
  const j = assignedJudge(actor, judges);
  if (!j) throw new AppError('FORBIDDEN', 'errors.notJudge');
  return j;
}

/** Why a judge may not score (or read) an entry: their own unit, or a declared conflict. */
export function conflictOf(judge: Judge, judgeUnits: ReadonlySet<string>, entry: { id: string; unitId: string }): 'own_unit' | 'declared' | null {
  if (judgeUnits.has(entry.unitId)) return 'own_unit';
  if ((JSON.parse(judge.conflicts) as string[]).includes(entry.id)) return 'declared';
  return null;
}

export function assertNoConflict(judge: Judge, judgeUnits: ReadonlySet<string>, entry: { id: string; unitId: string }) {
  const c = conflictOf(judge, judgeUnits, entry);
  if (c === 'own_unit') throw new AppError('FORBIDDEN', 'errors.ownUnitProposal');
  if (c === 'declared') throw new AppError('FORBIDDEN', 'errors.declaredConflict');
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Blind mode for free text: every unit name, unit short name and innovator name is replaced by
 * "[disamarkan]" (whole words, any case, longest names first), so a proposal that names its own
 * office does not give it away.
 */
export function blindRedactor(names: string[]): (text: string) => string {
  const list = [...new Set(names.map((n) => n.trim()).filter((n) => n.length >= 3))].sort((a, b) => b.length - a.length);
  if (!list.length) return (t) => t;
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${list.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  return (text) => text.replace(re, '[disamarkan]');
}
