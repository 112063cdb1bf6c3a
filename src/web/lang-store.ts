/**
 * Where the chosen language lives in the browser: localStorage, the `serasan_lang` cookie (the
 * server reads it) and <html lang>. Shared by the app's i18n and the lean survey form's stand-in.
 */
export type Lang = 'id' | 'en';
const STORAGE_KEY = 'serasan_lang';

export function storedLang(): Lang | null {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return v === 'en' || v === 'id' ? v : null;
  } catch {
    return null;
  }
}

/** Keep the language in the cookie and on <html>; with `store`, also in localStorage. */
export function rememberLang(lang: Lang, store: boolean): void {
  if (store) {
    try {
      localStorage.setItem(STORAGE_KEY, lang);
    } catch {
      /* private mode: the cookie still carries it */
    }
  }
  document.cookie = `serasan_lang=${lang}; path=/; max-age=31536000; SameSite=Lax`;
  document.documentElement.lang = lang;
}
