/**
 * Charts for SKM: the IKM trend comes from @mantine/charts in a lazy chunk (never in the survey
 * form's bundle); share bars and the band scale are plain boxes whose labels wrap on phones.
 */
import { lazy, Suspense } from 'react';
import { Box, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../components/format.ts';
import type { Mutu } from './api.ts';
import { formatDecimal, MUTU_COLORS } from './common.tsx';

export interface Bar {
  key: string;
  label: string;
  value: number;
}

/** Horizontal bars with count and share; labels wrap on phones. */
export function ShareBars({ data, total, testId }: { data: Bar[]; total: number; testId?: string }) {
  const { t } = useTranslation();
  if (!total) {
    return (
      <Text size="sm" c="dimmed" data-testid={testId}>
        {t('skm.noData')}
      </Text>
    );
  }
  return (
    <Stack gap={6} data-testid={testId} role="list">
      {data.map((d) => {
        const share = total ? d.value / total : 0;
        return (
          <Stack key={d.key} gap={2} role="listitem" aria-label={`${d.label}: ${d.value}`}>
            <Group justify="space-between" gap="xs" wrap="nowrap">
              <Text size="sm" lh={1.3} c={d.value ? undefined : 'dimmed'}>
                {d.label}
              </Text>
              <Text size="sm" fw={600} style={{ flex: 'none' }}>
                {formatNumber(d.value)}
                <Text span size="xs" c="dimmed">
                  {' '}
                  ({formatNumber(Math.round(share * 100))}%)
                </Text>
              </Text>
            </Group>
            <Box h={6} bg="gray.1" style={{ borderRadius: 3, overflow: 'hidden' }}>
              <Box h="100%" w={`${share * 100}%`} bg="pemda.5" style={{ borderRadius: 3, minWidth: d.value ? 3 : 0 }} />
            </Box>
          </Stack>
        );
      })}
    </Stack>
  );
}

export interface TrendDatum {
  key: string;
  periodStart: string;
  periodEnd: string;
  ikmConverted: number | null;
  mutu: Mutu | null;
  n?: number;
  current?: boolean;
}

const BANDS: Array<{ from: number; to: number; mutu: Mutu }> = [
  { from: 25, to: 65, mutu: 'D' },
  { from: 65, to: 76.61, mutu: 'C' },
  { from: 76.61, to: 88.31, mutu: 'B' },
  { from: 88.31, to: 100, mutu: 'A' },
];

const IkmTrendChart = lazy(() => import('./IkmTrendChart.tsx'));

/** IKM (25–100) per period as a line over the mutu bands (@mantine/charts, loaded when shown). */
export function TrendChart({ data, testId, height = 220, compact = false }: { data: TrendDatum[]; testId?: string; height?: number; compact?: boolean }) {
  const { t } = useTranslation();
  if (!data.length) {
    return (
      <Text size="sm" c="dimmed" data-testid={testId}>
        {t('skm.noData')}
      </Text>
    );
  }
  return (
    <Suspense fallback={<Box h={height} data-testid={testId} />}>
      <IkmTrendChart data={data} height={height} compact={compact} testId={testId} />
    </Suspense>
  );
}

/** Where an IKM (25–100) sits among the mutu bands D, C, B, A. */
export function BandScale({ value, testId }: { value: number | null; testId?: string }) {
  const pos = (v: number) => ((Math.max(25, Math.min(100, v)) - 25) / 75) * 100;
  return (
    <Box data-testid={testId} aria-hidden>
      <Box pos="relative" h={14} style={{ display: 'flex', borderRadius: 4, overflow: 'hidden' }}>
        {BANDS.map((b) => (
          <Box key={b.mutu} h="100%" bg={`${MUTU_COLORS[b.mutu]}.2`} style={{ width: `${pos(b.to) - pos(b.from)}%` }} />
        ))}
        {value !== null && (
          <Box pos="absolute" top={-2} h={18} w={4} bg="dark.7" style={{ left: `calc(${pos(value)}% - 2px)`, borderRadius: 2 }} />
        )}
      </Box>
      <Box pos="relative" h={16} mt={2}>
        {BANDS.map((b) => (
          <Text key={b.mutu} size="10px" c={`${MUTU_COLORS[b.mutu]}.8`} fw={700} pos="absolute" style={{ left: `${(pos(b.from) + pos(b.to)) / 2}%`, transform: 'translateX(-50%)' }}>
            {b.mutu}
          </Text>
        ))}
        {[65, 76.61, 88.31].map((v) => (
          <Text key={v} size="10px" c="dimmed" pos="absolute" style={{ left: `${pos(v)}%`, transform: 'translateX(-50%)' }}>
            {formatDecimal(v, 2)}
          </Text>
        ))}
      </Box>
    </Box>
  );
}
