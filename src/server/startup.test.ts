import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from './config.ts';
import { bootstrap } from './bootstrap.ts';
import { isLoopbackHost, startupNotices } from './startup-notices.ts';
import pg from 'pg';
import { createTestRuntime, PG_URL, testDialects } from './testing/harness.ts';

const SECRET = 'x'.repeat(40);

test('production never seeds demo users unless SERASAN_SEED_DEMO=true', () => {
  assert.equal(loadConfig({ NODE_ENV: 'production', SESSION_SECRET: SECRET }).seedDemo, false);
  assert.equal(loadConfig({ NODE_ENV: 'production', SESSION_SECRET: SECRET, SERASAN_SEED_DEMO: 'yes' }).seedDemo, false, 'only the exact value true');
  assert.equal(loadConfig({ NODE_ENV: 'production', SESSION_SECRET: SECRET, SERASAN_SEED_DEMO: 'true' }).seedDemo, true);
  assert.equal(loadConfig({}).seedDemo, true, 'development keeps the demo region by default');
  assert.equal(loadConfig({ SERASAN_SEED_DEMO: 'false' }).seedDemo, false);
});

/** An empty database of the dialect, as a fresh installation has it: SQLite in `dir`, or a new PostgreSQL database. */
async function emptyDatabase(dialect: string): Promise<{ url: string; drop(): Promise<void> }> {
  if (dialect !== 'postgres') return { url: '', drop: async () => {} };
  const name = `serasan_prod_${process.pid}`;
  const admin = async (q: string) => {
    const c = new pg.Client({ connectionString: PG_URL });
    await c.connect();
    try {
      await c.query(q);
    } finally {
      await c.end();
    }
  };
  await admin(`drop database if exists ${name} with (force)`);
  await admin(`create database ${name}`);
  return { url: PG_URL.replace(/\/[^/]*$/, `/${name}`), drop: () => admin(`drop database if exists ${name} with (force)`) };
}

for (const dialect of await testDialects()) {
  test(`a production start on an empty database has no users (no platform / serasan-demo) and says how to create the first admin [${dialect}]`, async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'serasan-prod-'));
    const empty = await emptyDatabase(dialect);
    try {
      const config = loadConfig({ NODE_ENV: 'production', SESSION_SECRET: SECRET, SERASAN_DATA_DIR: dir, DATABASE_URL: empty.url });
      const { deps, database, seeded } = await bootstrap(config);
      try {
        assert.equal(database.dialect, dialect);
        assert.equal(seeded, false);
        const users = await deps.db.selectFrom('users').select('username').execute();
        assert.deepEqual(users, []);
        assert.deepEqual(await deps.db.selectFrom('tenants').select('id').execute(), [], 'no demo region');
        const regions = await deps.db.selectFrom('regions').select('code').limit(1).execute();
        assert.equal(regions.length, 1, 'the region reference is loaded, so tenant:create works');
        const notices = await startupNotices(deps);
        assert.ok(notices.some((n) => n.level === 'info' && /user:create/.test(n.text) && /tenant:create/.test(n.text)), JSON.stringify(notices));
        assert.ok(!notices.some((n) => n.level === 'warn'));
      } finally {
        await database.close();
      }
    } finally {
      await empty.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

test('demo users on a non-loopback address give a loud warning at start; on loopback they do not', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'serasan-demo-host-'));
  try {
    const config = loadConfig({ SERASAN_DATA_DIR: dir, DATABASE_URL: '', HOST: '0.0.0.0' });
    const { deps, database, seeded } = await bootstrap(config);
    try {
      assert.equal(seeded, true);
      const open = await startupNotices(deps);
      const warning = open.find((n) => n.level === 'warn');
      assert.ok(warning, 'a warning is given');
      assert.match(warning.text, /0\.0\.0\.0/);
      assert.match(warning.text, /demo/i);
      assert.match(warning.text, /SERASAN_SEED_DEMO|HOST=127\.0\.0\.1/);
      for (const host of ['127.0.0.1', 'localhost', '::1']) {
        const notices = await startupNotices({ ...deps, config: { ...config, host } });
        assert.ok(!notices.some((n) => n.level === 'warn'), host);
      }
    } finally {
      await database.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('loopback addresses', () => {
  for (const h of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]']) assert.equal(isLoopbackHost(h), true, h);
  for (const h of ['0.0.0.0', '::', '', '192.168.1.10', 'serasan.example.go.id']) assert.equal(isLoopbackHost(h), false, h);
});

for (const dialect of await testDialects()) {
  test(`demo users found and warned about on ${dialect}; a deactivated demo set is not`, async () => {
    const rt = await createTestRuntime(dialect, { env: { HOST: '0.0.0.0' } });
    try {
      assert.equal((await startupNotices(rt.deps)).filter((n) => n.level === 'warn').length, 1);
      await rt.deps.db.updateTable('users').set({ isActive: 0 }).execute();
      assert.equal((await startupNotices(rt.deps)).filter((n) => n.level === 'warn').length, 0);
    } finally {
      await rt.close();
    }
  });
}
