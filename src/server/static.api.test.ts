import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { createTestRuntime, type TestRuntime } from './testing/harness.ts';
import { precompress } from '../../scripts/web-post-build.ts';

/**
 * How the built SPA is served (issue 10, item 14): precompressed assets for clients that accept
 * them, a year of caching for hashed assets, revalidation for HTML, and the lean survey-form page
 * for /skm/{kode}. Runs on a small stand-in of dist/web, compressed by the build's own step.
 */
describe('static web assets: compression, cache headers, the survey form page', () => {
  let rt: TestRuntime;
  let dir: string;
  const js = `export const x = ${JSON.stringify('serasan '.repeat(400))};\n`;

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'serasan-web-'));
    mkdirSync(path.join(dir, 'assets'));
    writeFileSync(path.join(dir, 'index.html'), `<!doctype html><title>app</title><script type="module" src="/assets/index-AbC123.js"></script>${'<!-- spa -->'.repeat(100)}`);
    writeFileSync(path.join(dir, 'skm-form.html'), '<!doctype html><title>form</title><script type="module" src="/assets/skm-form-XyZ789.js"></script>');
    writeFileSync(path.join(dir, 'assets', 'index-AbC123.js'), js);
    writeFileSync(path.join(dir, 'assets', 'skm-form-XyZ789.js'), js);
    writeFileSync(path.join(dir, 'assets', 'tiny-0000.js'), 'export {};\n');
    assert.equal(precompress(dir), 3, 'index.html and the two large scripts; files under 1 KB stay as they are');
    rt = await createTestRuntime('sqlite', { seed: 'none', env: { SERASAN_WEB_DIST_DIR: dir } });
  });
  after(async () => {
    await rt.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const get = (url: string, acceptEncoding?: string) => rt.app.inject({ method: 'GET', url, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });

  test('the build step writes .br and .gz twins that decompress to the original', () => {
    const file = path.join(dir, 'assets', 'index-AbC123.js');
    assert.equal(brotliDecompressSync(readFileSync(`${file}.br`)).toString(), js);
    assert.equal(gunzipSync(readFileSync(`${file}.gz`)).toString(), js);
  });

  test('an asset is sent brotli- or gzip-compressed as the client accepts, with a year of immutable caching', async () => {
    const br = await get('/assets/index-AbC123.js', 'gzip, deflate, br');
    assert.equal(br.statusCode, 200);
    assert.equal(br.headers['content-encoding'], 'br');
    assert.match(String(br.headers['content-type']), /javascript/);
    assert.equal(br.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.match(String(br.headers.vary), /accept-encoding/i);
    assert.ok(br.rawPayload.length < js.length / 5, `compressed: ${br.rawPayload.length} of ${js.length} bytes`);
    assert.equal(brotliDecompressSync(br.rawPayload).toString(), js);

    const gz = await get('/assets/index-AbC123.js', 'gzip');
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.equal(gunzipSync(gz.rawPayload).toString(), js);
    assert.equal(gz.headers['cache-control'], 'public, max-age=31536000, immutable');

    const plain = await get('/assets/index-AbC123.js');
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.equal(plain.body, js);
    assert.equal(plain.headers['cache-control'], 'public, max-age=31536000, immutable');

    const tiny = await get('/assets/tiny-0000.js', 'br');
    assert.equal(tiny.statusCode, 200);
    assert.equal(tiny.headers['content-encoding'], undefined, 'no twin: the file itself');
    assert.equal(tiny.headers['cache-control'], 'public, max-age=31536000, immutable');
  });

  test('HTML is revalidated on every visit (no-cache), compressed too', async () => {
    for (const url of ['/', '/publik/inovasi', '/skm/ABCD2345']) {
      const res = await get(url, 'br');
      assert.equal(res.statusCode, 200, url);
      assert.equal(res.headers['cache-control'], 'no-cache', url);
      assert.match(String(res.headers['content-type']), /text\/html/, url);
    }
    assert.equal((await get('/publik/inovasi', 'br')).headers['content-encoding'], 'br');
  });

  test('/skm/{kode} gets the lean form page (not the app entry); /skm/{id} and other pages get the app', async () => {
    const form = await get('/skm/ABCD2345');
    assert.match(form.body, /skm-form-XyZ789\.js/);
    assert.doesNotMatch(form.body, /index-AbC123\.js/);
    assert.match((await get('/skm/abcd2345/')).body, /skm-form-XyZ789\.js/);
    for (const url of ['/skm/0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', '/skm', '/publik/11.01/skm', '/']) {
      const res = await get(url);
      assert.match(res.body, /index-AbC123\.js/, url);
    }
    assert.equal((await get('/assets/missing-0000.js', 'br')).statusCode, 404, 'a missing asset is a real 404');
  });

  test('the form page preloads its form definition (Link header); other pages and odd codes do not', async () => {
    assert.equal((await get('/skm/ABCD2345')).headers['link'], '</api/public/skm/ABCD2345>; rel=preload; as=fetch; crossorigin');
    assert.equal((await get('/skm/abcd2345/')).headers['link'], '</api/public/skm/abcd2345>; rel=preload; as=fetch; crossorigin');
    for (const url of ['/skm/0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', '/skm/AB%3E%3B%20rel', '/publik/11.01/skm', '/']) {
      assert.equal((await get(url)).headers['link'], undefined, url);
    }
  });
});
