import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestRuntime, signedIn, testDialects, TestClient, type TestRuntime } from '../../testing/harness.ts';

/** NIST SP 800-63B §5.1.1.2: at least 12 characters here, no composition rules, refuse common and context-specific passwords. */
for (const dialect of await testDialects()) {
  describe(`password policy [${dialect}]`, () => {
    let rt: TestRuntime;
    before(async () => {
      rt = await createTestRuntime(dialect, { env: { SERASAN_LOGIN_RATE_LIMIT_PER_MINUTE: '1000' } });
    });
    after(() => rt.close());

    test('admin user creation: too short, common and like-the-name passwords are refused with a clear message; a passphrase is fine', async () => {
      const admin = await signedIn(rt, 'admin');
      const create = (username: string, name: string, password: string) => admin.post('/api/users', { username, name, password, roles: [{ role: 'rb_team' }] });
      const short = await create('pengguna.satu', 'Pengguna Satu', 'pendek-11ch');
      assert.equal(short.status, 400, short.raw);
      assert.equal(short.body.error.code, 'VALIDATION');
      assert.match(short.body.error.message, /12/);
      for (const common of ['indonesia123', 'Bismillah123', 'rahasia12345', 'password1234', '123456789012', 'serasan-demo']) {
        const res = await create('pengguna.dua', 'Pengguna Dua', common);
        assert.equal(res.status, 400, `${common}: ${res.raw}`);
        assert.equal(res.body.error.message, 'Kata sandi ini terlalu umum dan mudah ditebak. Pilih kata sandi lain.', common);
      }
      const likeUsername = await create('operator.dinsos', 'Operator Dinsos', 'operator.dinsos');
      assert.equal(likeUsername.status, 400);
      assert.equal(likeUsername.body.error.message, 'Kata sandi tidak boleh sama dengan nama pengguna atau nama. Pilih kata sandi lain.');
      const likeName = await create('op.dinsos', 'Operator Dinas Sosial', 'Operator Dinas Sosial');
      assert.equal(likeName.status, 400);
      assert.equal(likeName.body.error.message, likeUsername.body.error.message);
      const usernameWithDigits = await create('operator.dinsos', 'Operator Dinsos', 'operator.dinsos2026');
      assert.equal(usernameWithDigits.status, 400);
      // No composition rules: a lower-case passphrase without digits or symbols is accepted.
      const ok = await create('operator.dinsos', 'Operator Dinsos', 'kopi pagi di muara enim');
      assert.equal(ok.status, 201, ok.raw);
      assert.equal((await rt.deps.db.selectFrom('users').select('id').where('username', 'in', ['pengguna.satu', 'pengguna.dua', 'op.dinsos']).execute()).length, 0, 'nothing half-written');
    });

    test('password change applies the same policy, in English when chosen', async () => {
      const admin = await signedIn(rt, 'admin');
      const created = await admin.post('/api/users', { username: 'operator.dinkes', name: 'Operator Dinkes', roles: [{ role: 'rb_team' }] });
      const temp = created.body.temporaryPassword as string;
      assert.ok(temp.length >= 12, 'temporary passwords meet the minimum');
      const user = new TestClient(rt.app);
      assert.equal((await user.post('/api/auth/login', { username: 'operator.dinkes', password: temp }, { csrf: false })).status, 200);
      await user.refreshCsrf();
      const elevenChars = await user.post('/api/auth/password', { currentPassword: temp, newPassword: 'abcdefghijk' });
      assert.equal(elevenChars.status, 400);
      const common = await user.post('/api/auth/password', { currentPassword: temp, newPassword: 'indonesia123' });
      assert.equal(common.status, 400);
      assert.equal(common.body.error.code, 'VALIDATION');
      assert.equal(common.body.error.details[0].field, 'newPassword');
      const english = await user.request('POST', '/api/auth/password', { currentPassword: temp, newPassword: 'operator.dinkes1' }, { headers: { 'accept-language': 'en' } });
      assert.equal(english.status, 400);
      assert.equal(english.body.error.message, 'The password must not be the username or the name. Choose another one.');
      const ok = await user.post('/api/auth/password', { currentPassword: temp, newPassword: 'dua belas karakter' });
      assert.equal(ok.status, 204, ok.raw);
    });

    test('demo users still sign in with the demo password (seeded directly, not through the policy)', async () => {
      const c = new TestClient(rt.app);
      assert.equal((await c.post('/api/auth/login', { username: 'kepala', password: 'serasan-demo' }, { csrf: false })).status, 200);
    });
  });
}
