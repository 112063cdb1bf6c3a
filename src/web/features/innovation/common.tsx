/** Small shared pieces of the Inovasi Daerah pages: badges, labels, number formats, URL filters. */
import { Badge, Group, Text, Tooltip, type BadgeProps } from '@mantine/core';
import { IconDeviceDesktop } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { URUSAN, urusanLabel } from '../../../shared/urusan.ts';
import type { InnovationStage, InnovationStatus, Lifecycle } from '../../api/innovations.ts';
import { currentLang } from '../../i18n.ts';

export const STATUS_COLORS: Record<InnovationStatus, string> = {
  draft: 'gray',
  submitted: 'blue',
  returned: 'orange',
  verified: 'teal',
  published: 'green',
};

export const STAGE_COLORS: Record<InnovationStage, string> = {
  inisiatif: 'grape',
  uji_coba: 'yellow',
  penerapan: 'pemda',
};

export const LIFECYCLE_COLORS: Record<Lifecycle, string> = { active: 'green', paused: 'yellow', retired: 'red' };

export const URUSAN_WAJIB_DASAR = URUSAN.filter((u) => u.group === 'wajib_pelayanan_dasar').map((u) => u.code);

export function StatusBadge({ status, ...rest }: { status: InnovationStatus } & BadgeProps) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLORS[status] ?? 'gray'} variant="light" data-status={status} {...rest}>
      {t(`innovationStatus.${status}`)}
    </Badge>
  );
}

export function StageBadge({ stage, ...rest }: { stage: InnovationStage } & BadgeProps) {
  const { t } = useTranslation();
  return (
    <Badge color={STAGE_COLORS[stage] ?? 'gray'} variant="outline" {...rest}>
      {t(`innovation.stage.${stage}`)}
    </Badge>
  );
}

export function LifecycleBadge({ lifecycle, ...rest }: { lifecycle: Lifecycle } & BadgeProps) {
  const { t } = useTranslation();
  if (lifecycle === 'active') return null;
  return (
    <Badge color={LIFECYCLE_COLORS[lifecycle]} variant="filled" {...rest}>
      {t(`innovation.lifecycle.${lifecycle}`)}
    </Badge>
  );
}

export function DigitalBadge({ digital }: { digital: boolean }) {
  const { t } = useTranslation();
  if (!digital) return null;
  return (
    <Tooltip label={t('innovation.fields.digital')}>
      <Badge color="cyan" variant="light" leftSection={<IconDeviceDesktop size={12} />}>
        {t('innovation.digital')}
      </Badge>
    </Tooltip>
  );
}

export function UrusanText({ codes }: { codes: (string | null | undefined)[] }) {
  const list = codes.filter(Boolean) as string[];
  if (!list.length) return <Text span c="dimmed">—</Text>;
  return <>{list.map(urusanLabel).join('; ')}</>;
}

export function urusanOptions(t: TFunction) {
  const groups = ['wajib_pelayanan_dasar', 'wajib_non_pelayanan_dasar', 'pilihan', 'penunjang'] as const;
  return groups.map((g) => ({
    group: t(`innovation.urusanGroup.${g}`),
    items: URUSAN.filter((u) => u.group === g).map((u) => ({ value: u.code, label: u.label })),
  }));
}

function intlLocale() {
  return currentLang() === 'en' ? 'en-GB' : 'id-ID';
}

/** 47.04 → "47,04" (id-ID), always `digits` decimals. */
export function formatDecimal(n: number | null | undefined, digits = 2): string {
  if (n === null || n === undefined || Number.isNaN(n)) return '—';
  return new Intl.NumberFormat(intlLocale(), { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
}

/** Up to `max` decimals, no trailing zeros: 0.38 → "0,38", 6 → "6". */
export function formatScore(n: number | null | undefined, max = 2): string {
  if (n === null || n === undefined || Number.isNaN(n)) return '—';
  return new Intl.NumberFormat(intlLocale(), { maximumFractionDigits: max }).format(n);
}

export function formatPercent(fraction: number): string {
  return new Intl.NumberFormat(intlLocale(), { style: 'percent', maximumFractionDigits: 0 }).format(fraction);
}

export function formatRupiah(n: number | null | undefined): string {
  if (n === null || n === undefined) return '—';
  return new Intl.NumberFormat('id-ID', { style: 'currency', currency: 'IDR', maximumFractionDigits: 0 }).format(n);
}

/**
 * The server writes its formula line with "." decimals; in Indonesian show "," decimals
 * (47.04 → 47,04) so the line reads like the rest of the page.
 */
export function localizeFormula(s: string): string {
  if (currentLang() === 'en') return s;
  return s.replace(/(\d)\.(\d)/g, '$1,$2');
}

export const PREDICATE_COLORS: Record<string, string> = {
  'Sangat Inovatif': 'green',
  Inovatif: 'teal',
  'Kurang Inovatif': 'orange',
  'Tidak Dapat Dinilai': 'gray',
};

export function PredicateBadge({ predicate, size = 'lg', testId }: { predicate: string; size?: BadgeProps['size']; testId?: string }) {
  return (
    <Badge size={size} color={PREDICATE_COLORS[predicate] ?? 'pemda'} variant="filled" data-testid={testId}>
      {predicate}
    </Badge>
  );
}

export function ConfidenceBadge({ confidence }: { confidence: string }) {
  const { t } = useTranslation();
  const color = confidence === 'HIGH' ? 'green' : confidence === 'MED' ? 'yellow' : 'red';
  const known = ['HIGH', 'MED', 'LOW', 'UNVERIFIED'].includes(confidence);
  return (
    <Tooltip label={t('innovation.index.confidenceHint')} multiline maw={320}>
      <Badge color={color} variant="light" data-testid="rulebook-confidence">
        {t('innovation.index.confidence')}: {known ? t(`innovation.index.confidenceLevel.${confidence}`) : confidence}
      </Badge>
    </Tooltip>
  );
}

/** A label/value pair in the detail views. */
export function Field({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) {
  return (
    <div data-testid={testId}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase" mb={2}>
        {label}
      </Text>
      <Text size="sm" component="div" style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
        {children === null || children === undefined || children === '' ? <Text span c="dimmed">—</Text> : children}
      </Text>
    </div>
  );
}

export function BadgeRow({ children }: { children: React.ReactNode }) {
  return (
    <Group gap={6} wrap="wrap">
      {children}
    </Group>
  );
}

/** Years to offer in filters: from the stats, plus the current year, newest first. */
export function yearOptions(years: number[]): string[] {
  const set = new Set(years);
  set.add(new Date().getFullYear());
  return [...set].sort((a, b) => b - a).map(String);
}
