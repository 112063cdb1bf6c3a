import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Alert, Anchor, Button, Card, Group, NativeSelect, SimpleGrid, Skeleton, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import {
  IconBulb,
  IconCheck,
  IconChartBar,
  IconDeviceDesktop,
  IconFileSpreadsheet,
  IconList,
  IconPlus,
  IconRocket,
  IconWorld,
  IconX,
  type Icon,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { urusanLabel } from '../../../shared/urusan.ts';
import { INNOVATION_STAGES, INNOVATION_STATUSES, INNOVATION_TYPES } from '../../../shared/schemas/innovation.ts';
import { useInnovationStats, useRulebook, useRulebooks, type KeyCount } from '../../api/innovations.ts';
import { useAuth } from '../../auth/AuthProvider.tsx';
import { ErrorAlert } from '../../components/feedback.tsx';
import { formatNumber } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useInnovationAccess } from './access.ts';
import { BarList, ColumnChart, StackedBar } from './charts.tsx';
import { STAGE_COLORS, STATUS_COLORS, URUSAN_WAJIB_DASAR, yearOptions } from './common.tsx';

function Kpi({ label, value, icon: I, loading, testId }: { label: string; value: number | undefined; icon: Icon; loading: boolean; testId?: string }) {
  return (
    <Card withBorder padding="md" px={{ base: 'sm', sm: 'md' }} data-testid={testId}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Text size="xs" tt="uppercase" fw={600} c="dimmed" lineClamp={2}>
            {label}
          </Text>
          {loading ? <Skeleton h={28} w={60} /> : <Text fz={28} fw={700} lh={1.1}>{formatNumber(value ?? 0)}</Text>}
        </Stack>
        <ThemeIcon variant="light" size={40} radius="md" visibleFrom="sm">
          <I size={22} stroke={1.6} />
        </ThemeIcon>
      </Group>
    </Card>
  );
}

function Panel({ title, children, action, testId }: { title: string; children: React.ReactNode; action?: React.ReactNode; testId?: string }) {
  return (
    <Card withBorder padding="md" data-testid={testId}>
      <Group justify="space-between" mb="sm" gap="xs">
        <Title order={3} fz="h5">
          {title}
        </Title>
        {action}
      </Group>
      {children}
    </Card>
  );
}

const count = (list: KeyCount[] | undefined, key: string) => list?.find((x) => x.key === key)?.n ?? 0;

export default function InnovationHomePage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const access = useInnovationAccess();
  const [params, setParams] = useSearchParams();
  const year = params.get('tahun');
  const stats = useInnovationStats(year);
  const s = stats.data;
  const rulebooks = useRulebooks();
  const thisYear = new Date().getFullYear();
  const rbId = useMemo(() => {
    const list = rulebooks.data ?? [];
    const today = `${thisYear}-06-30`;
    return (list.find((r) => r.effectiveFrom <= today && (!r.effectiveTo || r.effectiveTo >= today)) ?? list[0])?.id ?? null;
  }, [rulebooks.data, thisYear]);
  const rb = useRulebook(rbId);
  const minUrusan = rb.data?.body.count.minUrusanCovered;

  const total = (s?.byStatus ?? []).reduce((a, b) => a + b.n, 0);
  const years = yearOptions((s?.perYear ?? []).map((y) => y.year));
  const listLink = (q: Record<string, string>) => {
    const p = new URLSearchParams(q);
    if (year) p.set('year', year);
    return `/inovasi/daftar?${p.toString()}`;
  };
  const covered = URUSAN_WAJIB_DASAR.filter((u) => count(s?.byUrusan, u) > 0).length;
  const otherUrusan = (s?.byUrusan ?? []).filter((u) => !URUSAN_WAJIB_DASAR.includes(u.key)).sort((a, b) => b.n - a.n);

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('innovation.title')}
        description={t('innovation.home.description', { tenant: user?.tenantName ?? '' })}
        actions={
          <>
            <Button component={Link} to="/inovasi/daftar" variant="default" leftSection={<IconList size={16} />} data-testid="innovation-home-list">
              {t('innovation.nav.list')}
            </Button>
            {access.canCreate && (
              <Button component={Link} to="/inovasi/baru" leftSection={<IconPlus size={16} />} data-testid="innovation-add">
                {t('innovation.list.add')}
              </Button>
            )}
          </>
        }
      />

      <Group gap="sm" align="flex-end" justify="space-between" wrap="wrap">
        <NativeSelect
          label={t('innovation.fields.year')}
          value={year ?? ''}
          onChange={(e) => setParams(e.currentTarget.value ? { tahun: e.currentTarget.value } : {}, { replace: true })}
          data={[{ value: '', label: t('innovation.home.allYears') }, ...years.map((y) => ({ value: y, label: y }))]}
          w={{ base: '100%', xs: 200 }}
          data-testid="innovation-stats-year"
        />
        <Text size="xs" c="dimmed" maw={520}>
          {t('innovation.home.yearHint')}
        </Text>
      </Group>

      <ErrorAlert error={stats.error} />

      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing={{ base: 'xs', sm: 'md' }}>
        <Kpi label={t('innovation.home.kpi.total')} value={total} icon={IconBulb} loading={stats.isLoading} testId="kpi-total" />
        <Kpi label={t('innovation.home.kpi.applied')} value={count(s?.byStage, 'penerapan')} icon={IconRocket} loading={stats.isLoading} testId="kpi-applied" />
        <Kpi label={t('innovation.home.kpi.digital')} value={count(s?.byDigital, '1') + count(s?.byDigital, 'true')} icon={IconDeviceDesktop} loading={stats.isLoading} testId="kpi-digital" />
        <Kpi label={t('innovation.home.kpi.published')} value={count(s?.byStatus, 'published')} icon={IconWorld} loading={stats.isLoading} testId="kpi-published" />
      </SimpleGrid>

      {s && total === 0 && (
        <Alert color="gray" title={t('innovation.home.emptyTitle')}>
          {year ? t('innovation.home.emptyYear', { year }) : t('innovation.home.empty')}
        </Alert>
      )}

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Panel title={t('innovation.home.perYear')} testId="chart-per-year">
          {s?.perYear.length ? (
            <ColumnChart
              data={s.perYear.map((y) => ({ key: String(y.year), label: String(y.year), value: y.n, color: String(y.year) === year ? 'orange.6' : undefined }))}
              ariaLabel={t('innovation.home.perYear')}
            />
          ) : (
            <Text size="sm" c="dimmed">
              {t('innovation.home.noData')}
            </Text>
          )}
          {!!s?.innovatorsPerYear?.length && (
            <Text size="xs" c="dimmed" mt="xs">
              {t('innovation.home.innovators')}: {s.innovatorsPerYear.map((y) => `${y.year}: ${formatNumber(y.n)}`).join(' · ')}
            </Text>
          )}
        </Panel>

        <Panel title={t('innovation.home.byStage')} testId="chart-by-stage">
          <Stack gap="lg">
            <StackedBar data={INNOVATION_STAGES.map((k) => ({ key: k, label: t(`innovation.stage.${k}`), value: count(s?.byStage, k), color: `${STAGE_COLORS[k]}.5` }))} />
            <div>
              <Text size="sm" fw={600} mb={6}>
                {t('innovation.home.byType')}
              </Text>
              <BarList
                testId="chart-by-type"
                data={INNOVATION_TYPES.map((k) => ({ key: k, label: t(`innovation.type.${k}`), value: count(s?.byType, k), to: listLink({ type: k }) }))}
              />
            </div>
          </Stack>
        </Panel>

        <Panel
          title={t('innovation.home.urusanWajib')}
          testId="urusan-coverage"
          action={
            <Text size="sm" fw={650} c={minUrusan !== undefined && covered >= minUrusan ? 'teal.7' : 'red.7'} data-testid="urusan-coverage-count">
              {t('innovation.home.coverage', { covered, total: URUSAN_WAJIB_DASAR.length })}
            </Text>
          }
        >
          <Stack gap={6}>
            {URUSAN_WAJIB_DASAR.map((u) => {
              const n = count(s?.byUrusan, u);
              return (
                <Group key={u} gap="xs" wrap="nowrap" justify="space-between">
                  <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
                    <ThemeIcon size={20} radius="xl" color={n > 0 ? 'teal' : 'red'} variant="light" style={{ flex: 'none' }}>
                      {n > 0 ? <IconCheck size={13} /> : <IconX size={13} />}
                    </ThemeIcon>
                    <Anchor component={Link} to={listLink({ urusan: u })} size="sm" c="inherit" style={{ minWidth: 0 }}>
                      {urusanLabel(u)}
                    </Anchor>
                  </Group>
                  <Text size="sm" fw={650}>
                    {formatNumber(n)}
                  </Text>
                </Group>
              );
            })}
            <Text size="xs" c="dimmed" mt={4}>
              {minUrusan !== undefined ? t('innovation.home.coverageRule', { min: minUrusan, total: URUSAN_WAJIB_DASAR.length }) : null}{' '}
              <Anchor component={Link} to="/inovasi/indeks" size="xs">
                {t('innovation.home.toIndex')}
              </Anchor>
            </Text>
          </Stack>
        </Panel>

        <Panel title={t('innovation.home.byStatus')} testId="chart-by-status">
          <BarList
            data={INNOVATION_STATUSES.map((k) => ({ key: k, label: t(`innovationStatus.${k}`), value: count(s?.byStatus, k), color: `${STATUS_COLORS[k]}.6`, to: listLink({ status: k }) }))}
          />
        </Panel>

        <Panel title={t('innovation.home.byUrusan')} testId="chart-by-urusan">
          <BarList
            emptyLabel={t('innovation.home.noData')}
            data={otherUrusan.slice(0, 12).map((u) => ({ key: u.key, label: urusanLabel(u.key), value: u.n, to: listLink({ urusan: u.key }) }))}
          />
          {otherUrusan.length > 12 && (
            <Text size="xs" c="dimmed" mt="xs">
              {t('innovation.home.moreUrusan', { count: otherUrusan.length - 12 })}
            </Text>
          )}
        </Panel>

        <Panel title={t('innovation.home.byUnit')} testId="chart-by-unit">
          <BarList
            emptyLabel={t('innovation.home.noData')}
            data={(s?.byUnit ?? []).slice(0, 10).map((u) => ({ key: u.key, label: u.name ?? u.key, value: u.n, color: 'teal.6', to: listLink({ unitId: u.key }) }))}
          />
        </Panel>
      </SimpleGrid>

      <Stack gap="sm">
        <Title order={3} fz="h4">
          {t('innovation.home.shortcuts')}
        </Title>
        <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }} spacing="md">
          <Shortcut to="/inovasi/daftar" icon={IconList} title={t('innovation.nav.list')} body={t('innovation.home.shortcut.list')} testId="shortcut-list" />
          <Shortcut to="/inovasi/indeks" icon={IconChartBar} title={t('innovation.nav.index')} body={t('innovation.home.shortcut.index')} testId="shortcut-index" />
          <Shortcut to="/inovasi/daftar?impor=1" icon={IconFileSpreadsheet} title={t('innovation.home.shortcut.excelTitle')} body={t('innovation.home.shortcut.excel')} testId="shortcut-excel" />
          <Shortcut to={`/publik/${user?.regionCode ?? ''}/inovasi`} icon={IconWorld} title={t('innovation.nav.public')} body={t('innovation.home.shortcut.public')} testId="shortcut-public" />
        </SimpleGrid>
      </Stack>
    </Stack>
  );
}

function Shortcut({ to, icon: I, title, body, testId }: { to: string; icon: Icon; title: string; body: string; testId: string }) {
  return (
    <Card withBorder padding="md" component={Link} to={to} data-testid={testId}>
      <Group align="flex-start" wrap="nowrap" gap="md">
        <ThemeIcon variant="light" size={38} radius="md">
          <I size={20} stroke={1.6} />
        </ThemeIcon>
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Text fw={650}>{title}</Text>
          <Text size="sm" c="dimmed">
            {body}
          </Text>
        </Stack>
      </Group>
    </Card>
  );
}
