/**
 * IKM per period as a line over the mutu bands (@mantine/charts on recharts). Loaded lazily
 * (TrendChart in charts.tsx) so the chart library stays out of pages that show no trend,
 * above all the citizen's survey form.
 */
import '@mantine/charts/styles.css';
import { LineChart } from '@mantine/charts';
import { ScrollArea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../../components/format.ts';
import type { TrendDatum } from './charts.tsx';
import { formatDecimal, MUTU_COLORS, usePeriodLabel, usePeriodShort } from './common.tsx';

const BANDS = [
  { from: 25, to: 65, mutu: 'D' },
  { from: 65, to: 76.61, mutu: 'C' },
  { from: 76.61, to: 88.31, mutu: 'B' },
  { from: 88.31, to: 100, mutu: 'A' },
] as const;

export default function IkmTrendChart({ data, height = 220, compact = false, testId }: { data: TrendDatum[]; height?: number; compact?: boolean; testId?: string }) {
  const { t } = useTranslation();
  const periodShort = usePeriodShort();
  const periodLabel = usePeriodLabel();
  const has = (d: TrendDatum) => d.ikmConverted !== null && (d.n ?? 1) > 0;
  const values = data.filter(has).map((d) => d.ikmConverted!);
  // Zoom on the range that matters: from a little below the lowest value (at most 60) to 100.
  const lo = Math.max(25, Math.min(60, Math.floor((Math.min(100, ...values) - 5) / 5) * 5));
  const rows = data.map((d) => ({
    period: periodShort(d.periodStart, d.periodEnd) + (!compact && d.n !== undefined ? ` (n=${formatNumber(d.n)})` : ''),
    ikm: has(d) ? Math.round(d.ikmConverted! * 100) / 100 : null,
  }));
  const label = `${t('charts.trendLabel')}: ${data.map((d) => `${periodLabel(d.periodStart, d.periodEnd, formatDate)} ${has(d) ? formatDecimal(d.ikmConverted, 2) : '—'}`).join('; ')}`;
  const minWidth = compact ? undefined : Math.max(320, data.length * 96);
  return (
    <ScrollArea type="auto" offsetScrollbars data-testid={testId}>
      <div role="img" aria-label={label} style={{ minWidth }}>
        <LineChart
          h={height}
          data={rows}
          dataKey="period"
          series={[{ name: 'ikm', label: t('charts.ikm'), color: 'pemda.7' }]}
          curveType="linear"
          connectNulls={false}
          withPointLabels={!compact}
          withDots
          strokeWidth={2.5}
          yAxisProps={{
            domain: [lo, 100],
            width: 54,
            // Ticks on the mutu thresholds: the bands read as numbers too.
            ticks: [lo, 65, 76.61, 88.31, 100].filter((v, i, a) => v >= lo && a.indexOf(v) === i),
            tickFormatter: (v: number) => formatDecimal(v, Number.isInteger(v) ? 0 : 2),
            interval: 0,
          }}
          xAxisProps={compact ? { interval: 'preserveStartEnd' } : undefined}
          referenceAreas={BANDS.filter((b) => b.to > lo).map((b) => ({
            y1: Math.max(lo, b.from),
            y2: b.to,
            color: `${MUTU_COLORS[b.mutu]}.1`,
            fillOpacity: 0.6,
            label: compact ? undefined : b.mutu,
            labelPosition: 'insideLeft' as const,
            ifOverflow: 'hidden' as const,
          }))}
          valueFormatter={(v) => formatDecimal(v, 2)}
          textColor="gray.8"
          gridAxis="y"
          tooltipAnimationDuration={0}
          // Room for the top tick (100) and the widest tick label (88,31) on a phone.
          lineChartProps={{ accessibilityLayer: false, margin: { top: 12, left: 6, right: 12, bottom: 0 } }}
        />
      </div>
    </ScrollArea>
  );
}
