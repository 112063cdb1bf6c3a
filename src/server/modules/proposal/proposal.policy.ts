import { AppError } from '../../errors.ts';
import type { Actor } from '../../policy/actor.ts';
import { can } from '../../policy/policy.ts';
import { assertAssignedJudge, assertNoConflict, isBlindFor } from '../competition/competition.policy.ts';

/**
 * Rules of a KIPP proposal that depend on its state:
 * - entered in a competition → locked: its sections and attachments no longer change (423), so
 *   the version judges score is the version that stays; comments continue (coaching notes do not
 *   change the scored text);
 * - the owning unit and the Tim Inovasi read it (policy.ts: proposal.read); an assigned judge of
 *   the competition it entered reads it too, read-only, unless it is from the judge's own unit
 *   or they declared a conflict; in blind mode without unit or innovator names.
 */
export interface EntryOfProposal {
  competitionId: string;
  competitionName: string;
  isBlind: number;
  status: string;
  version: number;
}

export function assertProposalUnlocked(entry: EntryOfProposal | undefined) {
  if (entry) throw new AppError('LOCKED', 'errors.proposalLocked', { competition: entry.competitionName });
}

export type ProposalAccess = { kind: 'member' } | { kind: 'judge'; blind: boolean };

/**
 * How this actor may read the proposal: as a member (policy table), as a judge of the
 * competition it entered, or not at all (403, as for any proposal outside one's reach).
 */
export function proposalAccess(
  actor: Actor,
  unitId: string,
  judging: { entry: EntryOfProposal; judges: Array<{ userId: string; conflicts: string }>; judgeUnits: ReadonlySet<string>; proposalId: string } | null,
): ProposalAccess {
  if (can(actor, 'proposal.read', { tenantId: actor.tenantId, unitId })) return { kind: 'member' };
  if (!judging) throw new AppError('FORBIDDEN', 'errors.forbidden');
  const judge = assertAssignedJudge(actor, judging.judges);
  assertNoConflict(judge, judging.judgeUnits, { id: judging.proposalId, unitId });
  return { kind: 'judge', blind: isBlindFor(actor, { tenantId: actor.tenantId, status: judging.entry.status, isBlind: judging.entry.isBlind }) };
}
