import { formatDate, type Lang } from '../../../shared/i18n/translate.ts';
import { notifyId } from '../../../shared/i18n/notify.id.ts';
import { notifyEn } from '../../../shared/i18n/notify.en.ts';

const catalogs: Record<Lang, unknown> = { id: notifyId, en: notifyEn };

function lookup(tree: unknown, key: string): string | undefined {
  let node: unknown = tree;
  for (const part of key.split('.')) {
    if (node && typeof node === 'object' && part in (node as Record<string, unknown>)) node = (node as Record<string, unknown>)[part];
    else return undefined;
  }
  return typeof node === 'string' ? node : undefined;
}

/** Whether a message key has a title and a body in the source catalog (checked when notifying). */
export function isKnownMessage(key: string): boolean {
  return lookup(notifyId, `${key}.title`) !== undefined && lookup(notifyId, `${key}.body`) !== undefined;
}

/** {{param}} interpolation; "#date:YYYY-MM-DD" params are written out in the language. */
export function renderText(lang: Lang, key: string, params: Record<string, unknown>): string | undefined {
  const template = lookup(catalogs[lang], key) ?? lookup(catalogs.id, key);
  if (template === undefined) return undefined;
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const v = params[name];
    if (typeof v === 'string' && v.startsWith('#date:')) return formatDate(lang, v.slice(6));
    return v === undefined || v === null ? '' : String(v);
  });
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
