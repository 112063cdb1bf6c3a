/** React Query hooks for reads. Keys start with the resource name so writes can invalidate them. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from './client.ts';
import type { AuditPage,
  Assignment,
  AuditEntry,
  Evidence,
  Paged,
  Person,
  PersonDetail,
  Position,
  Region,
  SessionInfo,
  Tenant,
  TenantRow,
  Unit,
  UserRow,
} from './types.ts';

export const keys = {
  tenant: ['tenant'] as const,
  units: ['units'] as const,
  positions: (unitId: string | null) => ['positions', unitId] as const,
  positionsList: (q: object) => ['positions', 'list', q] as const,
  people: (q: object) => ['people', q] as const,
  person: (id: string) => ['people', 'detail', id] as const,
  assignments: (q: object) => ['assignments', q] as const,
  users: ['users'] as const,
  usersList: (q: object) => ['users', 'list', q] as const,
  audit: (q: object) => ['audit', q] as const,
  evidence: (q: object) => ['evidence', q] as const,
  sessions: ['sessions'] as const,
  regions: (q: object) => ['regions', q] as const,
  tenants: ['admin', 'tenants'] as const,
};

export function useTenant() {
  return useQuery({ queryKey: keys.tenant, queryFn: () => api<Tenant>('/tenant') });
}

/** All units of the tenant; the tree is built client-side from parentId. */
export function useUnits() {
  return useQuery({
    queryKey: keys.units,
    queryFn: async () => (await api<{ items: Unit[] }>('/units')).items,
    staleTime: 60_000,
  });
}

/** Every position of a unit (pickers), head first. */
export function usePositions(unitId: string | null) {
  return useQuery({
    queryKey: keys.positions(unitId),
    queryFn: async () => (await api<Paged<Position>>('/positions', { query: { unitId, pageSize: 200 } })).items,
    enabled: !!unitId,
  });
}

/** The positions list (DataList): filters, sort and page from the URL. */
export function usePositionsList(q: Record<string, string | number | undefined>) {
  return useQuery({
    queryKey: keys.positionsList(q),
    queryFn: () => api<Paged<Position>>('/positions', { query: q }),
    placeholderData: keepPreviousData,
  });
}

export interface PeopleQuery {
  q?: string;
  unitId?: string | null;
  kind?: string | null;
  page?: number;
  pageSize?: number;
}

export function usePeople(q: PeopleQuery, enabled = true) {
  return useQuery({
    queryKey: keys.people(q),
    queryFn: () => api<Paged<Person>>('/people', { query: { ...q } }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function usePerson(id: string) {
  return useQuery({ queryKey: keys.person(id), queryFn: () => api<PersonDetail>(`/people/${encodeURIComponent(id)}`) });
}

export function useAssignments(q: { positionId?: string; personId?: string }, enabled = true) {
  return useQuery({
    queryKey: keys.assignments(q),
    queryFn: async () => (await api<{ items: Assignment[] }>('/assignments', { query: q })).items,
    enabled,
  });
}

/** Users for pickers (audit filter): the first 200 by name. */
export function useUsers(enabled = true) {
  return useQuery({
    queryKey: [...keys.users, 'pick'],
    queryFn: async () => (await api<Paged<UserRow>>('/users', { query: { sort: 'name', pageSize: 200 } })).items,
    enabled,
    retry: false,
  });
}

/** The admin's users list (DataList): filters, sort and page from the URL. */
export function useUsersList(q: Record<string, string | number | undefined>) {
  return useQuery({
    queryKey: keys.usersList(q),
    queryFn: () => api<Paged<UserRow>>('/users', { query: q }),
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export interface AuditQuery {
  entityId?: string;
  entityType?: string | null;
  actorId?: string | null;
  action?: string | null;
  from?: string | null;
  to?: string | null;
  /** A LIST_SORTS.audit value; newest first when left out. */
  sort?: string;
  page?: number;
  pageSize?: number;
}

export function useAudit(q: AuditQuery, enabled = true) {
  return useQuery({
    queryKey: keys.audit(q),
    queryFn: () => api<AuditPage>('/audit', { query: { ...q } }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export interface EvidenceQuery {
  entityType?: string;
  entityId?: string;
  q?: string;
  kind?: string;
  sort?: string;
  page?: number;
  pageSize?: number;
}

export function useEvidence(q: EvidenceQuery) {
  return useQuery({
    queryKey: keys.evidence(q),
    queryFn: () => api<{ items: Evidence[]; total: number; page?: number; pageSize?: number }>('/evidence', { query: { ...q } }),
    placeholderData: keepPreviousData,
  });
}

export function useSessions() {
  return useQuery({
    queryKey: keys.sessions,
    queryFn: async () => (await api<{ items: SessionInfo[] }>('/auth/sessions')).items,
  });
}

export function useRegions(q: { level: string; parentCode?: string | null; q?: string }, enabled = true) {
  return useQuery({
    queryKey: keys.regions(q),
    queryFn: async () => (await api<{ items: Region[] }>('/regions', { query: q })).items,
    enabled,
    staleTime: Infinity,
  });
}

export function useTenants(enabled = true) {
  return useQuery({
    queryKey: keys.tenants,
    queryFn: async () => (await api<{ items: TenantRow[] }>('/admin/tenants')).items,
    enabled,
  });
}
