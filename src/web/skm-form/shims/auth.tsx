/** `auth/AuthProvider.tsx` for the lean survey-form build: no session on the citizen's form. */
import { applyLang, type Lang } from './i18n.ts';

export function useAuth(): { setLanguage(lang: Lang): void } {
  return { setLanguage: applyLang };
}
