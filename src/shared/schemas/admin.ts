import { z } from 'zod';
import { ZNewPassword, ZRoleGrant } from './auth.ts';
import { ZOptionalEmail } from './notifications.ts';

export const ZCreateTenantInput = z.object({
  regionCode: z.string().trim().regex(/^\d{2}(\.\d{2})?$/, { message: 'invalidFormat' }),
}).strict();

export const ZCreateUserInput = z.object({
  username: z.string().trim().min(3).max(64).regex(/^[a-z0-9._-]+$/, { message: 'invalidFormat' }),
  name: z.string().trim().min(2).max(200),
  password: ZNewPassword.optional(),
  personId: z.string().max(64).nullish(),
  roles: z.array(ZRoleGrant).max(20).default([]),
}).strict();
export type CreateUserInput = z.infer<typeof ZCreateUserInput>;

export const ZUpdateUserInput = z.object({
  name: z.string().trim().min(2).max(200).optional(),
  isActive: z.boolean().optional(),
  roles: z.array(ZRoleGrant).max(20).optional(),
  email: ZOptionalEmail.optional(),
}).strict();
export type UpdateUserInput = z.infer<typeof ZUpdateUserInput>;

/** Status filter of the users list: active, deactivated, waiting on a sign-in delay, temporary password. */
export const USER_STATUSES = ['active', 'inactive', 'locked', 'mustChange'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];
