import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';

const root = path.resolve(import.meta.dirname, '../..');
function cli(dataDir: string, ...args: string[]) {
  return cliWith({}, dataDir, ...args);
}
function cliWith(env: Record<string, string>, dataDir: string, ...args: string[]) {
  const res = spawnSync(process.execPath, ['--import', 'tsx', 'src/server/cli.ts', ...args], {
    cwd: root,
    env: { ...process.env, SERASAN_DATA_DIR: dataDir, DATABASE_URL: '', ...env },
    encoding: 'utf8',
  });
  return { code: res.status, out: `${res.stdout}${res.stderr}` };
}

test('CLI: migrate, seed-demo, tenant:create, user:create, backup and restore on SQLite', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'serasan-cli-'));
  try {
    assert.equal(cli(dir, 'migrate').code, 0);
    const seed = cli(dir, 'seed-demo');
    assert.equal(seed.code, 0, seed.out);
    assert.match(seed.out, /Muara Enim/);
    const t = cli(dir, 'tenant:create', '16.71');
    assert.equal(t.code, 0, t.out);
    assert.match(t.out, /Kota Palembang/);
    const dup = cli(dir, 'tenant:create', '16.71');
    assert.equal(dup.code, 1);
    assert.match(dup.out, /sudah memiliki ruang kerja/);
    const u = cli(dir, 'user:create', '--tenant', '16.71', '--username', 'admin.plg', '--name', 'Admin Palembang', '--role', 'admin');
    assert.equal(u.code, 0, u.out);
    assert.match(u.out, /Kata sandi sementara/);
    const badRole = cli(dir, 'user:create', '--tenant', '16.71', '--username', 'x.plg', '--name', 'X Y', '--role', 'raja');
    assert.equal(badRole.code, 1);

    const backup = path.join(dir, 'cadangan.db');
    assert.equal(cli(dir, 'backup', backup).code, 0);
    assert.ok(existsSync(backup));
    // Change the live database, then restore and find the state of the backup.
    const live = new Database(path.join(dir, 'serasan.db'));
    live.prepare("update users set name = 'Sesudah Cadangan' where username = 'admin.plg'").run();
    live.close();
    const r = cli(dir, 'restore', backup);
    assert.equal(r.code, 0, r.out);
    const restored = new Database(path.join(dir, 'serasan.db'), { readonly: true });
    const row = restored.prepare("select name from users where username = 'admin.plg'").get() as { name: string };
    restored.close();
    assert.equal(row.name, 'Admin Palembang');
    assert.equal(cli(dir, 'restore', path.join(dir, 'tidak-ada.db')).code, 1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('CLI: SERASAN_CLOCK_START sets the CLI’s clock as the server’s (the demo is seeded on that day)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'serasan-cli-clock-'));
  try {
    assert.equal(cli(dir, 'migrate').code, 0);
    const seed = cliWith({ SERASAN_CLOCK_START: '2031-03-10T03:00:00Z', SERASAN_SEED_DEMO_SAKIP: 'true' }, dir, 'seed-demo');
    assert.equal(seed.code, 0, seed.out);
    const db = new Database(path.join(dir, 'serasan.db'), { readonly: true });
    const years = db.prepare('select distinct year from pk_agreements').all() as Array<{ year: number }>;
    const created = db.prepare('select min(created_at) as at from tenants').get() as { at: string };
    db.close();
    assert.deepEqual(years.map((y) => y.year), [2031], 'the demo PKs are of the clock’s year');
    assert.match(created.at, /^2031-03-10/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
