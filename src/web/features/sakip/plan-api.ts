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
  /** Every year of the period that has a target. */
  targets: Array<{ year: number; target: number }>;
}
export interface PlanProgramNode {
  id: string;
  code: string;
  name: string;
  budget: number | null;
  realised: number | null;
  /** The row's own pagu/realisasi per year (empty when its budget is the sum of its kegiatan). */
  budgets: Array<{ year: number; pagu: number; realisasi: number | null }>;
}
export interface UnitSasaranNode {
  id: string;
  code: string;
  name: string;
  unitId: string;
  unitName: string;
  pemdaSasaranId: string | null;
  indicators: PlanIndicatorNode[];
  programs: PlanProgramNode[];
}
export interface PemdaSasaranNode {
  id: string;
  code: string;
  name: string;
  tujuanId: string | null;
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

export interface PlanImportCounts {
  created: number;
  updated: number;
  unchanged: number;
}
/** `POST /api/sakip/plan/import/preview`: what the import would do, written nowhere. */
export interface PlanImportPreview extends PlanImportCounts {
  sheets: Array<PlanImportCounts & { sheet: string; errors: number }>;
  problems: Array<{ sheet: string; row: number; column: string; message: string }>;
}

/** A record of the tree the user acts on (edit, re-link, delete). `unitId` null = the pemda plan. */
export type PlanRecord =
  | { kind: 'tujuan'; id: string; code: string; name: string; unitId: null }
  | { kind: 'pemdaSasaran'; node: PemdaSasaranNode; id: string; code: string; name: string; unitId: null }
  | { kind: 'unitSasaran'; node: UnitSasaranNode; id: string; code: string; name: string; unitId: string }
  | { kind: 'indicator'; node: PlanIndicatorNode; id: string; code: string; name: string; unitId: string | null }
  | { kind: 'program'; node: PlanProgramNode; id: string; code: string; name: string; unitId: string };

export const planKeys = { all: ['sakip-plan'] as const, tree: (year: number) => ['sakip-plan', 'tree', year] as const, cascade: (year: number) => ['sakip-plan', 'cascade', year] as const };

export function usePlanTree(year: number) {
  return useQuery({ queryKey: planKeys.tree(year), queryFn: () => api<PlanTree>('/sakip/plan/tree', { query: { year } }), retry: false });
}
export function usePlanCascade(year: number, enabled: boolean) {
  return useQuery({ queryKey: planKeys.cascade(year), queryFn: () => api<PlanCascade>('/sakip/plan/cascade', { query: { year } }), enabled, retry: false });
}
