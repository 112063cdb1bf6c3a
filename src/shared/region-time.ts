/**
 * Indonesia's three time zones by Kemendagri province code (the first two digits of a region
 * code): WITA for Bali, Nusa Tenggara, Kalimantan Selatan/Timur/Utara and Sulawesi; WIT for
 * Maluku and Papua; WIB elsewhere (Sumatera, Jawa, Kalimantan Barat/Tengah).
 */
export interface RegionZone {
  /** IANA zone for Intl. */
  tz: 'Asia/Jakarta' | 'Asia/Makassar' | 'Asia/Jayapura';
  /** The suffix Indonesians write after a time. */
  label: 'WIB' | 'WITA' | 'WIT';
  /** Hours ahead of UTC (Indonesia has no daylight saving time). */
  offsetHours: 7 | 8 | 9;
}

const WITA = new Set(['51', '52', '53', '63', '64', '65', '71', '72', '73', '74', '75', '76']);
const WIT = new Set(['81', '82', '91', '92', '93', '94', '95', '96']);

export function zoneOfRegion(regionCode: string | null | undefined): RegionZone {
  const province = (regionCode ?? '').slice(0, 2);
  if (WIT.has(province)) return { tz: 'Asia/Jayapura', label: 'WIT', offsetHours: 9 };
  if (WITA.has(province)) return { tz: 'Asia/Makassar', label: 'WITA', offsetHours: 8 };
  return { tz: 'Asia/Jakarta', label: 'WIB', offsetHours: 7 };
}

/** "30 November 2026 16.05 WIB": a moment in the region's own time with its zone. */
export function formatRegionTime(iso: string | Date, regionCode: string | null | undefined, lang: 'id' | 'en' = 'id'): string {
  const zone = zoneOfRegion(regionCode);
  const text = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id-ID', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false, timeZone: zone.tz }).format(
    typeof iso === 'string' ? new Date(iso) : iso,
  );
  return `${text.replace(' pukul ', ' ').replace(' at ', ' ').replace(',', '')} ${zone.label}`;
}

const HOUR_MS = 3_600_000;
const toDate = (at: string | Date) => (typeof at === 'string' ? new Date(at) : at);

/** The region's calendar day of a moment, 'YYYY-MM-DD' (export file names, "today" on a document). */
export function regionDate(at: string | Date, regionCode: string | null | undefined): string {
  return new Date(toDate(at).getTime() + zoneOfRegion(regionCode).offsetHours * HOUR_MS).toISOString().slice(0, 10);
}

/** "2026-03-02 01.30 WITA": a sortable timestamp in the region's own time, for exported rows. */
export function formatRegionStamp(at: string | Date, regionCode: string | null | undefined): string {
  const zone = zoneOfRegion(regionCode);
  const local = new Date(toDate(at).getTime() + zone.offsetHours * HOUR_MS).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 13)}.${local.slice(14, 16)} ${zone.label}`;
}

/**
 * The UTC moment (ISO) a calendar day of the region begins: a date filter "from 2 March" in a
 * WITA region starts at 2026-03-01T16:00:00.000Z. `to` filters use the next day's start, exclusive.
 */
export function regionDayStart(day: string, regionCode: string | null | undefined): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) - zoneOfRegion(regionCode).offsetHours * HOUR_MS).toISOString();
}

/** The calendar day after `day` ('YYYY-MM-DD'). */
export function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + 24 * HOUR_MS).toISOString().slice(0, 10);
}
