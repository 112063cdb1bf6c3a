import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTestRuntime, testDialects, TestClient, type TestRuntime } from './testing/harness.ts';

for (const dialect of await testDialects()) {
  describe(`API contract and documentation [${dialect}]`, () => {
    let rt: TestRuntime;
    before(async () => {
      rt = await createTestRuntime(dialect, { seed: 'regions' });
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

  describe(`serving the web app [${dialect}]`, () => {
    test('client routes get index.html; missing assets and API paths get a 404', async () => {
      // A stand-in build (SERASAN_WEB_DIST_DIR), so this runs whether or not `vite build` ran.
      const web = mkdtempSync(path.join(tmpdir(), 'serasan-web-'));
      mkdirSync(path.join(web, 'assets'));
      writeFileSync(path.join(web, 'index.html'), '<!doctype html><html><body><div id="root"></div></body></html>');
      writeFileSync(path.join(web, 'assets', 'app-1.js'), 'console.log(1)');
      const rt = await createTestRuntime(dialect, { seed: 'none', env: { SERASAN_WEB_DIST_DIR: web } });
      try {
        const c = new TestClient(rt.app);
        const page = await c.get('/organisasi/pegawai');
        assert.equal(page.status, 200);
        assert.match(String(page.headers['content-type']), /text\/html/);
        assert.match(page.raw, /<div id="root">/);
        const js = await c.get('/assets/app-1.js');
        assert.equal(js.status, 200);
        assert.equal(js.raw, 'console.log(1)');
        const asset = await c.get('/assets/tidak-ada-123.js');
        assert.equal(asset.status, 404);
        const api = await c.get('/api/tidak-ada');
        assert.equal(api.status, 404);
        assert.equal(api.body.error.code, 'NOT_FOUND');
      } finally {
        await rt.close();
        rmSync(web, { recursive: true, force: true });
      }
    });
  });
}
