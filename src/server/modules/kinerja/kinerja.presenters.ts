import type { PkAgreementTable } from '../../db/schema.ts';
import { partiesOf, type IndicatorView, type PkParty } from './kinerja.service.ts';
import { presentIndicatorRealisation } from './pk-realisation.presenters.ts';

const party = (p: PkParty | null) => (p ? { positionId: p.positionId, name: p.name, nip: p.nip, title: p.title, rank: p.rank, kind: p.kind } : null);

/** The PK as the API contract shows it (issue 11): parties are positions with the holder's name and NIP. */
export function presentPk(pk: PkAgreementTable) {
  const { first, second } = partiesOf(pk);
  return {
    id: pk.id,
    year: pk.year,
    level: pk.level,
    status: pk.status,
    signedOn: pk.signedOn,
    unitId: pk.unitId,
    firstParty: party(first),
    secondParty: party(second),
    // Signing season (0019): step dates, how it was signed, the issued number, the revision chain.
    createdAt: pk.createdAt,
    submittedAt: pk.submittedAt,
    agreedAt: pk.agreedAt,
    signingMode: pk.signingMode,
    scanEvidenceId: pk.scanEvidenceId,
    documentNumber: pk.documentNumber,
    revision: pk.revision,
    revisionReason: pk.revisionReason,
    replacesId: pk.replacesId,
    replacedById: pk.replacedById,
  };
}

/** The review steps of a PK (review_log) as the PK page's history shows them. */
export function presentPkHistory(rows: Array<{ fromState: string; toState: string; action: string; actorName: string | null; at: string; note: string | null }>) {
  return rows.map((r) => ({ action: r.action, from: r.fromState, to: r.toState, by: r.actorName, at: r.at, note: r.note }));
}

/** `planLinks`: code and name of the linked plan indicators (a link whose plan indicator is gone shows as unlinked). */
export function presentPkDetail(pk: PkAgreementTable, indicators: IndicatorView[], planLinks: Map<string, { code: string; name: string }> = new Map()) {
  return {
    ...presentPk(pk),
    indicators: indicators.map((view) => ({ i: view.indicator, view })).map(({ i, view }) => ({
      id: i.id,
      sasaran: i.sasaran,
      name: i.name,
      unit: i.unit,
      target: i.target,
      quarterTargets: [i.q1Target, i.q2Target, i.q3Target, i.q4Target],
      polarity: i.polarity,
      aggregation: i.aggregation,
      allowNegative: i.allowNegative === 1,
      planIndicatorId: i.planIndicatorId && planLinks.has(i.planIndicatorId) ? i.planIndicatorId : null,
      planIndicator: (i.planIndicatorId && planLinks.get(i.planIndicatorId)) || null,
      ...presentIndicatorRealisation(view),
    })),
  };
}

/** A plan indicator a PK indicator may link to (GET /api/pk/{id}/plan-indicators): what the form prefills. */
export function presentPlanIndicatorOption(i: { id: string; code: string; name: string; satuan: string; polarity: 'higher' | 'lower'; target: number | null; sasaranCode: string; sasaranName: string }) {
  return { id: i.id, code: i.code, name: i.name, satuan: i.satuan, polarity: i.polarity, target: i.target, sasaran: { code: i.sasaranCode, name: i.sasaranName } };
}
