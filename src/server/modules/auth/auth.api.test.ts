import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestRuntime, signedIn, testDialects, TestClient, type TestRuntime } from '../../testing/harness.ts';
import type { Clock } from '../../lib/clock.ts';

/** A clock the test can move forward (lockout expiry). */
function movableClock(): Clock & { advance(ms: number): void } {
  let offset = 0;
  return { now: () => new Date(Date.now() + offset), advance: (ms) => (offset += ms) };
}

for (const dialect of await testDialects()) {
  describe(`sign-in, sessions and CSRF [${dialect}]`, () => {
    let rt: TestRuntime;
    const clock = movableClock();

    before(async () => {
      rt = await createTestRuntime(dialect, { clock, env: { SERASAN_LOGIN_RATE_LIMIT_PER_MINUTE: '1000' } });
    });
    after(() => rt.close());

    test('login sets an httpOnly SameSite session cookie and returns the user', async () => {
      const c = new TestClient(rt.app);
      const res = await c.post('/api/auth/login', { username: 'kepala', password: 'serasan-demo' }, { csrf: false });
      assert.equal(res.status, 200);
      assert.equal(res.body.user.username, 'kepala');
      assert.equal(res.body.user.tenantName, 'Kabupaten Muara Enim');
      assert.equal(res.body.passwordChangeRequired, false);
      assert.deepEqual(res.body.user.roles.map((r: { role: string }) => r.role), ['unit_head']);
      const cookie = [res.headers['set-cookie']].flat().find((c) => String(c).startsWith('serasan_session='))!;
      assert.match(String(cookie), /HttpOnly/i);
      assert.match(String(cookie), /SameSite=Lax/i);
      const me = await c.get('/api/auth/me');
      assert.equal(me.status, 200);
      assert.equal(me.body.user.username, 'kepala');
    });

    test('wrong password and unknown user get the same 401 message', async () => {
      const c = new TestClient(rt.app);
      const a = await c.post('/api/auth/login', { username: 'kepala', password: 'salah' }, { csrf: false });
      const b = await c.post('/api/auth/login', { username: 'tidak-ada', password: 'salah' }, { csrf: false });
      assert.equal(a.status, 401);
      assert.equal(b.status, 401);
      assert.equal(a.body.error.message, b.body.error.message);
      assert.equal(a.body.error.message, 'Nama pengguna atau kata sandi salah.');
    });

    test('state-changing requests without a valid CSRF token are refused (403 CSRF)', async () => {
      const c = await signedIn(rt, 'admin');
      const none = await c.request('POST', '/api/units', { name: 'Unit Tanpa Token', type: 'other' }, { csrf: false });
      assert.equal(none.status, 403);
      assert.equal(none.body.error.code, 'CSRF');
      const forged = await c.request('POST', '/api/units', { name: 'Unit Palsu', type: 'other' }, { csrf: false, headers: { 'x-csrf-token': 'forged-token' } });
      assert.equal(forged.status, 403);
      const ok = await c.post('/api/units', { name: 'Unit Dengan Token', type: 'other' });
      assert.equal(ok.status, 201);
    });

    test('signed-out requests get 401; logout revokes the session server-side', async () => {
      const anon = new TestClient(rt.app);
      assert.equal((await anon.get('/api/units')).status, 401);
      const c = await signedIn(rt, 'rb');
      assert.equal((await c.get('/api/units')).status, 200);
      assert.equal((await c.post('/api/auth/logout')).status, 204);
      assert.equal((await c.get('/api/units')).status, 401);
    });

    test('a session can be listed and revoked from another device', async () => {
      const laptop = await signedIn(rt, 'pimpinan');
      const phone = await signedIn(rt, 'pimpinan');
      const list = await laptop.get('/api/auth/sessions');
      assert.ok(list.body.items.length >= 2);
      const other = list.body.items.find((s: { current: boolean }) => !s.current);
      assert.equal((await laptop.del(`/api/auth/sessions/${other.id}`)).status, 204);
      const phoneNow = await phone.get('/api/auth/me');
      const laptopNow = await laptop.get('/api/auth/me');
      assert.ok([phoneNow.status, laptopNow.status].includes(401), 'one of the sessions is gone');
      assert.ok([phoneNow.status, laptopNow.status].includes(200), 'the current one stays');
    });

    test('a temporary password must be changed at first sign-in before anything else', async () => {
      const admin = await signedIn(rt, 'admin');
      const created = await admin.post('/api/users', { username: 'operator.dinkes', name: 'Operator Dinkes', roles: [{ role: 'rb_team' }] });
      assert.equal(created.status, 201, created.raw);
      const temp = created.body.temporaryPassword;
      assert.ok(temp.length >= 10);
      const user = new TestClient(rt.app);
      const login = await user.post('/api/auth/login', { username: 'operator.dinkes', password: temp }, { csrf: false });
      assert.equal(login.status, 200);
      assert.equal(login.body.passwordChangeRequired, true);
      await user.refreshCsrf();
      const blocked = await user.get('/api/units');
      assert.equal(blocked.status, 403);
      assert.equal(blocked.body.error.code, 'PASSWORD_CHANGE_REQUIRED');
      const short = await user.post('/api/auth/password', { currentPassword: temp, newPassword: 'pendek' });
      assert.equal(short.status, 400);
      const changed = await user.post('/api/auth/password', { currentPassword: temp, newPassword: 'kata-sandi-baru-2026' });
      assert.equal(changed.status, 204);
      assert.equal((await user.get('/api/units')).status, 200);
      const again = new TestClient(rt.app);
      assert.equal((await again.post('/api/auth/login', { username: 'operator.dinkes', password: temp }, { csrf: false })).status, 401);
      assert.equal((await again.post('/api/auth/login', { username: 'operator.dinkes', password: 'kata-sandi-baru-2026' }, { csrf: false })).status, 200);
    });

    test('passwords are stored as argon2id hashes', async () => {
      const row = await rt.deps.db.selectFrom('users').select('passwordHash').where('username', '=', 'admin').executeTakeFirstOrThrow();
      assert.match(row.passwordHash, /^\$argon2id\$/);
    });

    test('GET /api/health reports the database dialect and version', async () => {
      const res = await new TestClient(rt.app).get('/api/health');
      assert.equal(res.status, 200);
      assert.deepEqual(Object.keys(res.body).sort(), ['db', 'status', 'version']);
      assert.equal(res.body.status, 'ok');
      assert.equal(res.body.db, dialect);
    });
  });
}

for (const dialect of await testDialects()) {
  describe(`login rate limit [${dialect}]`, () => {
    test('more than the per-minute limit of sign-in attempts from one address → 429', async () => {
      const rt = await createTestRuntime(dialect, { env: { SERASAN_LOGIN_RATE_LIMIT_PER_MINUTE: '3' } });
      try {
        const c = new TestClient(rt.app);
        const statuses: number[] = [];
        for (let i = 0; i < 5; i++) statuses.push((await c.post('/api/auth/login', { username: 'x', password: 'y' }, { csrf: false })).status);
        assert.deepEqual(statuses, [401, 401, 401, 429, 429]);
        const last = await c.post('/api/auth/login', { username: 'x', password: 'y' }, { csrf: false });
        assert.equal(last.body.error.code, 'RATE_LIMITED');
      } finally {
        await rt.close();
      }
    });
  });
}
