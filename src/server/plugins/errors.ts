import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, statusOf, type ErrorCode } from '../errors.ts';
import { translate, type Lang } from '../../shared/i18n/translate.ts';

export interface ZodIssueLike {
  code?: string;
  path?: (string | number)[];
  message?: string;
  expected?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  origin?: string;
  values?: unknown[];
  keys?: string[];
  format?: string;
  instancePath?: string;
  params?: { issue?: ZodIssueLike };
}

/**
 * The resource a route works on, for field labels: the first path segment after /api/ (and
 * after public/ or admin/), e.g. '/api/innovations/:id/score' → 'innovations'.
 */
export function labelScopeOf(routeUrl: string | undefined): string | undefined {
  const parts = (routeUrl ?? '').split('/').filter(Boolean);
  if (parts[0] !== 'api') return undefined;
  const rest = parts.slice(1).filter((p) => p !== 'public' && p !== 'admin');
  return rest[0]?.replace(/[^a-z0-9_-]/gi, '');
}

/** A field's label: the route's own (`fieldsIn.<scope>.<field>`) before the shared `fields.<field>`. */
export function fieldLabel(lang: Lang, field: string, scope?: string): string {
  if (scope) {
    const own = `fieldsIn.${scope}.${field}`;
    const label = translate(lang, own);
    if (label !== own) return label;
  }
  const key = `fields.${field}`;
  const label = translate(lang, key);
  return label === key ? field : label;
}

/** Turn one zod issue into a sentence a civil servant can act on. */
export function describeIssue(lang: Lang, issue: ZodIssueLike, scope?: string): { field: string; message: string } {
  const path = issue.path ?? [];
  const field = path.filter((p) => typeof p === 'string').join('.') || 'body';
  const leaf = String(path.filter((p) => typeof p === 'string').at(-1) ?? 'body');
  let problem: string;
  switch (issue.code) {
    case 'invalid_type':
      problem = issue.message?.includes('received undefined')
        ? translate(lang, 'zod.required')
        : translate(lang, 'zod.invalidType', { expected: issue.expected ?? '' });
      break;
    case 'too_small':
      problem =
        issue.origin === 'string'
          ? Number(issue.minimum) <= 1
            ? translate(lang, 'zod.required')
            : translate(lang, 'zod.tooSmall', { minimum: Number(issue.minimum) })
          : translate(lang, 'zod.tooSmallNumber', { minimum: Number(issue.minimum) });
      break;
    case 'too_big':
      problem =
        issue.origin === 'string'
          ? translate(lang, 'zod.tooBig', { maximum: Number(issue.maximum) })
          : translate(lang, 'zod.tooBigNumber', { maximum: Number(issue.maximum) });
      break;
    case 'invalid_value':
    case 'invalid_enum_value':
      problem = translate(lang, 'zod.invalidEnum', { options: (issue.values ?? []).join(', ') });
      break;
    case 'unrecognized_keys': {
      const keys = issue.keys ?? [];
      return { field: keys[0] ?? field, message: translate(lang, 'errors.unknownField', { field: keys.join(', ') }) };
    }
    case 'invalid_format':
      problem = translate(lang, 'zod.invalidFormat');
      break;
    default:
      // Custom refinements carry a catalog key as their message (e.g. 'invalidDate').
      problem =
        issue.message && /^[a-zA-Z]+$/.test(issue.message) && translate(lang, `zod.${issue.message}`) !== `zod.${issue.message}`
          ? translate(lang, `zod.${issue.message}`)
          : translate(lang, 'zod.invalid');
  }
  if (issue.message === 'invalidDate') problem = translate(lang, 'zod.invalidDate');
  if (issue.message === 'invalidFormat') problem = translate(lang, 'zod.invalidFormat');
  return { field, message: translate(lang, 'errors.validation', { field: fieldLabel(lang, leaf, scope), problem }) };
}

/** Codes of framework errors (plugins, parsers) that carry only an HTTP status. */
export const CODE_OF_STATUS: Partial<Record<number, ErrorCode>> = {
  400: 'VALIDATION',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  423: 'LOCKED',
  429: 'RATE_LIMITED',
};
const MESSAGE_OF_CODE: Partial<Record<ErrorCode, [string, Record<string, string>]>> = {
  UNAUTHENTICATED: ['errors.unauthenticated', {}],
  FORBIDDEN: ['errors.forbidden', {}],
  NOT_FOUND: ['errors.routeNotFound', {}],
  PAYLOAD_TOO_LARGE: ['errors.payloadTooLarge', { max: '20 MB' }],
  UNSUPPORTED_MEDIA_TYPE: ['errors.unsupportedMediaType', {}],
  RATE_LIMITED: ['errors.rateLimited', {}],
};

export function sendError(
  request: FastifyRequest,
  reply: FastifyReply,
  code: ErrorCode,
  message: string,
  details?: unknown[],
  status?: number,
) {
  return reply
    .status(status ?? statusOf[code])
    .type('application/json; charset=utf-8')
    .send({ error: { code, message, ...(details && details.length ? { details } : {}) }, requestId: request.id });
}

export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError & { cause?: unknown }, request, reply) => {
    const lang = request.lang ?? 'id';
    if (err instanceof AppError) {
      const details = err.details?.map(({ messageKey, params, ...rest }) => ({
        ...rest,
        message: messageKey ? translate(lang, messageKey, params ?? {}) : rest.message,
      }));
      return sendError(request, reply, err.code, translate(lang, err.messageKey, err.params), details);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues = err.validation.map((v) =>
        describeIssue(lang, {
          ...(v.params as object),
          code: v.keyword,
          message: v.message,
          path: v.instancePath.split('/').filter(Boolean),
        } as ZodIssueLike, labelScopeOf(request.routeOptions.url)),
      );
      return sendError(request, reply, 'VALIDATION', issues[0]?.message ?? translate(lang, 'zod.invalid'), issues);
    }
    switch (err.code) {
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return sendError(request, reply, 'VALIDATION', translate(lang, 'errors.invalidJson'));
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
      case 'FST_REQ_FILE_TOO_LARGE':
      case 'FST_FILES_LIMIT':
      case 'FST_PARTS_LIMIT':
      case 'FST_FIELDS_LIMIT':
        return sendError(request, reply, 'PAYLOAD_TOO_LARGE', translate(lang, 'errors.payloadTooLarge', { max: '20 MB' }));
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
        return sendError(request, reply, 'UNSUPPORTED_MEDIA_TYPE', translate(lang, 'errors.unsupportedMediaType'));
      case 'FST_CSRF_INVALID_TOKEN':
      case 'FST_CSRF_MISSING_SECRET':
        return sendError(request, reply, 'CSRF', translate(lang, 'errors.csrf'));
    }
    if (err.statusCode === 429) return sendError(request, reply, 'RATE_LIMITED', translate(lang, 'errors.rateLimited'));
    if (err instanceof SyntaxError) return sendError(request, reply, 'VALIDATION', translate(lang, 'errors.invalidJson'));
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      // The code always matches the status: a status without a code of its own becomes a 400.
      const code = CODE_OF_STATUS[err.statusCode] ?? 'VALIDATION';
      const [key, params] = MESSAGE_OF_CODE[code] ?? ['errors.badRequest', {}];
      return sendError(request, reply, code, translate(lang, key, params));
    }
    // Unknown failure: log it whole, tell the user nothing about the database.
    request.log.error({ err }, 'unhandled error');
    return sendError(request, reply, 'INTERNAL', translate(lang, 'errors.internal'));
  });

}
