/**
 * Light charts for SKM drawn with plain boxes and one small SVG: no chart library, so pages stay
 * small on slow connections.
 */
import { Box, Group, ScrollArea, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../../components/format.ts';
import type { Mutu } from './api.ts';
import { formatDecimal, MUTU_COLORS, usePeriodLabel, usePeriodShort } from './common.tsx';

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

const BAND_FILL: Record<Mutu, string> = {
  A: 'var(--mantine-color-green-0)',
  B: 'var(--mantine-color-teal-0)',
  C: 'var(--mantine-color-orange-0)',
  D: 'var(--mantine-color-red-0)',
};

/** IKM (25–100) per period as a line over the mutu bands; periods without answers are gaps. */
export function TrendChart({ data, testId, height = 200 }: { data: TrendDatum[]; testId?: string; height?: number }) {
  const { t } = useTranslation();
  const periodLabel = usePeriodLabel();
  const periodShort = usePeriodShort();
  if (!data.length) {
    return (
      <Text size="sm" c="dimmed" data-testid={testId}>
        {t('skm.noData')}
      </Text>
    );
  }
  const step = 110;
  const left = 34;
  const top = 16;
  const bottom = 44;
  const width = left + Math.max(data.length, 3) * step;
  const plotH = height - top - bottom;
  // Zoom on the range that matters: from a little below the lowest value (at most 60) to 100.
  const values = data.filter((d) => d.ikmConverted !== null && (d.n ?? 1) > 0).map((d) => d.ikmConverted!);
  const lo = Math.max(25, Math.min(60, Math.floor((Math.min(100, ...values) - 5) / 5) * 5));
  const y = (v: number) => top + plotH - ((Math.max(lo, Math.min(100, v)) - lo) / (100 - lo)) * plotH;
  const x = (i: number) => left + step / 2 + i * step;
  const pts = data.map((d, i) => (d.ikmConverted !== null && (d.n ?? 1) > 0 ? { x: x(i), y: y(d.ikmConverted), d } : null));
  const segments: string[] = [];
  let cur = '';
  for (const p of pts) {
    if (!p) {
      if (cur) segments.push(cur);
      cur = '';
      continue;
    }
    cur += `${cur ? 'L' : 'M'}${p.x},${p.y}`;
  }
  if (cur) segments.push(cur);
  const label = data.map((d) => `${periodLabel(d.periodStart, d.periodEnd, formatDate)}: ${d.ikmConverted !== null && (d.n ?? 1) > 0 ? formatDecimal(d.ikmConverted) : '—'}`).join('; ');

  return (
    <ScrollArea type="auto" offsetScrollbars data-testid={testId}>
      <svg viewBox={`0 0 ${width} ${height}`} width={width} height={height} style={{ display: 'block' }} role="img" aria-label={label}>
        {BANDS.filter((b) => b.to > lo).map((b) => (
          <g key={b.mutu}>
            <rect x={left} y={y(b.to)} width={width - left} height={y(Math.max(lo, b.from)) - y(b.to)} fill={BAND_FILL[b.mutu]} />
            <text x={left - 6} y={(y(Math.max(lo, b.from)) + y(b.to)) / 2 + 4} textAnchor="end" fontSize="11" fill={`var(--mantine-color-${MUTU_COLORS[b.mutu]}-8)`} fontWeight={700}>
              {b.mutu}
            </text>
          </g>
        ))}
        {segments.map((s, i) => (
          <path key={i} d={s} fill="none" stroke="var(--mantine-color-pemda-7)" strokeWidth={2.5} />
        ))}
        {data.map((d, i) => {
          const p = pts[i];
          return (
            <g key={d.key}>
              {p ? (
                <>
                  <circle cx={p.x} cy={p.y} r={d.current ? 6 : 4.5} fill={`var(--mantine-color-${d.mutu ? MUTU_COLORS[d.mutu] : 'gray'}-7)`} stroke="#fff" strokeWidth={2} />
                  <text x={p.x} y={p.y - 10} textAnchor="middle" fontSize="12" fontWeight={700} fill="var(--mantine-color-dark-7)">
                    {formatDecimal(d.ikmConverted, 2)}
                  </text>
                </>
              ) : (
                <text x={x(i)} y={top + plotH / 2} textAnchor="middle" fontSize="11" fill="var(--mantine-color-gray-6)">
                  {t('skm.trend.noAnswers')}
                </text>
              )}
              <text x={x(i)} y={height - bottom + 18} textAnchor="middle" fontSize="11" fontWeight={d.current ? 700 : 400} fill="var(--mantine-color-dark-6)">
                {periodShort(d.periodStart, d.periodEnd)}
              </text>
              {d.n !== undefined && (
                <text x={x(i)} y={height - bottom + 33} textAnchor="middle" fontSize="10" fill="var(--mantine-color-gray-6)">
                  {t('skm.trend.n', { n: formatNumber(d.n) })}
                </text>
              )}
            </g>
          );
        })}
      </svg>
    </ScrollArea>
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

/** A compact trend for small cards: one chip per period, coloured by mutu; wraps on phones. */
export function TrendChips({ data, testId }: { data: TrendDatum[]; testId?: string }) {
  const periodShort = usePeriodShort();
  return (
    <Group gap={6} data-testid={testId}>
      {data.map((d) => (
        <Box
          key={d.key}
          px={8}
          py={2}
          bg={d.mutu ? `${MUTU_COLORS[d.mutu]}.0` : 'gray.0'}
          style={{ borderRadius: 12, border: `1px solid var(--mantine-color-${d.mutu ? MUTU_COLORS[d.mutu] : 'gray'}-${d.current ? 6 : 2})` }}
        >
          <Text size="xs" fw={d.current ? 700 : 400}>
            {periodShort(d.periodStart, d.periodEnd)} · {d.ikmConverted !== null ? formatDecimal(d.ikmConverted, 2) : '—'}
          </Text>
        </Box>
      ))}
    </Group>
  );
}
