import type { PkAgreementTable, PkPartyKind } from '../../db/schema.ts';

/** One party of a PK as resolved at a date (snapshot printed on the document). */
export interface PkParty {
  positionId: string | null;
  title: string;
  name: string;
  nip: string | null;
  rank: string | null;
  kind: PkPartyKind;
}

export function partiesOf(pk: PkAgreementTable): { first: PkParty; second: PkParty | null } {
  return {
    first: { positionId: pk.positionId, title: pk.firstTitle, name: pk.firstName, nip: pk.firstNip, rank: pk.firstRank, kind: pk.firstKind },
    second: pk.secondName ? { positionId: pk.secondPositionId, title: pk.secondTitle ?? '', name: pk.secondName, nip: pk.secondNip, rank: pk.secondRank, kind: pk.secondKind ?? 'definitif' } : null,
  };
}
