import { AppError } from '../../errors.ts';
import { COMMON_PASSWORDS } from './common-passwords.ts';

/**
 * New passwords follow NIST SP 800-63B §5.1.1.2: a minimum length, no composition rules (no
 * "one digit, one symbol"), and refusal of common passwords and of context-specific words
 * (the username, the person's name, the application's demo password). Applies to user creation
 * with a chosen password and to password change; temporary passwords are random (password.ts).
 * Demo users are seeded directly and are not checked.
 */
export const MIN_PASSWORD_LENGTH = 12;

const squash = (s: string) => s.toLowerCase().normalize('NFKC').replace(/[\s._\-@]+/g, '');

export function checkNewPassword(password: string, context: { username?: string | null; name?: string | null }, field = 'password'): void {
  const fail = (messageKey: string, params: Record<string, string | number> = {}) =>
    new AppError('VALIDATION', messageKey, params, [{ field, messageKey, params }]);
  if ([...password].length < MIN_PASSWORD_LENGTH) throw fail('errors.passwordTooShort', { min: MIN_PASSWORD_LENGTH });
  const lower = password.toLowerCase().normalize('NFKC');
  if (COMMON_PASSWORDS.has(lower) || COMMON_PASSWORDS.has(lower.trim())) throw fail('errors.passwordCommon');
  // The username or the name itself, also with digits or symbols added at the end.
  const core = squash(password).replace(/[^\p{L}]+$/u, '');
  for (const word of [context.username, context.name]) {
    if (!word) continue;
    const w = squash(word);
    if (w.length > 0 && (squash(password) === w || core === w.replace(/[^\p{L}]+$/u, ''))) throw fail('errors.passwordLikeName');
  }
}
