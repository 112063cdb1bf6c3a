/**
 * Perjanjian Kinerja (issue 11 item 2): the shapes of the register and PK endpoints and their React
 * Query hooks. Writes go through `api()` in the pages and then invalidate `pkKeys.all`.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

import type { PkStatusValue, RegisterRow } from '../../../shared/schemas/kinerja.ts';

export type PkStatus = PkStatusValue;
export type { RegisterRow, RegisterStatus } from '../../../shared/schemas/kinerja.ts';

export interface PkParty {
  positionId: string | null;
  name: string;
  nip: string | null;
  title: string;
  rank: string | null;
  kind: 'definitif' | 'plt' | 'plh' | 'kepala_daerah';
}

export interface PkDetail {
  id: string;
  year: number;
  level: 'bupati' | 'jpt_pratama' | 'administrator' | 'pengawas';
  status: PkStatus;
  signedOn: string | null;
  unitId: string | null;
  firstParty: PkParty;
  secondParty: PkParty | null;
  createdAt: string;
  submittedAt: string | null;
  agreedAt: string | null;
  signingMode: 'ceremony' | 'scan' | null;
  scanEvidenceId: string | null;
  documentNumber: string | null;
  revision: number;
  revisionReason: string | null;
  replacesId: string | null;
  replacedById: string | null;
  indicators: Array<{
    id: string;
    sasaran: string;
    name: string;
    unit: string;
    target: number;
    quarterTargets: [number, number, number, number];
    polarity: 'higher' | 'lower';
    aggregation: 'sum' | 'last' | 'average' | 'min' | 'max';
    /** The plan indicator (RPJMD/Renstra) it is linked to, with its code and name; null when typed by hand. */
    planIndicatorId: string | null;
    planIndicator: { code: string; name: string } | null;
  }>;
  history: Array<{ action: string; from: string; to: string; by: string | null; at: string; note: string | null }>;
  actions: Array<'submit' | 'agree' | 'return' | 'sign'>;
}

/** A plan indicator a PK indicator may link to (GET /api/pk/{id}/plan-indicators), with the PK year's target. */
export interface PlanIndicatorOption {
  id: string;
  code: string;
  name: string;
  satuan: string;
  polarity: 'higher' | 'lower';
  target: number | null;
  sasaran: { code: string; name: string };
}

export const pkKeys = {
  all: ['pk'] as const,
  register: (q: Record<string, string | number | undefined>) => ['pk', 'register', q] as const,
  detail: (id: string) => ['pk', 'detail', id] as const,
  planIndicators: (id: string) => ['pk', 'plan-indicators', id] as const,
};

export function useRegister(q: { year: number; status?: string; level?: string; q?: string }) {
  return useQuery({ queryKey: pkKeys.register(q), queryFn: () => api<{ items: RegisterRow[] }>('/pk/register', { query: q }), placeholderData: keepPreviousData });
}

export function usePk(id: string) {
  return useQuery({ queryKey: pkKeys.detail(id), queryFn: () => api<PkDetail>(`/pk/${id}`) });
}

/** The unit's Renstra (the RPJMD for the Bupati) indicators of the PK's year: the add-indicator form's "Dari rencana". */
export function usePkPlanIndicators(id: string, enabled = true) {
  return useQuery({ queryKey: pkKeys.planIndicators(id), queryFn: () => api<{ items: PlanIndicatorOption[] }>(`/pk/${id}/plan-indicators`), enabled });
}
