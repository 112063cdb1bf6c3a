import type { PkCorrectiveActionTable, PkRealisationCorrectionTable, PkRealisationTable } from '../../db/schema.ts';
import type { CorrectiveActionView, IndicatorView, PkCapaianSettings } from './pk-realisation.service.ts';

export const presentRealisation = (r: PkRealisationTable) => ({
  quarter: r.quarter,
  value: r.value,
  status: r.status,
  note: r.note,
  returnNote: r.returnNote ?? null,
  enteredAt: r.enteredAt,
  submittedAt: r.submittedAt,
  verifiedAt: r.verifiedAt,
  returnedAt: r.returnedAt ?? null,
});

export const presentCorrection = (c: PkRealisationCorrectionTable) => ({ id: c.id, before: c.valueBefore, after: c.valueAfter, reason: c.reason, by: c.correctedByName, at: c.correctedAt });

export const presentCorrectiveAction = (a: CorrectiveActionView | PkCorrectiveActionTable) => ({
  id: a.id,
  quarter: a.quarter,
  kendala: a.kendala,
  solusi: a.solusi,
  rencana: a.rencana,
  picPositionId: a.picPositionId,
  picTitle: 'picTitle' in a ? a.picTitle : null,
  deadline: a.deadline,
  status: a.status,
  result: a.result,
  doneAt: a.doneAt,
  evidence: 'evidence' in a ? a.evidence : [],
});

/** The realisation part of one indicator in GET /api/pk/{id}: rencana aksi details, quarters with capaian, the annual figure. */
export function presentIndicatorRealisation(v: IndicatorView) {
  return {
    formula: v.indicator.formula ?? null,
    dataSource: v.indicator.dataSource ?? null,
    realisations: v.realisations.map(presentRealisation),
    quarters: v.quarters.map((q) => ({
      quarter: q.quarter,
      target: q.target,
      realisation: q.realisation ? presentRealisation(q.realisation) : null,
      capaian: q.figure.capaian,
      status: q.figure.status,
      displayCapaian: q.figure.displayCapaian,
      capped: q.figure.capped,
      explanation: q.figure.explanation,
      evidence: q.evidence,
      corrections: q.corrections.map(presentCorrection),
      correctiveAction: { state: q.correctiveAction.state, action: q.correctiveAction.action ? presentCorrectiveAction(q.correctiveAction.action) : null },
      previousFollowUp: q.previousFollowUp ? presentCorrectiveAction(q.previousFollowUp) : null,
      allowedActions: q.allowedActions,
      startsOn: q.startsOn,
      begun: q.begun,
    })),
    annual: v.annual,
  };
}

export const presentSettings = (s: PkCapaianSettings) => ({ redBelow: s.bands.red, greenAbove: s.bands.green, displayCap: s.displayCap });
