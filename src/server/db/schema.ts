import type { ColumnType } from 'kysely';
import type { DocNumberTable, DocTenantSettingsTable, DocUnitLetterheadTable, OfficialDocumentTable } from '../documents/official/official.tables.ts';

/**
 * Kysely table types. Column names are camelCase here; CamelCasePlugin maps them to snake_case SQL.
 * Portable rules (STACK.md): ids are text (UUIDv7), booleans are integer 0/1, times are ISO text,
 * JSON is text.
 */
export type Bool = 0 | 1;

export interface RegionTable {
  code: string; // Kemendagri code, e.g. "16.03"
  name: string;
  level: 'province' | 'regency' | 'district';
  parentCode: string | null;
  kind: string | null; // kabupaten | kota | provinsi | kecamatan
}

export interface TenantTable {
  id: string;
  regionCode: string;
  name: string;
  kind: string; // provinsi | kabupaten | kota
  isDemo: Bool;
  createdAt: string;
}

export interface UnitTable {
  tenantId: string;
  id: string;
  parentId: string | null;
  name: string;
  shortName: string | null;
  type: string;
  code: string | null;
  isActive: Bool;
  createdAt: string;
  updatedAt: string;
}

export interface PositionTable {
  tenantId: string;
  id: string;
  unitId: string;
  title: string;
  isHead: Bool;
  createdAt: string;
  updatedAt: string;
}

export interface PersonTable {
  tenantId: string;
  id: string;
  name: string;
  nip: string;
  kind: 'PNS' | 'PPPK';
  rank: string | null;
  unitId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface AssignmentTable {
  tenantId: string;
  id: string;
  positionId: string;
  personId: string;
  kind: 'definitif' | 'plt' | 'plh';
  startDate: string;
  endDate: string | null;
  decreeNumber: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface UserTable {
  id: string;
  tenantId: string;
  username: string;
  name: string;
  passwordHash: string;
  mustChangePassword: Bool;
  isActive: Bool;
  isPlatformAdmin: Bool;
  personId: string | null;
  /** Optional address for e-mail notifications (migration 0008). */
  email?: string | null;
  locale: string;
  failedLogins: number;
  lockedUntil: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface UserRoleTable {
  tenantId: string;
  id: string;
  userId: string;
  role: string;
  unitId: string | null;
  createdAt: string;
}

export interface SessionTable {
  id: string; // sha256 of the cookie token; the token itself is never stored
  userId: string;
  tenantId: string;
  createdAt: string;
  expiresAt: string;
  lastSeenAt: string;
  revokedAt: string | null;
  ip: string | null;
  userAgent: string | null;
}

export interface AuditLogTable {
  tenantId: string;
  id: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  entityType: string;
  entityId: string;
  action: string;
  changes: string; // JSON { field: { before, after } }
  requestId: string | null;
}

export interface EvidenceTable {
  tenantId: string;
  id: string;
  sha256: string;
  size: number;
  mime: string;
  ext: string;
  originalName: string;
  uploadedBy: string | null;
  createdAt: string;
}

export interface EvidenceLinkTable {
  tenantId: string;
  id: string;
  evidenceId: string;
  entityType: string;
  entityId: string;
  createdAt: string;
  /** The action that reads the linked record (null until resolved; '-' = record gone): migration 0024. */
  readAction?: string | null;
  /** The linked record's unit as its resolver answered (null = none). */
  unitId?: string | null;
}

export interface InnovationTable {
  tenantId: string;
  id: string;
  title: string;
  acronym: string | null;
  unitId: string;
  initiatorClass: string;
  type: string;
  isDigital: Bool;
  urusanMain: string | null;
  urusanOther: string; // JSON string[]
  stage: string;
  initiatedOn: string;
  trialOn: string | null;
  appliedOn: string | null;
  description: string;
  goals: string | null;
  benefits: string | null;
  results: string | null;
  legalBasisDoc: string | null;
  legalBasisLevel: string | null;
  budget: number | null;
  videoUrl: string | null;
  lifecycle: string;
  retiredReason: string | null;
  status: string;
  year: number;
  sourceNote: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
}

export interface InnovationInnovatorTable {
  tenantId: string;
  id: string;
  innovationId: string;
  personId: string | null;
  externalName: string | null;
  role: string;
  position: number;
}

/** One answer per question of a worksheet: the unit's own side and the evaluator's side (0006). */
export interface AssessmentAnswerTable {
  tenantId: string;
  id: string;
  worksheetKind: string;
  scope: string;
  rulebookId: string;
  questionCode: string;
  ownValue: string | null;
  ownBasis: string | null;
  ownNote: string | null;
  ownBy: string | null;
  ownAt: string | null;
  evalValue: string | null;
  evalBasis: string | null;
  evalNote: string | null;
  evalBy: string | null;
  evalAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface InnovationReplicationTable {
  tenantId: string;
  id: string;
  innovationId: string;
  originTenantId: string | null;
  originInnovationId: string | null;
  externalOrigin: string | null;
  createdAt: string;
  confirmedAt: string | null;
  confirmedBy: string | null;
}

export interface InnovationSearchTable {
  tenantId: string;
  innovationId: string;
  isPublic: Bool;
  stems: string;
  scope: string;
}

export interface SearchTermTable {
  term: string;
  df: number;
}

export interface SkmServiceTable {
  tenantId: string;
  id: string;
  unitId: string;
  name: string;
  description: string | null;
  isActive: Bool;
  createdAt: string;
  updatedAt: string;
}

export interface SkmSurveyTable {
  tenantId: string;
  id: string;
  serviceId: string;
  unitId: string;
  code: string;
  periodKind: string;
  periodStart: string;
  periodEnd: string;
  population: number | null;
  rulebookId: string;
  activeUnsur: string; // JSON string[]
  status: string;
  isDemo: Bool;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface SkmResponseTable {
  tenantId: string;
  id: string;
  surveyId: string;
  submittedAt: string;
  u1: number | null;
  u2: number | null;
  u3: number | null;
  u4: number | null;
  u5: number | null;
  u6: number | null;
  u7: number | null;
  u8: number | null;
  u9: number | null;
  sex: string | null;
  ageBand: string | null;
  education: string | null;
  occupation: string | null;
  suggestion: string | null;
  isDemo: Bool;
}

export interface SkmAggregateTable {
  tenantId: string;
  surveyId: string;
  n: number;
  sU1: ColumnType<number, number | undefined, unknown>;
  cU1: ColumnType<number, number | undefined, unknown>;
  sU2: ColumnType<number, number | undefined, unknown>;
  cU2: ColumnType<number, number | undefined, unknown>;
  sU3: ColumnType<number, number | undefined, unknown>;
  cU3: ColumnType<number, number | undefined, unknown>;
  sU4: ColumnType<number, number | undefined, unknown>;
  cU4: ColumnType<number, number | undefined, unknown>;
  sU5: ColumnType<number, number | undefined, unknown>;
  cU5: ColumnType<number, number | undefined, unknown>;
  sU6: ColumnType<number, number | undefined, unknown>;
  cU6: ColumnType<number, number | undefined, unknown>;
  sU7: ColumnType<number, number | undefined, unknown>;
  cU7: ColumnType<number, number | undefined, unknown>;
  sU8: ColumnType<number, number | undefined, unknown>;
  cU8: ColumnType<number, number | undefined, unknown>;
  sU9: ColumnType<number, number | undefined, unknown>;
  cU9: ColumnType<number, number | undefined, unknown>;
  updatedAt: string | null;
}

export interface SkmProfileCountTable {
  tenantId: string;
  surveyId: string;
  dimension: string;
  value: string;
  n: number;
}

export interface SkmActionTable {
  tenantId: string;
  id: string;
  surveyId: string;
  unsur: string;
  action: string;
  ownerPositionId: string | null;
  dueDate: string | null;
  status: string;
  createdAt: string;
  updatedAt: string;
}

export interface ProposalTable {
  tenantId: string;
  id: string;
  innovationId: string;
  rulebookId: string;
  title: string;
  basedOnId: string | null;
  competitionId: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ProposalSectionTable {
  tenantId: string;
  proposalId: string;
  key: string;
  text: string;
  version: number;
  prefillSource: string | null;
  updatedAt: string;
  updatedBy: string | null;
}

export interface ProposalVersionTable {
  tenantId: string;
  id: string;
  proposalId: string;
  key: string;
  version: number;
  text: string;
  savedAt: string;
  savedBy: string | null;
  savedByName: string | null;
}

export interface ProposalCommentTable {
  tenantId: string;
  id: string;
  proposalId: string;
  sectionKey: string;
  body: string;
  authorId: string | null;
  authorName: string | null;
  createdAt: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
}

export interface ProposalAttachmentTable {
  tenantId: string;
  id: string;
  proposalId: string;
  kind: string;
  evidenceId: string;
  createdAt: string;
}

export interface CompetitionTable {
  tenantId: string;
  id: string;
  name: string;
  year: number;
  rulebookId: string;
  registrationClose: string;
  quota: number;
  isBlind: Bool;
  margin: number;
  status: string;
  decision: string | null;
  decisionNumber: string | null;
  decidedAt: string | null;
  decidedBy: string | null;
  createdAt: string;
}

/** Row types of the notification outbox and the in-app notifications (migration 0008). */
export interface NotificationOutboxTable {
  tenantId: string;
  id: string;
  kind: string;
  recipients: string; // JSON Recipients
  message: string; // JSON { key, params }
  link: string | null;
  dedupeKey: string | null;
  createdBy: string | null;
  createdAt: string;
  deliveredAt: string | null;
  recipientCount: number | null;
}

export type EmailStatus = 'off' | 'no_address' | 'pending' | 'sent';

export interface NotificationTable {
  tenantId: string;
  id: string;
  outboxId: string;
  userId: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  shareText: string | null;
  emailStatus: EmailStatus;
  emailedAt: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface DB {
  regions: RegionTable;
  tenants: TenantTable;
  units: UnitTable;
  positions: PositionTable;
  people: PersonTable;
  assignments: AssignmentTable;
  users: UserTable;
  userRoles: UserRoleTable;
  sessions: SessionTable;
  auditLog: AuditLogTable;
  evidence: EvidenceTable;
  evidenceLinks: EvidenceLinkTable;
  innovations: InnovationTable;
  innovationInnovators: InnovationInnovatorTable;
  innovationReplications: InnovationReplicationTable;
  innovationSearch: InnovationSearchTable;
  searchTerms: SearchTermTable;
  skmServices: SkmServiceTable;
  skmSurveys: SkmSurveyTable;
  skmResponses: SkmResponseTable;
  skmAggregates: SkmAggregateTable;
  skmProfileCounts: SkmProfileCountTable;
  skmUsedTokens: { nonce: string; surveyCode: string; usedAt: string };
  skmRejections: { surveyCode: string; day: string; reason: string; n: number };
  skmActions: SkmActionTable;
  proposals: ProposalTable;
  proposalSections: ProposalSectionTable;
  proposalVersions: ProposalVersionTable;
  proposalComments: ProposalCommentTable;
  proposalAttachments: ProposalAttachmentTable;
  competitions: CompetitionTable;
  competitionJudges: { tenantId: string; competitionId: string; userId: string; conflicts: string };
  judgeScores: { tenantId: string; competitionId: string; proposalId: string; userId: string; scores: string; total: number; updatedAt: string };
  // 0006 assessment: assessment engine answers store
  assessmentAnswers: AssessmentAnswerTable;

  // ---
  // 0007 documents: official documents, numbering, letterheads
  docTenantSettings: DocTenantSettingsTable;
  docUnitLetterheads: DocUnitLetterheadTable;
  docNumberTemplates: { tenantId: string; docType: string; template: string; classification: string; updatedAt: string };
  docNumberCounters: { tenantId: string; docType: string; year: number; lastSeq: number };
  docNumbers: DocNumberTable;
  officialDocuments: OfficialDocumentTable;
  documentVerifications: { code: string; tenantId: string; documentId: string };

  // ---
  // 0008 notifications and jobs
  jobs: import('../jobs/jobs.types.ts').JobTable;
  notificationOutbox: NotificationOutboxTable;
  notifications: NotificationTable;

  // ---
  // 0009 workflow: review log
  reviewLog: {
    tenantId: string;
    id: string;
    entityType: string;
    entityId: string;
    fromState: string;
    toState: string;
    action: string;
    actorId: string | null;
    actorName: string | null;
    at: string;
    note: string | null;
  };
  /** A proposal entered in a competition, with the version judges read and score (locked). */
  competitionEntries: {
    tenantId: string;
    competitionId: string;
    proposalId: string;
    innovationId: string;
    title: string;
    version: number;
    /** JSON text: { [sectionKey]: version } */
    sectionVersions: string;
    enteredAt: string;
    enteredBy: string | null;
  };
  // 0010 sign-in throttle (global: keyed by the username as typed and the address)
  loginThrottle: {
    usernameKey: string;
    ip: string;
    failures: number;
    nextAllowedAt: string | null;
    lastAttemptAt: string;
  };

  // ---
  // 0013-search
  // ---
  // 0014-innovation-import
  // ---
  // 0015-competition-rules
  // ---
  // 0016-skm-write-path
  // ---
  // 0017-kinerja
  pkAgreements: PkAgreementTable;
  pkIndicators: PkIndicatorTable;
  pkRealisations: PkRealisationTable;
  // ---
  // 0020-pk-realisation
  pkRealisationCorrections: PkRealisationCorrectionTable;
  pkSettings: PkSettingsTable;
  pkCorrectiveActions: PkCorrectiveActionTable;
  // 0021-sakip-evaluation
  sakipLheItems: SakipLheItemTable;
  // 0022-lhe-issued
  sakipLheIssues: SakipLheIssueTable;
  // 0018-sakip-plan
  planPeriods: PlanPeriodTable;
  planTujuan: PlanTujuanTable;
  planSasaran: PlanSasaranTable;
  planIndicators: PlanIndicatorTable;
  planTargets: PlanTargetTable;
  planPrograms: PlanProgramTable;
  planBudgets: PlanBudgetTable;
  // ---
}

// 0017-kinerja: Perjanjian Kinerja, indicators (rencana aksi), quarterly realisations
export type PkLevel = 'bupati' | 'jpt_pratama' | 'administrator' | 'pengawas';
export type PkPartyKind = 'definitif' | 'plt' | 'plh' | 'kepala_daerah';
export interface PkAgreementTable {
  tenantId: string;
  id: string;
  year: number;
  level: PkLevel;
  positionId: string | null;
  unitId: string | null;
  secondPositionId: string | null;
  status: PkStatus;
  signedOn: string | null;
  firstName: string;
  firstTitle: string;
  firstNip: string | null;
  firstRank: string | null;
  firstKind: PkPartyKind;
  secondName: string | null;
  secondTitle: string | null;
  secondNip: string | null;
  secondRank: string | null;
  secondKind: PkPartyKind | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  // 0019-pk-season
  submittedAt: string | null;
  agreedAt: string | null;
  signedAt: string | null;
  signingMode: PkSigningMode | null;
  scanEvidenceId: string | null;
  documentId: string | null;
  documentNumber: string | null;
  replacesId: string | null;
  replacedById: string | null;
  revisionReason: string | null;
  revision: number;
}
// 0019-pk-season: the PK workflow and how it was signed
export type PkStatus = 'draft' | 'submitted' | 'agreed' | 'signed';
export type PkSigningMode = 'ceremony' | 'scan';
export interface PkIndicatorTable {
  tenantId: string;
  id: string;
  pkId: string;
  seq: number;
  sasaran: string;
  name: string;
  unit: string;
  polarity: 'higher' | 'lower';
  aggregation: 'sum' | 'last' | 'average' | 'min' | 'max';
  allowNegative: Bool;
  target: number;
  q1Target: number;
  q2Target: number;
  q3Target: number;
  q4Target: number;
  createdAt: string;
  /** 0020: rencana aksi details. */
  formula?: string | null;
  dataSource?: string | null;
  /** 0023: the plan indicator (plan_indicators.id) it comes from; null when typed by hand. */
  planIndicatorId?: string | null;
}
export interface PkRealisationTable {
  tenantId: string;
  indicatorId: string;
  quarter: number;
  value: number;
  note: string | null;
  status: 'draft' | 'submitted' | 'verified' | 'returned';
  enteredBy: string;
  enteredAt: string;
  submittedBy: string | null;
  submittedAt: string | null;
  verifiedBy: string | null;
  verifiedAt: string | null;
  /** 0020: the verifier's note when returning the value to the unit. */
  returnNote?: string | null;
  returnedBy?: string | null;
  returnedAt?: string | null;
}

// 0020-pk-realisation: corrections of verified values, capaian settings, corrective actions
export interface PkRealisationCorrectionTable {
  tenantId: string;
  id: string;
  indicatorId: string;
  quarter: number;
  valueBefore: number;
  valueAfter: number;
  reason: string;
  correctedBy: string;
  correctedByName: string | null;
  correctedAt: string;
}
export interface PkSettingsTable {
  tenantId: string;
  redBelow: number;
  greenAbove: number;
  displayCap: number | null;
  updatedBy: string | null;
  updatedAt: string;
}
export interface PkCorrectiveActionTable {
  tenantId: string;
  id: string;
  indicatorId: string;
  quarter: number;
  unitId: string | null;
  kendala: string;
  solusi: string;
  rencana: string;
  picPositionId: string;
  deadline: string;
  status: 'open' | 'done';
  result: string | null;
  createdBy: string;
  createdAt: string;
  doneBy: string | null;
  doneAt: string | null;
}

// 0021-sakip-evaluation: LHE findings/recommendations per unit-year and their follow-up
export type SakipFollowUpStatus = 'open' | 'answered' | 'accepted';
export interface SakipLheItemTable {
  tenantId: string;
  id: string;
  unitId: string | null;
  year: number;
  seq: number;
  subComponent: string | null;
  finding: string;
  recommendation: string;
  status: SakipFollowUpStatus;
  followUp: string | null;
  followUpBy: string | null;
  followUpAt: string | null;
  reviewNote: string | null;
  acceptedBy: string | null;
  acceptedAt: string | null;
  isDemo: Bool;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

// 0022-lhe-issued: the LHE of an evaluation issued as an official document
export interface SakipLheIssueTable {
  tenantId: string;
  id: string;
  target: string; // unit id | 'pemda'
  unitId: string | null;
  year: number;
  documentId: string;
  number: string;
  documentDate: string;
  issuedAt: string;
  issuedBy: string | null;
}

// 0018-sakip-plan: RPJMD period, tujuan, sasaran (pemda and unit), indicators with yearly targets, programmes with budgets
export interface PlanPeriodTable {
  tenantId: string;
  id: string;
  name: string;
  startYear: number;
  endYear: number;
  isDemo: Bool;
  createdAt: string;
  updatedAt: string;
}
export interface PlanTujuanTable {
  tenantId: string;
  id: string;
  periodId: string;
  code: string;
  name: string;
  createdAt: string;
  updatedAt: string;
}
export interface PlanSasaranTable {
  tenantId: string;
  id: string;
  periodId: string;
  unitId: string | null;
  tujuanId: string | null;
  pemdaSasaranId: string | null;
  code: string;
  name: string;
  createdAt: string;
  updatedAt: string;
}
export interface PlanIndicatorTable {
  tenantId: string;
  id: string;
  periodId: string;
  sasaranId: string;
  code: string;
  name: string;
  satuan: string;
  polarity: 'higher' | 'lower';
  baseline: number | null;
  finalTarget: number | null;
  createdAt: string;
  updatedAt: string;
}
export interface PlanTargetTable {
  tenantId: string;
  indicatorId: string;
  year: number;
  target: number;
}
export type PlanProgramLevel = 'program' | 'kegiatan' | 'sub_kegiatan';
export interface PlanProgramTable {
  tenantId: string;
  id: string;
  periodId: string;
  unitId: string;
  parentId: string | null;
  level: PlanProgramLevel;
  sasaranId: string | null;
  code: string;
  name: string;
  createdAt: string;
  updatedAt: string;
}
export interface PlanBudgetTable {
  tenantId: string;
  programId: string;
  year: number;
  pagu: number;
  realisasi: number | null;
}
