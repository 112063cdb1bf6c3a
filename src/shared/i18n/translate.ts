import { coreId } from './core.id.ts';
import { coreEn } from './core.en.ts';

export type Lang = 'id' | 'en';
export const LANGS: Lang[] = ['id', 'en'];

const catalogs: Record<Lang, unknown> = { id: coreId, en: coreEn };

/** The string at a dotted key of a catalog tree, if there is one. */
export function lookup(tree: unknown, key: string): string | undefined {
  let node: unknown = tree;
  for (const part of key.split('.')) {
    if (node && typeof node === 'object' && part in (node as Record<string, unknown>)) {
      node = (node as Record<string, unknown>)[part];
    } else return undefined;
  }
  return typeof node === 'string' ? node : undefined;
}

/** "2025-01-02" → "2 Januari 2025" (id) / "2 January 2025" (en). */
export function formatDate(lang: Lang, isoDate: string): string {
  const d = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return isoDate;
  return new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(d);
}

/**
 * i18next-compatible {{param}} interpolation: "#date:YYYY-MM-DD" params are written out in the
 * language; with `refs`, "@key" params are translated from the core catalog.
 */
export function interpolate(lang: Lang, template: string, params: Record<string, unknown>, refs = true): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const v = params[name];
    if (refs && typeof v === 'string' && v.startsWith('@')) return translate(lang, v.slice(1));
    if (typeof v === 'string' && v.startsWith('#date:')) return formatDate(lang, v.slice(6));
    return v === undefined || v === null ? '' : String(v);
  });
}

/** A server-side message from the core catalog in the language (Indonesian as fallback). */
export function translate(lang: Lang, key: string, params: Record<string, unknown> = {}): string {
  return interpolate(lang, lookup(catalogs[lang], key) ?? lookup(catalogs.id, key) ?? key, params);
}

/**
 * Language of a request: the UI's cookie (the SPA always sets it) wins, then an explicit
 * Accept-Language of an API client, then the user's saved choice, then Indonesian.
 */
export function pickLang(header: string | undefined, cookie?: string | undefined, userLocale?: string | null): Lang {
  if (cookie === 'en' || cookie === 'id') return cookie;
  for (const part of (header ?? '').split(',')) {
    const tag = part.trim().slice(0, 2).toLowerCase();
    if (tag === 'id' || tag === 'in') return 'id';
    if (tag === 'en') return 'en';
  }
  return userLocale === 'en' ? 'en' : 'id';
}
