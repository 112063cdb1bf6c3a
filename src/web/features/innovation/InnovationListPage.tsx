import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Anchor, Button, Group, Select, Stack, Text, Tooltip } from '@mantine/core';
import { IconDownload, IconFileSpreadsheet, IconPlus, IconUpload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { INNOVATION_STAGES, INNOVATION_STATUSES, INNOVATION_TYPES, LIFECYCLES } from '../../../shared/schemas/innovation.ts';
import { LIST_SORTS } from '../../../shared/schemas/common.ts';
import { urusanLabel } from '../../../shared/urusan.ts';
import { withQuery } from '../../api/client.ts';
import { useInnovations, useInnovationStats, type InnovationListQuery, type InnovationSummary } from '../../api/innovations.ts';
import { SearchSuggestion } from '../../components/SearchSuggestion.tsx';
import { DataList, useListState, type Column, type FilterDef } from '../../components/DataList/index.ts';
import { formatDate, formatTotal } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { UnitSelect } from '../../components/units.tsx';
import { useInnovationAccess } from './access.ts';
import { DigitalBadge, LifecycleBadge, StageBadge, StatusBadge, urusanOptions, yearOptions } from './common.tsx';
import { ImportModal, TEMPLATE_URL } from './ImportModal.tsx';

const FILTERS = ['q', 'year', 'stage', 'type', 'status', 'unitId', 'urusan', 'digital', 'lifecycle'] as const;

export default function InnovationListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const access = useInnovationAccess();
  const [params, setParams] = useSearchParams();
  const [importing, setImporting] = useState(params.get('impor') === '1');
  const stats = useInnovationStats(null);
  const list = useListState({ filters: FILTERS, defaultSort: LIST_SORTS.innovations.default });
  const result = useInnovations(list.query as InnovationListQuery);
  const years = yearOptions((stats.data?.perYear ?? []).map((y) => y.year));
  const all = t('common.all');

  const filters: FilterDef[] = [
    { kind: 'search', param: 'q', label: t('common.search'), placeholder: t('innovation.list.searchPlaceholder'), testId: 'innovation-search' },
    { kind: 'select', param: 'year', label: t('innovation.fields.year'), options: years.map((y) => ({ value: y, label: y })), testId: 'filter-year' },
    { kind: 'select', param: 'stage', label: t('innovation.fields.stage'), options: INNOVATION_STAGES.map((s) => ({ value: s, label: t(`innovation.stage.${s}`) })), testId: 'filter-stage' },
    { kind: 'select', param: 'type', label: t('innovation.fields.type'), options: INNOVATION_TYPES.map((s) => ({ value: s, label: t(`innovation.type.${s}`) })), testId: 'filter-type' },
    { kind: 'select', param: 'status', label: t('innovation.fields.status'), options: INNOVATION_STATUSES.map((s) => ({ value: s, label: t(`innovationStatus.${s}`) })), testId: 'filter-status' },
    {
      kind: 'custom',
      param: 'unitId',
      render: (value, set) => <UnitSelect label={t('innovation.fields.unit')} placeholder={all} value={value} onChange={set} activeOnly={false} data-testid="filter-unit" />,
    },
    {
      kind: 'custom',
      param: 'urusan',
      render: (value, set) => (
        <Select label={t('innovation.fields.urusanMain')} placeholder={all} searchable clearable data={urusanOptions(t)} value={value} onChange={set} nothingFoundMessage={t('common.noMatches')} comboboxProps={{ withinPortal: true }} data-testid="filter-urusan" />
      ),
    },
    {
      kind: 'select',
      param: 'digital',
      label: t('innovation.fields.digital'),
      options: [
        { value: 'true', label: t('innovation.digital') },
        { value: 'false', label: t('innovation.nonDigital') },
      ],
      testId: 'filter-digital',
    },
    { kind: 'select', param: 'lifecycle', label: t('innovation.fields.lifecycle'), options: LIFECYCLES.map((s) => ({ value: s, label: t(`innovation.lifecycle.${s}`) })), testId: 'filter-lifecycle' },
  ];

  const columns: Column<InnovationSummary>[] = [
    {
      key: 'title',
      label: t('innovation.fields.title'),
      sortKey: 'title',
      maw: 380,
      render: (i) => (
        <>
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
        </>
      ),
    },
    { key: 'unit', label: t('innovation.fields.unit'), sortKey: 'unit', desktopOnly: true, maw: 220, render: (i) => <Text size="sm">{i.unitName ?? '—'}</Text> },
    { key: 'stage', label: t('innovation.fields.stage'), sortKey: 'stage', desktopOnly: true, minWidth: 118, render: (i) => <StageBadge stage={i.stage} size="sm" /> },
    { key: 'urusan', label: t('innovation.fields.urusanMain'), desktopOnly: true, maw: 200, render: (i) => <Text size="sm">{i.urusanMain ? urusanLabel(i.urusanMain) : '—'}</Text> },
    { key: 'year', label: t('innovation.fields.year'), sortKey: 'year', descFirst: true, desktopOnly: true, render: (i) => <Text size="sm">{i.year ?? '—'}</Text> },
    { key: 'status', label: t('innovation.fields.status'), sortKey: 'status', desktopOnly: true, minWidth: 140, render: (i) => <StatusBadge status={i.status} size="sm" /> },
    { key: 'updatedAt', label: t('list.updated'), sortKey: 'updatedAt', descFirst: true, desktopOnly: true, render: (i) => <Text size="sm">{formatDate(i.updatedAt)}</Text> },
  ];

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
        <Tooltip label={t('list.downloads.innovationExcelHint')} multiline maw={320} withArrow events={{ hover: true, focus: true, touch: true }}>
          <Button component="a" href={withQuery('/api/innovations/export.xlsx', list.exportQuery)} download variant="default" size="xs" leftSection={<IconFileSpreadsheet size={14} />} data-testid="innovation-export">
            {t('innovation.list.export')}
          </Button>
        </Tooltip>
      </Group>

      <DataList
        id="innovation"
        state={list}
        result={result}
        filters={filters}
        columns={columns}
        rowKey={(i) => i.id}
        onRowClick={(i) => navigate(`/inovasi/${i.id}`)}
        countText={(total, capped) => t('innovation.list.count', { count: total, formatted: formatTotal(total, capped) })}
        exportUrl={withQuery('/api/innovations/export.csv', list.exportQuery)}
        exportHint={t('list.downloads.innovationCsvHint')}
        emptyText={t('innovation.list.empty')}
        empty={<SearchSuggestion suggestions={result.data?.suggestions} onPick={(v) => list.set({ q: v })} />}
        relevanceSort
        minWidth={980}
      />

      <ImportModal
        opened={importing}
        onClose={() => {
          setImporting(false);
          if (params.get('impor'))
            setParams(
              (p) => {
                p.delete('impor');
                return p;
              },
              { replace: true },
            );
        }}
      />
    </Stack>
  );
}

