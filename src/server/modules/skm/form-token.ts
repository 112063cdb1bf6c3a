import { createHmac, createSecretKey, randomBytes, timingSafeEqual, type KeyObject } from 'node:crypto';

/**
 * Single-use form tokens for the public survey form, issued by the server with the form and
 * checked on submission: HMAC(secret, code.nonce.issuedAt). No personal data, no cookies; the
 * nonce is recorded when its response is stored, so a token cannot be replayed.
 */
export const FORM_TOKEN_TTL_MS = 12 * 3600_000;

export function issueFormToken(secret: string, surveyCode: string, now: number): string {
  const nonce = randomBytes(16).toString('base64url');
  const issued = now.toString(36);
  return `${nonce}.${issued}.${sign(secret, surveyCode, nonce, issued)}`;
}

/** The HMAC key of a secret, made once (not on every form and submission). */
const keys = new Map<string, KeyObject>();
function keyOf(secret: string): KeyObject {
  let key = keys.get(secret);
  if (!key) {
    if (keys.size > 16) keys.clear();
    keys.set(secret, (key = createSecretKey(Buffer.from(`${secret}:skm-form`, 'utf8'))));
  }
  return key;
}

function sign(secret: string, code: string, nonce: string, issued: string) {
  return createHmac('sha256', keyOf(secret)).update(`${code}.${nonce}.${issued}`).digest('base64url');
}

export type TokenCheck = { ok: true; nonce: string } | { ok: false; reason: 'forged' | 'expired' };

export function checkFormToken(secret: string, surveyCode: string, token: string, now: number): TokenCheck {
  const [nonce, issued, sig, ...rest] = token.split('.');
  if (!nonce || !issued || !sig || rest.length) return { ok: false, reason: 'forged' };
  const expected = Buffer.from(sign(secret, surveyCode, nonce, issued));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'forged' };
  const at = parseInt(issued, 36);
  if (!Number.isFinite(at) || at > now + 60_000 || now - at > FORM_TOKEN_TTL_MS) return { ok: false, reason: 'expired' };
  return { ok: true, nonce };
}
