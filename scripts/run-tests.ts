/**
 * The whole test suite: node:test over an explicit file list (Node 20 does not discover .ts
 * files). Unit and API tests beside the code (src/**\/*.test.ts), browser journeys in e2e/.
 * Usage: npm test [-- --only-unit | --only-e2e]
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

const root = path.resolve(import.meta.dirname, '..');
function find(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    const p = path.join(dir, entry);
    if (statSync(p).isDirectory()) out.push(...find(p));
    else if (entry.endsWith('.test.ts')) out.push(path.relative(root, p));
  }
  return out.sort();
}
const args = process.argv.slice(2);
let files = [...find(path.join(root, 'src')), ...find(path.join(root, 'e2e'))];
if (args.includes('--only-unit')) files = files.filter((f) => !f.startsWith('e2e'));
if (args.includes('--only-e2e')) files = files.filter((f) => f.startsWith('e2e'));
// Any number of filters: a file runs when its path contains one of them.
const filters = args.filter((a) => !a.startsWith('--'));
if (filters.length) files = files.filter((f) => filters.some((x) => f.includes(x)));
if (files.length === 0) {
  console.error('No test files found.');
  process.exit(1);
}
const res = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=2', ...files],
  { cwd: root, stdio: 'inherit', env: { ...process.env, SERASAN_LOG: 'false' } },
);
process.exit(res.status ?? 1);
