import type { Deps } from '../../deps.ts';
import { AppError, notFound } from '../../errors.ts';
import type { Actor } from '../../policy/actor.ts';
import { writeWithAudit } from '../audit/audit.writer.ts';
import { dummyPasswordHash, hashPassword, verifyPassword } from './password.ts';
import { checkNewPassword } from './password-policy.ts';
import { buildActor, createSession, presentSessionUser } from './session.service.ts';
import type { UserTable } from '../../db/schema.ts';
import { authRepo } from './auth.repo.ts';
import { forgetAttempts, reserveAttempt, usernameKey } from './login-throttle.ts';

export function createAuthService(deps: Deps) {
  const { db, clock } = deps;

  return {
    /** The signed-in user as the SPA sees it (tenant, unit names of the roles). */
    sessionUser(user: UserTable, actor: Actor) {
      return presentSessionUser(db, user, actor);
    },

    /**
     * Username + password sign-in with a progressive delay per username and address (see
     * login-throttle.ts). Known and unknown usernames take the same path: counted, delayed and
     * answered alike, and an unknown one is verified against a dummy hash.
     */
    async login(username: string, password: string, ip: string | null, userAgent: string | null) {
      const decision = await reserveAttempt(deps, username, ip);
      if (!decision.allowed) {
        throw new AppError('RATE_LIMITED', 'errors.loginDelayed', { seconds: decision.retryAfterSeconds, retryAfter: decision.retryAfterSeconds });
      }
      const user = await authRepo.findUserByUsername(db, usernameKey(username));
      if (!user) {
        await verifyPassword(await dummyPasswordHash(), password);
        throw new AppError('UNAUTHENTICATED', 'errors.badCredentials');
      }
      const ok = await verifyPassword(user.passwordHash, password);
      if (!ok) throw new AppError('UNAUTHENTICATED', 'errors.badCredentials');
      if (user.isActive !== 1) throw new AppError('FORBIDDEN', 'errors.inactive');
      await forgetAttempts(db, username, ip);
      const session = await writeWithAudit(db, { tenantId: user.tenantId, actorId: user.id, actorName: user.name }, clock, async (_tx, audit) => {
        await audit.record({ entityType: 'user', entityId: user.id, action: 'login', changes: {} });
        return null;
      }).then(() => createSession(deps, user, ip, userAgent));
      const actor = await buildActor(db, user);
      return { session, user, actor };
    },

    async logout(actor: Actor, sessionId: string) {
      await writeWithAudit(db, { tenantId: actor.tenantId, actorId: actor.userId, actorName: actor.name }, clock, async (tx, audit) => {
        await authRepo.revokeSession(tx, actor.tenantId, sessionId, clock.now().toISOString());
        await audit.record({ entityType: 'user', entityId: actor.userId, action: 'logout', changes: {} });
      });
    },

    async changePassword(actor: Actor, currentSessionId: string, currentPassword: string, newPassword: string) {
      const user = await authRepo.findUser(db, actor.tenantId, actor.userId);
      if (!(await verifyPassword(user.passwordHash, currentPassword))) {
        throw new AppError('VALIDATION', 'errors.wrongPassword', {}, [{ field: 'currentPassword', messageKey: 'errors.wrongPassword' }]);
      }
      if (currentPassword === newPassword) {
        throw new AppError('VALIDATION', 'errors.samePassword', {}, [{ field: 'newPassword', messageKey: 'errors.samePassword' }]);
      }
      checkNewPassword(newPassword, { username: user.username, name: user.name }, 'newPassword');
      const passwordHash = await hashPassword(newPassword);
      await writeWithAudit(db, { tenantId: actor.tenantId, actorId: actor.userId, actorName: actor.name }, clock, async (tx, audit) => {
        const now = clock.now().toISOString();
        await authRepo.setPassword(tx, actor.tenantId, actor.userId, passwordHash, now);
        // Every other session of this user ends: a changed password must lock out old devices.
        await authRepo.revokeOtherSessions(tx, actor.tenantId, actor.userId, currentSessionId, now);
        await audit.record({
          entityType: 'user',
          entityId: actor.userId,
          action: 'password_change',
          changes: user.mustChangePassword ? { mustChangePassword: { before: true, after: false } } : {},
        });
      });
    },

    async setLocale(actor: Actor, locale: 'id' | 'en') {
      await writeWithAudit(db, { tenantId: actor.tenantId, actorId: actor.userId, actorName: actor.name }, clock, async (tx, audit) => {
        const before = await authRepo.localeOf(tx, actor.tenantId, actor.userId);
        await authRepo.setLocale(tx, actor.tenantId, actor.userId, locale);
        await audit.record({ entityType: 'user', entityId: actor.userId, action: 'update', before, after: { locale } });
      });
    },

    async listSessions(actor: Actor, currentSessionId: string) {
      const rows = await authRepo.liveSessions(db, actor.tenantId, actor.userId, clock.now().toISOString());
      // The session id is a hash of the cookie token; a short prefix is enough to address it.
      return rows.map((r) => ({ id: r.id.slice(0, 16), createdAt: r.createdAt, lastSeenAt: r.lastSeenAt, ip: r.ip, userAgent: r.userAgent, current: r.id === currentSessionId }));
    },

    async revokeSession(actor: Actor, idPrefix: string) {
      if (!/^[0-9a-f]{16}$/.test(idPrefix)) throw notFound('session');
      const rows = await authRepo.unrevokedSessionsByPrefix(db, actor.tenantId, actor.userId, idPrefix);
      if (rows.length !== 1) throw notFound('session');
      await writeWithAudit(db, { tenantId: actor.tenantId, actorId: actor.userId, actorName: actor.name }, clock, async (tx, audit) => {
        await authRepo.revokeSession(tx, actor.tenantId, rows[0].id, clock.now().toISOString());
        await audit.record({ entityType: 'user', entityId: actor.userId, action: 'session_revoke', changes: {} });
      });
    },
  };
}
export type AuthService = ReturnType<typeof createAuthService>;
