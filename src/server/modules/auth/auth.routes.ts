import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { ZChangePasswordInput, ZLocaleInput, ZLoginInput, ZLoginResult, ZSessionUser } from '../../../shared/schemas/auth.ts';
import { actorOf, sessionCookieOptions } from '../../plugins/auth.ts';
import { createAuthService } from './auth.service.ts';
import { AppError } from '../../errors.ts';
import { SESSION_COOKIE } from './session.service.ts';

export async function authRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const service = createAuthService(deps);

  r.get('/api/csrf', {
    config: { public: true },
    schema: { tags: ['auth'], summary: 'CSRF token: send it back as header x-csrf-token on every state-changing request', response: { 200: z.object({ token: z.string() }) } },
  }, async (_request, reply) => ({ token: reply.generateCsrf() }));

  r.post('/api/auth/login', {
    // Sign-in needs no CSRF token: JSON-only bodies cannot be sent cross-site without a CORS
    // preflight, and there is no session yet to ride. It is rate-limited per address instead.
    config: { public: true, skipCsrf: true, rateLimit: { max: deps.config.loginRateLimitPerMinute, timeWindow: 60_000 } },
    schema: { tags: ['auth'], summary: 'Sign in with username and password', body: ZLoginInput, response: { 200: ZLoginResult } },
  }, async (request, reply) => {
    const { session, user, actor } = await service
      .login(request.body.username, request.body.password, request.ip, request.headers['user-agent'] ?? null)
      .catch((err: unknown) => {
        // The progressive sign-in delay tells the client when to try again.
        if (err instanceof AppError && err.code === 'RATE_LIMITED' && err.params.retryAfter) reply.header('Retry-After', String(err.params.retryAfter));
        throw err;
      });
    reply.setCookie(SESSION_COOKIE, session.token, { ...sessionCookieOptions(deps), expires: session.expires });
    const presented = await service.sessionUser(user, actor);
    return { user: presented, passwordChangeRequired: presented.mustChangePassword };
  });

  r.post('/api/auth/logout', {
    config: { allowPendingPassword: true },
    schema: { tags: ['auth'], summary: 'Sign out (revokes this session)' },
  }, async (request, reply) => {
    await service.logout(actorOf(request), request.sessionId!);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  r.get('/api/auth/me', {
    config: { allowPendingPassword: true },
    schema: { tags: ['auth'], summary: 'The signed-in user', response: { 200: z.object({ user: ZSessionUser }) } },
  }, async (request) => ({ user: await service.sessionUser(request.sessionUser!, actorOf(request)) }));

  r.post('/api/auth/password', {
    config: { allowPendingPassword: true },
    schema: { tags: ['auth'], summary: 'Change my password (required after a temporary password)', body: ZChangePasswordInput },
  }, async (request, reply) => {
    await service.changePassword(actorOf(request), request.sessionId!, request.body.currentPassword, request.body.newPassword);
    return reply.status(204).send();
  });

  r.put('/api/auth/locale', {
    config: { allowPendingPassword: true },
    schema: { tags: ['auth'], summary: 'Set my interface language', body: ZLocaleInput },
  }, async (request, reply) => {
    await service.setLocale(actorOf(request), request.body.locale);
    reply.setCookie('serasan_lang', request.body.locale, { path: '/', sameSite: 'lax' });
    return reply.status(204).send();
  });

  r.get('/api/auth/sessions', {
    schema: { tags: ['auth'], summary: 'My active sessions' },
  }, async (request) => ({ items: await service.listSessions(actorOf(request), request.sessionId!) }));

  r.delete('/api/auth/sessions/:id', {
    schema: { tags: ['auth'], summary: 'Revoke one of my sessions', params: z.object({ id: z.string().max(64) }) },
  }, async (request, reply) => {
    await service.revokeSession(actorOf(request), request.params.id);
    return reply.status(204).send();
  });
}
