/**
 * Inovasi Daerah: the React Query hooks that read the innovation, index (IID) and
 * public-catalogue endpoints (their response shapes come from src/shared/schemas/). Writes go through `api()` in the pages and then
 * invalidate the keys below.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from './client.ts';
import type { InnovationDetail, InnovationListPage, InnovationStats, PublicInnovation, PublicList, PublicRegion, SimilarInnovation } from '../../shared/schemas/innovation-responses.ts';
import type { Iid, InnovationScore, Rulebook, RulebookSummary, WhatIf } from '../../shared/schemas/iid.ts';

// The response shapes live in src/shared/schemas/ (the server's presenters declare them too).
export type * from '../../shared/schemas/innovation-responses.ts';
export type * from '../../shared/schemas/iid.ts';

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
    queryFn: () => api<InnovationListPage>('/innovations', { query: { ...q } }),
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
