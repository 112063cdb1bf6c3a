/**
 * Inovasi Daerah: the shapes the innovation, index (IID) and public-catalogue endpoints answer
 * with, and the React Query hooks that read them. Writes go through `api()` in the pages and then
 * invalidate the keys below.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  INITIATOR_CLASSES,
  INNOVATION_STAGES,
  INNOVATION_STATUSES,
  INNOVATION_TYPES,
  INNOVATOR_ROLES,
  LEGAL_BASIS_LEVELS,
  LIFECYCLES,
} from '../../shared/schemas/innovation.ts';
import { api } from './client.ts';

export type InnovationStage = (typeof INNOVATION_STAGES)[number];
export type InnovationType = (typeof INNOVATION_TYPES)[number];
export type InnovationStatus = (typeof INNOVATION_STATUSES)[number];
export type Lifecycle = (typeof LIFECYCLES)[number];
export type InitiatorClass = (typeof INITIATOR_CLASSES)[number];
export type LegalBasisLevel = (typeof LEGAL_BASIS_LEVELS)[number];
export type InnovatorRole = (typeof INNOVATOR_ROLES)[number];

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

export interface ScoreItem {
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
  /** Not sent by GET /api/iid (region items); present on innovation scores. */
  evidenceIds?: string[];
  note?: string | null;
  flag: 'missing_evidence' | null;
  derived?: boolean;
}

export interface InnovationScore {
  rulebookId: string;
  rulebookTitle: string;
  total: number;
  max: number;
  missingEvidence: string[];
  confirmedReplications: number;
  items: ScoreItem[];
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

export interface RulebookSummary {
  id: string;
  version: string;
  title: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  legalBasis: string[];
  confidence: string;
  notes: string[];
}

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

export interface IidComponents {
  spd: { score: number; max: number; items?: ScoreItem[]; missingEvidence?: string[] };
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

export interface Iid {
  year: number;
  rulebookId: string;
  rulebookTitle: string;
  confidence: string;
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
  value: number;
  predicate: string;
  explanation: string;
  components: IidComponents;
}

export interface WhatIf {
  year: number;
  sourceRulebookId: string;
  columns: WhatIfColumn[];
}

export interface KeyCount {
  key: string;
  n: number;
  name?: string;
}

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

export interface InnovationListQuery {
  q?: string;
  year?: string | null;
  stage?: string | null;
  type?: string | null;
  status?: string | null;
  unitId?: string | null;
  urusan?: string | null;
  digital?: string | null;
  lifecycle?: string | null;
  sort?: string;
  page?: number;
  pageSize?: number;
}

export interface PublicQuery {
  q?: string;
  region?: string | null;
  year?: string | null;
  stage?: string | null;
  type?: string | null;
  urusan?: string | null;
  sort?: string;
  page?: number;
  pageSize?: number;
}

export const innovationKeys = {
  all: ['innovations'] as const,
  list: (q: object) => ['innovations', 'list', q] as const,
  detail: (id: string) => ['innovations', 'detail', id] as const,
  score: (id: string, rulebook?: string) => ['innovations', 'score', id, rulebook ?? null] as const,
  similar: (text: string, excludeId?: string) => ['innovations', 'similar', text, excludeId ?? null] as const,
  stats: (year: string | null) => ['innovations', 'stats', year] as const,
  iid: (year: number, rulebook?: string | null) => ['iid', year, rulebook ?? null] as const,
  whatIf: (year: number, rulebooks: string) => ['iid', 'what-if', year, rulebooks] as const,
  rulebooks: ['iid', 'rulebooks'] as const,
  rulebook: (id: string) => ['iid', 'rulebook', id] as const,
  publicList: (q: object) => ['public', 'innovations', q] as const,
  publicDetail: (id: string) => ['public', 'innovation', id] as const,
  publicRegions: ['public', 'regions'] as const,
};

export function useInnovations(q: InnovationListQuery) {
  return useQuery({
    queryKey: innovationKeys.list(q),
    queryFn: () => api<{ items: InnovationSummary[]; total: number; totalCapped?: boolean; suggestions?: string[]; page: number; pageSize: number }>('/innovations', { query: { ...q } }),
    placeholderData: keepPreviousData,
  });
}

export function useInnovation(id: string | undefined) {
  return useQuery({
    queryKey: innovationKeys.detail(id ?? ''),
    queryFn: () => api<InnovationDetail>(`/innovations/${encodeURIComponent(id!)}`),
    enabled: !!id,
  });
}

export function useSimilar(text: string, excludeId?: string, title?: string) {
  return useQuery({
    queryKey: [...innovationKeys.similar(text, excludeId), title ?? null],
    queryFn: ({ signal }) => api<{ items: SimilarInnovation[] }>('/innovations/similar', { query: { text, excludeId, title: title || undefined }, signal }),
    enabled: text.length >= 8,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

export function useInnovationScore(id: string, rulebook?: string) {
  return useQuery({
    queryKey: innovationKeys.score(id, rulebook),
    queryFn: () => api<InnovationScore>(`/innovations/${encodeURIComponent(id)}/score`, { query: { rulebook } }),
  });
}

export function useInnovationStats(year: string | null) {
  return useQuery({
    queryKey: innovationKeys.stats(year),
    queryFn: () => api<InnovationStats>('/innovations/stats', { query: { year } }),
    placeholderData: keepPreviousData,
  });
}

export function useRulebooks() {
  return useQuery({
    queryKey: innovationKeys.rulebooks,
    queryFn: async () => (await api<{ items: RulebookSummary[] }>('/iid/rulebooks')).items,
    staleTime: Infinity,
  });
}

export function useRulebook(id: string | null | undefined) {
  return useQuery({
    queryKey: innovationKeys.rulebook(id ?? ''),
    queryFn: () => api<Rulebook>(`/iid/rulebooks/${encodeURIComponent(id!)}`),
    enabled: !!id,
    staleTime: Infinity,
  });
}

export function useIid(year: number, rulebook?: string | null) {
  return useQuery({
    queryKey: innovationKeys.iid(year, rulebook),
    queryFn: () => api<Iid>('/iid', { query: { year, rulebook } }),
    placeholderData: keepPreviousData,
  });
}

export function useWhatIf(year: number, rulebooks: string | null) {
  return useQuery({
    queryKey: innovationKeys.whatIf(year, rulebooks ?? ''),
    queryFn: () => api<WhatIf>('/iid/what-if', { query: { year, rulebooks } }),
    enabled: !!rulebooks,
    placeholderData: keepPreviousData,
  });
}

export function usePublicInnovations(q: PublicQuery) {
  return useQuery({
    queryKey: innovationKeys.publicList(q),
    queryFn: () => api<PublicList>('/public/innovations', { query: { ...q }, quietAuth: true }),
    placeholderData: keepPreviousData,
  });
}

export function usePublicInnovation(id: string | undefined) {
  return useQuery({
    queryKey: innovationKeys.publicDetail(id ?? ''),
    queryFn: () => api<PublicInnovation>(`/public/innovations/${encodeURIComponent(id!)}`, { quietAuth: true }),
    enabled: !!id,
  });
}

export function usePublicRegions() {
  return useQuery({
    queryKey: innovationKeys.publicRegions,
    queryFn: () => api<{ items: PublicRegion[]; attribution?: string }>('/public/regions', { quietAuth: true }),
    staleTime: 5 * 60_000,
  });
}
