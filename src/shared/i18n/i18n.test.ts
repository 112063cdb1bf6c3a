import { test } from 'node:test';
import assert from 'node:assert/strict';
import { coreId } from './core.id.ts';
import { coreEn } from './core.en.ts';
import { pickLang, translate } from './translate.ts';

function keys(tree: unknown, prefix = ''): string[] {
  return Object.entries(tree as Record<string, unknown>).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`),
  );
}

function params(s: string) {
  return [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
}

test('the English core catalog has exactly the keys of the Indonesian source, with the same parameters', () => {
  assert.deepEqual(keys(coreEn).sort(), keys(coreId).sort());
  for (const k of keys(coreId)) {
    assert.deepEqual(params(translate('en', k)), params(translate('id', k)), k);
  }
});

test('the web catalogs have the same keys in both languages', async () => {
  const idMod = await import('./web.id.ts').catch(() => null);
  const enMod = await import('./web.en.ts').catch(() => null);
  assert.ok(idMod && enMod, 'web catalogs exist');
  assert.deepEqual(keys(enMod.webEn).sort(), keys(idMod.webId).sort());
});

test('the SKM web catalogs have the same keys in both languages', async () => {
  const { webSkmId } = await import('./web-skm.id.ts');
  const { webSkmEn } = await import('./web-skm.en.ts');
  assert.deepEqual(keys(webSkmEn).sort(), keys(webSkmId).sort());
});

test('the KIPP web catalogs have the same keys in both languages', async () => {
  const { webKippId } = await import('./web-kipp.id.ts');
  const { webKippEn } = await import('./web-kipp.en.ts');
  assert.deepEqual(keys(webKippEn).sort(), keys(webKippId).sort());
});

test('the official documents web catalogs have the same keys in both languages', async () => {
  const { webDocsId } = await import('./web-docs.id.ts');
  const { webDocsEn } = await import('./web-docs.en.ts');
  assert.deepEqual(keys(webDocsEn).sort(), keys(webDocsId).sort());
});

test('the workflow web catalogs have the same keys in both languages', async () => {
  const { webFlowId } = await import('./web-flow.id.ts');
  const { webFlowEn } = await import('./web-flow.en.ts');
  assert.deepEqual(keys(webFlowEn).sort(), keys(webFlowId).sort());
});

test('the assessment web catalogs have the same keys in both languages', async () => {
  const { webAssessmentId } = await import('./web-assessment.id.ts');
  const { webAssessmentEn } = await import('./web-assessment.en.ts');
  assert.deepEqual(keys(webAssessmentEn).sort(), keys(webAssessmentId).sort());
});

test('translate interpolates parameters and translates @-references', () => {
  assert.equal(translate('id', 'errors.notFound', { entity: '@entities.person' }), 'Pegawai tidak ditemukan.');
  assert.equal(translate('en', 'errors.notFound', { entity: '@entities.person' }), 'Person not found.');
});

test('dates in messages are written out in the language', () => {
  assert.match(translate('id', 'errors.definitiveTaken', { name: 'A', since: '#date:2025-01-02' }), /sejak 2 Januari 2025/);
  assert.match(translate('en', 'errors.definitiveTaken', { name: 'A', since: '#date:2025-01-02' }), /since 2 January 2025/);
});

test('language choice: cookie, then Accept-Language, then the saved choice, then Indonesian', () => {
  assert.equal(pickLang(undefined), 'id');
  assert.equal(pickLang('en-US,en;q=0.9'), 'en');
  assert.equal(pickLang('en-US', 'id'), 'id');
  assert.equal(pickLang('fr-FR', undefined, 'en'), 'en');
  assert.equal(pickLang('id-ID,id;q=0.9,en;q=0.8', undefined, 'en'), 'id');
});

test('the notification catalogs have the same keys and parameters in both languages', async () => {
  const { notifyId } = await import('./notify.id.ts');
  const { notifyEn } = await import('./notify.en.ts');
  assert.deepEqual(keys(notifyEn).sort(), keys(notifyId).sort());
  const at = (tree: unknown, k: string) => k.split('.').reduce((n: any, p) => n[p], tree) as string;
  for (const k of keys(notifyId)) assert.deepEqual(params(at(notifyEn, k)), params(at(notifyId, k)), k);
});

test('the notification web catalogs have the same keys in both languages', async () => {
  const { webNotifyId } = await import('./web-notify.id.ts');
  const { webNotifyEn } = await import('./web-notify.en.ts');
  assert.deepEqual(keys(webNotifyEn).sort(), keys(webNotifyId).sort());
});

test('the search web catalogs have the same keys and parameters in both languages', async () => {
  const { webSearchId } = await import('./web-search.id.ts');
  const { webSearchEn } = await import('./web-search.en.ts');
  assert.deepEqual(keys(webSearchEn).sort(), keys(webSearchId).sort());
  assert.deepEqual(webSearchEn.search.sharedWords.match(/\{\{\w+\}\}/g), webSearchId.search.sharedWords.match(/\{\{\w+\}\}/g));
});

test('the list component catalogs have the same keys in both languages', async () => {
  const { webListId } = await import('./web-list.id.ts');
  const { webListEn } = await import('./web-list.en.ts');
  assert.deepEqual(keys(webListEn).sort(), keys(webListId).sort());
});

test('the import, history and competition web catalogs have the same keys and parameters in both languages', async () => {
  const { webImportId } = await import('./web-import.id.ts');
  const { webImportEn } = await import('./web-import.en.ts');
  assert.deepEqual(keys(webImportEn).sort(), keys(webImportId).sort());
  const at = (tree: unknown, k: string) => k.split('.').reduce((n: any, p) => n[p], tree) as string;
  for (const k of keys(webImportId)) assert.deepEqual(params(at(webImportEn, k)), params(at(webImportId, k)), k);
});

test('the public-pages and edges web catalogs have the same keys and parameters in both languages', async () => {
  const { webEdgesId } = await import('./web-edges.id.ts');
  const { webEdgesEn } = await import('./web-edges.en.ts');
  assert.deepEqual(keys(webEdgesEn).sort(), keys(webEdgesId).sort());
  const at = (tree: unknown, k: string) => k.split('.').reduce((n: any, p) => n[p], tree) as string;
  for (const k of keys(webEdgesId)) assert.deepEqual(params(at(webEdgesEn, k)), params(at(webEdgesId, k)), k);
});
