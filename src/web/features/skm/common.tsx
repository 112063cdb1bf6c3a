/** Small pieces shared by the SKM pages: mutu badge, number formats, period helpers. */
import { Badge, type BadgeProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLang } from '../../i18n.ts';
import type { Mutu, PeriodKind } from './api.ts';

export const MUTU_COLORS: Record<Mutu, string> = { A: 'green', B: 'teal', C: 'orange', D: 'red' };
/** Badge backgrounds of the mutu colours dark enough for white text (WCAG AA, at least 4.5:1). */
export const MUTU_BADGE_BG: Record<Mutu, string> = { A: '#237a35', B: '#087f5b', C: '#b84a00', D: '#c92a2a' };

export const AGE_BANDS = ['lt20', '20_29', '30_39', '40_49', '50_59', '60plus'] as const;
export const EDUCATIONS = ['sd', 'smp', 'sma', 'd1_d3', 'd4_s1', 's2plus'] as const;
export const OCCUPATIONS = ['pns', 'tni_polri', 'swasta', 'wirausaha', 'pelajar', 'lainnya'] as const;
export const SEXES = ['L', 'P'] as const;
export const PERIOD_KINDS = ['triwulan', 'semester', 'tahun'] as const;
export const ACTION_STATUSES = ['rencana', 'proses', 'selesai'] as const;

function locale(): string {
  return currentLang() === 'en' ? 'en-GB' : 'id-ID';
}

/** Fixed decimals in the reader's language: 79.444 → "79,44". Null → "—". */
export function formatDecimal(v: number | null | undefined, digits = 2): string {
  if (v === null || v === undefined || Number.isNaN(v)) return '—';
  return new Intl.NumberFormat(locale(), { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(v);
}

export function formatPercent(fraction: number | null | undefined): string {
  if (fraction === null || fraction === undefined) return '—';
  if (fraction > 0 && fraction < 0.01) return `< ${new Intl.NumberFormat(locale(), { style: 'percent' }).format(0.01)}`;
  return new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 0 }).format(fraction);
}

/** The server writes its formula line with '.' decimals; show it with the reader's separator. */
export function localiseFormula(line: string): string {
  if (currentLang() === 'en') return line;
  return line.replace(/(\d)\.(\d)/g, '$1,$2');
}

export function MutuBadge({ mutu, size = 'md', testId, ...rest }: { mutu: Mutu | null | undefined; testId?: string } & BadgeProps) {
  const { t } = useTranslation();
  if (!mutu) {
    return (
      <Badge size={size} color="gray" variant="light" data-testid={testId} data-mutu="" {...rest}>
        {t('skm.noData')}
      </Badge>
    );
  }
  return (
    <Badge size={size} color={MUTU_BADGE_BG[mutu]} variant="filled" data-testid={testId} data-mutu={mutu} title={t('skm.mutuTitle', { mutu })} {...rest}>
      {t('skm.mutuShort', { mutu })}
    </Badge>
  );
}

function iso(y: number, m: number, d: number): string {
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function lastDay(y: number, m: number): number {
  return new Date(y, m, 0).getDate();
}

export interface PeriodPick {
  key: string;
  kind: PeriodKind;
  start: string;
  end: string;
  /** i18n key and params for its label */
  label: [string, Record<string, string | number>];
}

const ROMAN = ['I', 'II', 'III', 'IV'];

/** Quick picks: the four triwulan, two semesters and the whole year of a calendar year. */
export function periodPicks(year: number): PeriodPick[] {
  const out: PeriodPick[] = [];
  for (let q = 0; q < 4; q++) {
    out.push({ key: `t${q + 1}-${year}`, kind: 'triwulan', start: iso(year, q * 3 + 1, 1), end: iso(year, q * 3 + 3, lastDay(year, q * 3 + 3)), label: ['skm.period.triwulanN', { n: ROMAN[q]!, year }] });
  }
  for (let s = 0; s < 2; s++) {
    out.push({ key: `s${s + 1}-${year}`, kind: 'semester', start: iso(year, s * 6 + 1, 1), end: iso(year, s * 6 + 6, lastDay(year, s * 6 + 6)), label: ['skm.period.semesterN', { n: ROMAN[s]!, year }] });
  }
  out.push({ key: `y-${year}`, kind: 'tahun', start: iso(year, 1, 1), end: iso(year, 12, 31), label: ['skm.period.yearN', { year }] });
  return out;
}

/** The quick pick that contains a day (the current triwulan by default). */
export function currentQuarter(today: string): PeriodPick {
  const [y, m] = today.split('-').map(Number) as [number, number];
  return periodPicks(y)[Math.floor((m - 1) / 3)]!;
}

/** "Triwulan IV 2026" when the dates are exactly a known period, else the two dates. */
export function usePeriodLabel() {
  const { t } = useTranslation();
  return (start: string, end: string, fmt: (d: string) => string): string => {
    const year = Number(start.slice(0, 4));
    const pick = periodPicks(year).find((p) => p.start === start && p.end === end);
    if (pick) return t(pick.label[0], pick.label[1]);
    return `${fmt(start)} – ${fmt(end)}`;
  };
}

/** A short label for chart axes: "TW IV 2026", "Smt I 2026", "2026", else "Okt–Des 2026". */
export function usePeriodShort() {
  const { t } = useTranslation();
  return (start: string, end: string): string => {
    const year = Number(start.slice(0, 4));
    const pick = periodPicks(year).find((p) => p.start === start && p.end === end);
    if (pick) return t(`skm.period.short.${pick.kind}`, pick.label[1]);
    const month = (d: string) => new Intl.DateTimeFormat(locale(), { month: 'short' }).format(new Date(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, 1));
    return start.slice(0, 4) === end.slice(0, 4) ? `${month(start)}–${month(end)} ${end.slice(0, 4)}` : `${month(start)} ${start.slice(0, 4)}–${month(end)} ${end.slice(0, 4)}`;
  };
}

export function isUuid(s: string | undefined): boolean {
  return !!s && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);
}
