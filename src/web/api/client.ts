/**
 * The one fetch wrapper of the SPA: same-origin JSON, cookie session, CSRF header on writes,
 * and the server's error shape `{ error: { code, message, details? }, requestId }` as ApiError.
 */
import i18n from '../i18n.ts';

export interface ApiErrorDetail {
  field?: string;
  message?: string;
  [k: string]: unknown;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: ApiErrorDetail[];
  readonly requestId?: string;

  constructor(status: number, code: string, message: string, details: ApiErrorDetail[] = [], requestId?: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.requestId = requestId;
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

/** Hooks the auth layer installs so any request can report a lost session. */
export const apiEvents: {
  onUnauthenticated?: () => void;
  onPasswordChangeRequired?: () => void;
} = {};

let csrfToken: string | null = null;
let csrfInFlight: Promise<string> | null = null;

export function resetCsrfToken(): void {
  csrfToken = null;
  csrfInFlight = null;
}

export async function getCsrfToken(force = false): Promise<string> {
  if (force) resetCsrfToken();
  if (csrfToken) return csrfToken;
  if (!csrfInFlight) {
    csrfInFlight = (async () => {
      const res = await fetch('/api/csrf', { credentials: 'same-origin', headers: { accept: 'application/json' } });
      if (!res.ok) throw await toApiError(res);
      const body = (await res.json()) as { token: string };
      csrfToken = body.token;
      return body.token;
    })().finally(() => {
      csrfInFlight = null;
    });
  }
  return csrfInFlight;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

async function toApiError(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    /* not JSON (proxy page, empty body) */
  }
  const err = (body as { error?: { code?: string; message?: string; details?: ApiErrorDetail[] } } | null)?.error;
  const requestId = (body as { requestId?: string } | null)?.requestId;
  if (err && typeof err.message === 'string') {
    return new ApiError(res.status, err.code ?? `HTTP_${res.status}`, err.message, Array.isArray(err.details) ? err.details : [], requestId);
  }
  return new ApiError(res.status, `HTTP_${res.status}`, i18n.t('common.errors.http', { status: res.status }), [], requestId);
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Query;
  signal?: AbortSignal;
  /** Do not report 401 to the auth layer (login, /auth/me). */
  quietAuth?: boolean;
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const method = opts.method ?? 'GET';
  const url = withQuery(path.startsWith('/api') ? path : `/api${path}`, opts.query);
  const isForm = typeof FormData !== 'undefined' && opts.body instanceof FormData;

  const send = async (): Promise<Response> => {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (opts.body !== undefined && !isForm) headers['content-type'] = 'application/json';
    // Login has no session yet, so it needs no CSRF token.
    if (WRITE_METHODS.has(method) && url !== '/api/auth/login') headers['x-csrf-token'] = await getCsrfToken();
    try {
      return await fetch(url, {
        method,
        credentials: 'same-origin',
        headers,
        body: opts.body === undefined ? undefined : isForm ? (opts.body as FormData) : JSON.stringify(opts.body),
        signal: opts.signal,
      });
    } catch (e) {
      if ((e as Error)?.name === 'AbortError') throw e;
      throw new ApiError(0, 'NETWORK', i18n.t('common.errors.network'));
    }
  };

  let res = await send();
  if (!res.ok) {
    let error = await toApiError(res);
    if (error.status === 403 && error.code === 'CSRF') {
      // The token rotates with the session: fetch a fresh one and retry once.
      await getCsrfToken(true);
      res = await send();
      if (res.ok) return parse<T>(res);
      error = await toApiError(res);
    }
    if (error.status === 401 && !opts.quietAuth) apiEvents.onUnauthenticated?.();
    if (error.status === 403 && error.code === 'PASSWORD_CHANGE_REQUIRED') apiEvents.onPasswordChangeRequired?.();
    throw error;
  }
  return parse<T>(res);
}

async function parse<T>(res: Response): Promise<T> {
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  if (!type.includes('json')) return undefined as T;
  return (await res.json()) as T;
}

/**
 * Multipart upload with progress (fetch cannot report upload progress; slow connections need it).
 * The browser sets the multipart content-type with its boundary; we only add the CSRF header.
 */
export async function upload<T>(path: string, form: FormData, onProgress?: (fraction: number) => void): Promise<T> {
  const url = path.startsWith('/api') ? path : `/api${path}`;
  const sendOnce = async (): Promise<{ status: number; text: string; type: string }> => {
    const token = await getCsrfToken();
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', url);
      xhr.withCredentials = true;
      xhr.setRequestHeader('x-csrf-token', token);
      xhr.setRequestHeader('accept', 'application/json');
      xhr.upload.onprogress = (e) => {
        if (e.lengthComputable) onProgress?.(e.loaded / e.total);
      };
      xhr.onload = () => resolve({ status: xhr.status, text: xhr.responseText, type: xhr.getResponseHeader('content-type') ?? '' });
      xhr.onerror = () => reject(new ApiError(0, 'NETWORK', i18n.t('common.errors.network')));
      xhr.send(form);
    });
  };
  const toError = (r: { status: number; text: string }) => toApiError(new Response(r.text || null, { status: r.status, headers: { 'content-type': 'application/json' } }));

  let r = await sendOnce();
  if (r.status === 403) {
    const err = await toError(r);
    if (err.code !== 'CSRF') throw err;
    await getCsrfToken(true);
    r = await sendOnce();
  }
  if (r.status < 200 || r.status >= 300) {
    const err = await toError(r);
    if (err.status === 401) apiEvents.onUnauthenticated?.();
    throw err;
  }
  return (r.text && r.type.includes('json') ? JSON.parse(r.text) : undefined) as T;
}
