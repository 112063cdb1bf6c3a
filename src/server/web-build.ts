import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { ROOT_DIR } from './config.ts';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** Build the SPA when dist/web is missing or older than its sources (first `npm start`). */
export function ensureWebBuilt(distDir: string, log: (msg: string) => void = console.log): void {
  const index = path.join(distDir, 'index.html');
  const sources = [path.join(ROOT_DIR, 'src', 'web'), path.join(ROOT_DIR, 'src', 'shared')];
  const srcTime = Math.max(...sources.filter(existsSync).map(newestMtime));
  if (existsSync(index) && statSync(index).mtimeMs >= srcTime) return;
  if (!existsSync(path.join(ROOT_DIR, 'src', 'web', 'index.html'))) return;
  log('Membangun antarmuka web (sekali saja, ±30 detik)…');
  const res = spawnSync(process.execPath, [path.join(ROOT_DIR, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: ROOT_DIR,
    stdio: 'inherit',
  });
  if (res.status !== 0) throw new Error('Building the web UI failed (vite build).');
}
