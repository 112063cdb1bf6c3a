import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import Fastify from 'fastify';
import { statusOf, type ErrorCode } from '../errors.ts';
import { createTestRuntime, signedIn, testDialects, TestClient, type TestRuntime } from '../testing/harness.ts';
import { CODE_OF_STATUS, registerErrorHandling } from './errors.ts';

/** Every error answer carries a code whose status is the answer's status. */
function assertCodeMatches(res: { status: number; body: any; raw: string }, code: ErrorCode) {
  assert.equal(res.body?.error?.code, code, res.raw);
  assert.equal(res.status, statusOf[code], res.raw);
}

test('the code → status table, written out by hand', () => {
  const expected: Record<ErrorCode, number> = {
    VALIDATION: 400,
    UNAUTHENTICATED: 401,
    FORBIDDEN: 403,
    NOT_FOUND: 404,
    CONFLICT: 409,
    RATE_LIMITED: 429,
    LOCKED: 423,
    PASSWORD_CHANGE_REQUIRED: 403,
    CSRF: 403,
    PAYLOAD_TOO_LARGE: 413,
    UNSUPPORTED_MEDIA_TYPE: 415,
    INTERNAL: 500,
  };
  assert.deepEqual(statusOf, expected);
  for (const [status, code] of Object.entries(CODE_OF_STATUS)) assert.equal(statusOf[code!], Number(status), `${status} → ${code}`);
});

test('framework errors carrying a 4xx status get the code of that status, never VALIDATION with another status', async () => {
  const app = Fastify();
  app.decorateRequest('lang', 'id');
  registerErrorHandling(app);
  const cases: Array<[number, ErrorCode, number]> = [
    [400, 'VALIDATION', 400],
    [401, 'UNAUTHENTICATED', 401],
    [403, 'FORBIDDEN', 403],
    [404, 'NOT_FOUND', 404],
    [409, 'CONFLICT', 409],
    [413, 'PAYLOAD_TOO_LARGE', 413],
    [415, 'UNSUPPORTED_MEDIA_TYPE', 415],
    [405, 'VALIDATION', 400],
    [416, 'VALIDATION', 400],
    [431, 'VALIDATION', 400],
  ];
  for (const [thrown] of cases) {
    app.get(`/s${thrown}`, async () => {
      throw Object.assign(new Error('framework'), { statusCode: thrown, code: 'FST_SOMETHING' });
    });
  }
  for (const [thrown, code, status] of cases) {
    const res = await app.inject({ url: `/s${thrown}` });
    const body = res.json();
    assert.equal(body.error.code, code, `${thrown}: ${res.body}`);
    assert.equal(res.statusCode, status, `${thrown}: ${res.body}`);
    assert.equal(statusOf[body.error.code as ErrorCode], res.statusCode);
    assert.ok(body.error.message.length > 5, body.error.message);
  }
  await app.close();
});

for (const dialect of await testDialects()) {
  describe(`error codes of real endpoints match their statuses [${dialect}]`, () => {
    let rt: TestRuntime;
    let operator: TestClient;
    before(async () => {
      rt = await createTestRuntime(dialect);
      operator = await signedIn(rt, 'operator');
    });
    after(() => rt.close());

    test('401, 403, 404, 400 and the CSRF 403', async () => {
      const anon = new TestClient(rt.app);
      assertCodeMatches(await anon.get('/api/units'), 'UNAUTHENTICATED');
      assertCodeMatches(await operator.get('/api/admin/tenants'), 'FORBIDDEN');
      assertCodeMatches(await operator.get('/api/innovations/00000000-0000-0000-0000-000000000000'), 'NOT_FOUND');
      assertCodeMatches(await operator.get('/api/tidak-ada'), 'NOT_FOUND');
      assertCodeMatches(await operator.post('/api/units', { name: 1 }), 'VALIDATION');
      assertCodeMatches(await operator.request('POST', '/api/units', { name: 'x' }, { csrf: false }), 'CSRF');
    });

    test('413 for a JSON body over the limit and for too many multipart fields', async () => {
      assertCodeMatches(await operator.request('POST', '/api/units', undefined, { rawBody: JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) }), headers: { 'content-type': 'application/json' } }), 'PAYLOAD_TOO_LARGE');
      const fields = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`f${i}`, 'x']));
      const res = await operator.upload('/api/evidence', fields, { name: 'a.pdf', data: Buffer.from('%PDF-1.4\n%%EOF\n') });
      assertCodeMatches(res, 'PAYLOAD_TOO_LARGE');
    });

    test('415 for a body type the API does not take', async () => {
      assertCodeMatches(await operator.request('POST', '/api/units', undefined, { rawBody: 'name=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } }), 'UNSUPPORTED_MEDIA_TYPE');
    });
  });
}
