import { useMemo } from 'react';
import { Badge, NativeSelect, Select, Text, type NativeSelectProps, type SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { UNIT_ROLES, UNIT_TYPES } from '../../shared/schemas/common.ts';
import { useUnits } from '../api/queries.ts';
import type { Unit, UnitType } from '../api/types.ts';
import { useAuth } from '../auth/AuthProvider.tsx';

export interface UnitNode extends Unit {
  depth: number;
  children: UnitNode[];
}

const typeOrder = new Map<string, number>(UNIT_TYPES.map((t, i) => [t, i]));
const collator = new Intl.Collator('id', { sensitivity: 'base', numeric: true });

function compareUnits(a: Unit, b: Unit): number {
  return (typeOrder.get(a.type) ?? 99) - (typeOrder.get(b.type) ?? 99) || collator.compare(a.name, b.name);
}

/** The tenant's units as a forest (parentId); units whose parent is unknown become roots. */
export function buildUnitTree(units: Unit[]): UnitNode[] {
  const nodes = new Map<string, UnitNode>();
  for (const u of units) nodes.set(u.id, { ...u, depth: 0, children: [] });
  const roots: UnitNode[] = [];
  for (const n of nodes.values()) {
    const parent = n.parentId ? nodes.get(n.parentId) : undefined;
    if (parent && parent !== n) parent.children.push(n);
    else roots.push(n);
  }
  const visit = (list: UnitNode[], depth: number, seen: Set<string>) => {
    list.sort(compareUnits);
    for (const n of list) {
      if (seen.has(n.id)) continue;
      seen.add(n.id);
      n.depth = depth;
      visit(n.children, depth + 1, seen);
    }
  };
  visit(roots, 0, new Set());
  return roots;
}

/** Depth-first order, for pickers. */
export function flattenTree(roots: UnitNode[]): UnitNode[] {
  const out: UnitNode[] = [];
  const walk = (list: UnitNode[]) => {
    for (const n of list) {
      out.push(n);
      walk(n.children);
    }
  };
  walk(roots);
  return out;
}

export function descendantIds(units: Unit[], id: string): Set<string> {
  const ids = new Set<string>([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const u of units) {
      if (u.parentId && ids.has(u.parentId) && !ids.has(u.id)) {
        ids.add(u.id);
        grew = true;
      }
    }
  }
  return ids;
}

export function useUnitOptions(opts: { activeOnly?: boolean; exclude?: Set<string> } = {}) {
  const units = useUnits();
  const flat = useMemo(() => flattenTree(buildUnitTree(units.data ?? [])), [units.data]);
  const options = useMemo(
    () => flat.filter((u) => (!opts.activeOnly || u.isActive) && !opts.exclude?.has(u.id)),
    [flat, opts.activeOnly, opts.exclude],
  );
  return { ...units, flat, options };
}

export interface ManageScope {
  /** True when the user may manage organisation records of at least one unit. */
  any: boolean;
  /** May the user change people, positions and assignments of this unit (null: no unit)? */
  has: (unitId: string | null | undefined) => boolean;
}

/**
 * Mirrors the server's 'unit' scope for person/position/assignment.manage (policy.ts): the admin
 * everywhere, unit operators and heads in their unit and its sub-units, nobody else. Buttons the
 * server would refuse are not shown.
 */
export function useManageScope(): ManageScope {
  const { user, isAdmin } = useAuth();
  const units = useUnits();
  return useMemo(() => {
    if (isAdmin) return { any: true, has: () => true };
    const grants = (user?.roles ?? []).filter((r) => r.unitId && UNIT_ROLES.includes(r.role));
    const scope = new Set<string>();
    for (const g of grants) for (const id of descendantIds(units.data ?? [], g.unitId!)) scope.add(id);
    return { any: grants.length > 0, has: (id) => !!id && scope.has(id) };
  }, [isAdmin, user, units.data]);
}

const TYPE_COLORS: Partial<Record<UnitType, string>> = {
  sekretariat_daerah: 'pemda',
  sekretariat_dprd: 'indigo',
  inspektorat: 'red',
  badan: 'violet',
  dinas: 'blue',
  kecamatan: 'teal',
  rsud: 'pink',
  kelurahan: 'green',
  bagian: 'cyan',
  bidang: 'gray',
  uptd: 'orange',
};

export function UnitTypeBadge({ type }: { type: UnitType }) {
  const { t } = useTranslation();
  return (
    <Badge size="sm" variant="light" color={TYPE_COLORS[type] ?? 'gray'} style={{ flex: 'none' }}>
      {t(`unitTypes.${type}`)}
    </Badge>
  );
}

type UnitSelectProps = Omit<SelectProps, 'data' | 'value' | 'onChange'> & {
  value: string | null;
  onChange: (id: string | null) => void;
  activeOnly?: boolean;
  exclude?: Set<string>;
};

/** Searchable unit picker; sub-units are indented under their parent. */
export function UnitSelect({ value, onChange, activeOnly = true, exclude, ...rest }: UnitSelectProps) {
  const { t } = useTranslation();
  const { options, flat, isLoading } = useUnitOptions({ activeOnly, exclude });
  const depth = useMemo(() => new Map(flat.map((u) => [u.id, u.depth])), [flat]);
  const data = useMemo(() => {
    const list = options.map((u) => ({ value: u.id, label: u.name }));
    // Keep a selected-but-filtered unit visible so the field never looks empty.
    if (value && !list.some((o) => o.value === value)) {
      const u = flat.find((x) => x.id === value);
      if (u) list.unshift({ value: u.id, label: u.name });
    }
    return list;
  }, [options, flat, value]);
  return (
    <Select
      searchable
      clearable
      nothingFoundMessage={t('common.noMatches')}
      placeholder={isLoading ? t('common.loading') : t('org.units.pick')}
      data={data}
      value={value}
      onChange={(v) => onChange(v)}
      maxDropdownHeight={320}
      renderOption={({ option }) => (
        <Text size="sm" pl={(depth.get(option.value) ?? 0) * 14}>
          {option.label}
        </Text>
      )}
      comboboxProps={{ withinPortal: true }}
      {...rest}
    />
  );
}

type NativeUnitSelectProps = Omit<NativeSelectProps, 'data' | 'value' | 'onChange'> & {
  value: string | null;
  onChange: (id: string | null) => void;
  emptyLabel?: string;
  /** Offer only these units (e.g. the user's manage scope); the empty choice only when null is allowed. */
  allowed?: ManageScope['has'];
};

/** A real <select> of units: robust on phones and for keyboard/browser automation. */
export function NativeUnitSelect({ value, onChange, emptyLabel, allowed, ...rest }: NativeUnitSelectProps) {
  const { t } = useTranslation();
  const { options } = useUnitOptions({ activeOnly: true });
  const offered = allowed ? options.filter((u) => allowed(u.id)) : options;
  const data = [
    ...(!allowed || allowed(null) ? [{ value: '', label: emptyLabel ?? t('org.units.none') }] : []),
    ...offered.map((u) => ({ value: u.id, label: u.name })),
  ];
  return <NativeSelect data={data} value={value ?? ''} onChange={(e) => onChange(e.currentTarget.value || null)} {...rest} />;
}
