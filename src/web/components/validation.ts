/**
 * Client-side validation with the shared zod schemas (the same ones the server uses), rendered
 * with the `zod.*` messages of the core catalog so the wording matches the server's.
 */
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { validateNip, type AsnKind } from '../../shared/nip.ts';

type Errors = Record<string, string>;

function capitalise(s: string): string {
  return s ? s[0]!.toUpperCase() + s.slice(1) : s;
}

export function zodErrors(schema: z.ZodType, values: unknown, t: TFunction): Errors {
  const res = schema.safeParse(values);
  if (res.success) return {};
  const errors: Errors = {};
  for (const issue of res.error.issues) {
    const path = issue.path.map(String).join('.');
    if (!path || errors[path]) continue;
    errors[path] = capitalise(issueMessage(issue as unknown as Record<string, unknown>, t));
  }
  return errors;
}

function issueMessage(issue: Record<string, unknown>, t: TFunction): string {
  const msg = typeof issue.message === 'string' ? issue.message : '';
  if (msg === 'invalidFormat' || msg === 'invalidDate') return t(`zod.${msg}`);
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? t('zod.required') : t('zod.tooSmall', { minimum: issue.minimum });
      return t('zod.tooSmallNumber', { minimum: issue.minimum });
    case 'too_big':
      if (issue.origin === 'string') return t('zod.tooBig', { maximum: issue.maximum });
      return t('zod.tooBigNumber', { maximum: issue.maximum });
    case 'invalid_type':
    case 'invalid_value':
      return t('zod.required');
    case 'invalid_format':
      return t('zod.invalidFormat');
    default:
      return t('zod.invalid');
  }
}

/** Live NIP feedback: null when fine (or still empty), otherwise the catalog's message. */
export function nipProblem(nip: string, kind: AsnKind | null | undefined, t: TFunction): string | null {
  if (!nip.trim() || !kind) return null;
  const res = validateNip(nip, kind, new Date().getFullYear());
  return res.ok ? null : t(`nip.${res.reason}`, res.params ?? {});
}

/** Empty strings from inputs become null for optional API fields. */
export function blankToNull<T extends Record<string, unknown>>(values: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) out[k] = typeof v === 'string' && v.trim() === '' ? null : v;
  return out as T;
}

/** The message under an empty required field: "Wajib diisi" (English "Required"). */
export function requiredMessage(t: TFunction): string {
  return t('common.required');
}
