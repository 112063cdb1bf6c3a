import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestRuntime, type TestRuntime } from '../testing/harness.ts';

/**
 * Every answer carries the security headers (CSP that allows only the own origin, no framing,
 * no MIME sniffing, HSTS, no referrer leak): API answers, errors and the SPA alike. The headers
 * are computed once at start (security-headers.ts), not per request.
 */
describe('security headers on every answer', () => {
  let rt: TestRuntime;
  before(async () => {
    rt = await createTestRuntime('sqlite', { seed: 'none' });
  });
  after(() => rt.close());

  const expectSecure = (h: Record<string, unknown>) => {
    const csp = String(h['content-security-policy']);
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /script-src 'self'(;|$)/, 'no inline or foreign scripts');
    assert.match(csp, /frame-ancestors 'none'/);
    assert.match(csp, /object-src 'none'/);
    assert.doesNotMatch(csp, /upgrade-insecure-requests/, 'plain-HTTP intranet installs keep working');
    assert.equal(h['x-content-type-options'], 'nosniff');
    assert.equal(h['x-frame-options'], 'SAMEORIGIN');
    assert.equal(h['referrer-policy'], 'no-referrer');
    assert.match(String(h['strict-transport-security']), /max-age=\d+/);
    assert.equal(h['x-powered-by'], undefined);
  };

  test('an API answer', async () => {
    const res = await rt.app.inject({ method: 'GET', url: '/api/health' });
    assert.equal(res.statusCode, 200);
    expectSecure(res.headers);
  });

  test('an error answer (401) and an unknown API path (404)', async () => {
    const a = await rt.app.inject({ method: 'GET', url: '/api/units' });
    assert.equal(a.statusCode, 401);
    expectSecure(a.headers);
    const b = await rt.app.inject({ method: 'GET', url: '/api/no-such-thing' });
    assert.equal(b.statusCode, 404);
    expectSecure(b.headers);
  });

  test('two answers carry the same CSP (built once, not per request)', async () => {
    const a = await rt.app.inject({ method: 'GET', url: '/api/health' });
    const b = await rt.app.inject({ method: 'GET', url: '/api/health' });
    assert.equal(a.headers['content-security-policy'], b.headers['content-security-policy']);
  });
});
