/**
 * The house rules of ARCHITECTURE.md ("Layers and rules"), held by dependency-cruiser
 * (.dependency-cruiser.cjs, `npm run depcheck`, also in .ci/run):
 * - the project passes every rule;
 * - each rule bites: a scratch tree that breaks it once is reported (so a rule whose path pattern
 *   silently matches nothing fails here);
 * - route files hold no query either through `deps.db` (an access no import graph can see).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const depcruise = path.join(root, 'node_modules', '.bin', 'depcruise');
const config = path.join(root, '.dependency-cruiser.cjs');

function cruise(cwd: string, target: string) {
  const res = spawnSync(depcruise, [target, '--config', config, '--output-type', 'err'], { cwd, encoding: 'utf8' });
  return { status: res.status, out: `${res.stdout}${res.stderr}` };
}

test('the project keeps every dependency rule (npm run depcheck)', () => {
  const { status, out } = cruise(root, 'src');
  assert.equal(status, 0, `dependency rules broken:\n${out}`);
});

test('each dependency rule reports a tree that breaks it', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'serasan-depcheck-'));
  try {
    const files: Record<string, string> = {
      'src/server/db/db.ts': 'export const db = 1;\n',
      'src/server/errors.ts': 'export const e = 1;\n',
      'src/server/modules/probe/probe.repo.ts': "import { db } from '../../db/db.ts';\nexport const r = db;\n",
      'src/server/modules/probe/probe.service.ts': 'export const s = 1;\n',
      // routes-no-db: a route file that imports the database layer and a repo.
      'src/server/modules/probe/probe.routes.ts': "import { db } from '../../db/db.ts';\nimport { r } from './probe.repo.ts';\nexport const x = [db, r];\n",
      // rules-pure: an engine that imports the server.
      'src/server/rules/probe/engine.ts': "import { e } from '../../errors.ts';\nexport const y = e;\n",
      // shared-not-server and web-not-server.
      'src/shared/probe.ts': "import { e } from '../server/errors.ts';\nexport const z = e;\n",
      'src/web/probe.tsx': "import { e } from '../server/errors.ts';\nexport const w = e;\n",
      // db-not-modules: the database layer importing a module.
      'src/server/db/seeds/probe.ts': "import { s } from '../../modules/probe/probe.service.ts';\nexport const v = s;\n",
      // no-cycles.
      'src/server/lib/a.ts': "import { b } from './b.ts';\nexport const a = () => b;\n",
      'src/server/lib/b.ts': "import { a } from './a.ts';\nexport const b = () => a;\n",
    };
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), text);
    }
    cpSync(path.join(root, 'tsconfig.json'), path.join(dir, 'tsconfig.json'));
    const { status, out } = cruise(dir, 'src');
    assert.notEqual(status, 0, out);
    const expected: Array<[string, RegExp]> = [
      ['routes-no-db', /routes-no-db: src\/server\/modules\/probe\/probe\.routes\.ts → src\/server\/db\/db\.ts/],
      ['routes-no-db (repo)', /routes-no-db: src\/server\/modules\/probe\/probe\.routes\.ts → src\/server\/modules\/probe\/probe\.repo\.ts/],
      ['rules-pure', /rules-pure: src\/server\/rules\/probe\/engine\.ts → src\/server\/errors\.ts/],
      ['shared-not-server', /shared-not-server: src\/shared\/probe\.ts → src\/server\/errors\.ts/],
      ['web-not-server', /web-not-server: src\/web\/probe\.tsx → src\/server\/errors\.ts/],
      ['db-not-modules', /db-not-modules: src\/server\/db\/seeds\/probe\.ts → src\/server\/modules\/probe\/probe\.service\.ts/],
      ['no-cycles', /no-cycles: src\/server\/lib\/(a|b)\.ts →\s+src\/server\/lib\/(a|b)\.ts/],
    ];
    for (const [rule, re] of expected) assert.match(out, re, `${rule} not reported:\n${out}`);
    // The well-behaved files of the scratch tree are not reported.
    assert.doesNotMatch(out, /probe\.repo\.ts →/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('route files reach the database only through services (no deps.db, no query builder)', () => {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d)) {
      const p = path.join(d, entry);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.routes\.ts$/.test(entry)) {
        readFileSync(p, 'utf8')
          .split('\n')
          .forEach((line, i) => {
            if (/\bdeps\.db\b|\{[^}]*\bdb\b[^}]*\}\s*=\s*deps|\.(selectFrom|insertInto|updateTable|deleteFrom)\(|\bsql`/.test(line)) {
              found.push(`${path.relative(root, p)}:${i + 1}: ${line.trim()}`);
            }
          });
      }
    }
  };
  walk(path.join(root, 'src', 'server'));
  assert.deepEqual(found, [], `queries in route files (move them to the module's repo, called by its service):\n${found.join('\n')}`);
});
