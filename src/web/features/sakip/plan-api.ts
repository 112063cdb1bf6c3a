import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

/** Shapes of the plan API (`/api/sakip/plan/*`, issue 11 item 1) as the page uses them. */
export interface PlanIndicatorNode {
  id: string;
  code: string;
  name: string;
  satuan: string;
  polarity: 'higher' | 'lower';
  baseline?: number | null;
  finalTarget?: number | null;
  target: number | null;
}
export interface PlanProgramNode {
  id: string;
  code: string;
  name: string;
  budget: number | null;
  realised: number | null;
}
export interface UnitSasaranNode {
  id: string;
  code: string;
  name: string;
  unitId: string;
  unitName: string;
  indicators: PlanIndicatorNode[];
  programs: PlanProgramNode[];
}
export interface PemdaSasaranNode {
  id: string;
  code: string;
  name: string;
  indicators: PlanIndicatorNode[];
  units: Array<{ unitId: string; unitName: string; sasaran: UnitSasaranNode[] }>;
}
export interface PlanPeriodView {
  id: string;
  name: string;
  startYear: number;
  endYear: number;
  isDemo: boolean;
}
export interface PlanTree {
  period: PlanPeriodView;
  year: number;
  tujuan: Array<{ id: string | null; code: string; name: string; sasaran: PemdaSasaranNode[] }>;
  unlinked: UnitSasaranNode[];
}
export interface PlanCascade {
  period: PlanPeriodView;
  unlinkedUnitSasaran: Array<{ id: string; code: string; name: string; unitName: string; indicators: Array<{ id: string; code: string; name: string }> }>;
  uncarriedPemdaSasaran: Array<{ id: string; code: string; name: string }>;
}

export const planKeys = { all: ['sakip-plan'] as const, tree: (year: number) => ['sakip-plan', 'tree', year] as const, cascade: (year: number) => ['sakip-plan', 'cascade', year] as const };

export function usePlanTree(year: number) {
  return useQuery({ queryKey: planKeys.tree(year), queryFn: () => api<PlanTree>('/sakip/plan/tree', { query: { year } }), retry: false });
}
export function usePlanCascade(year: number, enabled: boolean) {
  return useQuery({ queryKey: planKeys.cascade(year), queryFn: () => api<PlanCascade>('/sakip/plan/cascade', { query: { year } }), enabled, retry: false });
}
