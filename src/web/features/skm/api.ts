/**
 * Survei Kepuasan Masyarakat: the shapes the SKM endpoints answer with and the React Query hooks
 * that read them. Writes go through `api()` in the pages and then invalidate `skmKeys.all`.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export type Mutu = 'A' | 'B' | 'C' | 'D';
export type PeriodKind = 'triwulan' | 'semester' | 'tahun';
export type ActionStatus = 'rencana' | 'proses' | 'selesai';

export interface SurveyRow {
  id: string;
  surveyCode: string;
  serviceId: string;
  serviceName: string;
  unitId: string;
  unitName: string;
  periodKind: PeriodKind;
  periodStart: string;
  periodEnd: string;
  population: number | null;
  status: 'open' | 'closed';
  isDemo: boolean;
  responses: number;
  ikmConverted: number | null;
  mutu: Mutu | null;
  minSample: number | null;
  canManage: boolean;
  formUrl: string;
}

export interface RulebookUnsur {
  code: string;
  name: string;
  questionNo: number;
  question: string;
  answers: string[];
  optional?: boolean;
}

export interface SurveyDetail extends Omit<SurveyRow, 'responses' | 'ikmConverted' | 'mutu' | 'minSample'> {
  activeUnsur: string[];
  rulebook: {
    id: string;
    title: string;
    legalBasis: string[];
    notes: string[];
    body: { unsur: RulebookUnsur[]; bands: Array<{ min: number; mutu: Mutu; kinerja: string }>; conversion: number };
  };
}

export type ProfileCounts = Partial<Record<'sex' | 'ageBand' | 'education' | 'occupation', Record<string, number>>>;

export interface Results {
  n: number;
  nrr: Record<string, number>;
  nrrWeighted: Record<string, number>;
  ikm: number;
  ikmConverted: number;
  mutu: Mutu | null;
  kinerja: string | null;
  weight: { numerator: number; denominator: number; decimal: number };
  active: string[];
  weakest: string[];
  minSample?: number | null;
  population?: number | null;
  sampleProgress?: number | null;
  explanation: string;
  profile?: ProfileCounts;
  surveys?: number;
}

export interface TrendPoint {
  surveyId: string;
  periodStart: string;
  periodEnd: string;
  periodKind: PeriodKind;
  n: number;
  ikmConverted: number;
  mutu: Mutu | null;
  nrr: Record<string, number>;
}

export interface SkmAction {
  id: string;
  unsur: string;
  action: string;
  ownerPositionId: string | null;
  ownerPositionTitle: string | null;
  dueDate: string | null;
  status: ActionStatus;
}

export interface Rejection {
  day: string;
  reason: string;
  n: number;
}

export interface PublicQuestion {
  no: number;
  unsur: string;
  name: string;
  question: string;
  answers: Array<{ value: number; label: string }>;
}

export interface PublicForm {
  code: string;
  serviceName: string;
  unitName: string;
  regionName: string;
  regionCode: string;
  periodStart: string;
  periodEnd: string;
  closed: boolean;
  questions: PublicQuestion[];
  formToken: string | null;
}

export interface PublicResultItem {
  unitName: string;
  serviceName: string;
  surveyId: string;
  periodStart: string;
  periodEnd: string;
  n: number;
  ikmConverted: number | null;
  mutu: Mutu | null;
  kinerja: string | null;
  isDemo?: boolean;
  trend?: Array<{ periodStart: string; periodEnd: string; n?: number; ikmConverted: number | null; mutu: Mutu | null }>;
}

export interface PublicUnitResult {
  unitName: string;
  year: number;
  surveys: number;
  n: number;
  ikmConverted: number | null;
  mutu: Mutu | null;
  kinerja: string | null;
}

export interface PublicResults {
  regionCode?: string;
  regionName: string;
  items: PublicResultItem[];
  /** per unit: all surveys of the latest year with answers, taken together */
  units?: PublicUnitResult[];
  basis?: string;
  attribution?: string;
}

export const skmKeys = {
  all: ['skm'] as const,
  list: (q: object) => ['skm', 'surveys', q] as const,
  services: (unitId: string, q: string) => ['skm', 'services', unitId, q] as const,
  survey: (id: string) => ['skm', 'survey', id] as const,
  results: (id: string) => ['skm', 'results', id] as const,
  aggregate: (q: object) => ['skm', 'aggregate', q] as const,
  trend: (q: object) => ['skm', 'trend', q] as const,
  actions: (id: string) => ['skm', 'actions', id] as const,
  rejections: (id: string) => ['skm', 'rejections', id] as const,
  publicResults: (region: string) => ['skm', 'public-results', region] as const,
};

/**
 * The services a unit surveyed before whose name contains `q` (the create form's suggestions):
 * asked of the server by name, so it works however many surveys the unit has run.
 */
export function useServiceNames(unitId: string | null, q: string) {
  return useQuery({
    queryKey: skmKeys.services(unitId ?? '', q),
    queryFn: async () => (await api<{ items: Array<{ id: string; name: string }> }>('/skm/services', { query: { unitId: unitId!, q: q || undefined, limit: 20 } })).items,
    enabled: !!unitId,
    placeholderData: keepPreviousData,
  });
}

/** One page of the survey list (filters, sort and page from the URL, see DataList). */
export function useSurveyPage(q: Record<string, string | number | undefined>) {
  return useQuery({
    queryKey: skmKeys.list({ paged: true, ...q }),
    queryFn: () => api<{ items: SurveyRow[]; total: number; page: number; pageSize: number }>('/skm/surveys', { query: q }),
    placeholderData: keepPreviousData,
  });
}

export function useSurvey(id: string) {
  return useQuery({ queryKey: skmKeys.survey(id), queryFn: () => api<SurveyDetail>(`/skm/surveys/${encodeURIComponent(id)}`) });
}

export function useSurveyResults(id: string) {
  return useQuery({ queryKey: skmKeys.results(id), queryFn: () => api<Results>(`/skm/surveys/${encodeURIComponent(id)}/results`) });
}

export function useAggregate(q: { unitId?: string | null; from: string; to: string }) {
  return useQuery({
    queryKey: skmKeys.aggregate(q),
    queryFn: () => api<Results>('/skm/results', { query: { ...q } }),
    placeholderData: keepPreviousData,
  });
}

export function useTrend(q: { serviceId?: string; unitId?: string }, enabled = true) {
  return useQuery({
    queryKey: skmKeys.trend(q),
    queryFn: async () => (await api<{ items: TrendPoint[] }>('/skm/trend', { query: q })).items,
    enabled,
  });
}

export function useActions(surveyId: string) {
  return useQuery({
    queryKey: skmKeys.actions(surveyId),
    queryFn: async () => (await api<{ items: SkmAction[] }>(`/skm/surveys/${encodeURIComponent(surveyId)}/actions`)).items,
  });
}

export function useRejections(surveyId: string, enabled = true) {
  return useQuery({
    queryKey: skmKeys.rejections(surveyId),
    queryFn: async () => (await api<{ items: Rejection[] }>(`/skm/surveys/${encodeURIComponent(surveyId)}/rejections`)).items,
    enabled,
    retry: false,
  });
}

/** Unsur names by code from the rulebooks (rules are data: names are never hard-coded). */
export function useUnsurNames() {
  const q = useQuery({
    queryKey: ['skm', 'rulebooks'],
    queryFn: async () => (await api<{ items: Array<Pick<SurveyDetail['rulebook'], 'id' | 'body'>> }>('/skm/rulebooks')).items,
    staleTime: Infinity,
  });
  const names = new Map<string, string>();
  for (const rb of q.data ?? []) for (const u of rb.body.unsur) if (!names.has(u.code)) names.set(u.code, u.name);
  return names;
}

export function usePublicResults(region: string) {
  return useQuery({
    queryKey: skmKeys.publicResults(region),
    queryFn: () => api<PublicResults>('/public/skm/results', { query: { region }, quietAuth: true }),
    retry: false,
  });
}
