/**
 * The house rules of ARCHITECTURE.md ("Layers and rules"), held by dependency-cruiser
 * (.dependency-cruiser.cjs, `npm run depcheck`, also in .ci/run):
 * - the project passes every rule;
 * - each rule bites: a scratch tree that breaks it once is reported (so a rule whose path pattern
 *   silently matches nothing fails here);
 * - route files hold no query either through `deps.db` (an access no import graph can see);
 * - services hold no query either: Kysely lives in `<domain>.repo.ts` (a list of files still
 *   pending, each with its reason, that can only shrink).
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

/** A Kysely query written in place: a query builder call or a raw `sql` fragment. */
const QUERY = /\.(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto|selectNoFrom)\(|\bsql(<[^>]*>)?(`|\.(raw|join|ref|lit|id|val|table)\b)/;

/**
 * Files that still query in place, each with its reason: by design, or not moved yet. The list
 * can only shrink: a file that no longer queries must leave it (checked below).
 */
const QUERYING_IN_PLACE: Record<string, string> = {
  'src/server/modules/audit/audit.writer.ts': 'by design: the audit writer is the audit log\'s write side (one insert inside every writeWithAudit transaction)',
  'src/server/modules/audit/audit.labels.ts': 'by design: the history\'s record-name lookups, read-side data access of the audit module (tenantId explicit, like a repo)',
};

/**
 * The files that must not query: every service (`*.service.ts`, also outside modules/, e.g. the
 * jobs admin and the official documents kit) and every other non-repo file of a module (helpers
 * such as the sign-in throttle, the position holder, jobs and documents of a module).
 */
function serviceFiles(): string[] {
  const out = new Set<string>();
  const walk = (d: string, pick: (name: string) => boolean) => {
    for (const entry of readdirSync(d)) {
      const p = path.join(d, entry);
      if (statSync(p).isDirectory()) walk(p, pick);
      else if (pick(entry)) out.add(path.relative(root, p));
    }
  };
  walk(path.join(root, 'src', 'server'), (name) => /\.service\.ts$/.test(name));
  walk(path.join(root, 'src', 'server', 'modules'), (name) => /\.ts$/.test(name) && !/\.(repo|routes|test)\.ts$/.test(name));
  return [...out].sort();
}

function queriesIn(text: string): string[] {
  return text
    .split('\n')
    .map((line, i) => [i + 1, line] as const)
    .filter(([, line]) => QUERY.test(line) && !/^\s*(\/\/|\*)/.test(line))
    .map(([n, line]) => `${n}: ${line.trim()}`);
}

test('services and module helpers reach the database only through their repo (no query builder, no raw sql)', () => {
  const files = serviceFiles();
  assert.ok(files.length >= 40, `too few files found (${files.length}): the walk is broken`);
  for (const f of ['src/server/modules/auth/login-throttle.ts', 'src/server/modules/org/holder.ts', 'src/server/jobs/jobs.service.ts', 'src/server/documents/official/official.service.ts']) {
    assert.ok(files.includes(f), `${f} is not checked`);
  }
  const found: string[] = [];
  for (const file of files) {
    if (file in QUERYING_IN_PLACE) continue;
    for (const hit of queriesIn(readFileSync(path.join(root, file), 'utf8'))) found.push(`${file}:${hit}`);
  }
  assert.deepEqual(found, [], `queries in service files (move them to the module's <domain>.repo.ts, tenantId explicit):\n${found.join('\n')}`);
});

test('the list of files still querying in place only shrinks', () => {
  for (const [file, reason] of Object.entries(QUERYING_IN_PLACE)) {
    assert.ok(reason.length > 20, `${file}: say why it is still pending`);
    const text = readFileSync(path.join(root, file), 'utf8');
    assert.notDeepEqual(queriesIn(text), [], `${file} no longer queries in place: remove it from QUERYING_IN_PLACE so the rule holds it`);
  }
});

test('the service rule recognises a query and lets a repo call pass', () => {
  assert.equal(queriesIn("    const row = await db.selectFrom('units').selectAll().executeTakeFirst();").length, 1);
  assert.equal(queriesIn('    await tx\n      .updateTable(\'units\')\n      .set({ name })').length, 1);
  assert.equal(queriesIn('  const n = sql<number>`count(*)`;').length, 1);
  assert.equal(queriesIn("  const q = sql.join(parts, sql` `);").length, 1);
  assert.deepEqual(queriesIn("    const unit = await repo.findUnit(db, actor.tenantId, id);\n    // a comment about .selectFrom('units')"), []);
});
