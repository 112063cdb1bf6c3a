/**
 * i18next for the SPA: core catalog (server messages, enum labels) + web catalog (UI text).
 * Indonesian is the source and the default; the choice is kept in localStorage and in the
 * `serasan_lang` cookie so the server answers errors in the same language.
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { coreId } from '../shared/i18n/core.id.ts';
import { coreEn } from '../shared/i18n/core.en.ts';
import { webId } from '../shared/i18n/web.id.ts';
import { webEn } from '../shared/i18n/web.en.ts';
import { webSkmId } from '../shared/i18n/web-skm.id.ts';
import { webSkmEn } from '../shared/i18n/web-skm.en.ts';
import { webKippId } from '../shared/i18n/web-kipp.id.ts';
import { webKippEn } from '../shared/i18n/web-kipp.en.ts';
import { webDocsId } from '../shared/i18n/web-docs.id.ts';
import { webDocsEn } from '../shared/i18n/web-docs.en.ts';
import { webFlowId } from '../shared/i18n/web-flow.id.ts';
import { webFlowEn } from '../shared/i18n/web-flow.en.ts';
import { webAssessmentId } from '../shared/i18n/web-assessment.id.ts';
import { webAssessmentEn } from '../shared/i18n/web-assessment.en.ts';
import { webNotifyId } from '../shared/i18n/web-notify.id.ts';
import { webNotifyEn } from '../shared/i18n/web-notify.en.ts';
import { webSearchId } from '../shared/i18n/web-search.id.ts';
import { webSearchEn } from '../shared/i18n/web-search.en.ts';
import { webListId } from '../shared/i18n/web-list.id.ts';
import { webListEn } from '../shared/i18n/web-list.en.ts';
import { webImportId } from '../shared/i18n/web-import.id.ts';
import { webImportEn } from '../shared/i18n/web-import.en.ts';
import { webEdgesId } from '../shared/i18n/web-edges.id.ts';
import { webEdgesEn } from '../shared/i18n/web-edges.en.ts';
import { webSakipId } from '../shared/i18n/web-sakip.id.ts';
import { webSakipEn } from '../shared/i18n/web-sakip.en.ts';
import { webSakipRealId } from '../shared/i18n/web-sakip-real.id.ts';
import { webSakipRealEn } from '../shared/i18n/web-sakip-real.en.ts';
import { webSakipRecapId } from '../shared/i18n/web-sakip-recap.id.ts';
import { webSakipRecapEn } from '../shared/i18n/web-sakip-recap.en.ts';
import { webSakipEvalId } from '../shared/i18n/web-sakip-eval.id.ts';
import { webSakipEvalEn } from '../shared/i18n/web-sakip-eval.en.ts';
import { webSakipPlanId } from '../shared/i18n/web-sakip-plan.id.ts';
import { webSakipPlanEn } from '../shared/i18n/web-sakip-plan.en.ts';
import { webSakipPkId } from '../shared/i18n/web-sakip-pk.id.ts';
import { webSakipPkEn } from '../shared/i18n/web-sakip-pk.en.ts';

import { rememberLang, storedLang, type Lang } from './lang-store.ts';

export { storedLang, type Lang };

/** Apply a language locally (i18next, <html lang>, storage, cookie). */
export function applyLang(lang: Lang): void {
  rememberLang(lang, true);
  if (i18n.language !== lang) void i18n.changeLanguage(lang);
}

const initial: Lang = storedLang() ?? 'id';

void i18n.use(initReactI18next).init({
  resources: {
    id: { translation: { ...coreId, ...webId, ...webSkmId, ...webKippId, ...webDocsId, ...webFlowId, ...webAssessmentId, ...webNotifyId, ...webSearchId, ...webListId, ...webImportId, ...webEdgesId, ...webSakipId, ...webSakipRealId, ...webSakipRecapId, ...webSakipEvalId, ...webSakipPlanId, ...webSakipPkId } },
    en: { translation: { ...coreEn, ...webEn, ...webSkmEn, ...webKippEn, ...webDocsEn, ...webFlowEn, ...webAssessmentEn, ...webNotifyEn, ...webSearchEn, ...webListEn, ...webImportEn, ...webEdgesEn, ...webSakipEn, ...webSakipRealEn, ...webSakipRecapEn, ...webSakipEvalEn, ...webSakipPlanEn, ...webSakipPkEn } },
  },
  lng: initial,
  fallbackLng: 'id',
  interpolation: { escapeValue: false },
  returnNull: false,
});
rememberLang(initial, false);

export function currentLang(): Lang {
  return i18n.language === 'en' ? 'en' : 'id';
}

export default i18n;
