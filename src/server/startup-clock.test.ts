import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT_DIR } from './config.ts';
import { clockStartingAt } from './lib/clock.ts';
import { createManualClock } from './lib/manual-clock.ts';
import { httpSession, spawnServer, type ServerProcess } from './testing/process.ts';

/**
 * SERASAN_CLOCK_START (tests, demos): the server's clock starts at the instant and runs on from
 * there; the operator is told at start; production refuses it.
 */
test('clockStartingAt starts at the instant and runs on at the pace of its base clock', () => {
  const base = createManualClock('2026-03-01T00:00:00.000Z');
  const clock = clockStartingAt('2026-12-20T03:00:00Z', base);
  assert.equal(clock.now().toISOString(), '2026-12-20T03:00:00.000Z');
  base.advance(90_000);
  assert.equal(clock.now().toISOString(), '2026-12-20T03:01:30.000Z');
  assert.throws(() => clockStartingAt('kemarin', base), /Invalid clock start/);
});

test('a running server (main.ts) keeps time from SERASAN_CLOCK_START and says so at start', { timeout: 180_000 }, async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'serasan-clock-'));
  let server: ServerProcess | undefined;
  try {
    const started = Date.now();
    server = await spawnServer({ SERASAN_DATA_DIR: dir, DATABASE_URL: '', SERASAN_JOBS: 'false', SERASAN_CLOCK_START: '2026-12-20T03:00:00Z' });
    // The session a sign-in opens is stamped by the server's clock, and its cookie expires 12 hours later by it.
    const t0 = Date.parse('2026-12-20T03:00:00Z');
    const within = (iso: string) => Date.parse(iso) >= t0 && Date.parse(iso) <= t0 + (Date.now() - started);
    const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'serasan-demo' }) });
    assert.equal(login.status, 200);
    const expires = /Expires=([^;]+)/i.exec(login.headers.getSetCookie().join('\n'))?.[1];
    assert.ok(expires && within(new Date(Date.parse(expires) - 12 * 3600_000).toISOString()), `cookie expires ${expires}`);
    const admin = await httpSession(server.url, 'admin');
    const sessions = await admin.call<{ items: Array<{ createdAt: string; lastSeenAt: string }> }>('GET', '/api/auth/sessions');
    assert.equal(sessions.status, 200);
    assert.equal(sessions.body.items.length, 2);
    for (const s of sessions.body.items) assert.ok(within(s.createdAt) && within(s.lastSeenAt), JSON.stringify(s));
    for (let i = 0; i < 50 && !/SERASAN_CLOCK_START/.test(server.output()); i++) await new Promise((r) => setTimeout(r, 100));
    assert.match(server.output(), /Jam server diatur oleh SERASAN_CLOCK_START: mulai 2026-12-20T03:00:00\.000Z/);
  } finally {
    await server?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
});

test('NODE_ENV=production refuses to start with SERASAN_CLOCK_START (exit 1, the reason printed)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'serasan-clock-prod-'));
  try {
    const res = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT_DIR, 'src/server/main.ts')], {
      cwd: ROOT_DIR,
      env: { ...process.env, NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40), SERASAN_DATA_DIR: dir, DATABASE_URL: '', SERASAN_SKIP_WEB_BUILD: 'true', PORT: '0', HOST: '127.0.0.1', SERASAN_CLOCK_START: '2026-12-20T03:00:00Z' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    assert.equal(res.status, 1, `${res.stdout}${res.stderr}`);
    assert.match(res.stderr, /SERASAN_CLOCK_START.*NODE_ENV=production/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
