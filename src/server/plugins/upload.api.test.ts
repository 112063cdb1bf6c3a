import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestRuntime, signedIn, testDialects, type TestClient, type TestRuntime } from '../testing/harness.ts';

for (const dialect of await testDialects()) {
  describe(`malformed multipart uploads [${dialect}]`, () => {
    let rt: TestRuntime;
    let operator: TestClient;

    before(async () => {
      rt = await createTestRuntime(dialect);
      operator = await signedIn(rt, 'operator');
    });
    after(() => rt.close());

    const send = (url: string, contentType: string, body: string | Buffer) =>
      operator.request('POST', url, undefined, { rawBody: body, headers: { 'content-type': contentType } });

    for (const url of ['/api/evidence', '/api/innovations/import']) {
      test(`${url}: multipart without a boundary → 400 with a clear message`, async () => {
        const res = await send(url, 'multipart/form-data', '--x\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.4\r\n--x--\r\n');
        assert.equal(res.status, 400, res.raw);
        assert.equal(res.body.error.code, 'VALIDATION');
        assert.match(res.body.error.message, /multipart/);
      });

      test(`${url}: truncated multipart body → 400 with a clear message`, async () => {
        const res = await send(url, 'multipart/form-data; boundary=----serasan', '------serasan\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 truncated');
        assert.equal(res.status, 400, res.raw);
        assert.equal(res.body.error.code, 'VALIDATION');
        assert.match(res.body.error.message, /multipart/);
      });

      test(`${url}: headers of a part cut off → 400`, async () => {
        const res = await send(url, 'multipart/form-data; boundary=----serasan', '------serasan\r\nContent-Disposition: form-da');
        assert.equal(res.status, 400, res.raw);
        assert.equal(res.body.error.code, 'VALIDATION');
      });
    }
  });
}
