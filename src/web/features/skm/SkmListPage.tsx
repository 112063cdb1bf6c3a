import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Anchor, Badge, Button, Card, Center, Group, Loader, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconPlus, IconWorld } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useUnits } from '../../api/queries.ts';
import { useAuth } from '../../auth/AuthProvider.tsx';
import { ErrorAlert } from '../../components/feedback.tsx';
import { formatDate, formatNumber, todayIso } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useIsMobile } from '../../components/responsive.ts';
import { UnitSelect, useManageScope } from '../../components/units.tsx';
import { useAggregate, useSurveys, useUnsurNames, type Results, type SurveyRow } from './api.ts';
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

export default function SkmListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const mobile = useIsMobile();
  const { user } = useAuth();
  const scope = useManageScope();
  const units = useUnits();
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(params.get('baru') === '1');
  const periodLabel = usePeriodLabel();
  const today = todayIso();
  const thisYear = Number(today.slice(0, 4));
  const unitId = params.get('unitId');
  const status = params.get('status');
  const year = params.get('year');
  const list = useSurveys({ unitId, status, year });
  const summaryYear = year ? Number(year) : thisYear;
  const aggregate = useAggregate({ unitId, from: `${summaryYear}-01-01`, to: `${summaryYear}-12-31` });
  const unitName = units.data?.find((u) => u.id === unitId)?.name;

  const update = (patch: Record<string, string | null>) =>
    setParams(
      (p) => {
        for (const [k, v] of Object.entries(patch)) {
          if (v) p.set(k, v);
          else p.delete(k);
        }
        p.delete('baru');
        return p;
      },
      { replace: true },
    );

  const years = Array.from({ length: 6 }, (_, i) => String(thisYear + 1 - i));
  const items = list.data ?? [];
  const ownUnit = user?.roles.find((r) => r.unitId)?.unitId ?? null;

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

      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
        <UnitSelect label={t('skm.fields.unit')} placeholder={t('common.all')} value={unitId} onChange={(id) => update({ unitId: id })} activeOnly={false} data-testid="skm-filter-unit" />
        <NativeSelect
          label={t('skm.fields.status')}
          value={status ?? ''}
          onChange={(e) => update({ status: e.currentTarget.value || null })}
          data={[
            { value: '', label: t('common.all') },
            { value: 'open', label: t('skm.status.open') },
            { value: 'closed', label: t('skm.status.closed') },
          ]}
          data-testid="skm-filter-status"
        />
        <NativeSelect
          label={t('skm.fields.year')}
          value={year ?? ''}
          onChange={(e) => update({ year: e.currentTarget.value || null })}
          data={[{ value: '', label: t('common.all') }, ...years.map((y) => ({ value: y, label: y }))]}
          data-testid="skm-filter-year"
        />
      </SimpleGrid>

      <ErrorAlert error={list.error} />
      {list.isLoading ? (
        <Center h={160}>
          <Loader />
        </Center>
      ) : items.length === 0 ? (
        <Paper withBorder p="xl" ta="center">
          <Stack align="center" gap="xs">
            <Title order={3} fz="h5">
              {t('skm.list.emptyTitle')}
            </Title>
            <Text size="sm" c="dimmed" maw={520}>
              {t('skm.list.empty')}
            </Text>
            {scope.any && (
              <Button mt="xs" leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
                {t('skm.list.create')}
              </Button>
            )}
          </Stack>
        </Paper>
      ) : mobile ? (
        <Stack gap="sm" data-testid="skm-list">
          {items.map((s) => (
            <Card key={s.id} withBorder padding="sm" component={Link} to={`/skm/${s.id}`} data-testid="skm-row" data-survey-id={s.id}>
              <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
                <Stack gap={2} style={{ minWidth: 0 }}>
                  <Text fw={650} lh={1.3}>
                    {s.serviceName}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {s.unitName}
                  </Text>
                  <Text size="xs">{periodLabel(s.periodStart, s.periodEnd, formatDate)}</Text>
                </Stack>
                <Stack gap={4} align="flex-end" style={{ flex: 'none' }}>
                  <Text fw={700} fz="lg">
                    {s.responses > 0 ? formatDecimal(s.ikmConverted, 2) : '—'}
                  </Text>
                  <MutuBadge mutu={s.responses > 0 ? s.mutu : null} size="sm" />
                </Stack>
              </Group>
              <Group gap="xs" mt={6}>
                <StatusBadge status={s.status} periodStart={s.periodStart} periodEnd={s.periodEnd} />
                <Text size="xs" c="dimmed">
                  {t('skm.fields.respondents')}: <SampleText s={s} />
                </Text>
              </Group>
            </Card>
          ))}
        </Stack>
      ) : (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={860}>
            <Table highlightOnHover data-testid="skm-list">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('skm.fields.service')}</Table.Th>
                  <Table.Th>{t('skm.fields.period')}</Table.Th>
                  <Table.Th>{t('skm.fields.status')}</Table.Th>
                  <Table.Th ta="right">{t('skm.fields.respondents')}</Table.Th>
                  <Table.Th ta="right">IKM</Table.Th>
                  <Table.Th>{t('skm.fields.mutu')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((s) => (
                  <Table.Tr key={s.id} className="serasan-row-link" onClick={() => navigate(`/skm/${s.id}`)} data-testid="skm-row" data-survey-id={s.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/skm/${s.id}`} fw={600} onClick={(e) => e.stopPropagation()}>
                        {s.serviceName}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {s.unitName}
                        {s.isDemo ? ` · ${t('skm.demo')}` : ''}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{periodLabel(s.periodStart, s.periodEnd, formatDate)}</Text>
                      <Text size="xs" c="dimmed">
                        {formatDate(s.periodStart)} – {formatDate(s.periodEnd)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <StatusBadge status={s.status} periodStart={s.periodStart} periodEnd={s.periodEnd} />
                    </Table.Td>
                    <Table.Td ta="right">
                      <SampleText s={s} />
                    </Table.Td>
                    <Table.Td ta="right">
                      <Text fw={650}>{s.responses > 0 ? formatDecimal(s.ikmConverted, 2) : '—'}</Text>
                    </Table.Td>
                    <Table.Td>
                      <MutuBadge mutu={s.responses > 0 ? s.mutu : null} size="sm" />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}

      <CreateSurveyModal opened={creating} onClose={() => setCreating(false)} defaultUnitId={unitId ?? ownUnit} />
    </Stack>
  );
}
