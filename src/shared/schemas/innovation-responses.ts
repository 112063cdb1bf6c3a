/**
 * Inovasi Daerah: the shapes the innovation and public-catalogue endpoints answer with, shared
 * by the server's presenters (which declare them as their return types) and the SPA, so a
 * change on one side fails the other's typecheck instead of drifting. The IID shapes are in
 * ./iid.ts.
 */
import type {
  INITIATOR_CLASSES,
  INNOVATION_STAGES,
  INNOVATION_STATUSES,
  INNOVATION_TYPES,
  INNOVATOR_ROLES,
  LEGAL_BASIS_LEVELS,
  LIFECYCLES,
} from './innovation.ts';

export type InnovationStage = (typeof INNOVATION_STAGES)[number];
export type InnovationType = (typeof INNOVATION_TYPES)[number];
export type InnovationStatus = (typeof INNOVATION_STATUSES)[number];
export type Lifecycle = (typeof LIFECYCLES)[number];
export type InitiatorClass = (typeof INITIATOR_CLASSES)[number];
export type LegalBasisLevel = (typeof LEGAL_BASIS_LEVELS)[number];
export type InnovatorRole = (typeof INNOVATOR_ROLES)[number];

/** GET /api/innovations (items). */
export interface InnovationSummary {
  id: string;
  title: string;
  acronym: string | null;
  unitId: string;
  unitName: string | null;
  type: InnovationType;
  stage: InnovationStage;
  digital: boolean;
  urusanMain: string | null;
  year: number | null;
  status: InnovationStatus;
  lifecycle: Lifecycle;
  initiatedOn: string;
  appliedOn: string | null;
  updatedAt: string;
  publishedAt: string | null;
}

export interface Innovator {
  id: string;
  personId: string | null;
  externalName: string | null;
  role: InnovatorRole;
  personName: string | null;
  nip: string | null;
}

export interface TimelineEntry {
  id: string;
  action: string;
  fromStatus: InnovationStatus | null;
  toStatus: InnovationStatus | null;
  comment: string | null;
  actorName: string | null;
  at: string;
  /** For a lifecycle step: the new lifecycle. */
  lifecycle?: Lifecycle | null;
}

export interface Replication {
  id: string;
  originInnovationId: string | null;
  externalOrigin: string | null;
  confirmedAt: string | null;
  origin: { tenantName: string; regionCode: string; title: string } | null;
}

export interface ReplicatedBy {
  id: string;
  tenantId: string;
  innovationId: string;
  confirmedAt: string | null;
  title: string;
  status: InnovationStatus;
  tenantName: string;
  regionCode: string;
}

export interface InnovationPermissions {
  update: boolean;
  submit: boolean;
  verify: boolean;
  return: boolean;
  publish: boolean;
  lifecycle: boolean;
  score: boolean;
  confirmReplication: boolean;
}

/** GET /api/innovations/:id. */
export interface InnovationDetail extends InnovationSummary {
  initiatorClass: InitiatorClass | null;
  urusanOther: string[];
  trialOn: string | null;
  description: string;
  goals: string | null;
  benefits: string | null;
  results: string | null;
  legalBasisDoc: string | null;
  legalBasisLevel: LegalBasisLevel | null;
  budget: number | null;
  videoUrl: string | null;
  retiredReason: string | null;
  sourceNote: string | null;
  createdAt: string;
  innovators: Innovator[];
  timeline: TimelineEntry[];
  replication: Replication | null;
  replicatedBy: ReplicatedBy[];
  permissions: InnovationPermissions;
}

/** GET /api/innovations/similar (items). */
export interface SimilarInnovation {
  id: string;
  title: string;
  tenantCode: string;
  tenantName: string;
  unitName: string | null;
  stage: InnovationStage;
  year: number | null;
  status: InnovationStatus;
  sameTenant: boolean;
  score: number;
  likelyDuplicate: boolean;
  /** Words the draft shares with this record, most distinctive first. */
  reason?: string[];
}

export interface KeyCount {
  key: string;
  n: number;
  name?: string;
}

/** GET /api/innovations/stats. */
export interface InnovationStats {
  year?: number | null;
  perYear: { year: number; n: number }[];
  innovatorsPerYear: { year: number; n: number }[];
  byStage: KeyCount[];
  byType: KeyCount[];
  byStatus: KeyCount[];
  byDigital: KeyCount[];
  byUnit: KeyCount[];
  byUrusan: KeyCount[];
}

export interface PublicInnovation {
  id: string;
  title: string;
  acronym: string | null;
  regionCode: string;
  regionName: string;
  unitName: string | null;
  type: InnovationType;
  stage: InnovationStage;
  digital: boolean;
  urusanMain: string | null;
  urusanOther: string[];
  year: number | null;
  initiatedOn: string | null;
  trialOn: string | null;
  appliedOn: string | null;
  description: string;
  goals: string | null;
  benefits: string | null;
  results: string | null;
  legalBasisDoc: string | null;
  legalBasisLevel: LegalBasisLevel | null;
  videoUrl: string | null;
  lifecycle: Lifecycle;
  publishedAt: string | null;
  /** Detail only. */
  replicatedBy?: { id: string; title: string; regionName: string; regionCode: string; confirmedAt: string | null }[];
  attribution?: string;
}

/** GET /public/innovations. */
export interface PublicList {
  items: PublicInnovation[];
  total: number;
  /** More hits than the search counts (shown as "1.000+"). */
  totalCapped?: boolean;
  /** Titles found by the corrected query when nothing matched ("Mungkin maksud Anda"). */
  suggestions?: string[];
  page: number;
  pageSize: number;
  attribution: string;
}

export interface PublicRegion {
  regionCode: string;
  name: string;
  published: number;
}

/** GET /api/innovations: one page of the list (or of the search hits). */
export interface InnovationListPage {
  items: InnovationSummary[];
  total: number;
  /** More hits than the search counts (shown as "1.000+"). */
  totalCapped?: boolean;
  /** Titles found by the corrected query when nothing matched. */
  suggestions?: string[];
  page: number;
  pageSize: number;
}
