/**
 * Every record type evidence can be linked to, registered explicitly where the app is built
 * (app.ts) instead of as a side effect of importing a route or service file.
 */
import { orgEvidenceTargets, registerEvidenceTargets, type EvidenceTarget } from './modules/evidence/evidence.service.ts';
import { proposalRepo } from './modules/proposal/proposal.repo.ts';
import { skmRepo } from './modules/skm/skm.repo.ts';

export const evidenceTargets: readonly EvidenceTarget[] = [
  ...orgEvidenceTargets,
  { entityType: 'proposal', resolve: proposalRepo.unitOf, manageAction: 'proposal.write' },
  { entityType: 'skm_survey', resolve: skmRepo.unitOf, manageAction: 'skm.manage' },
];

export function registerAllEvidenceTargets() {
  registerEvidenceTargets(evidenceTargets);
}
