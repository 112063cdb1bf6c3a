/**
 * Columns per year (@mantine/charts on recharts); the selected year stands out. Loaded lazily
 * (ColumnChart in charts.tsx) so pages without a chart never download the chart library.
 */
import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { ScrollArea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../components/format.ts';
import type { BarDatum } from './charts.tsx';

export default function YearBarChart({ data, height = 180, ariaLabel }: { data: BarDatum[]; height?: number; ariaLabel?: string }) {
  const { t } = useTranslation();
  // Two stacked series: the highlighted column carries its value in "selected", the others in "n".
  const rows = data.map((d) => ({ label: d.label, n: d.color ? 0 : d.value, selected: d.color ? d.value : 0 }));
  const highlighted = data.find((d) => d.color)?.color ?? 'orange.6';
  return (
    <ScrollArea type="auto" offsetScrollbars>
      <div role="img" aria-label={ariaLabel ? `${ariaLabel}: ${data.map((d) => `${d.label} ${formatNumber(d.value)}`).join(', ')}` : undefined} style={{ minWidth: Math.max(280, data.length * 44) }}>
        <BarChart
          h={height}
          data={rows}
          dataKey="label"
          type="stacked"
          series={[
            { name: 'n', label: t('charts.count'), color: 'pemda.6' },
            { name: 'selected', label: t('charts.count'), color: highlighted },
          ]}
          valueFormatter={(v) => formatNumber(v)}
          textColor="gray.8"
          gridAxis="y"
          withBarValueLabel
          maxBarWidth={48}
          tooltipAnimationDuration={0}
          barChartProps={{ accessibilityLayer: false }}
        />
      </div>
    </ScrollArea>
  );
}
