/** Types and queries of the KIPP proposal workspace and the internal competitions. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from './client.ts';

export interface ProposalSection {
  key: string;
  title: string;
  guidance: string;
  text: string;
  wordCount: number;
  wordLimit: number;
  criterion: string | null;
  weight: number;
  version: number;
  prefillSource: string | null;
  openComments: number;
}

export interface Proposal {
  id: string;
  /** null in a blind judge's view (the record names the unit). */
  innovationId: string | null;
  innovationTitle: string;
  rulebookId: string;
  rulebookTitle: string;
  title: string;
  basedOnId: string | null;
  competitionId: string | null;
  updatedAt: string;
  /** Entered in a competition: locked at the version the judges score. */
  locked: { competitionId: string; competitionName: string; version: number; enteredAt: string } | null;
  /** A judge's read-only view of the scored version. */
  readOnly: boolean;
  blind: boolean;
  canWrite: boolean;
  canComment: boolean;
  sections: ProposalSection[];
}

export interface ProposalRow {
  id: string;
  title: string;
  rulebookId: string;
  innovationId: string;
  updatedAt: string;
  competitionId: string | null;
  unitId: string;
  unitName: string | null;
  unitShortName: string | null;
  competitionName: string | null;
  competitionStatus: 'open' | 'frozen' | null;
}

export interface SavedSection {
  key: string;
  title: string;
  text: string;
  wordCount: number;
  wordLimit: number;
  weight: number;
  version: number;
}

export interface CheckResult {
  ok: boolean;
  problems: Array<{ section?: string; code: string; message: string; link: string }>;
  selfScore: Array<{ criterion: string; title: string; weight: number; estimate: number }>;
  estimateTotal: number;
}

export interface ProposalComment {
  id: string;
  sectionKey: string;
  body: string;
  authorName: string;
  createdAt: string;
  resolvedAt: string | null;
}

export interface SectionVersion {
  version: number;
  savedAt: string;
  savedByName: string;
  text: string;
}

export interface DiffPart {
  op: 'same' | 'add' | 'del';
  text: string;
}

export interface Rulebook {
  id: string;
  title: string;
  confidence?: string;
  body: { requiredAttachments?: Array<{ kind: string; title: string }>; criteria?: Criterion[]; scale?: { min: number; max: number } };
}

export interface ProposalAttachment {
  kind: string;
  evidenceId: string;
  [k: string]: unknown;
}

export interface Criterion {
  key: string;
  title: string;
  weight: number;
}

export interface CompetitionRow {
  id: string;
  name: string;
  year: number;
  status: 'open' | 'frozen';
  quota: number;
  registrationClose: string;
  isBlind: number | boolean;
  decisionNumber: string | null;
  createdAt: string;
}

export interface CompetitionDetail {
  /** What the signed-in user may do here (from the server). */
  permissions?: { manage: boolean; score: boolean; ranking?: boolean; decree?: boolean; read?: boolean };
  judges?: Array<{ userId: string; name: string }>;
  competition: {
    id: string;
    name: string;
    year: number;
    status: 'open' | 'frozen';
    blind: boolean;
    quota: number;
    registrationClose: string;
    margin: number;
    rulebook: { id: string; title: string; body: { criteria: Criterion[]; scale: { min: number; max: number } } };
  };
  items: Array<{ proposalId: string; title: string; unitName: string | null; version?: number; myScores: Record<string, number> | null; myTotal: number | null }>;
}

export interface Ranking {
  margin: number;
  status: 'open' | 'frozen';
  items: Array<{ rank: number | null; proposalId: string; title: string; unitName: string | null; judges: number; mean: number; spread: number; flagged: boolean; nominated: boolean }>;
}

export const kippKeys = {
  proposal: (id: string) => ['proposals', id] as const,
  proposals: (innovationId?: string) => ['proposals', 'list', innovationId ?? null] as const,
  check: (id: string) => ['proposals', id, 'check'] as const,
  comments: (id: string) => ['proposals', id, 'comments'] as const,
  versions: (id: string, key: string) => ['proposals', id, 'versions', key] as const,
  attachments: (id: string) => ['proposals', id, 'attachments'] as const,
  rulebooks: ['kipp', 'rulebooks'] as const,
  competitions: ['competitions'] as const,
  competition: (id: string) => ['competitions', id] as const,
  ranking: (id: string) => ['competitions', id, 'ranking'] as const,
};

/** Words are whitespace-separated tokens containing a letter or a digit (the server's rule). */
export function countWords(text: string): number {
  return text.split(/\s+/).filter((t) => /[\p{L}\p{N}]/u.test(t)).length;
}

export const useProposal = (id: string) => useQuery({ queryKey: kippKeys.proposal(id), queryFn: () => api<Proposal>(`/proposals/${id}`), enabled: !!id, refetchOnWindowFocus: false });
export const useProposals = (innovationId?: string) =>
  useQuery({ queryKey: kippKeys.proposals(innovationId), queryFn: () => api<{ items: ProposalRow[] }>('/proposals', { query: { innovationId } }) });
export const useComments = (id: string, enabled = true) => useQuery({ queryKey: kippKeys.comments(id), queryFn: () => api<{ items: ProposalComment[] }>(`/proposals/${id}/comments`), enabled });
export const useVersions = (id: string, key: string | null) =>
  useQuery({ queryKey: kippKeys.versions(id, key ?? ''), queryFn: () => api<{ items: SectionVersion[] }>(`/proposals/${id}/sections/${key}/versions`), enabled: !!key });
export const useAttachments = (id: string) => useQuery({ queryKey: kippKeys.attachments(id), queryFn: () => api<{ items: ProposalAttachment[] }>(`/proposals/${id}/attachments`) });
export const useRulebooks = () => useQuery({ queryKey: kippKeys.rulebooks, queryFn: () => api<{ items: Rulebook[] }>('/kipp/rulebooks'), staleTime: 3600_000 });
/** The competitions list (DataList): filters, sort and page from the URL; a judge gets only their own. */
/** The list's year filter: years with a competition the user may see, plus the region's current year (newest first). */
export const useCompetitionYears = (enabled = true) =>
  useQuery({
    queryKey: [...kippKeys.competitions, 'years'],
    queryFn: () => api<{ current: number; years: number[] }>('/competitions/years'),
    enabled,
    retry: false,
  });

export const useCompetitions = (q: Record<string, string | number | undefined>, enabled = true) =>
  useQuery({
    queryKey: [...kippKeys.competitions, 'list', q],
    queryFn: () => api<{ items: CompetitionRow[]; total: number; page: number; pageSize: number }>('/competitions', { query: q }),
    enabled,
    retry: false,
    placeholderData: keepPreviousData,
  });
export const useCompetition = (id: string) => useQuery({ queryKey: kippKeys.competition(id), queryFn: () => api<CompetitionDetail>(`/competitions/${id}`) });
export const useRanking = (id: string, enabled = true) =>
  useQuery({ queryKey: kippKeys.ranking(id), queryFn: () => api<Ranking>(`/competitions/${id}/ranking`), enabled, retry: false });
