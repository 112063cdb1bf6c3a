import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import {
  ActionIcon,
  Badge,
  Box,
  Button,
  Center,
  Checkbox,
  Group,
  Loader,
  Pagination,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconBriefcase, IconChevronDown, IconChevronRight, IconPencil, IconPlus, IconSearch, IconSubtask } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { UNIT_TYPES } from '../../../shared/schemas/common.ts';
import { useUnits } from '../../api/queries.ts';
import type { Unit } from '../../api/types.ts';
import { useAuth } from '../../auth/AuthProvider.tsx';
import { ErrorAlert } from '../../components/feedback.tsx';
import { buildUnitTree, UnitTypeBadge, type UnitNode } from '../../components/units.tsx';
import { UnitFormModal } from './UnitFormModal.tsx';

const ROOTS_PER_PAGE = 25;

/** Keep nodes that match, plus their ancestors (so a match is shown in context). */
function filterTree(nodes: UnitNode[], match: (u: UnitNode) => boolean): UnitNode[] {
  const out: UnitNode[] = [];
  for (const n of nodes) {
    const children = filterTree(n.children, match);
    if (match(n) || children.length) out.push({ ...n, children });
  }
  return out;
}

function countNodes(nodes: UnitNode[]): number {
  return nodes.reduce((s, n) => s + 1 + countNodes(n.children), 0);
}

export default function UnitsTab() {
  const { t } = useTranslation();
  const { isAdmin } = useAuth();
  const units = useUnits();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim().toLowerCase(), 200);
  const [type, setType] = useState<string | null>(null);
  const [showInactive, setShowInactive] = useState(false);
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<{ unit?: Unit | null; parentId?: string | null } | null>(null);

  const filtering = !!q || !!type;
  const tree = useMemo(() => {
    const all = buildUnitTree(units.data ?? []);
    const active = showInactive ? all : filterTree(all, (u) => u.isActive);
    if (!filtering) return active;
    return filterTree(active, (u) => {
      if (type && u.type !== type) return false;
      if (!q) return true;
      return [u.name, u.shortName ?? '', u.code ?? ''].some((s) => s.toLowerCase().includes(q));
    });
  }, [units.data, q, type, showInactive, filtering]);

  const total = countNodes(tree);
  const pages = Math.max(1, Math.ceil(tree.length / ROOTS_PER_PAGE));
  const current = Math.min(page, pages);
  const roots = tree.slice((current - 1) * ROOTS_PER_PAGE, current * ROOTS_PER_PAGE);

  const toggle = (id: string) =>
    setCollapsed((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });
  const collapseAll = () => setCollapsed(new Set((units.data ?? []).map((u) => u.id)));

  const renderNode = (n: UnitNode, depth: number): React.ReactNode => {
    const hasChildren = n.children.length > 0;
    const open = filtering || !collapsed.has(n.id);
    const matches = q && [n.name, n.shortName ?? '', n.code ?? ''].some((s) => s.toLowerCase().includes(q));
    return (
      <Box key={n.id} role="treeitem" aria-expanded={hasChildren ? open : undefined} aria-level={depth + 1}>
        <Group className="serasan-tree-row" gap="xs" wrap="nowrap" px="sm" py={8} pl={`calc(var(--mantine-spacing-sm) + ${depth * 22}px)`} data-testid="unit-row">
          {hasChildren ? (
            <ActionIcon variant="subtle" color="gray" size="sm" onClick={() => toggle(n.id)} aria-label={open ? t('common.collapse') : t('common.expand')} disabled={filtering}>
              {open ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
            </ActionIcon>
          ) : (
            <Box w={22} style={{ flex: 'none' }} />
          )}
          <Stack gap={0} style={{ minWidth: 0, flex: 1 }}>
            <Group gap={6} wrap="wrap">
              <Text size="sm" fw={depth === 0 ? 600 : 500} c={n.isActive ? undefined : 'dimmed'} td={n.isActive ? undefined : 'line-through'} bg={matches ? 'yellow.1' : undefined}>
                {n.name}
              </Text>
              {n.shortName && (
                <Text size="xs" c="dimmed">
                  ({n.shortName})
                </Text>
              )}
              {!n.isActive && (
                <Badge size="xs" color="gray" variant="outline">
                  {t('common.inactive')}
                </Badge>
              )}
            </Group>
            {n.code && (
              <Text size="xs" c="dimmed" className="serasan-mono">
                {n.code}
              </Text>
            )}
          </Stack>
          <Box visibleFrom="xs">
            <UnitTypeBadge type={n.type} />
          </Box>
          <Group gap={2} wrap="nowrap" style={{ flex: 'none' }}>
            <Tooltip label={t('org.units.viewPositions')}>
              <ActionIcon component={Link} to={`/organisasi/jabatan?unit=${n.id}`} variant="subtle" aria-label={t('org.units.viewPositions')}>
                <IconBriefcase size={18} />
              </ActionIcon>
            </Tooltip>
            {isAdmin && (
              <>
                <Tooltip label={t('org.units.addChild')}>
                  <ActionIcon variant="subtle" onClick={() => setEditing({ parentId: n.id })} aria-label={t('org.units.addChild')}>
                    <IconSubtask size={18} />
                  </ActionIcon>
                </Tooltip>
                <Tooltip label={t('common.edit')}>
                  <ActionIcon variant="subtle" onClick={() => setEditing({ unit: n })} aria-label={`${t('common.edit')} ${n.name}`} data-testid="unit-edit">
                    <IconPencil size={18} />
                  </ActionIcon>
                </Tooltip>
              </>
            )}
          </Group>
        </Group>
        {hasChildren && open && <Box role="group">{n.children.map((c) => renderNode(c, depth + 1))}</Box>}
      </Box>
    );
  };

  return (
    <Stack gap="md">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          label={t('common.search')}
          placeholder={t('org.units.searchPlaceholder')}
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(e) => {
            setSearch(e.currentTarget.value);
            setPage(1);
          }}
          style={{ flex: '1 1 260px' }}
          data-testid="units-search"
        />
        <Select
          label={t('fieldsIn.units.type')}
          placeholder={t('common.all')}
          clearable
          data={UNIT_TYPES.map((x) => ({ value: x, label: t(`unitTypes.${x}`) }))}
          value={type}
          onChange={(v) => {
            setType(v);
            setPage(1);
          }}
          w={{ base: '100%', xs: 220 }}
          data-testid="units-type-filter"
        />
        <Checkbox label={t('org.units.showInactive')} checked={showInactive} onChange={(e) => setShowInactive(e.currentTarget.checked)} mb={8} />
        {isAdmin && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing({})} data-testid="unit-add" ml="auto">
            {t('org.units.add')}
          </Button>
        )}
      </Group>

      <ErrorAlert error={units.error} />
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('org.units.count', { count: total })}
        </Text>
        {!filtering && (
          <Group gap="xs">
            <Button variant="subtle" size="compact-sm" onClick={() => setCollapsed(new Set())}>
              {t('common.expandAll')}
            </Button>
            <Button variant="subtle" size="compact-sm" onClick={collapseAll}>
              {t('common.collapseAll')}
            </Button>
          </Group>
        )}
      </Group>

      <Paper withBorder style={{ overflow: 'hidden' }} data-testid="units-tree" role="tree" aria-label={t('org.tabs.units')}>
        {units.isLoading ? (
          <Center p="xl">
            <Loader />
          </Center>
        ) : roots.length === 0 ? (
          <Text p="lg" c="dimmed" ta="center">
            {filtering ? t('common.noMatches') : t('org.units.empty')}
          </Text>
        ) : (
          roots.map((n) => renderNode(n, 0))
        )}
      </Paper>
      {pages > 1 && <Pagination value={current} onChange={setPage} total={pages} />}

      <UnitFormModal opened={!!editing} onClose={() => setEditing(null)} unit={editing?.unit} parentId={editing?.parentId} />
    </Stack>
  );
}
