/**
 * Post-build steps of the web UI, run by `vite build` itself (so `.ci/run`, `npm run build:web`
 * and the first `npm start` all get them):
 *
 * 1. the lean page of the citizen's survey form (vite.skm.config.ts) into the same dist/web;
 * 2. precompressed copies (.br and .gz, node:zlib) of every text asset, which @fastify/static
 *    serves with `preCompressed: true` to clients that accept them.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build, type Plugin } from 'vite';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|map|webmanifest)$/i;

export function afterSpaBuild(): Plugin {
  let outDir = '';
  return {
    name: 'serasan-after-spa-build',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      await build({ configFile: path.join(ROOT, 'vite.skm.config.ts'), logLevel: 'warn' });
      const n = precompress(outDir);
      console.log(`precompressed ${n} files (.br, .gz) in ${path.relative(ROOT, outDir)}`);
    },
  };
}

/** Writes file.br and file.gz beside each compressible file of 1 KB or more; returns the count. */
export function precompress(dir: string): number {
  let n = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      n += precompress(p);
      continue;
    }
    if (!COMPRESSIBLE.test(entry.name) || statSync(p).size < 1024) continue;
    const data = readFileSync(p);
    writeFileSync(`${p}.br`, brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } }));
    writeFileSync(`${p}.gz`, gzipSync(data, { level: 9 }));
    n++;
  }
  return n;
}
