import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { Anchor, Badge, Button, Card, Group, NativeSelect, Paper, Select, Stack, Text, Title, Tooltip } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconDatabase, IconDownload, IconMapPin } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { LIST_SORTS } from '../../../shared/schemas/common.ts';
import { INNOVATION_STAGES, INNOVATION_TYPES } from '../../../shared/schemas/innovation.ts';
import { urusanLabel } from '../../../shared/urusan.ts';
import { withQuery } from '../../api/client.ts';
import { usePublicInnovations, usePublicRegions, type PublicInnovation } from '../../api/innovations.ts';
import { SearchSuggestion } from '../../components/SearchSuggestion.tsx';
import { DataList, useListState, type FilterDef } from '../../components/DataList/index.ts';
import { formatNumber, formatTotal } from '../../components/format.ts';
import { useIsMobile } from '../../components/responsive.ts';
import { DigitalBadge, StageBadge, urusanOptions } from '../innovation/common.tsx';

const PAGE_SIZE = 24;
const FILTERS = ['q', 'year', 'stage', 'type', 'urusan'] as const;

export default function PublicCataloguePage() {
  const { kode } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const mobile = useIsMobile();
  const [params] = useSearchParams();
  const regions = usePublicRegions();
  const region = kode ? regions.data?.items.find((r) => r.regionCode === kode) : undefined;
  const list = useListState({ filters: FILTERS, defaultSort: LIST_SORTS.publicInnovations.default, pageSize: PAGE_SIZE });
  const result = usePublicInnovations({ ...list.query, region: kode ?? null });
  const title = kode ? t('publicCatalog.regionTitle', { region: region?.name ?? kode }) : t('publicCatalog.title');
  useDocumentTitle(`${title} · Serasan`);
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: thisYear - 1999 }, (_, i) => String(thisYear - i));

  const goRegion = (code: string | null) => {
    const rest = new URLSearchParams(params);
    rest.delete('page');
    const qs = rest.toString();
    navigate(`${code ? `/publik/${code}/inovasi` : '/publik/inovasi'}${qs ? `?${qs}` : ''}`);
  };

  const filters: FilterDef[] = [
    { kind: 'search', param: 'q', label: t('common.search'), placeholder: t('publicCatalog.searchPlaceholder'), testId: 'public-search' },
    { kind: 'select', param: 'year', label: t('innovation.fields.year'), options: years.map((y) => ({ value: y, label: y })), testId: 'public-filter-year' },
    { kind: 'select', param: 'stage', label: t('innovation.fields.stage'), options: INNOVATION_STAGES.map((s) => ({ value: s, label: t(`innovation.stage.${s}`) })), testId: 'public-filter-stage' },
    { kind: 'select', param: 'type', label: t('innovation.fields.type'), options: INNOVATION_TYPES.map((s) => ({ value: s, label: t(`innovation.type.${s}`) })), testId: 'public-filter-type' },
    {
      kind: 'custom',
      param: 'urusan',
      render: (value, set) => (
        <Select label={t('innovation.fields.urusan')} placeholder={t('common.all')} searchable clearable data={urusanOptions(t)} value={value} onChange={set} nothingFoundMessage={t('common.noMatches')} comboboxProps={{ withinPortal: true }} data-testid="public-filter-urusan" />
      ),
    },
  ];

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
              <Tooltip label={t('list.downloads.openDataHint')} multiline maw={300} withArrow events={{ hover: true, focus: true, touch: true }}>
                <Button component="a" href={withQuery('/api/public/innovations.csv', { region: kode })} download size="xs" variant="light" leftSection={<IconDownload size={14} />} data-testid="open-data-csv">
                  {t('list.downloads.openDataCsv')}
                </Button>
              </Tooltip>
              <Tooltip label={t('list.downloads.openDataHint')} multiline maw={300} withArrow events={{ hover: true, focus: true, touch: true }}>
                <Button component="a" href={withQuery('/api/public/innovations.json', { region: kode })} download size="xs" variant="light" leftSection={<IconDownload size={14} />} data-testid="open-data-json">
                  {t('list.downloads.openDataJson')}
                </Button>
              </Tooltip>
            </Group>
          </Group>
          <Text size="xs" c="dimmed" mt={6}>
            {t('publicCatalog.openDataHint')}
          </Text>
        </Paper>
      )}

      <DataList
        id="public"
        state={list}
        result={result}
        filters={filters}
        columns={[]}
        sorts={[
          { key: 'publishedAt', label: t('publicCatalog.publishedAt') },
          { key: 'title', label: t('innovation.fields.title') },
          { key: 'unit', label: t('innovation.fields.unit') },
          { key: 'year', label: t('innovation.fields.year') },
        ]}
        relevanceSort
        rowKey={(i) => i.id}
        renderCard={(i) => <InnovationCard i={i} showRegion={!kode} />}
        countText={(total, capped) => t('publicCatalog.count', { count: total, formatted: formatTotal(total, capped) })}
        exportUrl={withQuery('/api/public/innovations.csv', { ...list.exportQuery, region: kode })}
        exportLabel={t('list.downloads.filteredCsv')}
        exportHint={t('list.downloads.filteredCsvHint')}
        emptyText={t('publicCatalog.empty')}
        empty={<SearchSuggestion suggestions={result.data?.suggestions} onPick={(v) => list.set({ q: v })} />}
        toolbar={
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
            style={{ flex: mobile ? '1 1 100%' : '0 1 300px' }}
            size={mobile ? 'md' : 'sm'}
            data-testid="public-region"
          />
        }
        footer={
          result.data?.attribution && (
            <Text size="xs" c="dimmed" data-testid="attribution">
              {result.data.attribution}
            </Text>
          )
        }
      />
    </Stack>
  );
}

function InnovationCard({ i, showRegion }: { i: PublicInnovation; showRegion: boolean }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="md" radius="md" h="100%" data-testid="public-card" component={Link} to={`/publik/inovasi/${i.id}`}>
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
