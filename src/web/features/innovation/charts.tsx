/**
 * Charts of the innovation home. Columns over time come from @mantine/charts (lazy chunk); the
 * category lists stay plain boxes, because long Indonesian category names (urusan, OPD) must
 * wrap on a phone and link to the filtered list, which a chart axis would cut.
 */
import { lazy, Suspense } from 'react';
import { Box, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { Link } from 'react-router';
import { formatNumber } from '../../components/format.ts';

export interface BarDatum {
  key: string;
  label: string;
  value: number;
  color?: string;
  to?: string;
  hint?: string;
}

/** Horizontal bars: label above, bar and count below; best for long category names on phones. */
export function BarList({ data, testId, emptyLabel, max: maxIn }: { data: BarDatum[]; testId?: string; emptyLabel?: string; max?: number }) {
  const max = maxIn ?? Math.max(1, ...data.map((d) => d.value));
  if (!data.length) {
    return (
      <Text size="sm" c="dimmed" data-testid={testId}>
        {emptyLabel ?? '—'}
      </Text>
    );
  }
  return (
    <Stack gap={8} data-testid={testId} role="list">
      {data.map((d) => {
        const row = (
          <Stack gap={2} role="listitem" aria-label={`${d.label}: ${formatNumber(d.value)}`}>
            <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
              <Text size="sm" lh={1.3} style={{ minWidth: 0 }} c={d.value === 0 ? 'dimmed' : undefined}>
                {d.label}
                {d.hint && (
                  <Text span size="xs" c="dimmed">
                    {' '}
                    {d.hint}
                  </Text>
                )}
              </Text>
              <Text size="sm" fw={650} style={{ flex: 'none' }}>
                {formatNumber(d.value)}
              </Text>
            </Group>
            <Box h={8} bg="gray.1" style={{ borderRadius: 4, overflow: 'hidden' }}>
              <Box
                h="100%"
                w={`${(d.value / max) * 100}%`}
                bg={d.color ?? 'pemda.6'}
                style={{ borderRadius: 4, minWidth: d.value > 0 ? 4 : 0, transition: 'width 200ms' }}
              />
            </Box>
          </Stack>
        );
        return d.to ? (
          <UnstyledButton key={d.key} component={Link} to={d.to} style={{ display: "block", borderRadius: 4 }}>
            {row}
          </UnstyledButton>
        ) : (
          <Box key={d.key}>{row}</Box>
        );
      })}
    </Stack>
  );
}

const YearBarChart = lazy(() => import('./YearBarChart.tsx'));

/** Vertical columns (per year), drawn by @mantine/charts, loaded when first shown. */
export function ColumnChart({ data, height = 180, testId, ariaLabel }: { data: BarDatum[]; height?: number; testId?: string; ariaLabel?: string }) {
  return (
    <Box data-testid={testId} mih={height}>
      <Suspense fallback={<Box h={height} />}>
        <YearBarChart data={data} height={height} ariaLabel={ariaLabel} />
      </Suspense>
    </Box>
  );
}

/** One bar split in parts (e.g. by stage), with a legend below. */
export function StackedBar({ data, testId }: { data: BarDatum[]; testId?: string }) {
  const total = data.reduce((s, d) => s + d.value, 0);
  return (
    <Stack gap="xs" data-testid={testId}>
      <Group gap={0} h={18} wrap="nowrap" style={{ borderRadius: 6, overflow: 'hidden' }} bg="gray.1" role="img" aria-label={data.map((d) => `${d.label}: ${d.value}`).join(', ')}>
        {total > 0 &&
          data
            .filter((d) => d.value > 0)
            .map((d) => <Box key={d.key} h="100%" w={`${(d.value / total) * 100}%`} bg={d.color ?? 'pemda.6'} title={`${d.label}: ${formatNumber(d.value)}`} />)}
      </Group>
      <Group gap="md" wrap="wrap">
        {data.map((d) => (
          <Group key={d.key} gap={6} wrap="nowrap">
            <Box w={10} h={10} bg={d.color ?? 'pemda.6'} style={{ borderRadius: 2, flex: 'none' }} />
            <Text size="sm">
              {d.label} <b>{formatNumber(d.value)}</b>
            </Text>
          </Group>
        ))}
      </Group>
    </Stack>
  );
}
