import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { createTestRuntime } from './testing/harness.ts';

/** Log lines of one GET /api/health on an app with the logger on at the configured LOG_LEVEL. */
async function logLines(env: Record<string, string>): Promise<Array<Record<string, unknown>>> {
  const rt = await createTestRuntime('sqlite', { seed: 'none' });
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  const config = loadConfig({ ...env, SERASAN_DATA_DIR: rt.config.dataDir } as NodeJS.ProcessEnv);
  const app = await buildApp({ ...rt.deps, config }, { logger: true, logStream: stream });
  try {
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    assert.equal(res.statusCode, 200);
    return lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  } finally {
    await app.close();
    await rt.close();
  }
}

test('a quiet console by default: no request lines at the default LOG_LEVEL (info)', async () => {
  assert.equal(loadConfig({}).logLevel, 'info');
  const lines = await logLines({});
  assert.deepEqual(lines.filter((l) => /request/.test(String(l.msg))), [], 'no "incoming request" / "request completed" lines');
});

test('LOG_LEVEL=debug logs one line per request with method, url, status and time', async () => {
  const lines = (await logLines({ LOG_LEVEL: 'debug' })).filter((l) => l.msg === 'request completed');
  assert.equal(lines.length, 1);
  assert.equal(lines[0]!.method, 'GET');
  assert.equal(lines[0]!.url, '/api/health');
  assert.equal(lines[0]!.statusCode, 200);
  assert.equal(typeof lines[0]!.responseTime, 'number');
});
