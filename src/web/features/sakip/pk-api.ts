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
  }>;
  history: Array<{ action: string; from: string; to: string; by: string | null; at: string; note: string | null }>;
  actions: Array<'submit' | 'agree' | 'return' | 'sign'>;
}

export const pkKeys = {
  all: ['pk'] as const,
  register: (q: Record<string, string | number | undefined>) => ['pk', 'register', q] as const,
  detail: (id: string) => ['pk', 'detail', id] as const,
};

export function useRegister(q: { year: number; status?: string; level?: string; q?: string }) {
  return useQuery({ queryKey: pkKeys.register(q), queryFn: () => api<{ items: RegisterRow[] }>('/pk/register', { query: q }), placeholderData: keepPreviousData });
}

export function usePk(id: string) {
  return useQuery({ queryKey: pkKeys.detail(id), queryFn: () => api<PkDetail>(`/pk/${id}`) });
}
