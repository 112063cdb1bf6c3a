/** Public results (/publik/:kode/skm): the current IKM and mutu of every surveyed service. */
import { useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { Alert, Anchor, Button, Card, Center, Group, Loader, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconFileTypeCsv, IconInfoCircle, IconJson, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { formatDate, formatNumber } from '../../components/format.ts';
import { usePublicResults, type Mutu, type PublicResultItem } from './api.ts';
import { TrendChart } from './charts.tsx';
import { formatDecimal, MUTU_COLORS, MutuBadge, usePeriodLabel } from './common.tsx';

export default function PublicSkmResultsPage() {
  const { kode = '' } = useParams();
  const { t } = useTranslation();
  const res = usePublicResults(kode);
  const periodLabel = usePeriodLabel();
  const [q, setQ] = useState('');
  useDocumentTitle(`${t('skm.public.title')}${res.data ? ` · ${res.data.regionName}` : ''} · Serasan`);

  const groups = useMemo(() => {
    const needle = q.trim().toLowerCase();
    const items = (res.data?.items ?? []).filter((i) => !needle || i.serviceName.toLowerCase().includes(needle) || i.unitName.toLowerCase().includes(needle));
    const map = new Map<string, PublicResultItem[]>();
    for (const i of items) map.set(i.unitName, [...(map.get(i.unitName) ?? []), i]);
    return [...map.entries()].sort((a, b) => a[0].localeCompare(b[0], 'id'));
  }, [res.data, q]);

  const counts = useMemo(() => {
    const c: Record<Mutu, number> = { A: 0, B: 0, C: 0, D: 0 };
    for (const i of res.data?.items ?? []) if (i.mutu && i.n > 0) c[i.mutu]++;
    return c;
  }, [res.data]);

  const csv = `/api/public/skm/results.csv?region=${encodeURIComponent(kode)}`;
  const json = `/api/public/skm/results.json?region=${encodeURIComponent(kode)}`;

  return (
    <Stack gap="md" data-testid="skm-public-results">
      <Stack gap={2}>
        <Text size="xs" tt="uppercase" fw={700} c="pemda.7">
          {t('skm.public.kicker')}
        </Text>
        <Title order={1} fz={{ base: 'h2', sm: 'h1' }}>
          {res.data?.regionName ?? t('skm.public.title')}
        </Title>
        <Text c="dimmed" size="sm" maw={760}>
          {t('skm.public.description')}
        </Text>
      </Stack>

      {res.isLoading && (
        <Center h={200}>
          <Loader />
        </Center>
      )}
      {res.error && (
        <Alert color={isApiError(res.error) && res.error.status === 404 ? 'gray' : 'red'} icon={<IconInfoCircle />} data-testid="skm-public-error">
          {isApiError(res.error) && res.error.status === 404 ? t('skm.public.unavailable', { code: kode }) : (res.error as Error).message}
        </Alert>
      )}

      {res.data && (
        <>
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
            {(['A', 'B', 'C', 'D'] as const).map((m) => (
              <Paper key={m} withBorder p="sm">
                <Group gap="xs" wrap="nowrap">
                  <MutuBadge mutu={m} />
                  <Text fw={700} fz="xl">
                    {formatNumber(counts[m])}
                  </Text>
                </Group>
                <Text size="xs" c="dimmed" mt={4}>
                  {t(`skm.public.bandCount.${m}`)}
                </Text>
              </Paper>
            ))}
          </SimpleGrid>

          <Group justify="space-between" gap="sm" align="flex-end">
            <TextInput
              leftSection={<IconSearch size={16} />}
              placeholder={t('skm.public.search')}
              aria-label={t('skm.public.search')}
              value={q}
              onChange={(e) => setQ(e.currentTarget.value)}
              style={{ flex: '1 1 260px', maxWidth: 420 }}
              data-testid="skm-public-search"
            />
            <Group gap="xs">
              <Button component="a" href={csv} variant="default" size="xs" leftSection={<IconFileTypeCsv size={14} />} data-testid="skm-public-csv">
                CSV
              </Button>
              <Button component="a" href={json} variant="default" size="xs" leftSection={<IconJson size={14} />} data-testid="skm-public-json">
                JSON
              </Button>
            </Group>
          </Group>

          {groups.length === 0 && (
            <Paper withBorder p="xl" ta="center">
              <Text c="dimmed">{q ? t('common.noMatches') : t('skm.public.empty')}</Text>
            </Paper>
          )}

          {groups.map(([unit, items]) => {
            const u = res.data?.units?.find((x) => x.unitName === unit);
            return (
              <Stack key={unit} gap="xs" data-testid="skm-public-unit">
                <Group justify="space-between" align="flex-end" gap="xs">
                  <Title order={2} fz="h4">
                    {unit}
                  </Title>
                  {u && u.n > 0 && (
                    <Group gap={8} wrap="wrap" data-testid="skm-public-unit-ikm">
                      <Text size="sm" c="dimmed">
                        {t('skm.public.unitIkm', { year: u.year, surveys: formatNumber(u.surveys), n: formatNumber(u.n) })}
                      </Text>
                      <Text fw={750} fz="lg">
                        {formatDecimal(u.ikmConverted, 2)}
                      </Text>
                      <MutuBadge mutu={u.mutu} size="sm" />
                    </Group>
                  )}
                </Group>
                <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
                  {items.map((i) => {
                    const has = i.n > 0 && i.ikmConverted !== null;
                    return (
                      <Card key={i.surveyId} withBorder padding="md" data-testid="skm-public-item" style={{ borderTop: `4px solid var(--mantine-color-${has && i.mutu ? MUTU_COLORS[i.mutu] : 'gray'}-6)` }}>
                        <Stack gap={6}>
                          <Text fw={650} lh={1.3}>
                            {i.serviceName}
                          </Text>
                          <Text size="xs" c="dimmed">
                            {periodLabel(i.periodStart, i.periodEnd, formatDate)} · {t('skm.public.respondents', { n: formatNumber(i.n) })}
                            {i.isDemo ? ` · ${t('skm.demo')}` : ''}
                          </Text>
                          <Group gap="sm" align="center" wrap="nowrap">
                            <Text fz={34} fw={750} lh={1}>
                              {has ? formatDecimal(i.ikmConverted, 2) : '—'}
                            </Text>
                            <Stack gap={2}>
                              <MutuBadge mutu={has ? i.mutu : null} />
                              {has && (
                                <Text size="xs" c="dimmed">
                                  {i.kinerja}
                                </Text>
                              )}
                            </Stack>
                          </Group>
                          {i.trend && i.trend.length > 1 && (
                            <Stack gap={4}>
                              <Text size="xs" c="dimmed">
                                {t('skm.public.trend')}
                              </Text>
                              <TrendChart
                                compact
                                height={150}
                                testId="skm-public-trend"
                                data={i.trend.map((p, k) => ({ key: `${k}`, periodStart: p.periodStart, periodEnd: p.periodEnd, ikmConverted: p.ikmConverted, mutu: p.mutu, current: p.periodStart === i.periodStart && p.periodEnd === i.periodEnd }))}
                              />
                            </Stack>
                          )}
                        </Stack>
                      </Card>
                  );
                })}
              </SimpleGrid>
            </Stack>
            );
          })}

          <Text size="xs" c="dimmed">
            {t('skm.public.method')} {res.data.basis ? `${t('skm.public.basis', { basis: res.data.basis })} ` : ''}
            {res.data.attribution}{' '}
            <Anchor href={json} size="xs" underline="always">
              {t('skm.public.openData')}
            </Anchor>
          </Text>
        </>
      )}
    </Stack>
  );
}
