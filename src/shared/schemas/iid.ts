/**
 * Indeks Inovasi Daerah: the result shapes shared by the engine (src/server/rules/iid/), the
 * server's answers (/api/iid, /api/iid/what-if, /api/innovations/:id/score, /api/iid/rulebooks)
 * and the SPA. Defined here, not in the engine, because shared/ never imports the server; the
 * engine declares its results with these types, so a change there fails the SPA's typecheck.
 */

/** One scored indicator as the engine computes it (RULES.md §6.2: weight × p). */
export interface IidScoredIndicator {
  indicator: string;
  name: string;
  variable: string;
  weight: number;
  mandatory: boolean;
  choice: number;
  choiceLabel: string | null;
  basis: string | null;
  points: number;
  maxPoints: number;
  evidenceCount: number;
  /** Set when a mandatory indicator has no evidence (the verifier would zero it). */
  flag: 'missing_evidence' | null;
  /** The engine's formula for this row, e.g. "3 × 2 [2] = 6". */
  formula: string;
  /** The number comes from an UNVERIFIED rulebook: show "belum terverifikasi". */
  unverified: boolean;
}

/** The components of an IID value (computeIid), every one shown to the user. */
export interface IidResultComponents {
  spd: { score: number; max: number };
  sid: { n: number; sum: number; divisor: number; divisorMin: number; average: number; max: number };
  count: {
    n: number;
    counted: number;
    perInnovation: number;
    cap: number;
    urusanWajib: string[];
    urusanCovered: string[];
    urusanRequired: number;
    urusanMet: boolean;
    score: number;
    max: number;
  };
  score: number;
  total: number;
}

/** What computeIid answers: the value (0–100, two decimals), its predicate and the explanation. */
export interface IidResult {
  value: number;
  predicate: string;
  components: IidResultComponents;
  explanation: string;
}

/** The evaluator's side of an answer (Tim Inovasi Daerah), when there is one. */
export interface IidEvaluatorAnswer {
  choice: number;
  note: string | null;
  at: string | null;
}

/** A scored indicator as the API answers it: the engine's row with the stored answer's evidence and notes. */
export interface ScoreItem extends Partial<Pick<IidScoredIndicator, 'formula' | 'unverified'>>, Omit<IidScoredIndicator, 'formula' | 'unverified'> {
  evidenceIds?: string[];
  note?: string | null;
  evaluator?: IidEvaluatorAnswer | null;
  /** Fed by the replication ledger (indicator 31), not typed. */
  derived?: boolean;
}

/** GET/PUT /api/innovations/:id/score: the SID score of one innovation under a rulebook. */
export interface InnovationScore {
  rulebookId: string;
  rulebookTitle: string;
  confidence?: string;
  unverified?: boolean;
  total: number;
  max: number;
  missingEvidence: string[];
  confirmedReplications: number;
  items: ScoreItem[];
}

/** The components as GET /api/iid answers them: the region part (SPD) carries its scored items. */
export type IidComponents = Omit<IidResultComponents, 'spd'> & {
  spd: IidResultComponents['spd'] & { items?: ScoreItem[]; missingEvidence?: string[] };
};

/** GET /api/iid and PUT /api/iid/region. */
export interface Iid {
  year: number;
  rulebookId: string;
  rulebookTitle: string;
  confidence: string;
  unverified?: boolean;
  legalBasis: string[];
  value: number;
  predicate: string;
  explanation: string;
  components: IidComponents;
  innovations: { id: string; title: string; sid: number; urusan: string[]; missingEvidence: number }[];
}

export interface WhatIfColumn {
  rulebookId: string;
  rulebookTitle: string;
  confidence: string;
  unverified?: boolean;
  value: number;
  predicate: string;
  explanation: string;
  components: IidComponents;
  /** Indicators answered under the source rulebook that this one has no question for. */
  unmatched?: string[];
}

/** GET /api/iid/what-if: the same answers rescored under other rulebooks, side by side. */
export interface WhatIf {
  year: number;
  sourceRulebookId: string;
  columns: WhatIfColumn[];
}

export interface RulebookParam {
  value: number;
  label: string;
}

export interface RulebookIndicator {
  no: string;
  variable: string;
  name: string;
  weight: number;
  mandatory: boolean;
  params: RulebookParam[];
  bases?: { key: string; label: string; params: RulebookParam[] }[];
}

/** GET /api/iid/rulebooks (items). */
export interface RulebookSummary {
  id: string;
  version: string;
  title: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  legalBasis: string[];
  confidence: string;
  unverified?: boolean;
  notes: string[];
}

/** GET /api/iid/rulebooks/:id. */
export interface Rulebook extends RulebookSummary {
  body: {
    spd: { max: number; indicators: RulebookIndicator[] };
    sid: { max: number; indicators: RulebookIndicator[] };
    count: { perInnovation: number; cap: number; urusanWajib: string[]; minUrusanCovered: number };
    divisorMin: number;
    total: number;
    predicates: { min: number; label: string }[];
    window: { from: string; to: string };
  };
}
