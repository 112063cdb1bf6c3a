import { formatNip as formatNipShared } from '../../shared/nip.ts';
import { currentLang } from '../i18n.ts';
import { formatSearchTotal } from '../../shared/search-total.ts';

function intlLocale(): string {
  return currentLang() === 'en' ? 'en-GB' : 'id-ID';
}

/** A calendar date ('YYYY-MM-DD') or a timestamp → "23 November 2026". */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  // Date-only values are local calendar dates: never let a time zone shift them a day.
  const d = m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  return new Intl.DateTimeFormat(intlLocale(), { day: 'numeric', month: 'long', year: 'numeric' }).format(d);
}

/** Timestamp → "23 November 2026 14.05". */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  return new Intl.DateTimeFormat(intlLocale(), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(d);
}

export function formatNumber(n: number | null | undefined): string {
  if (n === null || n === undefined) return '—';
  return new Intl.NumberFormat(intlLocale()).format(n);
}

/** A search total: "1.000+" when the server stopped counting at its cap (totalCapped). */
export function formatTotal(total: number, capped?: boolean): string {
  return formatSearchTotal(total, capped, intlLocale());
}

export function formatBytes(size: number): string {
  if (size < 1024) return `${size} B`;
  const units = ['KB', 'MB', 'GB'];
  let v = size / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${new Intl.NumberFormat(intlLocale(), { maximumFractionDigits: 1 }).format(v)} ${units[i]}`;
}

export function formatNip(nip: string | null | undefined): string {
  return nip ? formatNipShared(nip) : '—';
}

/** Today as 'YYYY-MM-DD' in local time. */
export function todayIso(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
