import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../deps.ts';
import { AppError } from '../errors.ts';
import type { Actor } from '../policy/actor.ts';
import type { UserTable } from '../db/schema.ts';
import { pickLang, type Lang } from '../../shared/i18n/translate.ts';
import { resolveSession, SESSION_COOKIE } from '../modules/auth/session.service.ts';

declare module 'fastify' {
  interface FastifyRequest {
    lang: Lang;
    actor: Actor | null;
    sessionUser: UserTable | null;
    sessionId: string | null;
  }
  interface FastifyContextConfig {
    /** Reachable without signing in. */
    public?: boolean;
    /** No CSRF header needed (sign-in: there is no session to ride yet; public forms use their own tokens). */
    skipCsrf?: boolean;
    /** Reachable while a temporary password is still unchanged. */
    allowPendingPassword?: boolean;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function sessionCookieOptions(deps: Deps) {
  return {
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: deps.config.cookieSecure,
    path: '/',
  };
}

export function registerAuth(app: FastifyInstance, deps: Deps) {
  app.decorateRequest('lang', 'id');
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionUser', null);
  app.decorateRequest('sessionId', null);

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    request.lang = pickLang(request.headers['accept-language'], request.cookies?.serasan_lang);
    // Decided on the matched route, never on the raw URL: an absolute-form request line
    // (`GET http://host/api/...`) reaches the same route with a URL that does not start with '/'.
    // Non-API routes are the SPA and its assets; the API docs page describes the API, no data.
    const route = request.routeOptions.url;
    if (!route?.startsWith('/api/') || route.startsWith('/api/docs')) return;

    const token = request.cookies?.[SESSION_COOKIE];
    if (token) {
      const resolved = await resolveSession(deps, token);
      if (resolved) {
        request.actor = resolved.actor;
        request.sessionUser = resolved.user;
        request.sessionId = resolved.sessionId;
        request.lang = pickLang(request.headers['accept-language'], request.cookies?.serasan_lang, resolved.user.locale);
      }
    }
    // Unknown routes (and the static-file catch-all) returned above and fall through to the 404
    // handler: no session is needed to learn that a path does not exist.
    const cfg = request.routeOptions.config ?? {};
    if (cfg.public) {
      if (UNSAFE.has(request.method) && !cfg.skipCsrf) await checkCsrf(app, request, reply);
      return;
    }
    if (!request.actor) {
      throw new AppError('UNAUTHENTICATED', token ? 'errors.sessionExpired' : 'errors.unauthenticated');
    }
    if (UNSAFE.has(request.method) && !cfg.skipCsrf) await checkCsrf(app, request, reply);
    if (request.sessionUser?.mustChangePassword === 1 && !cfg.allowPendingPassword) {
      throw new AppError('PASSWORD_CHANGE_REQUIRED', 'errors.passwordChangeRequired');
    }
  });
}

async function checkCsrf(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply) {
  await new Promise<void>((resolve, reject) => {
    app.csrfProtection(request, reply, (err?: Error) => (err ? reject(new AppError('CSRF', 'errors.csrf')) : resolve()));
  });
}

/** For route handlers: the signed-in actor (the hook already rejected anonymous calls). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('UNAUTHENTICATED', 'errors.unauthenticated');
  return request.actor;
}
