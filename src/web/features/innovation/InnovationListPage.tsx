import { useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { SearchSuggestion } from '../../components/SearchSuggestion.tsx';
import {
  Anchor,
  Badge,
  Button,
  Center,
  Collapse,
  Group,
  Loader,
  NativeSelect,
  Pagination,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconAdjustmentsHorizontal, IconDownload, IconFileSpreadsheet, IconPlus, IconSearch, IconUpload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { INNOVATION_STAGES, INNOVATION_STATUSES, INNOVATION_TYPES, LIFECYCLES } from '../../../shared/schemas/innovation.ts';
import { urusanLabel } from '../../../shared/urusan.ts';
import { withQuery } from '../../api/client.ts';
import { useInnovations, useInnovationStats, type InnovationListQuery } from '../../api/innovations.ts';
import { ErrorAlert } from '../../components/feedback.tsx';
import { formatNumber, formatTotal } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useIsMobile } from '../../components/responsive.ts';
import { UnitSelect } from '../../components/units.tsx';
import { useInnovationAccess } from './access.ts';
import { DigitalBadge, LifecycleBadge, StageBadge, StatusBadge, urusanOptions, yearOptions } from './common.tsx';
import { ImportModal, TEMPLATE_URL } from './ImportModal.tsx';
import { ListStatusBar } from '../../components/ListStatusBar.tsx';

const PAGE_SIZE = 25;
const FILTERS = ['year', 'stage', 'type', 'status', 'unitId', 'urusan', 'digital', 'lifecycle'] as const;

export default function InnovationListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const mobile = useIsMobile();
  const access = useInnovationAccess();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('page') ?? 1) || 1);
  const filters = Object.fromEntries(FILTERS.map((k) => [k, params.get(k)])) as Record<(typeof FILTERS)[number], string | null>;
  const activeFilters = FILTERS.filter((k) => filters[k]).length;
  const [search, setSearch] = useState(q);
  const [showFilters, setShowFilters] = useState(false);
  const [importing, setImporting] = useState(params.get('impor') === '1');
  const stats = useInnovationStats(null);

  useEffect(() => setSearch(q), [q]);

  const update = (patch: Record<string, string | null>) =>
    setParams(
      (p) => {
        for (const [k, v] of Object.entries(patch)) {
          if (v) p.set(k, v);
          else p.delete(k);
        }
        if (!('page' in patch)) p.delete('page');
        p.delete('impor');
        return p;
      },
      { replace: true },
    );
  const pushSearch = useDebouncedCallback((v: string) => update({ q: v.trim() || null }), 350);

  const query: InnovationListQuery = { q: q || undefined, ...filters, page, pageSize: PAGE_SIZE };
  const list = useInnovations(query);
  const data = list.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / (data.pageSize || PAGE_SIZE))) : 1;
  const exportUrl = withQuery('/api/innovations/export.xlsx', { q: q || undefined, ...filters });
  const years = yearOptions((stats.data?.perYear ?? []).map((y) => y.year));

  const filterControls = (
    <SimpleGrid cols={{ base: 2, sm: 4, lg: 4 }} spacing="sm" verticalSpacing="xs">
      <NativeSelect
        label={t('innovation.fields.year')}
        value={filters.year ?? ''}
        onChange={(e) => update({ year: e.currentTarget.value || null })}
        data={[{ value: '', label: t('common.all') }, ...years.map((y) => ({ value: y, label: y }))]}
        data-testid="filter-year"
      />
      <NativeSelect
        label={t('innovation.fields.stage')}
        value={filters.stage ?? ''}
        onChange={(e) => update({ stage: e.currentTarget.value || null })}
        data={[{ value: '', label: t('common.all') }, ...INNOVATION_STAGES.map((s) => ({ value: s, label: t(`innovation.stage.${s}`) }))]}
        data-testid="filter-stage"
      />
      <NativeSelect
        label={t('innovation.fields.type')}
        value={filters.type ?? ''}
        onChange={(e) => update({ type: e.currentTarget.value || null })}
        data={[{ value: '', label: t('common.all') }, ...INNOVATION_TYPES.map((s) => ({ value: s, label: t(`innovation.type.${s}`) }))]}
        data-testid="filter-type"
      />
      <NativeSelect
        label={t('innovation.fields.status')}
        value={filters.status ?? ''}
        onChange={(e) => update({ status: e.currentTarget.value || null })}
        data={[{ value: '', label: t('common.all') }, ...INNOVATION_STATUSES.map((s) => ({ value: s, label: t(`innovationStatus.${s}`) }))]}
        data-testid="filter-status"
      />
      <UnitSelect
        label={t('innovation.fields.unit')}
        placeholder={t('common.all')}
        value={filters.unitId}
        onChange={(id) => update({ unitId: id })}
        activeOnly={false}
        data-testid="filter-unit"
      />
      <Select
        label={t('innovation.fields.urusanMain')}
        placeholder={t('common.all')}
        searchable
        clearable
        data={urusanOptions(t)}
        value={filters.urusan}
        onChange={(v) => update({ urusan: v })}
        nothingFoundMessage={t('common.noMatches')}
        comboboxProps={{ withinPortal: true }}
        data-testid="filter-urusan"
      />
      <NativeSelect
        label={t('innovation.fields.digital')}
        value={filters.digital ?? ''}
        onChange={(e) => update({ digital: e.currentTarget.value || null })}
        data={[
          { value: '', label: t('common.all') },
          { value: 'true', label: t('innovation.digital') },
          { value: 'false', label: t('innovation.nonDigital') },
        ]}
        data-testid="filter-digital"
      />
      <NativeSelect
        label={t('innovation.fields.lifecycle')}
        value={filters.lifecycle ?? ''}
        onChange={(e) => update({ lifecycle: e.currentTarget.value || null })}
        data={[{ value: '', label: t('common.all') }, ...LIFECYCLES.map((s) => ({ value: s, label: t(`innovation.lifecycle.${s}`) }))]}
        data-testid="filter-lifecycle"
      />
    </SimpleGrid>
  );

  return (
    <Stack gap="md">
      <PageHeader
        title={t('innovation.list.title')}
        description={t('innovation.list.description')}
        actions={
          access.canCreate && (
            <Button component={Link} to="/inovasi/baru" leftSection={<IconPlus size={16} />} data-testid="innovation-add">
              {t('innovation.list.add')}
            </Button>
          )
        }
      />

      <Group gap="xs" wrap="wrap">
        <Button component="a" href={TEMPLATE_URL} download variant="default" size="xs" leftSection={<IconDownload size={14} />} data-testid="innovation-template">
          {t('innovation.list.template')}
        </Button>
        {access.canCreate && (
          <Button variant="default" size="xs" leftSection={<IconUpload size={14} />} onClick={() => setImporting(true)} data-testid="innovation-import">
            {t('innovation.list.import')}
          </Button>
        )}
        <Button component="a" href={exportUrl} download variant="default" size="xs" leftSection={<IconFileSpreadsheet size={14} />} data-testid="innovation-export">
          {t('innovation.list.export')}
        </Button>
      </Group>

      <Group gap="sm" align="flex-end" wrap="nowrap">
        <TextInput
          label={t('common.search')}
          placeholder={t('innovation.list.searchPlaceholder')}
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(e) => {
            setSearch(e.currentTarget.value);
            pushSearch(e.currentTarget.value);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') update({ q: search.trim() || null });
          }}
          style={{ flex: 1 }}
          data-testid="innovation-search"
        />
        {mobile && (
          <Button variant={activeFilters ? 'light' : 'default'} onClick={() => setShowFilters((v) => !v)} leftSection={<IconAdjustmentsHorizontal size={16} />} aria-expanded={showFilters} data-testid="innovation-filters-toggle">
            {activeFilters ? `${t('innovation.list.filters')} (${activeFilters})` : t('innovation.list.filters')}
          </Button>
        )}
      </Group>
      {mobile ? <Collapse expanded={showFilters}>{filterControls}</Collapse> : filterControls}

      <ErrorAlert error={list.error} />
      <ListStatusBar
        testId="innovation-total"
        countText={data ? t('innovation.list.count', { count: data.total, formatted: formatTotal(data.total, data.totalCapped) }) : null}
        fetching={list.isFetching && !list.isLoading}
        canReset={activeFilters > 0 || !!q}
        onReset={() => {
          setSearch('');
          setParams({}, { replace: true });
        }}
      />

      <Paper withBorder>
        {list.isLoading ? (
          <Center p="xl">
            <Loader />
          </Center>
        ) : !data || data.items.length === 0 ? (
          <Stack p="lg" gap={0}>
            <Text c="dimmed" ta="center" data-testid="innovation-empty">
              {q || activeFilters ? t('common.noMatches') : t('innovation.list.empty')}
            </Text>
            <SearchSuggestion suggestions={data?.suggestions} onPick={(v) => update({ q: v })} />
          </Stack>
        ) : (
          <Table.ScrollContainer minWidth={mobile ? 0 : 900}>
            <Table highlightOnHover data-testid="innovation-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('innovation.fields.title')}</Table.Th>
                  <Table.Th visibleFrom="sm">{t('innovation.fields.unit')}</Table.Th>
                  <Table.Th visibleFrom="sm">{t('innovation.fields.stage')}</Table.Th>
                  <Table.Th visibleFrom="sm">{t('innovation.fields.urusanMain')}</Table.Th>
                  <Table.Th visibleFrom="sm">{t('innovation.fields.year')}</Table.Th>
                  <Table.Th visibleFrom="sm">{t('innovation.fields.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((i) => (
                  <Table.Tr key={i.id} style={{ cursor: 'pointer' }} onClick={() => navigate(`/inovasi/${i.id}`)} data-testid="innovation-row">
                    <Table.Td maw={380}>
                      <Anchor component={Link} to={`/inovasi/${i.id}`} size="sm" fw={600} onClick={(e) => e.stopPropagation()} style={{ overflowWrap: 'anywhere' }}>
                        {i.title}
                      </Anchor>
                      {i.acronym && (
                        <Text span size="xs" c="dimmed">
                          {' '}
                          ({i.acronym})
                        </Text>
                      )}
                      <Group gap={4} mt={4}>
                        <Text size="xs" c="dimmed">
                          {t(`innovation.type.${i.type}`)}
                        </Text>
                        <DigitalBadge digital={i.digital} />
                        <LifecycleBadge lifecycle={i.lifecycle} size="xs" />
                      </Group>
                      <Stack gap={4} hiddenFrom="sm" mt={4}>
                        <Text size="xs" c="dimmed">
                          {[i.unitName, i.year, i.urusanMain ? urusanLabel(i.urusanMain) : null].filter(Boolean).join(' · ')}
                        </Text>
                        <Group gap={4}>
                          <StageBadge stage={i.stage} size="xs" />
                          <StatusBadge status={i.status} size="xs" />
                        </Group>
                      </Stack>
                    </Table.Td>
                    <Table.Td visibleFrom="sm" maw={220}>
                      <Text size="sm">{i.unitName ?? '—'}</Text>
                    </Table.Td>
                    <Table.Td visibleFrom="sm" style={{ minWidth: 118 }}>
                      <StageBadge stage={i.stage} size="sm" />
                    </Table.Td>
                    <Table.Td visibleFrom="sm" maw={200}>
                      <Text size="sm">{i.urusanMain ? urusanLabel(i.urusanMain) : '—'}</Text>
                    </Table.Td>
                    <Table.Td visibleFrom="sm">
                      <Text size="sm">{i.year ?? '—'}</Text>
                    </Table.Td>
                    <Table.Td visibleFrom="sm" style={{ minWidth: 140 }}>
                      <StatusBadge status={i.status} size="sm" />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      {pages > 1 && (
        <Group justify="center">
          <Pagination value={Math.min(page, pages)} onChange={(n) => update({ page: String(n) })} total={pages} size={mobile ? 'sm' : 'md'} siblings={mobile ? 0 : 1} data-testid="innovation-pagination" />
        </Group>
      )}
      {data && data.total > 0 && (
        <Badge variant="transparent" color="gray" fw={400} tt="none" style={{ alignSelf: 'center' }}>
          {t('innovation.list.pageOf', { page: Math.min(page, pages), pages })}
        </Badge>
      )}

      <ImportModal
        opened={importing}
        onClose={() => {
          setImporting(false);
          if (params.get('impor')) update({});
        }}
      />
    </Stack>
  );
}
