import { existsSync } from 'node:fs';
import path from 'node:path';
import Fastify, { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { serializerCompiler, validatorCompiler, jsonSchemaTransform } from 'fastify-type-provider-zod';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import { registerSecurityHeaders } from './plugins/security-headers.ts';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { Deps } from './deps.ts';
import { AppError } from './errors.ts';
import { registerErrorHandling, sendError } from './plugins/errors.ts';
import { translate } from '../shared/i18n/translate.ts';
import { registerAuth } from './plugins/auth.ts';
import { registerInputGuards } from './plugins/input.ts';
import { healthRoutes } from './modules/health/health.routes.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { orgRoutes } from './modules/org/org.routes.ts';
import { userRoutes } from './modules/users/users.routes.ts';
import { tenantRoutes } from './modules/tenants/tenants.routes.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { evidenceRoutes } from './modules/evidence/evidence.routes.ts';
import { innovationRoutes } from './modules/innovation/innovation.routes.ts';
import { publicInnovationRoutes } from './modules/innovation/public.routes.ts';
import { skmRoutes } from './modules/skm/skm.routes.ts';
import { skmPublicRoutes } from './modules/skm/skm.public.routes.ts';
import { proposalRoutes } from './modules/proposal/proposal.routes.ts';
import { competitionRoutes } from './modules/competition/competition.routes.ts';
import { officialDocumentRoutes } from './documents/official/official.routes.ts';
import { assessmentRoutes } from './modules/assessment/assessment.routes.ts';
import { notificationRoutes } from './modules/notifications/notifications.routes.ts';
import { accountEmailRoutes } from './modules/users/email.routes.ts';
import { jobRoutes } from './jobs/jobs.routes.ts';
import { kinerjaRoutes } from './modules/kinerja/kinerja.routes.ts';
import { pkRealisationRoutes } from './modules/kinerja/pk-realisation.routes.ts';
import { sakipReportsRoutes } from './modules/kinerja/sakip-reports.routes.ts';
import { sakipEvalRoutes } from './modules/kinerja/sakip-eval.routes.ts';
import { planRoutes } from './modules/kinerja/plan.routes.ts';
import { registerAllEvidenceTargets } from './evidence-targets.ts';

/** The lean page of the public survey form (vite.skm.config.ts). */
export const SURVEY_FORM_PAGE = 'skm-form.html';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** /skm/{kode} (a survey code from a QR poster), not /skm/{uuid} (the signed-in survey page). */
export function isSurveyFormPath(p: string): boolean {
  const m = /^\/skm\/([^/]+)\/?$/.exec(p);
  return !!m && !UUID.test(m[1]);
}

/**
 * A quiet console by default: Fastify's per-request lines ("incoming request", "request
 * completed") go to debug (LOG_LEVEL=debug shows them); failed requests still log as errors.
 */
class QuietRequestLog extends LogController {
  override incomingRequest(request: FastifyRequest): void {
    request.log.debug({ req: request }, 'incoming request');
  }
  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (error) reply.log.error({ res: reply, err: error, responseTime: reply.elapsedTime }, 'request errored');
    else reply.log.debug({ method: request.method, url: request.url, statusCode: reply.statusCode, responseTime: Math.round(reply.elapsedTime) }, 'request completed');
  }
}

export interface AppOptions {
  logger?: boolean;
  /** Where the logger writes (default stdout); tests capture the lines. */
  logStream?: NodeJS.WritableStream;
}

export async function buildApp(deps: Deps, opts: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ? { level: deps.config.logLevel, ...(opts.logStream ? { stream: opts.logStream } : {}) } : false,
    logController: new QuietRequestLog(),
    bodyLimit: 1024 * 1024, // JSON bodies; uploads have their own 20 MB limit
    trustProxy: deps.config.trustProxy,
    ajv: { customOptions: { removeAdditional: false } },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  registerSecurityHeaders(app, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"], // Mantine sets inline style attributes
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(cookie, { secret: deps.config.sessionSecret });
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: 'serasan_csrf',
    cookieOpts: { path: '/', sameSite: 'strict', httpOnly: true, signed: true, secure: deps.config.cookieSecure },
    getToken: (req) => req.headers['x-csrf-token'] as string | undefined,
  });
  await app.register(rateLimit, {
    global: false,
    keyGenerator: (req) => req.ip,
    errorResponseBuilder: () => new AppError('RATE_LIMITED', 'errors.rateLimited'),
  });
  await app.register(multipart, { limits: { fileSize: deps.config.maxUploadBytes, files: 1 } });

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Serasan API',
        version: deps.config.version,
        description:
          'JSON API of Serasan. Sign in with POST /api/auth/login (session cookie), fetch GET /api/csrf and send the token as header x-csrf-token on every POST/PUT/PATCH/DELETE. Errors: { error: { code, message, details? }, requestId }.',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());

  registerErrorHandling(app);
  registerAuth(app, deps);
  registerInputGuards(app);
  // Which records evidence can be linked to: explicit here, not an import side effect.
  registerAllEvidenceTargets();

  await healthRoutes(app, deps);
  await authRoutes(app, deps);
  await tenantRoutes(app, deps);
  await orgRoutes(app, deps);
  await userRoutes(app, deps);
  await auditRoutes(app, deps);
  await evidenceRoutes(app, deps);
  await innovationRoutes(app, deps);
  await assessmentRoutes(app, deps);
  await publicInnovationRoutes(app, deps);
  await skmRoutes(app, deps);
  await skmPublicRoutes(app, deps);
  await proposalRoutes(app, deps);
  await competitionRoutes(app, deps);
  await officialDocumentRoutes(app, deps);
  await notificationRoutes(app, deps);
  await accountEmailRoutes(app, deps);
  await jobRoutes(app, deps);
  await kinerjaRoutes(app, deps);
  await pkRealisationRoutes(app, deps);
  await sakipReportsRoutes(app, deps);
  await sakipEvalRoutes(app, deps);
  await planRoutes(app, deps);

  // The built SPA, served from the same origin. Files are looked up at request time (a rebuild
  // needs no restart); an unknown path without a file extension is a client-side route and gets
  // index.html, while a missing asset or API path gets a real 404.
  const web = deps.config.webDistDir;
  // Assets have content hashes in their names (cached for a year); HTML is revalidated on every
  // visit. `.br`/`.gz` twins written at build time go to clients that accept them.
  const hasSpa = existsSync(path.join(web, 'index.html'));
  if (hasSpa) {
    await app.register(fastifyStatic, {
      root: web,
      prefix: '/',
      index: ['index.html'],
      wildcard: true,
      preCompressed: true,
      cacheControl: false,
      setHeaders: (res, file) => {
        res.header('cache-control', file.startsWith(path.join(web, 'assets') + path.sep) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const p = request.url.split('?')[0];
    if (hasSpa && request.method === 'GET' && !p.startsWith('/api/') && !/\.[a-z0-9]+$/i.test(p)) {
      // The citizen's survey form (/skm/{kode}; an id there is the signed-in survey page) has a
      // lean page of its own when the build made one.
      const page = isSurveyFormPath(p) && existsSync(path.join(web, SURVEY_FORM_PAGE)) ? SURVEY_FORM_PAGE : 'index.html';
      if (page === SURVEY_FORM_PAGE) {
        // The form definition starts loading with the page, in parallel with the script (which
        // takes the preloaded answer), instead of after the script: one round trip less on a phone.
        const code = p.split('/')[2] ?? '';
        if (/^[A-Za-z0-9_-]{4,20}$/.test(code)) reply.header('link', `</api/public/skm/${code}>; rel=preload; as=fetch; crossorigin`);
      }
      return reply.type('text/html; charset=utf-8').sendFile(page);
    }
    return sendError(request, reply, 'NOT_FOUND', translate(request.lang ?? 'id', 'errors.routeNotFound'));
  });
  return app;
}
