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
}

const WITA = new Set(['51', '52', '53', '63', '64', '65', '71', '72', '73', '74', '75', '76']);
const WIT = new Set(['81', '82', '91', '92', '93', '94', '95', '96']);

export function zoneOfRegion(regionCode: string | null | undefined): RegionZone {
  const province = (regionCode ?? '').slice(0, 2);
  if (WIT.has(province)) return { tz: 'Asia/Jayapura', label: 'WIT' };
  if (WITA.has(province)) return { tz: 'Asia/Makassar', label: 'WITA' };
  return { tz: 'Asia/Jakarta', label: 'WIB' };
}

/** "30 November 2026 16.05 WIB": a moment in the region's own time with its zone. */
export function formatRegionTime(iso: string | Date, regionCode: string | null | undefined, lang: 'id' | 'en' = 'id'): string {
  const zone = zoneOfRegion(regionCode);
  const text = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id-ID', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false, timeZone: zone.tz }).format(
    typeof iso === 'string' ? new Date(iso) : iso,
  );
  return `${text.replace(' pukul ', ' ').replace(' at ', ' ').replace(',', '')} ${zone.label}`;
}
