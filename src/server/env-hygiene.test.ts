import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ROOT_DIR } from './config.ts';

/**
 * ARCHITECTURE.md: config.ts is the only reader of environment variables; everything else gets a
 * Config (so tests inject settings instead of changing process.env). Test code and the test
 * harness are exempt.
 */
function sources(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const p = path.join(dir, entry);
    if (statSync(p).isDirectory()) out.push(...sources(p));
    else if (/\.tsx?$/.test(entry)) out.push(p);
  }
  return out;
}

test('process.env is read only in config.ts (tests and the test harness aside)', () => {
  const exempt = (f: string) =>
    f.endsWith('.test.ts') || f.includes(`${path.sep}testing${path.sep}`) || f === path.join(ROOT_DIR, 'src', 'server', 'config.ts');
  const offenders = sources(path.join(ROOT_DIR, 'src'))
    .filter((f) => !exempt(f))
    .filter((f) => /process\.env\b/.test(readFileSync(f, 'utf8')))
    .map((f) => path.relative(ROOT_DIR, f));
  assert.deepEqual(offenders, []);
});
