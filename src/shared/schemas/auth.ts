import { z } from 'zod';
import { ROLES } from './common.ts';

export const ZLoginInput = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
}).strict();

/** Password policy: long enough to resist guessing, no composition rules (NIST 800-63B). */
// NIST SP 800-63B: length, no composition rules; the common-password check is on the server.
export const ZNewPassword = z.string().min(12).max(256);

export const ZChangePasswordInput = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword: ZNewPassword,
}).strict();

export const ZLocaleInput = z.object({ locale: z.enum(['id', 'en']) }).strict();

export const ZRoleGrant = z.object({
  role: z.enum(ROLES),
  unitId: z.string().min(1).max(64).nullish(),
}).strict();

export const ZSessionUser = z.object({
  id: z.string(),
  username: z.string(),
  name: z.string(),
  tenantId: z.string(),
  tenantName: z.string(),
  regionCode: z.string(),
  roles: z.array(z.object({ role: z.enum(ROLES), unitId: z.string().nullable(), unitName: z.string().nullable() })),
  isPlatformAdmin: z.boolean(),
  mustChangePassword: z.boolean(),
  locale: z.enum(['id', 'en']),
});
export type SessionUser = z.infer<typeof ZSessionUser>;

export const ZLoginResult = z.object({ user: ZSessionUser, passwordChangeRequired: z.boolean() });
