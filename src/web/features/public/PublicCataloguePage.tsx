import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
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
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedCallback, useDocumentTitle } from '@mantine/hooks';
import { IconAdjustmentsHorizontal, IconDatabase, IconDownload, IconMapPin, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { INNOVATION_STAGES, INNOVATION_TYPES } from '../../../shared/schemas/innovation.ts';
import { urusanLabel } from '../../../shared/urusan.ts';
import { withQuery } from '../../api/client.ts';
import { usePublicInnovations, usePublicRegions, type PublicInnovation } from '../../api/innovations.ts';
import { ErrorAlert } from '../../components/feedback.tsx';
import { formatNumber, formatTotal } from '../../components/format.ts';
import { useIsMobile } from '../../components/responsive.ts';
import { DigitalBadge, StageBadge, urusanOptions } from '../innovation/common.tsx';
import { ListStatusBar } from '../../components/ListStatusBar.tsx';

const PAGE_SIZE = 24;
const FILTERS = ['year', 'stage', 'type', 'urusan'] as const;

export default function PublicCataloguePage() {
  const { kode } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const mobile = useIsMobile();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('page') ?? 1) || 1);
  const filters = Object.fromEntries(FILTERS.map((k) => [k, params.get(k)])) as Record<(typeof FILTERS)[number], string | null>;
  const active = FILTERS.filter((k) => filters[k]).length;
  const [search, setSearch] = useState(q);
  const [showFilters, setShowFilters] = useState(false);
  const regions = usePublicRegions();
  const region = kode ? regions.data?.items.find((r) => r.regionCode === kode) : undefined;
  const list = usePublicInnovations({ q: q || undefined, region: kode ?? null, ...filters, page, pageSize: PAGE_SIZE });
  const data = list.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / (data.pageSize || PAGE_SIZE))) : 1;
  const title = kode ? t('publicCatalog.regionTitle', { region: region?.name ?? kode }) : t('publicCatalog.title');
  useDocumentTitle(`${title} · Serasan`);
  useEffect(() => setSearch(q), [q]);

  const update = (patch: Record<string, string | null>) =>
    setParams(
      (p) => {
        for (const [k, v] of Object.entries(patch)) {
          if (v) p.set(k, v);
          else p.delete(k);
        }
        if (!('page' in patch)) p.delete('page');
        return p;
      },
      { replace: true },
    );
  const pushSearch = useDebouncedCallback((v: string) => update({ q: v.trim() || null }), 350);
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: thisYear - 1999 }, (_, i) => String(thisYear - i));

  const goRegion = (code: string | null) => {
    const rest = new URLSearchParams(params);
    rest.delete('page');
    const qs = rest.toString();
    navigate(`${code ? `/publik/${code}/inovasi` : '/publik/inovasi'}${qs ? `?${qs}` : ''}`);
  };

  const filterControls = (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" verticalSpacing="xs">
      <NativeSelect
        label={t('innovation.fields.year')}
        value={filters.year ?? ''}
        onChange={(e) => update({ year: e.currentTarget.value || null })}
        data={[{ value: '', label: t('common.all') }, ...years.map((y) => ({ value: y, label: y }))]}
        data-testid="public-filter-year"
      />
      <NativeSelect
        label={t('innovation.fields.stage')}
        value={filters.stage ?? ''}
        onChange={(e) => update({ stage: e.currentTarget.value || null })}
        data={[{ value: '', label: t('common.all') }, ...INNOVATION_STAGES.map((s) => ({ value: s, label: t(`innovation.stage.${s}`) }))]}
        data-testid="public-filter-stage"
      />
      <NativeSelect
        label={t('innovation.fields.type')}
        value={filters.type ?? ''}
        onChange={(e) => update({ type: e.currentTarget.value || null })}
        data={[{ value: '', label: t('common.all') }, ...INNOVATION_TYPES.map((s) => ({ value: s, label: t(`innovation.type.${s}`) }))]}
        data-testid="public-filter-type"
      />
      <Select
        label={t('innovation.fields.urusan')}
        placeholder={t('common.all')}
        searchable
        clearable
        data={urusanOptions(t)}
        value={filters.urusan}
        onChange={(v) => update({ urusan: v })}
        nothingFoundMessage={t('common.noMatches')}
        comboboxProps={{ withinPortal: true }}
        data-testid="public-filter-urusan"
      />
    </SimpleGrid>
  );

  return (
    <Stack gap="md">
      <Stack gap={4}>
        {kode && (
          <Anchor component={Link} to="/publik/inovasi" size="sm">
            ← {t('publicCatalog.allRegions')}
          </Anchor>
        )}
        <Title order={1} fz={{ base: 24, sm: 32 }} data-testid="public-title">
          {title}
        </Title>
        <Text c="dimmed" size="sm">
          {kode ? t('publicCatalog.regionIntro', { code: kode }) : t('publicCatalog.intro')}
        </Text>
      </Stack>

      {kode && (
        <Paper withBorder p="sm" bg="white" data-testid="open-data">
          <Group gap="sm" wrap="wrap" justify="space-between">
            <Group gap={6} wrap="nowrap">
              <IconDatabase size={18} />
              <Text size="sm" fw={600}>
                {t('publicCatalog.openData')}
              </Text>
            </Group>
            <Group gap="xs">
              <Button component="a" href={withQuery('/api/public/innovations.csv', { region: kode })} download size="xs" variant="light" leftSection={<IconDownload size={14} />} data-testid="open-data-csv">
                CSV
              </Button>
              <Button component="a" href={withQuery('/api/public/innovations.json', { region: kode })} download size="xs" variant="light" leftSection={<IconDownload size={14} />} data-testid="open-data-json">
                JSON
              </Button>
            </Group>
          </Group>
          <Text size="xs" c="dimmed" mt={6}>
            {t('publicCatalog.openDataHint')}
          </Text>
        </Paper>
      )}

      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          label={t('common.search')}
          placeholder={t('publicCatalog.searchPlaceholder')}
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(e) => {
            setSearch(e.currentTarget.value);
            pushSearch(e.currentTarget.value);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') update({ q: search.trim() || null });
          }}
          style={{ flex: '2 1 260px' }}
          size={mobile ? 'md' : 'sm'}
          data-testid="public-search"
        />
        <NativeSelect
          label={t('publicCatalog.region')}
          value={kode ?? ''}
          onChange={(e) => goRegion(e.currentTarget.value || null)}
          data={[
            { value: '', label: t('publicCatalog.allRegions') },
            ...(regions.data?.items ?? []).map((r) => ({ value: r.regionCode, label: `${r.name} (${formatNumber(r.published)})` })),
            ...(kode && !region ? [{ value: kode, label: kode }] : []),
          ]}
          leftSection={<IconMapPin size={16} />}
          style={{ flex: '1 1 220px' }}
          size={mobile ? 'md' : 'sm'}
          data-testid="public-region"
        />
        {mobile && (
          <Button variant={active ? 'light' : 'default'} onClick={() => setShowFilters((v) => !v)} leftSection={<IconAdjustmentsHorizontal size={16} />} aria-expanded={showFilters} size="md" data-testid="public-filters-toggle">
            {active ? `${t('innovation.list.filters')} (${active})` : t('innovation.list.filters')}
          </Button>
        )}
      </Group>
      {mobile ? <Collapse expanded={showFilters}>{filterControls}</Collapse> : filterControls}

      <ErrorAlert error={list.error} />
      <ListStatusBar
        testId="public-total"
        countText={data ? t('publicCatalog.count', { count: data.total, formatted: formatTotal(data.total, data.totalCapped) }) : null}
        fetching={list.isFetching && !list.isLoading}
        canReset={active > 0 || !!q}
        onReset={() => {
          setSearch('');
          setParams({}, { replace: true });
        }}
      />

      {list.isLoading ? (
        <Center p="xl">
          <Loader />
        </Center>
      ) : !data || data.items.length === 0 ? (
        <Alert color="gray" data-testid="public-empty">
          {q || active ? t('common.noMatches') : t('publicCatalog.empty')}
        </Alert>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
          {data.items.map((i) => (
            <InnovationCard key={i.id} i={i} showRegion={!kode} />
          ))}
        </SimpleGrid>
      )}
      {pages > 1 && (
        <Group justify="center">
          <Pagination value={Math.min(page, pages)} onChange={(n) => update({ page: String(n) })} total={pages} siblings={mobile ? 0 : 1}
            getControlProps={(control) => ({ 'aria-label': t(control === 'previous' || control === 'first' ? 'a11y.previousPage' : 'a11y.nextPage') })}
            data-testid="public-pagination"
          />
        </Group>
      )}
      {data?.attribution && (
        <Text size="xs" c="dimmed" data-testid="attribution">
          {data.attribution}
        </Text>
      )}
    </Stack>
  );
}

function InnovationCard({ i, showRegion }: { i: PublicInnovation; showRegion: boolean }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="md" radius="md" data-testid="public-card" component={Link} to={`/publik/inovasi/${i.id}`}>
      <Stack gap={6} h="100%">
        <Group gap={4}>
          <StageBadge stage={i.stage} size="sm" />
          <DigitalBadge digital={i.digital} />
          {i.year && (
            <Badge size="sm" variant="light" color="gray">
              {i.year}
            </Badge>
          )}
        </Group>
        <Text fw={700} lh={1.3} c="pemda.8" style={{ overflowWrap: 'anywhere' }} data-testid="public-card-title">
          {i.title}
          {i.acronym && (
            <Text span c="dimmed" fw={500} size="sm">
              {' '}
              ({i.acronym})
            </Text>
          )}
        </Text>
        <Text size="xs" c="dimmed">
          {[showRegion ? i.regionName : null, i.unitName].filter(Boolean).join(' · ')}
        </Text>
        <Text size="sm" lineClamp={3} style={{ flex: 1 }}>
          {i.description}
        </Text>
        <Text size="xs" c="dimmed">
          {t(`innovation.type.${i.type}`)}
          {i.urusanMain ? ` · ${urusanLabel(i.urusanMain)}` : ''}
        </Text>
      </Stack>
    </Card>
  );
}
