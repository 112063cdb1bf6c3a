import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestRuntime, signedIn, testDialects, TestClient, type TestRuntime } from '../../testing/harness.ts';
import type { Clock } from '../../lib/clock.ts';

/** A clock that stands still until the test moves it (delay expiry): waits are exact however slow the machine. */
function movableClock(): Clock & { advance(ms: number): void } {
  let now = Date.now();
  return { now: () => new Date(now), advance: (ms) => (now += ms) };
}

const login = (rt: TestRuntime, username: string, password: string, ip = '127.0.0.1') =>
  rt.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: ip, headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ username, password }) });

for (const dialect of await testDialects()) {
  describe(`sign-in throttle: progressive delay per account and address [${dialect}]`, () => {
    let rt: TestRuntime;
    const clock = movableClock();

    before(async () => {
      rt = await createTestRuntime(dialect, {
        clock,
        env: { SERASAN_LOGIN_RATE_LIMIT_PER_MINUTE: '1000', SERASAN_LOGIN_MAX_FAILURES: '5', SERASAN_LOGIN_DELAY_SECONDS: '30', SERASAN_LOGIN_MAX_DELAY_MINUTES: '15' },
      });
    });
    after(() => rt.close());

    test('20 parallel wrong passwords: only the 5 free attempts are checked, the rest wait (429)', async () => {
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => login(rt, 'juri', `salah-${i}`, '10.0.0.1')));
      const statuses = results.map((r) => r.statusCode).sort();
      assert.deepEqual(statuses, [...Array(5).fill(401), ...Array(15).fill(429)]);
      const right = await login(rt, 'juri', 'serasan-demo', '10.0.0.1');
      assert.equal(right.statusCode, 429, 'the right password also waits');
    });

    test('a burst of 19 wrong passwords and then the right one does not sign in', async () => {
      const burst = [...Array.from({ length: 19 }, (_, i) => login(rt, 'rb', `salah-${i}`, '10.0.0.2')), login(rt, 'rb', 'serasan-demo', '10.0.0.2')];
      const results = await Promise.all(burst);
      assert.equal(results.filter((r) => r.statusCode === 200).length, 0);
      assert.equal(results.filter((r) => r.statusCode === 401).length, 5);
      assert.equal(results.at(-1)!.statusCode, 429);
    });

    test('the delay grows with each further failure, answers 429 with Retry-After and a clear message, and passes', async () => {
      for (let i = 0; i < 4; i++) assert.equal((await login(rt, 'kepala', `salah${i}`, '10.0.0.3')).statusCode, 401);
      assert.equal((await login(rt, 'kepala', 'salah4', '10.0.0.3')).statusCode, 401);
      const waiting = await login(rt, 'kepala', 'serasan-demo', '10.0.0.3');
      assert.equal(waiting.statusCode, 429);
      assert.equal(waiting.headers['retry-after'], '30');
      assert.equal(waiting.json().error.code, 'RATE_LIMITED');
      assert.equal(waiting.json().error.message, 'Terlalu banyak percobaan masuk yang gagal dari alamat ini. Coba lagi dalam 30 detik.');
      clock.advance(31_000);
      assert.equal((await login(rt, 'kepala', 'salah5', '10.0.0.3')).statusCode, 401);
      const longer = await login(rt, 'kepala', 'serasan-demo', '10.0.0.3');
      assert.equal(longer.statusCode, 429);
      assert.equal(longer.headers['retry-after'], '60', 'the sixth failure doubles the wait');
      clock.advance(61_000);
      assert.equal((await login(rt, 'kepala', 'serasan-demo', '10.0.0.3')).statusCode, 200, 'the right password passes after the wait');
      // A success forgets the failures: five fresh free attempts.
      for (let i = 0; i < 5; i++) assert.equal((await login(rt, 'kepala', `lagi${i}`, '10.0.0.3')).statusCode, 401);
    });

    test('another address is not delayed: a wrong-password flood does not lock the real user out', async () => {
      for (let i = 0; i < 8; i++) await login(rt, 'admin', `salah${i}`, '10.0.0.66');
      assert.equal((await login(rt, 'admin', 'serasan-demo', '10.0.0.66')).statusCode, 429);
      assert.equal((await login(rt, 'admin', 'serasan-demo', '10.0.0.4')).statusCode, 200);
    });

    test('unknown and known usernames are answered alike, and unknown ones are delayed too', async () => {
      const known: number[] = [];
      const unknown: number[] = [];
      const messages = new Set<string>();
      for (let i = 0; i < 7; i++) {
        const a = await login(rt, 'inspektorat', `salah${i}`, '10.0.0.5');
        const b = await login(rt, 'tidak-ada-orang', `salah${i}`, '10.0.0.5');
        known.push(a.statusCode);
        unknown.push(b.statusCode);
        messages.add(`${a.statusCode}:${a.json().error.message}:${a.headers['retry-after'] ?? ''}`);
        messages.add(`${b.statusCode}:${b.json().error.message}:${b.headers['retry-after'] ?? ''}`);
      }
      assert.deepEqual(known, [401, 401, 401, 401, 401, 429, 429]);
      assert.deepEqual(unknown, known);
      assert.equal(messages.size, 2, 'one 401 message and one 429 message for both');
    });

    test('an unknown username costs a password check too: the same timing path as a known one', async () => {
      const timed = async (username: string, ip: string) => {
        const t0 = performance.now();
        const res = await login(rt, username, 'salah-sekali-lagi', ip);
        assert.equal(res.statusCode, 401, res.body);
        return performance.now() - t0;
      };
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
      await timed('belum-pernah-ada', '10.0.1.200'); // the dummy hash is made once, at the first unknown name
      await timed('inovasi', '10.0.1.201');
      const known: number[] = [];
      const unknown: number[] = [];
      for (let i = 0; i < 5; i++) {
        known.push(await timed('inovasi', `10.0.1.${i}`));
        unknown.push(await timed(`tidak-dikenal-${i}`, `10.0.1.${i}`));
      }
      // An argon2id check is tens of milliseconds; a database lookup alone is a few. Without the
      // dummy check the unknown name would answer several times faster.
      assert.ok(median(unknown) >= 0.5 * median(known), `unknown ${unknown.map(Math.round)} ms vs known ${known.map(Math.round)} ms`);
    });

    test('the admin sees the delays of the tenant\'s users and clears them', async () => {
      for (let i = 0; i < 6; i++) await login(rt, 'operator', `salah${i}`, '10.0.0.7');
      assert.equal((await login(rt, 'operator', 'serasan-demo', '10.0.0.7')).statusCode, 429);
      const admin = await signedIn(rt, 'admin');
      const list = await admin.get('/api/users/login-delays');
      assert.equal(list.status, 200);
      const row = list.body.items.find((d: { username: string; ip: string }) => d.username === 'operator' && d.ip === '10.0.0.7');
      assert.ok(row, 'the delayed sign-in is listed');
      assert.equal(row.failures, 5, 'the delayed sixth attempt is not counted');
      assert.ok(row.delayedUntil, 'and it is waiting now');
      assert.ok(row.userId);
      assert.ok(!list.body.items.some((d: { username: string }) => d.username === 'tidak-ada-orang'), 'unknown usernames belong to no tenant');
      const operator = list.body.items.find((d: { username: string }) => d.username === 'operator');
      const users = await admin.get('/api/users');
      assert.ok(users.body.items.find((u: { username: string }) => u.username === 'operator').lockedUntil, 'the users list marks the delayed user');
      assert.equal(users.body.items.find((u: { username: string }) => u.username === 'pimpinan').lockedUntil, null);
      const cleared = await admin.request('DELETE', `/api/users/${operator.userId}/login-delays`);
      assert.equal(cleared.status, 204);
      assert.equal((await admin.get('/api/users/login-delays')).body.items.filter((d: { username: string }) => d.username === 'operator').length, 0);
      assert.equal((await login(rt, 'operator', 'serasan-demo', '10.0.0.7')).statusCode, 200);
      assert.equal((await admin.get('/api/users')).body.items.find((u: { username: string }) => u.username === 'operator').lockedUntil, null);
      const audit = await rt.deps.db.selectFrom('auditLog').select('action').where('entityId', '=', operator.userId).where('action', '=', 'login_delay_clear').execute();
      assert.equal(audit.length, 1, 'clearing is in the audit log');
    });

    test('attempts older than a day are forgotten, for every username (the table stays bounded)', async () => {
      for (let i = 0; i < 3; i++) await login(rt, `acak-${i}`, 'salah', '10.0.0.8');
      assert.equal((await rt.deps.db.selectFrom('loginThrottle').select('usernameKey').where('ip', '=', '10.0.0.8').execute()).length, 3);
      clock.advance(25 * 3600_000);
      await login(rt, 'lain-lagi', 'salah', '10.0.0.9');
      assert.equal((await rt.deps.db.selectFrom('loginThrottle').select('usernameKey').where('ip', '=', '10.0.0.8').execute()).length, 0);
    });

    test('only the admin may see or clear sign-in delays', async () => {
      const c = await signedIn(rt, 'kepala');
      assert.equal((await c.get('/api/users/login-delays')).status, 403);
    });
  });
}
