import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Anchor, Badge, Button, Group, Loader, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconPlus, IconWorld } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { LIST_SORTS } from '../../../shared/schemas/common.ts';
import { withQuery } from '../../api/client.ts';
import { useUnits } from '../../api/queries.ts';
import { useAuth } from '../../auth/AuthProvider.tsx';
import { DataList, useListState, type Column, type FilterDef } from '../../components/DataList/index.ts';
import { ErrorAlert } from '../../components/feedback.tsx';
import { formatDate, formatNumber, todayIso } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { UnitSelect, useManageScope } from '../../components/units.tsx';
import { useAggregate, useSurveyPage, useUnsurNames, type Results, type SurveyRow } from './api.ts';
import { CreateSurveyModal } from './CreateSurveyModal.tsx';
import { formatDecimal, MutuBadge, usePeriodLabel } from './common.tsx';

/** Open/closed as stored, plus what citizens see: an open survey outside its period takes no answers. */
export function StatusBadge({ status, periodStart, periodEnd }: { status: 'open' | 'closed'; periodStart: string; periodEnd: string }) {
  const { t } = useTranslation();
  const today = todayIso();
  const shown = status === 'closed' ? 'closed' : today > periodEnd ? 'ended' : today < periodStart ? 'notStarted' : 'open';
  return (
    <Badge variant="light" color={shown === 'open' ? 'green' : shown === 'notStarted' ? 'blue' : 'gray'} data-testid="skm-status" data-status={status} title={shown !== status ? t('skm.status.outsidePeriod') : undefined}>
      {t(`skm.status.${shown}`)}
    </Badge>
  );
}

function SampleText({ s }: { s: Pick<SurveyRow, 'responses' | 'minSample'> }) {
  const { t } = useTranslation();
  return (
    <Text size="sm" span>
      <Text span fw={650}>
        {formatNumber(s.responses)}
      </Text>
      {s.minSample ? (
        <Text span size="xs" c={s.responses >= s.minSample ? 'green.8' : 'dimmed'}>
          {' '}
          {t('skm.list.ofMin', { min: formatNumber(s.minSample) })}
        </Text>
      ) : null}
    </Text>
  );
}

function Summary({ data, title, loading }: { data: Results | undefined; title: string; loading: boolean }) {
  const { t } = useTranslation();
  const names = useUnsurNames();
  const has = !!data && data.n > 0;
  return (
    <Paper withBorder p="md" data-testid="skm-summary">
      <Group justify="space-between" align="flex-start" gap="md">
        <Stack gap={4} style={{ flex: '1 1 240px', minWidth: 0 }}>
          <Text size="xs" tt="uppercase" fw={700} c="dimmed">
            {title}
          </Text>
          {loading && !data ? (
            <Loader size="sm" />
          ) : has ? (
            <Group gap="sm" align="center">
              <Text fz={40} fw={750} lh={1} data-testid="skm-summary-ikm">
                {formatDecimal(data.ikmConverted, 2)}
              </Text>
              <Stack gap={2}>
                <MutuBadge mutu={data.mutu} />
                <Text size="xs" c="dimmed">
                  {data.kinerja}
                </Text>
              </Stack>
            </Group>
          ) : (
            <Text c="dimmed" size="sm">
              {t('skm.list.summaryEmpty')}
            </Text>
          )}
        </Stack>
        {data && (
          <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="lg" style={{ flex: '2 1 320px' }}>
            <Stack gap={0}>
              <Text size="xs" c="dimmed">
                {t('skm.list.surveys')}
              </Text>
              <Text fw={650} fz="lg">
                {formatNumber(data.surveys ?? 0)}
              </Text>
            </Stack>
            <Stack gap={0}>
              <Text size="xs" c="dimmed">
                {t('skm.fields.respondents')}
              </Text>
              <Text fw={650} fz="lg">
                {formatNumber(data.n)}
              </Text>
            </Stack>
            {has && data.weakest.length > 0 && (
              <Stack gap={0}>
                <Text size="xs" c="dimmed">
                  {t('skm.list.weakest')}
                </Text>
                <Text fw={650} size="sm" data-testid="skm-summary-weakest">
                  {data.weakest.map((c) => (names.get(c) ? `${c} ${names.get(c)}` : c)).join(', ')}
                  <Text span size="xs" c="dimmed" fw={400}>
                    {' '}
                    (NRR {formatDecimal(data.nrr[data.weakest[0]!], 2)})
                  </Text>
                </Text>
              </Stack>
            )}
          </SimpleGrid>
        )}
      </Group>
    </Paper>
  );
}

const FILTERS = ['q', 'unitId', 'status', 'year'] as const;

export default function SkmListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { user } = useAuth();
  const scope = useManageScope();
  const units = useUnits();
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(params.get('baru') === '1');
  const periodLabel = usePeriodLabel();
  const today = todayIso();
  const thisYear = Number(today.slice(0, 4));
  const list = useListState({ filters: FILTERS, defaultSort: LIST_SORTS.surveys.default });
  const { unitId, year } = list.filters;
  const surveys = useSurveyPage(list.query);
  const summaryYear = year ? Number(year) : thisYear;
  const aggregate = useAggregate({ unitId, from: `${summaryYear}-01-01`, to: `${summaryYear}-12-31` });
  const unitName = units.data?.find((u) => u.id === unitId)?.name;
  const years = Array.from({ length: 6 }, (_, i) => String(thisYear + 1 - i));
  const ownUnit = user?.roles.find((r) => r.unitId)?.unitId ?? null;
  const ikm = (s: SurveyRow) => (s.responses > 0 ? formatDecimal(s.ikmConverted, 2) : '—');

  const filters: FilterDef[] = [
    { kind: 'search', param: 'q', label: t('common.search'), placeholder: t('skm.list.searchPlaceholder'), testId: 'skm-search' },
    {
      kind: 'custom',
      param: 'unitId',
      render: (value, set) => <UnitSelect label={t('skm.fields.unit')} placeholder={t('common.all')} value={value} onChange={set} activeOnly={false} data-testid="skm-filter-unit" />,
    },
    {
      kind: 'select',
      param: 'status',
      label: t('skm.fields.status'),
      options: [
        { value: 'open', label: t('skm.status.open') },
        { value: 'closed', label: t('skm.status.closed') },
      ],
      testId: 'skm-filter-status',
    },
    { kind: 'select', param: 'year', label: t('skm.fields.year'), options: years.map((y) => ({ value: y, label: y })), testId: 'skm-filter-year' },
  ];

  const columns: Column<SurveyRow>[] = [
    {
      key: 'service',
      label: t('skm.fields.service'),
      sortKey: 'service',
      render: (s) => (
        <>
          <Anchor component={Link} to={`/skm/${s.id}`} fw={600} size="sm" onClick={(e) => e.stopPropagation()}>
            {s.serviceName}
          </Anchor>
          {s.isDemo && (
            <Text span size="xs" c="dimmed">
              {' '}
              · {t('skm.demo')}
            </Text>
          )}
          <Stack gap={4} hiddenFrom="sm" mt={2}>
            <Text size="xs" c="dimmed">
              {s.unitName} · {periodLabel(s.periodStart, s.periodEnd, formatDate)}
            </Text>
            <Group gap="xs">
              <StatusBadge status={s.status} periodStart={s.periodStart} periodEnd={s.periodEnd} />
              <Text size="xs">
                IKM <b>{ikm(s)}</b>
              </Text>
              <MutuBadge mutu={s.responses > 0 ? s.mutu : null} size="sm" />
            </Group>
            <Text size="xs" c="dimmed">
              {t('skm.fields.respondents')}: <SampleText s={s} />
            </Text>
          </Stack>
        </>
      ),
    },
    { key: 'unit', label: t('skm.fields.unit'), sortKey: 'unit', desktopOnly: true, maw: 220, render: (s) => <Text size="sm">{s.unitName}</Text> },
    {
      key: 'period',
      label: t('skm.fields.period'),
      sortKey: 'periodStart',
      descFirst: true,
      desktopOnly: true,
      render: (s) => (
        <>
          <Text size="sm">{periodLabel(s.periodStart, s.periodEnd, formatDate)}</Text>
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {formatDate(s.periodStart)} – {formatDate(s.periodEnd)}
          </Text>
        </>
      ),
    },
    { key: 'status', label: t('skm.fields.status'), sortKey: 'status', desktopOnly: true, minWidth: 120, render: (s) => <StatusBadge status={s.status} periodStart={s.periodStart} periodEnd={s.periodEnd} /> },
    { key: 'responses', label: t('skm.fields.respondents'), desktopOnly: true, render: (s) => <SampleText s={s} /> },
    { key: 'ikm', label: 'IKM', desktopOnly: true, render: (s) => <Text fw={650} size="sm">{ikm(s)}</Text> },
    { key: 'mutu', label: t('skm.fields.mutu'), desktopOnly: true, render: (s) => <MutuBadge mutu={s.responses > 0 ? s.mutu : null} size="sm" /> },
  ];

  const closeCreate = () => {
    setCreating(false);
    if (params.get('baru'))
      setParams(
        (p) => {
          p.delete('baru');
          return p;
        },
        { replace: true },
      );
  };

  return (
    <Stack gap="md">
      <PageHeader
        title={t('skm.list.title')}
        description={t('skm.list.description')}
        actions={
          <>
            {user?.regionCode && (
              <Button component={Link} to={`/publik/${user.regionCode}/skm`} variant="default" leftSection={<IconWorld size={16} />} data-testid="skm-public-link">
                {t('skm.list.publicPage')}
              </Button>
            )}
            {scope.any && (
              <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} data-testid="skm-create">
                {t('skm.list.create')}
              </Button>
            )}
          </>
        }
      />

      <Summary
        data={aggregate.data}
        loading={aggregate.isLoading}
        title={unitName ? t('skm.list.summaryUnit', { unit: unitName, year: summaryYear }) : t('skm.list.summaryRegion', { year: summaryYear })}
      />
      <ErrorAlert error={aggregate.error} />

      <DataList
        id="skm"
        state={list}
        result={surveys}
        filters={filters}
        columns={columns}
        rowKey={(s) => s.id}
        onRowClick={(s) => navigate(`/skm/${s.id}`)}
        countText={(total) => t('skm.list.count', { count: total, formatted: formatNumber(total) })}
        exportUrl={withQuery('/api/skm/surveys/export.csv', list.exportQuery)}
        emptyText={t('skm.list.emptyTitle')}
        empty={
          list.activeFilters === 0 && (
            <Stack align="center" gap="xs">
              <Text size="sm" c="dimmed" maw={520} ta="center">
                {t('skm.list.empty')}
              </Text>
              {scope.any && (
                <Button mt="xs" leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
                  {t('skm.list.create')}
                </Button>
              )}
            </Stack>
          )
        }
        minWidth={960}
      />

      <CreateSurveyModal opened={creating} onClose={closeCreate} defaultUnitId={unitId ?? ownUnit} />
    </Stack>
  );
}
