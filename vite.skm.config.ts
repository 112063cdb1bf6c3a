import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { coreId } from './src/shared/i18n/core.id.ts';
import { coreEn } from './src/shared/i18n/core.en.ts';
import { webId } from './src/shared/i18n/web.id.ts';
import { webEn } from './src/shared/i18n/web.en.ts';
import { webSkmId } from './src/shared/i18n/web-skm.id.ts';
import { webSkmEn } from './src/shared/i18n/web-skm.en.ts';

/**
 * The citizen's survey form (/skm/{kode}) as a page of its own: built after the SPA into the
 * same dist/web (skm-form.html + its own hashed assets), sharing no chunk with the app so a phone
 * never loads the app's Mantine/router/pages. Run by the SPA build (vite.config.ts), not alone.
 */
const dir = path.dirname(fileURLToPath(import.meta.url));
const web = path.join(dir, 'src', 'web');
const shims: Record<string, string> = {
  [path.join(web, 'i18n.ts')]: path.join(web, 'skm-form', 'shims', 'i18n.ts'),
  [path.join(web, 'auth', 'AuthProvider.tsx')]: path.join(web, 'skm-form', 'shims', 'auth.tsx'),
  // The same button without the Tooltip (its label is the aria-label and title): no floating-ui.
  [path.join(web, 'components', 'LangSwitch.tsx')]: path.join(web, 'skm-form', 'shims', 'LangSwitch.tsx'),
};

/** The catalog sections the form reads (web: app, lang, common; core: errors; all of skm). */
const CATALOG_PREFIX = 'virtual:skm-form-catalog/';
const catalogs = {
  id: { app: webId.app, lang: webId.lang, common: webId.common, errors: coreId.errors, ...webSkmId },
  en: { app: webEn.app, lang: webEn.lang, common: webEn.common, errors: coreEn.errors, ...webSkmEn },
};

function leanShims(): Plugin {
  return {
    name: 'serasan-skm-form-shims',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (source.startsWith(CATALOG_PREFIX)) return `\0${source}`;
      if (source === 'react-router') return path.join(web, 'skm-form', 'shims', 'react-router.tsx');
      if (!importer || !source.startsWith('.')) return null;
      const target = shims[path.resolve(path.dirname(importer), source)];
      return target ?? (await this.resolve(source, importer, { ...options, skipSelf: true }));
    },
    load(id) {
      if (!id.startsWith(`\0${CATALOG_PREFIX}`)) return null;
      const lang = id.slice(CATALOG_PREFIX.length + 1) as keyof typeof catalogs;
      return `export default ${JSON.stringify(catalogs[lang])};`;
    },
  };
}

export default defineConfig({
  root: 'src/web',
  base: '/',
  plugins: [leanShims(), react()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: false,
    rolldownOptions: { input: { 'skm-form': path.join(web, 'skm-form.html') } },
  },
});
