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
