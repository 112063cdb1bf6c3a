import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { afterSpaBuild } from './scripts/web-post-build.ts';

// The SPA lives in src/web and is served by the Fastify server from dist/web.
export default defineConfig({
  root: 'src/web',
  base: '/',
  // After the SPA: the lean survey-form page (vite.skm.config.ts), then .br/.gz of every asset.
  plugins: [react(), afterSpaBuild()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      output: {
        // Keep the big, rarely-changing libraries in their own cacheable chunks (slow connections).
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/ },
            { name: 'mantine', test: /node_modules[\\/]@mantine[\\/](?!charts[\\/])/ },
            { name: 'i18n', test: /node_modules[\\/](i18next|react-i18next)[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
});
