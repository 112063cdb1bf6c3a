import type { PkAgreementTable } from '../../db/schema.ts';
import { partiesOf, type IndicatorView, type PkParty } from './kinerja.service.ts';
import { presentIndicatorRealisation } from './pk-realisation.presenters.ts';

const party = (p: PkParty | null) => (p ? { positionId: p.positionId, name: p.name, nip: p.nip, title: p.title, rank: p.rank, kind: p.kind } : null);

/** The PK as the API contract shows it (issue 11): parties are positions with the holder's name and NIP. */
export function presentPk(pk: PkAgreementTable) {
  const { first, second } = partiesOf(pk);
  return { id: pk.id, year: pk.year, level: pk.level, status: pk.status, signedOn: pk.signedOn, unitId: pk.unitId, firstParty: party(first), secondParty: party(second) };
}

export function presentPkDetail(pk: PkAgreementTable, indicators: IndicatorView[]) {
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
      ...presentIndicatorRealisation(view),
    })),
  };
}
