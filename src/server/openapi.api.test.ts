import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestRuntime, TestClient, type TestRuntime } from './testing/harness.ts';

describe('API contract and documentation', () => {
  let rt: TestRuntime;
  before(async () => {
    rt = await createTestRuntime('sqlite', { seed: 'regions' });
  });
  after(() => rt.close());

  test('OpenAPI 3 document at /api/openapi.json lists the public contract routes', async () => {
    const res = await new TestClient(rt.app).get('/api/openapi.json');
    assert.equal(res.status, 200);
    assert.match(res.body.openapi, /^3\./);
    const paths = res.body.paths as Record<string, Record<string, unknown>>;
    const contract: Array<[string, string]> = [
      ['get', '/api/health'],
      ['post', '/api/auth/login'],
      ['post', '/api/auth/logout'],
      ['get', '/api/csrf'],
      ['get', '/api/units'],
      ['post', '/api/people'],
      ['get', '/api/audit'],
      ['post', '/api/evidence'],
      ['post', '/api/admin/tenants'],
    ];
    for (const [method, path] of contract) assert.ok(paths[path]?.[method], `${method.toUpperCase()} ${path} documented`);
    const people = paths['/api/people'].post as { requestBody: { content: Record<string, { schema: { required: string[] } }> } };
    assert.deepEqual(people.requestBody.content['application/json'].schema.required.sort(), ['kind', 'name', 'nip']);
  });

  test('the docs page is served', async () => {
    const res = await new TestClient(rt.app).get('/api/docs/');
    assert.equal(res.status, 200);
    assert.match(res.raw, /swagger/i);
  });

  test('unknown API routes answer 404 in the one error shape', async () => {
    const res = await new TestClient(rt.app).get('/api/tidak-ada');
    assert.equal(res.status, 404);
    assert.equal(res.body.error.code, 'NOT_FOUND');
    assert.ok(res.body.requestId);
  });
});

describe('serving the web app', () => {
  test('client routes get index.html; missing assets and API paths get a 404', async () => {
    const { existsSync } = await import('node:fs');
    const { loadConfig } = await import('./config.ts');
    const path = await import('node:path');
    if (!existsSync(path.join(loadConfig().webDistDir, 'index.html'))) {
      // The SPA is built by `vite build` (CI builds it before the tests; npm start builds it on demand).
      return;
    }
    const rt = await createTestRuntime('sqlite', { seed: 'none' });
    try {
      const c = new TestClient(rt.app);
      const page = await c.get('/organisasi/pegawai');
      assert.equal(page.status, 200);
      assert.match(String(page.headers['content-type']), /text\/html/);
      assert.match(page.raw, /<div id="root">/);
      const asset = await c.get('/assets/tidak-ada-123.js');
      assert.equal(asset.status, 404);
      const api = await c.get('/api/tidak-ada');
      assert.equal(api.status, 404);
      assert.equal(api.body.error.code, 'NOT_FOUND');
    } finally {
      await rt.close();
    }
  });
});
