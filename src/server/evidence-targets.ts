/**
 * Every record type evidence can be linked to, registered explicitly where the app is built
 * (app.ts) instead of as a side effect of importing a route or service file.
 */
import { orgEvidenceTargets, registerEvidenceTargets, type EvidenceTarget } from './modules/evidence/evidence.service.ts';
import { innovationRepo } from './modules/innovation/innovation.repo.ts';
import { assessmentEvidenceTarget } from './modules/assessment/assessment.service.ts';
import { skmRepo } from './modules/skm/skm.repo.ts';
import { proposalRepo } from './modules/proposal/proposal.repo.ts';
import { pkRealisationRepo } from './modules/kinerja/pk-realisation.repo.ts';
import { officialDocumentEvidenceTarget } from './documents/official/official.service.ts';
import { FOLLOW_UP_ENTITY, sakipEvalRepo } from './modules/kinerja/sakip-eval.repo.ts';
import { pkSeasonRepo } from './modules/kinerja/pk-season.repo.ts';

export const evidenceTargets: readonly EvidenceTarget[] = [
  ...orgEvidenceTargets,
  { entityType: 'innovation', resolve: innovationRepo.unitOf, manageAction: 'innovation.score' },
  assessmentEvidenceTarget,
  { entityType: 'skm_survey', resolve: skmRepo.unitOf, manageAction: 'skm.manage' },
  { entityType: 'proposal', resolve: proposalRepo.unitOf, manageAction: 'proposal.write' },
  officialDocumentEvidenceTarget,
  // SAKIP files are read by whoever reads the record (its unit, Tim RB, Inspektorat, pimpinan), not
  // tenant-wide: the operator of another unit and a juri get 404 (sakip-access.api.test.ts).
  { entityType: 'pk_realisation', resolve: pkRealisationRepo.unitOfRealisation, manageAction: 'pk.realise', readAction: 'pk.read' },
  { entityType: 'pk_corrective_action', resolve: pkRealisationRepo.unitOfCorrectiveAction, manageAction: 'pk.realise', readAction: 'pk.read' },
  { entityType: FOLLOW_UP_ENTITY, resolve: sakipEvalRepo.unitOfItem, manageAction: 'sakipEval.fill', readAction: 'sakipEval.read' },
  // The scan of a signed PK's wet-signed page (pk-season.service attachScan).
  { entityType: 'pk', resolve: pkSeasonRepo.unitOfEvidenceTarget, manageAction: 'pk.sign', readAction: 'pk.read' },
];

export function registerAllEvidenceTargets() {
  registerEvidenceTargets(evidenceTargets);
}
