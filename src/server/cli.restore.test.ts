import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { acquireServerLock, runningServerPid, SERVER_LOCK_FILE } from './lib/server-lock.ts';
import { spawnServer, type ServerProcess } from './testing/process.ts';

/** Issue 9, item 12: `restore` under a running server would be lost; it must refuse instead. */
const root = path.resolve(import.meta.dirname, '../..');
function cli(dataDir: string, ...args: string[]) {
  const res = spawnSync(process.execPath, ['--import', 'tsx', 'src/server/cli.ts', ...args], {
    cwd: root,
    env: { ...process.env, SERASAN_DATA_DIR: dataDir, DATABASE_URL: '' },
    encoding: 'utf8',
  });
  return { code: res.status, out: `${res.stdout}${res.stderr}` };
}
const nameOf = (dir: string) => {
  const db = new Database(path.join(dir, 'serasan.db'), { readonly: true });
  const row = db.prepare("select name from tenants where region_code = '16.71'").get() as { name: string } | undefined;
  db.close();
  return row?.name ?? null;
};

test('the server lock: written at start, names a live process, removed at stop, stale files ignored', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'serasan-lock-'));
  try {
    assert.equal(runningServerPid(dir), null);
    const release = acquireServerLock(dir);
    assert.ok(existsSync(path.join(dir, SERVER_LOCK_FILE)));
    assert.equal(runningServerPid(dir), process.pid);
    release();
    assert.equal(existsSync(path.join(dir, SERVER_LOCK_FILE)), false);
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    writeFileSync(path.join(dir, SERVER_LOCK_FILE), gone.stdout);
    assert.equal(runningServerPid(dir), null, 'a lock left by a killed server does not count');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('CLI restore refuses while a real server runs on the data directory, and works once it stopped', { timeout: 180_000 }, async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'serasan-restore-'));
  let server: ServerProcess | undefined;
  try {
    assert.equal(cli(dir, 'migrate').code, 0);
    assert.equal(cli(dir, 'tenant:create', '16.71').code, 0);
    const backup = path.join(dir, 'cadangan.db');
    assert.equal(cli(dir, 'backup', backup).code, 0);
    const live = new Database(path.join(dir, 'serasan.db'));
    live.prepare("update tenants set name = 'Sesudah Cadangan' where region_code = '16.71'").run();
    live.close();

    // The server itself (main.ts), not a stand-in: its start must write the lock.
    server = await spawnServer({ SERASAN_DATA_DIR: dir, DATABASE_URL: '', SERASAN_SEED_DEMO: 'false', SERASAN_JOBS: 'false' });
    assert.equal(runningServerPid(dir), server.child.pid);
    const refused = cli(dir, 'restore', backup);
    assert.equal(refused.code, 1, refused.out);
    assert.match(refused.out, /sedang berjalan/);
    assert.match(refused.out, new RegExp(`PID ${server.child.pid}\\b`));
    assert.equal(nameOf(dir), 'Sesudah Cadangan', 'nothing restored');

    // A normal stop removes the lock.
    await server.kill('SIGTERM');
    assert.equal(existsSync(path.join(dir, SERVER_LOCK_FILE)), false, 'the stopped server removed its lock');
    const ok = cli(dir, 'restore', backup);
    assert.equal(ok.code, 0, ok.out);
    assert.equal(nameOf(dir), 'Kota Palembang');
  } finally {
    await server?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
});
