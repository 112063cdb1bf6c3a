import { Fragment, useEffect, useState, type ReactNode } from 'react';
import { ActionIcon, Alert, Button, Collapse, Group, NativeSelect, Pagination, Paper, SimpleGrid, Skeleton, Stack, Table, Text, TextInput, Tooltip, UnstyledButton } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconAdjustmentsHorizontal, IconAlertCircle, IconArrowDown, IconArrowUp, IconArrowsSort, IconChevronDown, IconChevronRight, IconFileTypeCsv, IconRefresh, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../feedback.tsx';
import { ListStatusBar } from '../ListStatusBar.tsx';
import { useIsMobile } from '../responsive.ts';
import type { ListState } from './useListState.ts';

/** One column: its header, how a row shows in it, and (optionally) the server sort key it sorts by. */
export interface Column<T> {
  key: string;
  label: string;
  render: (row: T) => ReactNode;
  /** Whitelisted server sort key; the header becomes a sort button with aria-sort. */
  sortKey?: string;
  /** First click sorts descending (dates, numbers where "most" is interesting). */
  descFirst?: boolean;
  /** Hidden on phones: the first column shows a summary there instead. */
  desktopOnly?: boolean;
  width?: number | string;
  maw?: number;
  minWidth?: number;
}

/** Filter controls declared as data; their values live in the URL (see useListState). */
export type FilterDef =
  | { kind: 'search'; param: string; label: string; placeholder?: string; testId?: string }
  | { kind: 'select'; param: string; label: string; options: Array<{ value: string; label: string }>; allLabel?: string; testId?: string }
  | { kind: 'custom'; param: string; render: (value: string | null, set: (v: string | null) => void) => ReactNode };

export interface ListResult<T> {
  data?: { items: T[]; total: number; totalCapped?: boolean; pageSize?: number };
  isLoading: boolean;
  isFetching: boolean;
  error: unknown;
  refetch: () => unknown;
}

export interface DataListProps<T> {
  /** data-testid prefix: `${id}-table`, `${id}-row`, `${id}-total`, `${id}-empty`, `${id}-pagination`, `${id}-export`… */
  id: string;
  state: ListState<string>;
  result: ListResult<T>;
  columns: Column<T>[];
  filters?: FilterDef[];
  rowKey: (row: T) => string;
  onRowClick?: (row: T) => void;
  countText: (total: number, totalCapped: boolean) => string;
  /** Server export of the filtered rows (CSV), built from `state.exportQuery`. */
  exportUrl?: string;
  /** The export button's label and tooltip when a page offers other downloads beside it (default "Ekspor CSV"). */
  exportLabel?: string;
  exportHint?: string;
  /** Shown when nothing matches or the list is empty (a search suggestion, an invitation to add…). */
  empty?: ReactNode;
  /** Text when the list has no rows at all (no filter set). */
  emptyText?: string;
  /** Offered as the first sort choice when the server's default is not a column (relevance). */
  relevanceSort?: boolean;
  /** Buttons beside the filters (add, import…). */
  toolbar?: ReactNode;
  minWidth?: number;
  /** Cards instead of a table (the public catalogue); the sort is then a menu, from `sorts`. */
  renderCard?: (row: T) => ReactNode;
  sorts?: Array<{ key: string; label: string }>;
  /** data-testid of a row when it differs from `${id}-row` (kept for existing journeys). */
  rowTestId?: string;
  /** Rendered under the list (attribution, notes). */
  footer?: ReactNode;
  /**
   * Rows that open in place (a chevron first, a click on the row toggles): what `render` returns
   * is shown in a full-width row beneath (the Riwayat's field-by-field changes). `label` names
   * the chevron for screen readers.
   */
  expand?: { render: (row: T) => ReactNode; label: string; collapseLabel: string };
}

function SortHeader<T>({ col, sort, onSort }: { col: Column<T>; sort: string; onSort: (s: string) => void }) {
  const { t } = useTranslation();
  const active = sort === col.sortKey || sort === `-${col.sortKey}`;
  const desc = sort.startsWith('-');
  const next = active ? (desc ? col.sortKey! : `-${col.sortKey}`) : col.descFirst ? `-${col.sortKey}` : col.sortKey!;
  const Icon = !active ? IconArrowsSort : desc ? IconArrowDown : IconArrowUp;
  return (
    <Table.Th
      visibleFrom={col.desktopOnly ? 'sm' : undefined}
      aria-sort={active ? (desc ? 'descending' : 'ascending') : 'none'}
      w={col.width}
      style={{ whiteSpace: 'nowrap', minWidth: col.minWidth }}
    >
      <UnstyledButton onClick={() => onSort(next)} title={t('list.sortHint', { label: col.label })} data-testid={`sort-${col.sortKey}`} style={{ fontWeight: 700, fontSize: 'inherit' }}>
        <Group gap={4} wrap="nowrap">
          {col.label}
          <Icon size={14} stroke={active ? 2.5 : 1.5} opacity={active ? 1 : 0.5} aria-hidden />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

function SearchFilter({ f, value, set, fullWidth }: { f: Extract<FilterDef, { kind: 'search' }>; value: string; set: (v: string | null) => void; fullWidth: boolean }) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const push = useDebouncedCallback((v: string) => set(v.trim() || null), 350);
  return (
    <TextInput
      label={f.label}
      placeholder={f.placeholder}
      leftSection={<IconSearch size={16} />}
      value={text}
      onChange={(e) => {
        setText(e.currentTarget.value);
        push(e.currentTarget.value);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') set(text.trim() || null);
      }}
      // On a phone the search takes its own line; buttons wrap below it.
      style={{ flex: fullWidth ? '1 1 100%' : 1 }}
      data-testid={f.testId}
    />
  );
}

/**
 * The one list of the web app: filters (in the URL), sortable headers, server paging, loading /
 * empty / error states, the count line and the CSV export of the filtered rows. On a phone the
 * other filters fold under a button, a sort menu replaces the hidden headers, and the table
 * scrolls sideways rather than being cut.
 */
export function DataList<T>(props: DataListProps<T>) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const { id, state, result, columns, filters = [] } = props;
  const [showFilters, setShowFilters] = useState(false);
  const [opened, setOpened] = useState<ReadonlySet<string>>(new Set());
  const toggle = (key: string) =>
    setOpened((s) => {
      const n = new Set(s);
      if (n.has(key)) n.delete(key);
      else n.add(key);
      return n;
    });
  const expand = props.expand;
  const data = result.data;
  const pageSize = data?.pageSize || state.pageSize;
  const pages = data ? Math.max(1, Math.ceil(data.total / pageSize)) : 1;
  const page = Math.min(state.page, pages);
  const search = filters.find((f): f is Extract<FilterDef, { kind: 'search' }> => f.kind === 'search');
  const others = filters.filter((f) => f.kind !== 'search');
  const cards = !!props.renderCard;
  const sortable: Array<{ sortKey?: string; label: string }> = cards ? (props.sorts ?? []).map((x) => ({ sortKey: x.key, label: x.label })) : columns.filter((c) => c.sortKey);
  const setSort = (s: string) => state.set({ sort: s });
  // Relevance is the server's order only while a search is typed; otherwise the default column.
  const relevance = !!props.relevanceSort && !!search && !!state.filters[search.param];
  const activeOthers = others.filter((f) => state.filters[f.param]).length;

  const otherControls = others.length > 0 && (
    // A single filter (a status) takes a third of the line, not all of it; five fit one laptop row.
    <SimpleGrid cols={{ base: 2, sm: others.length === 1 ? 3 : Math.min(4, others.length), lg: others.length === 1 ? 3 : Math.min(5, others.length) }} spacing="sm" verticalSpacing="xs">
      {others.map((f) =>
        f.kind === 'select' ? (
          <NativeSelect
            key={f.param}
            label={f.label}
            value={state.filters[f.param] ?? ''}
            onChange={(e) => state.set({ [f.param]: e.currentTarget.value || null })}
            data={[{ value: '', label: f.allLabel ?? t('common.all') }, ...f.options]}
            data-testid={f.testId}
          />
        ) : f.kind === 'custom' ? (
          <div key={f.param}>{f.render(state.filters[f.param], (v) => state.set({ [f.param]: v }))}</div>
        ) : null,
      )}
    </SimpleGrid>
  );

  const sortOptions = [
    ...(relevance ? [{ value: '', label: t('list.relevance') }] : []),
    ...sortable.flatMap((c) => [
      { value: c.sortKey!, label: t('list.sortAsc', { label: c.label }) },
      { value: `-${c.sortKey}`, label: t('list.sortDesc', { label: c.label }) },
    ]),
  ];

  const sortSelect = sortable.length > 0 && (
    <NativeSelect
      label={t('list.sortBy')}
      value={state.sortParam ?? (relevance ? '' : state.sort)}
      onChange={(e) => state.set({ sort: e.currentTarget.value || null })}
      data={sortOptions}
      data-testid={`${id}-sort`}
    />
  );

  const visibleColumns = mobile ? columns.filter((c) => !c.desktopOnly) : columns;

  return (
    <Stack gap="md">
      {(search || props.toolbar || (mobile && (others.length > 0 || sortable.length > 0))) && (
        <Group gap="sm" align="flex-end" wrap={mobile ? 'wrap' : 'nowrap'}>
          {search && <SearchFilter f={search} value={state.filters[search.param] ?? ''} set={(v) => state.set({ [search.param]: v })} fullWidth={mobile && !!props.toolbar} />}
          {mobile && (others.length > 0 || sortable.length > 0) && (
            <Button variant={activeOthers ? 'light' : 'default'} onClick={() => setShowFilters((v) => !v)} leftSection={<IconAdjustmentsHorizontal size={16} />} aria-expanded={showFilters} data-testid={`${id}-filters-toggle`}>
              {activeOthers ? t('list.filtersActive', { count: activeOthers }) : t('list.filters')}
            </Button>
          )}
          {props.toolbar}
        </Group>
      )}
      {mobile ? (
        <Collapse expanded={showFilters}>
          <Stack gap="xs">
            {otherControls}
            {sortSelect}
          </Stack>
        </Collapse>
      ) : cards ? (
        <Group align="flex-end" gap="sm" wrap="nowrap">
          <div style={{ flex: 1 }}>{otherControls}</div>
          {sortSelect}
        </Group>
      ) : (
        otherControls
      )}

      <ListStatusBar
        testId={`${id}-total`}
        countText={data ? props.countText(data.total, !!data.totalCapped) : null}
        fetching={result.isFetching && !result.isLoading}
        canReset={state.activeFilters > 0 || !!state.sortParam}
        onReset={state.reset}
      />

      {result.error ? (
        <Alert color="red" icon={<IconAlertCircle />} title={t('list.loadError')} role="alert" data-testid={`${id}-error`}>
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{errorMessage(result.error)}</Text>
            <Button size="xs" variant="light" color="red" leftSection={<IconRefresh size={14} />} onClick={() => void result.refetch()} data-testid={`${id}-retry`}>
              {t('list.retry')}
            </Button>
          </Stack>
        </Alert>
      ) : cards && data && data.items.length > 0 && !result.isLoading ? (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" data-testid={`${id}-cards`}>
          {data.items.map((row) => (
            <div key={props.rowKey(row)} data-testid={props.rowTestId ?? `${id}-row`} style={{ display: 'flex', flexDirection: 'column' }}>
              {props.renderCard!(row)}
            </div>
          ))}
        </SimpleGrid>
      ) : (
        <Paper withBorder>
          {result.isLoading ? (
            <Stack gap="sm" p="md" role="status" aria-busy="true" aria-label={t('list.loading')} data-testid={`${id}-loading`}>
              {Array.from({ length: 6 }, (_, i) => (
                <Skeleton key={i} height={28} radius="sm" />
              ))}
            </Stack>
          ) : !data || data.items.length === 0 ? (
            <Stack p="lg" align="center" gap="xs" data-testid={`${id}-empty`}>
              <Text c="dimmed" ta="center">
                {state.activeFilters > 0 ? t('common.noMatches') : (props.emptyText ?? t('list.empty'))}
              </Text>
              {props.empty}
            </Stack>
          ) : (
            <Table.ScrollContainer minWidth={mobile ? 0 : (props.minWidth ?? 720)}>
              <Table highlightOnHover={!!props.onRowClick} data-testid={`${id}-table`}>
                <Table.Thead>
                  <Table.Tr>
                    {expand && <Table.Th w={36} />}
                    {visibleColumns.map((c) =>
                      c.sortKey ? (
                        <SortHeader key={c.key} col={c} sort={state.sortParam ?? (relevance ? '' : state.sort)} onSort={setSort} />
                      ) : (
                        <Table.Th key={c.key} visibleFrom={c.desktopOnly ? 'sm' : undefined} w={c.width} style={{ minWidth: c.minWidth }}>
                          {c.label}
                        </Table.Th>
                      ),
                    )}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.items.map((row) => {
                    const key = props.rowKey(row);
                    const isOpen = !!expand && opened.has(key);
                    const onClick = props.onRowClick ? () => props.onRowClick!(row) : expand ? () => toggle(key) : undefined;
                    return (
                      <Fragment key={key}>
                        <Table.Tr
                          className={onClick ? 'serasan-row-link' : undefined}
                          style={onClick ? { cursor: 'pointer' } : undefined}
                          onClick={onClick}
                          data-testid={props.rowTestId ?? `${id}-row`}
                        >
                          {expand && (
                            <Table.Td>
                              <ActionIcon
                                variant="subtle"
                                color="gray"
                                size="sm"
                                aria-label={isOpen ? expand.collapseLabel : expand.label}
                                aria-expanded={isOpen}
                                onClick={(e) => {
                                  e.stopPropagation();
                                  toggle(key);
                                }}
                              >
                                {isOpen ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
                              </ActionIcon>
                            </Table.Td>
                          )}
                          {visibleColumns.map((c) => (
                            <Table.Td key={c.key} visibleFrom={c.desktopOnly ? 'sm' : undefined} maw={c.maw} style={{ minWidth: c.minWidth }}>
                              {c.render(row)}
                            </Table.Td>
                          ))}
                        </Table.Tr>
                        {isOpen && (
                          <Table.Tr bg="gray.0">
                            <Table.Td colSpan={visibleColumns.length + 1} p="sm">
                              {expand.render(row)}
                            </Table.Td>
                          </Table.Tr>
                        )}
                      </Fragment>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Paper>
      )}

      {(pages > 1 || props.exportUrl) && (
        <Group justify={pages > 1 ? 'space-between' : 'flex-end'} gap="sm" wrap="wrap">
          {pages > 1 && (
            <Group gap="sm" wrap="wrap">
              <Pagination value={page} onChange={(n) => state.set({ page: String(n) })} total={pages} size={mobile ? 'sm' : 'md'} siblings={mobile ? 0 : 1} getControlProps={(control) => ({ 'aria-label': t(control === 'previous' || control === 'first' ? 'a11y.previousPage' : 'a11y.nextPage') })} data-testid={`${id}-pagination`} />
              <Text size="sm" c="dimmed" data-testid={`${id}-page`}>
                {t('list.pageOf', { page, pages })}
              </Text>
            </Group>
          )}
          {props.exportUrl && data && data.total > 0 && (
            <Tooltip label={props.exportHint ?? t('list.exportHint')} multiline maw={300} withArrow events={{ hover: true, focus: true, touch: true }}>
              <Button component="a" href={props.exportUrl} download variant="default" size="xs" leftSection={<IconFileTypeCsv size={14} />} data-testid={`${id}-export-csv`}>
                {props.exportLabel ?? t('list.export')}
              </Button>
            </Tooltip>
          )}
        </Group>
      )}
      {props.footer}
    </Stack>
  );
}
