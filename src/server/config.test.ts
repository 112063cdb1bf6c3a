import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_SESSION_SECRET, loadConfig } from './config.ts';

test('NODE_ENV=production refuses to start with the default or a short session secret', () => {
  assert.throws(() => loadConfig({ NODE_ENV: 'production' }), /SESSION_SECRET/);
  assert.throws(() => loadConfig({ NODE_ENV: 'production', SESSION_SECRET: DEFAULT_SESSION_SECRET }), /SESSION_SECRET/);
  assert.throws(() => loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'short' }), /SESSION_SECRET/);
  const ok = loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40) });
  assert.equal(ok.isProduction, true);
});

test('configuration comes from environment variables with sensible defaults', () => {
  const c = loadConfig({ PORT: '8080', SERASAN_DATA_DIR: '/tmp/serasan-x', DATABASE_URL: 'postgres://u@h/db' });
  assert.equal(c.port, 8080);
  assert.equal(c.dataDir, '/tmp/serasan-x');
  assert.equal(c.databaseUrl, 'postgres://u@h/db');
  const d = loadConfig({});
  assert.equal(d.port, 3000);
  assert.match(d.dataDir, /data$/);
  assert.equal(d.databaseUrl, undefined);
  assert.throws(() => loadConfig({ PORT: 'tiga ribu' }), /Invalid integer/);
});

test('SERASAN_CLOCK_START: an ISO instant with its zone, normalised to UTC; unset by default; refused in production', () => {
  assert.equal(loadConfig({}).clockStart, undefined);
  assert.equal(loadConfig({ SERASAN_CLOCK_START: '' }).clockStart, undefined);
  assert.equal(loadConfig({ SERASAN_CLOCK_START: '2026-12-20T03:00:00Z' }).clockStart, '2026-12-20T03:00:00.000Z');
  assert.equal(loadConfig({ SERASAN_CLOCK_START: '2026-12-20T10:00+07:00' }).clockStart, '2026-12-20T03:00:00.000Z', 'WIB written out');
  for (const bad of ['2026-12-20', '2026-12-20T03:00:00', 'besok', '2026-02-30T03:00:00Z', '2026-13-01T00:00:00Z']) {
    assert.throws(() => loadConfig({ SERASAN_CLOCK_START: bad }), /SERASAN_CLOCK_START/, bad);
  }
  assert.throws(() => loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40), SERASAN_CLOCK_START: '2026-12-20T03:00:00Z' }), /SERASAN_CLOCK_START.*production/);
});
