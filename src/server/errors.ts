/**
 * One error type for the whole server. Domain code throws AppError with a stable code and an
 * i18n message key; the error plugin maps the code to an HTTP status and renders the message in
 * the caller's language. Domain code never sets a status.
 */
export type ErrorCode =
  | 'VALIDATION'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'LOCKED'
  | 'PASSWORD_CHANGE_REQUIRED'
  | 'CSRF'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'INTERNAL';

export const statusOf: Record<ErrorCode, number> = {
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

export interface ErrorDetail {
  field?: string;
  messageKey?: string;
  message?: string;
  params?: Record<string, string | number>;
  [k: string]: unknown;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly messageKey: string;
  readonly params: Record<string, string | number>;
  readonly details?: ErrorDetail[];

  constructor(code: ErrorCode, messageKey: string, params: Record<string, string | number> = {}, details?: ErrorDetail[]) {
    super(`${code}: ${messageKey}`);
    this.code = code;
    this.messageKey = messageKey;
    this.params = params;
    this.details = details;
  }
}

/** `entity` is a key of the `entities` catalog; '@'-prefixed params are translated when rendered. */
export const notFound = (entity: string) => new AppError('NOT_FOUND', 'errors.notFound', { entity: `@entities.${entity}` });
export const forbidden = () => new AppError('FORBIDDEN', 'errors.forbidden');
export const validation = (field: string, messageKey: string, params: Record<string, string | number> = {}) =>
  new AppError('VALIDATION', messageKey, { ...params, field }, [{ field, messageKey, params }]);
export const conflict = (messageKey: string, params: Record<string, string | number> = {}) =>
  new AppError('CONFLICT', messageKey, params);
