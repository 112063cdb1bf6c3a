import { useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  Center,
  Code,
  Group,
  List,
  Loader,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { IconAlertTriangle, IconCheck, IconDeviceFloppy, IconScale, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { urusanLabel } from '../../../shared/urusan.ts';
import { api } from '../../api/client.ts';
import { useIid, useRulebook, useRulebooks, useWhatIf, type Iid, type IidComponents, type WhatIfColumn } from '../../api/innovations.ts';
import { ErrorAlert, notifySuccess } from '../../components/feedback.tsx';
import { formatDate, formatNumber } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useIsMobile } from '../../components/responsive.ts';
import { useInnovationAccess } from './access.ts';
import { UnverifiedBadge } from '../../components/UnverifiedBadge.tsx';
import { ConfidenceBadge, formatDecimal, formatScore, localizeFormula, PredicateBadge } from './common.tsx';
import { answersFrom, IndicatorTable, isDirty, type Answers } from './indicators.tsx';

export default function IndexPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const thisYear = new Date().getFullYear();
  const year = Number(params.get('tahun')) || thisYear;
  const rulebookParam = params.get('rulebook');
  const rulebooks = useRulebooks();
  const iid = useIid(year, rulebookParam);
  const d = iid.data;
  const years = useMemo(() => {
    const set = new Set<number>([thisYear, year]);
    for (const r of rulebooks.data ?? []) {
      // An UNVERIFIED rulebook is never picked by year (only by name), so its years are not offered.
      if (r.confidence === 'UNVERIFIED') continue;
      const from = Number(r.effectiveFrom.slice(0, 4));
      const to = r.effectiveTo ? Number(r.effectiveTo.slice(0, 4)) : from;
      for (let y = from; y <= to; y++) set.add(y);
    }
    return [...set].sort((a, b) => a - b);
  }, [rulebooks.data, thisYear, year]);
  const set = (patch: Record<string, string | null>) =>
    setParams(
      (p) => {
        for (const [k, v] of Object.entries(patch)) {
          if (v) p.set(k, v);
          else p.delete(k);
        }
        return p;
      },
      { replace: true },
    );

  return (
    <Stack gap="lg">
      <PageHeader title={t('innovation.index.title')} description={t('innovation.index.description')} />
      <Group gap="sm" align="flex-end" wrap="wrap">
        <NativeSelect
          label={t('innovation.fields.year')}
          value={String(year)}
          onChange={(e) => set({ tahun: e.currentTarget.value === String(thisYear) ? null : e.currentTarget.value })}
          data={years.map((y) => ({ value: String(y), label: String(y) }))}
          w={{ base: 'calc(40% - 6px)', xs: 140 }}
          data-testid="iid-year"
        />
        <NativeSelect
          label={t('innovation.index.rulebook')}
          value={rulebookParam ?? ''}
          onChange={(e) => set({ rulebook: e.currentTarget.value || null })}
          data={[{ value: '', label: t('innovation.index.rulebookAuto') }, ...(rulebooks.data ?? []).map((r) => ({ value: r.id, label: r.title }))]}
          style={{ flex: '1 1 260px' }}
          maw={420}
          data-testid="iid-rulebook"
        />
        {iid.isFetching && <Loader size="sm" mb={8} />}
      </Group>

      <ErrorAlert error={iid.error} testId="iid-error" />
      {iid.isLoading && (
        <Center p="xl">
          <Loader />
        </Center>
      )}
      {d && <IidView d={d} />}
    </Stack>
  );
}

function IidView({ d }: { d: Iid }) {
  const { t } = useTranslation();
  const rulebooks = useRulebooks();
  const summary = rulebooks.data?.find((r) => r.id === d.rulebookId);
  const c = d.components;
  return (
    <Stack gap="lg">
      <Card withBorder padding="lg" data-testid="iid-summary">
        <Group justify="space-between" align="flex-start" gap="lg" wrap="wrap">
          <Stack gap={4}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              {t('innovation.index.valueLabel', { year: d.year })}
            </Text>
            <Group gap="md" align="center" wrap="wrap">
              <Text fz={{ base: 48, sm: 60 }} fw={800} lh={1} c="pemda.8" data-testid="iid-value">
                {formatDecimal(d.value, 2)}
              </Text>
              <PredicateBadge predicate={d.predicate} size="xl" testId="iid-predicate" />
            </Group>
            <Text size="sm" c="dimmed">
              {t('innovation.index.scale')}
            </Text>
          </Stack>
          <Stack gap={6} maw={520} style={{ flex: '1 1 300px' }}>
            <Group gap="xs" wrap="wrap">
              <Badge variant="outline" leftSection={<IconScale size={12} />}>
                {d.rulebookTitle}
              </Badge>
              <ConfidenceBadge confidence={d.confidence} />
              <UnverifiedBadge confidence={d.confidence} />
            </Group>
            <Text size="xs" c="dimmed" fw={600} tt="uppercase">
              {t('innovation.index.legalBasis')}
            </Text>
            <List size="sm" spacing={2} data-testid="iid-legal-basis">
              {d.legalBasis.map((l) => (
                <List.Item key={l}>{l}</List.Item>
              ))}
            </List>
            {summary && summary.notes.length > 0 && (
              <Alert color="yellow" p="xs" icon={<IconAlertTriangle size={16} />} title={t('innovation.index.notes')}>
                <List size="xs" spacing={2}>
                  {summary.notes.map((n) => (
                    <List.Item key={n}>{n}</List.Item>
                  ))}
                </List>
              </Alert>
            )}
          </Stack>
        </Group>
        <Box mt="md">
          <Text size="xs" c="dimmed" fw={600} tt="uppercase" mb={4}>
            {t('innovation.index.formula')}
          </Text>
          <Code block style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="iid-explanation">
            {localizeFormula(d.explanation)}
          </Code>
          <Text size="xs" c="dimmed" mt={4}>
            {t('innovation.index.formulaHint', {
              spd: formatScore(c.spd.score),
              sid: formatScore(c.sid.average, 4),
              count: formatScore(c.count.score, 4),
              total: formatNumber(c.total),
            })}
          </Text>
        </Box>
      </Card>

      <ComponentCards c={c} />
      <SpdSection d={d} />
      <CountedInnovations d={d} />
      <WhatIfSection d={d} />
    </Stack>
  );
}

function ComponentCards({ c }: { c: IidComponents }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
      <Card withBorder padding="md" data-testid="iid-spd">
        <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
          {t('innovation.index.spd')}
        </Text>
        <Text fz={28} fw={750}>
          {formatScore(c.spd.score)} <Text span c="dimmed" fz="md">/ {formatScore(c.spd.max)}</Text>
        </Text>
        <Text size="sm" c="dimmed">
          {t('innovation.index.spdHint')}
        </Text>
      </Card>
      <Card withBorder padding="md" data-testid="iid-sid">
        <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
          {t('innovation.index.sid')}
        </Text>
        <Text fz={28} fw={750}>
          {formatScore(c.sid.average, 4)} <Text span c="dimmed" fz="md">/ {formatScore(c.sid.max)}</Text>
        </Text>
        <Text size="sm">
          {t('innovation.index.sidFormula', { sum: formatScore(c.sid.sum, 4), divisor: c.sid.divisor, average: formatScore(c.sid.average, 4) })}
        </Text>
        <Text size="xs" c="dimmed" mt={4}>
          {t('innovation.index.sidHint', { n: c.sid.n, min: c.sid.divisorMin, divisor: c.sid.divisor })}
        </Text>
      </Card>
      <Card withBorder padding="md" data-testid="iid-count">
        <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
          {t('innovation.index.count')}
        </Text>
        <Text fz={28} fw={750}>
          {formatScore(c.count.score, 4)} <Text span c="dimmed" fz="md">/ {formatScore(c.count.max)}</Text>
        </Text>
        <Text size="sm">
          {c.count.urusanMet
            ? t('innovation.index.countFormula', { counted: c.count.counted, per: formatScore(c.count.perInnovation), score: formatScore(c.count.score, 4) })
            : t('innovation.index.countZero', { n: c.count.n })}
        </Text>
        <Text size="xs" c="dimmed" mt={4}>
          {t('innovation.index.countHint', { cap: c.count.cap })}
        </Text>
        <Text size="sm" fw={600} mt="sm" c={c.count.urusanMet ? 'teal.7' : 'red.7'} data-testid="iid-urusan-met">
          {t('innovation.index.urusanCoverage', { covered: c.count.urusanCovered.length, required: c.count.urusanRequired, total: c.count.urusanWajib.length })}
        </Text>
        <Stack gap={4} mt={6}>
          {c.count.urusanWajib.map((u) => {
            const ok = c.count.urusanCovered.includes(u);
            return (
              <Group key={u} gap={6} wrap="nowrap">
                <ThemeIcon size={18} radius="xl" variant="light" color={ok ? 'teal' : 'red'} style={{ flex: 'none' }}>
                  {ok ? <IconCheck size={12} /> : <IconX size={12} />}
                </ThemeIcon>
                <Text size="xs">{urusanLabel(u)}</Text>
              </Group>
            );
          })}
        </Stack>
      </Card>
    </SimpleGrid>
  );
}

function SpdSection({ d }: { d: Iid }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const access = useInnovationAccess();
  const rb = useRulebook(d.rulebookId);
  const items = useMemo(() => d.components.spd.items ?? [], [d.components.spd.items]);
  const [answers, setAnswers] = useState<Answers>({});
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => setAnswers(answersFrom(items)), [items]);
  const dirty = isDirty(items, answers);
  const editable = access.canManageIndex;

  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      const body = {
        year: d.year,
        rulebookId: d.rulebookId,
        answers: Object.fromEntries(Object.entries(answers).map(([k, a]) => [k, { choice: a.choice, basis: a.basis ?? null }])),
      };
      await api<Iid>('/iid/region', { method: 'PUT', body });
      await qc.invalidateQueries({ queryKey: ['iid'] });
      notifySuccess(t('innovation.index.spdSaved'));
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={3} fz="h4">
            {t('innovation.index.spdTitle')}
          </Title>
          <Text size="sm" c="dimmed">
            {editable ? t('innovation.index.spdEditable') : t('innovation.index.spdReadOnly')}
          </Text>
        </div>
        {editable && (
          <Group gap="xs">
            {dirty && (
              <Button variant="default" onClick={() => setAnswers(answersFrom(items))}>
                {t('common.cancel')}
              </Button>
            )}
            <Button onClick={() => void save()} disabled={!dirty} loading={saving} leftSection={<IconDeviceFloppy size={16} />} data-testid="spd-save">
              {t('innovation.score.save')}
            </Button>
          </Group>
        )}
      </Group>
      {(d.components.spd.missingEvidence?.length ?? 0) > 0 && (
        <Alert color="red" icon={<IconAlertTriangle />} p="xs">
          {t('innovation.index.spdMissing', { list: d.components.spd.missingEvidence!.join(', ') })}
        </Alert>
      )}
      <ErrorAlert error={error} testId="spd-error" />
      <Paper withBorder>
        <IndicatorTable items={items} indicators={rb.data?.body.spd.indicators ?? []} answers={answers} editable={editable} onChange={(no, a) => setAnswers((p) => ({ ...p, [no]: a }))} testId="spd-table" />
      </Paper>
    </Stack>
  );
}

function CountedInnovations({ d }: { d: Iid }) {
  const { t } = useTranslation();
  const rb = useRulebook(d.rulebookId);
  const w = rb.data?.body.window;
  return (
    <Stack gap="sm">
      <div>
        <Title order={3} fz="h4">
          {t('innovation.index.countedTitle', { count: d.innovations.length })}
        </Title>
        <Text size="sm" c="dimmed">
          {w ? t('innovation.index.countedHint', { from: formatDate(w.from), to: formatDate(w.to) }) : null}
        </Text>
      </div>
      <Paper withBorder>
        {d.innovations.length === 0 ? (
          <Text p="md" c="dimmed" size="sm">
            {t('innovation.index.noneCounted')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={0}>
            <Table data-testid="iid-innovations">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('innovation.fields.title')}</Table.Th>
                  <Table.Th visibleFrom="sm">{t('innovation.fields.urusan')}</Table.Th>
                  <Table.Th ta="right">{t('innovation.index.sidShort')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.innovations.map((i) => (
                  <Table.Tr key={i.id} data-testid="iid-innovation-row">
                    <Table.Td>
                      <Anchor component={Link} to={`/inovasi/${i.id}?tab=nilai`} size="sm" fw={500}>
                        {i.title}
                      </Anchor>
                      {i.missingEvidence > 0 && (
                        <Text size="xs" c="red.7">
                          {t('innovation.index.missingEvidenceCount', { count: i.missingEvidence })}
                        </Text>
                      )}
                      <Text size="xs" c="dimmed" hiddenFrom="sm">
                        {i.urusan.map(urusanLabel).join('; ') || '—'}
                      </Text>
                    </Table.Td>
                    <Table.Td visibleFrom="sm">
                      <Text size="sm">{i.urusan.map(urusanLabel).join('; ') || '—'}</Text>
                    </Table.Td>
                    <Table.Td ta="right">
                      <Text size="sm" fw={650}>
                        {formatScore(i.sid)} / {formatScore(d.components.sid.max)}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
    </Stack>
  );
}

function WhatIfSection({ d }: { d: Iid }) {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const rulebooks = useRulebooks();
  const others = (rulebooks.data ?? []).filter((r) => r.id !== d.rulebookId);
  const [other, setOther] = useState<string | null>(null);
  const target = other ?? others[0]?.id ?? null;
  const whatIf = useWhatIf(d.year, target);
  const cols: WhatIfColumn[] = whatIf.data?.columns ?? [];

  const rows: { key: string; label: string; value: (c: WhatIfColumn) => React.ReactNode }[] = [
    {
      key: 'value',
      label: t('innovation.index.value'),
      value: (c) => (
        <Group gap={6} wrap="wrap" justify={mobile ? 'flex-end' : 'flex-start'}>
          <Text fw={800} fz="lg">
            {formatDecimal(c.value, 2)}
          </Text>
          <UnverifiedBadge confidence={c.confidence} size="xs" />
        </Group>
      ),
    },
    { key: 'predicate', label: t('innovation.index.predicate'), value: (c) => <PredicateBadge predicate={c.predicate} size="md" /> },
    { key: 'confidence', label: t('innovation.index.confidence'), value: (c) => <ConfidenceBadge confidence={c.confidence} /> },
    { key: 'spd', label: t('innovation.index.spd'), value: (c) => `${formatScore(c.components.spd.score)} / ${formatScore(c.components.spd.max)}` },
    {
      key: 'sid',
      label: t('innovation.index.sid'),
      value: (c) => t('innovation.index.sidFormula', { sum: formatScore(c.components.sid.sum, 4), divisor: c.components.sid.divisor, average: formatScore(c.components.sid.average, 4) }),
    },
    {
      key: 'urusan',
      label: t('innovation.index.urusanShort'),
      value: (c) => (
        <Text size="sm" c={c.components.count.urusanMet ? 'teal.7' : 'red.7'}>
          {t('innovation.index.urusanCoverageShort', { covered: c.components.count.urusanCovered.length, required: c.components.count.urusanRequired, total: c.components.count.urusanWajib.length })}
        </Text>
      ),
    },
    { key: 'count', label: t('innovation.index.count'), value: (c) => `${formatScore(c.components.count.score, 4)} / ${formatScore(c.components.count.max)}` },
    {
      key: 'explanation',
      label: t('innovation.index.formula'),
      value: (c) => (
        <Text size="xs" className="serasan-mono" style={{ whiteSpace: 'normal', overflowWrap: 'anywhere' }}>
          {localizeFormula(c.explanation)}
        </Text>
      ),
    },
  ];

  return (
    <Stack gap="sm" data-testid="what-if">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={3} fz="h4">
            {t('innovation.index.whatIfTitle')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('innovation.index.whatIfHint')}
          </Text>
        </div>
        <NativeSelect
          label={t('innovation.index.compareWith')}
          value={target ?? ''}
          onChange={(e) => setOther(e.currentTarget.value || null)}
          data={others.map((r) => ({ value: r.id, label: r.title }))}
          disabled={!others.length}
          w={{ base: '100%', xs: 340 }}
          data-testid="what-if-rulebook"
        />
      </Group>
      <ErrorAlert error={whatIf.error} />
      {whatIf.isLoading && <Loader size="sm" />}
      {cols.length > 0 &&
        (mobile ? (
          <SimpleGrid cols={1} spacing="sm">
            {cols.map((c) => (
              <Paper key={c.rulebookId} withBorder p="sm" data-testid="what-if-column">
                <Group gap={6} mb={6} wrap="wrap">
                  <Text fw={650} size="sm">
                    {c.rulebookTitle}
                  </Text>
                  <UnverifiedBadge confidence={c.confidence} size="xs" />
                </Group>
                <Stack gap={6}>
                  {rows.map((r) => (
                    <Group key={r.key} justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
                      <Text size="xs" c="dimmed" style={{ flex: 'none' }} w={110}>
                        {r.label}
                      </Text>
                      <Box ta="right" style={{ minWidth: 0 }}>
                        {typeof r.value(c) === 'string' ? <Text size="sm">{r.value(c)}</Text> : r.value(c)}
                      </Box>
                    </Group>
                  ))}
                </Stack>
              </Paper>
            ))}
          </SimpleGrid>
        ) : (
          <Paper withBorder>
            <Table.ScrollContainer minWidth={640}>
              <Table withColumnBorders data-testid="what-if-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={180} />
                    {cols.map((c) => (
                      <Table.Th key={c.rulebookId} data-testid="what-if-column">
                        {c.rulebookTitle}
                        <UnverifiedBadge confidence={c.confidence} size="xs" />
                        {c.rulebookId === d.rulebookId && (
                          <Badge size="xs" ml={6} variant="light">
                            {t('innovation.index.current')}
                          </Badge>
                        )}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((r) => (
                    <Table.Tr key={r.key}>
                      <Table.Td>
                        <Text size="sm" c="dimmed">
                          {r.label}
                        </Text>
                      </Table.Td>
                      {cols.map((c) => (
                        <Table.Td key={c.rulebookId}>{typeof r.value(c) === 'string' ? <Text size="sm">{r.value(c)}</Text> : r.value(c)}</Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        ))}
    </Stack>
  );
}
