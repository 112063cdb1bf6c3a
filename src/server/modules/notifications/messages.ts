import { interpolate, lookup, type Lang } from '../../../shared/i18n/translate.ts';
import { notifyId } from '../../../shared/i18n/notify.id.ts';
import { notifyEn } from '../../../shared/i18n/notify.en.ts';

const catalogs: Record<Lang, unknown> = { id: notifyId, en: notifyEn };

/** Whether a message key has a title and a body in the source catalog (checked when notifying). */
export function isKnownMessage(key: string): boolean {
  return lookup(notifyId, `${key}.title`) !== undefined && lookup(notifyId, `${key}.body`) !== undefined;
}

/**
 * A notification text in the language. Params are record data (names of surveys, units), so an
 * "@" at their start is kept as written, not read as a catalog reference.
 */
export function renderText(lang: Lang, key: string, params: Record<string, unknown>): string | undefined {
  const template = lookup(catalogs[lang], key) ?? lookup(catalogs.id, key);
  return template === undefined ? undefined : interpolate(lang, template, params, false);
}

export interface RenderedMessage {
  title: string;
  body: string;
  share: string | null;
}

export function renderMessage(lang: Lang, key: string, params: Record<string, unknown>, url: string): RenderedMessage {
  const p = { ...params, url };
  return {
    title: renderText(lang, `${key}.title`, p) ?? key,
    body: renderText(lang, `${key}.body`, p) ?? '',
    share: renderText(lang, `${key}.share`, p) ?? null,
  };
}
