import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.ts';
import { fieldLabel, labelScopeOf } from './errors.ts';

const MAX_DEPTH = 64;

/**
 * The path (dot-joined, '' for the value itself) of the first string or object key holding a NUL
 * character (U+0000), or null when there is none. A NUL key is reported at its parent's path.
 */
export function findNul(value: unknown, path: string[] = [], depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path.join('.') : null;
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return null;
  if (Buffer.isBuffer(value)) return null;
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  for (const [k, v] of entries) {
    if (k.includes('\u0000')) return path.join('.');
    const found = findNul(v, [...path, k], depth + 1);
    if (found !== null) return found;
  }
  return null;
}

/**
 * Input that no route accepts, refused in one place before any schema or database sees it:
 * PostgreSQL cannot store U+0000 in text, and SQLite would store it silently, so both databases
 * answer the same 400 (path parameters, query string and JSON body alike).
 */
export function registerInputGuards(app: FastifyInstance) {
  app.addHook('preValidation', async (request) => {
    for (const part of [request.params, request.query, request.body]) {
      const field = findNul(part);
      if (field !== null) {
        const name = field || 'body';
        const label = fieldLabel(request.lang ?? 'id', name.split('.').at(-1)!, labelScopeOf(request.routeOptions.url));
        throw new AppError('VALIDATION', 'errors.nulCharacter', { field: label }, [{ field: name, messageKey: 'errors.nulCharacter', params: { field: label } }]);
      }
    }
  });
}
