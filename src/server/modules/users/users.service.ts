import type { Deps } from '../../deps.ts';
import { AppError, conflict, notFound } from '../../errors.ts';
import { newId } from '../../lib/ids.ts';
import type { Actor } from '../../policy/actor.ts';
import { authorize } from '../../policy/policy.ts';
import type { Tx } from '../../db/db.ts';
import { UNIT_ROLES, type Role } from '../../../shared/schemas/common.ts';
import type { CreateUserInput, UpdateUserInput } from '../../../shared/schemas/admin.ts';
import { writeWithAudit } from '../audit/audit.writer.ts';
import { who } from '../org/org.service.ts';
import { generateTemporaryPassword, hashPassword } from '../auth/password.ts';
import { checkNewPassword } from '../auth/password-policy.ts';
import { normalizeEmail, setUserEmail } from './email.service.ts';

type Grant = { role: Role; unitId?: string | null };

const grantKey = (g: { role: string; unitId?: string | null }) => `${g.role}@${g.unitId ?? ''}`;

export function createUsersService(deps: Deps) {
  const { db, clock } = deps;

  async function checkGrants(tx: Tx, tenantId: string, grants: Grant[]) {
    for (const g of grants) {
      if (UNIT_ROLES.includes(g.role) && !g.unitId) {
        throw new AppError('VALIDATION', 'errors.unitRoleNeedsUnit', { role: g.role }, [{ field: 'roles', messageKey: 'errors.unitRoleNeedsUnit', params: { role: g.role } }]);
      }
      if (g.unitId) {
        const unit = await tx.selectFrom('units').select('id').where('tenantId', '=', tenantId).where('id', '=', g.unitId).executeTakeFirst();
        if (!unit) throw notFound('unit');
      }
    }
    // Same role twice for the same unit is one grant.
    return [...new Map(grants.map((g) => [grantKey(g), g])).values()];
  }

  async function replaceRoles(tx: Tx, tenantId: string, userId: string, grants: Grant[]) {
    await tx.deleteFrom('userRoles').where('tenantId', '=', tenantId).where('userId', '=', userId).execute();
    const now = clock.now().toISOString();
    for (const g of grants) {
      await tx.insertInto('userRoles').values({ tenantId, id: newId(), userId, role: g.role, unitId: g.unitId ?? null, createdAt: now }).execute();
    }
  }

  async function rolesOf(tx: Tx, tenantId: string, userId: string) {
    const rows = await tx.selectFrom('userRoles').select(['role', 'unitId']).where('tenantId', '=', tenantId).where('userId', '=', userId).execute();
    return rows.map(grantKey).sort();
  }

  return {
    async list(actor: Actor) {
      authorize(actor, 'user.read', { tenantId: actor.tenantId });
      const users = await db.selectFrom('users').selectAll().where('tenantId', '=', actor.tenantId).orderBy('username').execute();
      const roles = await db
        .selectFrom('userRoles')
        .leftJoin('units', (j) => j.onRef('units.tenantId', '=', 'userRoles.tenantId').onRef('units.id', '=', 'userRoles.unitId'))
        .select(['userRoles.userId', 'userRoles.role', 'userRoles.unitId', 'units.name as unitName'])
        .where('userRoles.tenantId', '=', actor.tenantId)
        .execute();
      // "Locked" now means: sign-ins from some address must wait (login-throttle.ts).
      const now = clock.now().toISOString();
      const waits = await db
        .selectFrom('loginThrottle')
        .innerJoin('users', 'users.username', 'loginThrottle.usernameKey')
        .select(['users.id as userId', 'loginThrottle.nextAllowedAt'])
        .where('users.tenantId', '=', actor.tenantId)
        .where('loginThrottle.nextAllowedAt', '>', now)
        .execute();
      const lockedUntil = new Map<string, string>();
      for (const w of waits) if (w.nextAllowedAt && w.nextAllowedAt > (lockedUntil.get(w.userId) ?? '')) lockedUntil.set(w.userId, w.nextAllowedAt);
      return users.map((u) => ({
        id: u.id,
        username: u.username,
        name: u.name,
        email: u.email ?? null,
        isActive: u.isActive === 1,
        mustChangePassword: u.mustChangePassword === 1,
        lockedUntil: lockedUntil.get(u.id) ?? null,
        roles: roles.filter((r) => r.userId === u.id).map((r) => ({ role: r.role, unitId: r.unitId, unitName: r.unitName ?? null })),
      }));
    },

    /** Creates a user with a temporary password that must be changed at first sign-in. */
    async create(actor: Actor, input: CreateUserInput, requestId?: string) {
      authorize(actor, 'user.manage', { tenantId: actor.tenantId });
      if (input.password !== undefined) checkNewPassword(input.password, { username: input.username, name: input.name }, 'password');
      const temporaryPassword = input.password ?? generateTemporaryPassword();
      const passwordHash = await hashPassword(temporaryPassword);
      const username = input.username.toLowerCase();
      const user = await writeWithAudit(db, who(actor, requestId), clock, async (tx, audit) => {
        const taken = await tx.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
        if (taken) throw conflict('errors.usernameTaken', { username });
        // The linked person must be one of this tenant's people (issue 9, item 9).
        if (input.personId && !(await tx.selectFrom('people').select('id').where('tenantId', '=', actor.tenantId).where('id', '=', input.personId).executeTakeFirst())) throw notFound('person');
        const grants = await checkGrants(tx, actor.tenantId, input.roles);
        const now = clock.now().toISOString();
        const row = {
          id: newId(),
          tenantId: actor.tenantId,
          username,
          name: input.name,
          passwordHash,
          mustChangePassword: 1 as const,
          isActive: 1 as const,
          isPlatformAdmin: 0 as const,
          personId: input.personId ?? null,
          locale: 'id',
          failedLogins: 0,
          lockedUntil: null,
          createdAt: now,
          updatedAt: now,
        };
        await tx.insertInto('users').values(row).execute();
        await replaceRoles(tx, actor.tenantId, row.id, grants);
        await audit.record({
          entityType: 'user',
          entityId: row.id,
          action: 'create',
          after: { username, name: input.name, roles: grants.map(grantKey).sort(), mustChangePassword: true },
        });
        return row;
      });
      return { user, temporaryPassword };
    },

    async update(actor: Actor, id: string, input: UpdateUserInput, requestId?: string) {
      authorize(actor, 'user.manage', { tenantId: actor.tenantId });
      return writeWithAudit(db, who(actor, requestId), clock, async (tx, audit) => {
        const user = await tx.selectFrom('users').selectAll().where('tenantId', '=', actor.tenantId).where('id', '=', id).executeTakeFirst();
        if (!user) throw notFound('user');
        const beforeRoles = await rolesOf(tx, actor.tenantId, id);
        if (input.roles) await replaceRoles(tx, actor.tenantId, id, await checkGrants(tx, actor.tenantId, input.roles));
        const set = {
          ...(input.name !== undefined && { name: input.name }),
          ...(input.isActive !== undefined && { isActive: (input.isActive ? 1 : 0) as 0 | 1 }),
          updatedAt: clock.now().toISOString(),
        };
        await tx.updateTable('users').set(set).where('id', '=', id).execute();
        if (input.email !== undefined) await setUserEmail(tx, audit, actor.tenantId, id, normalizeEmail(input.email), set.updatedAt);
        if (input.isActive === false) {
          await tx.updateTable('sessions').set({ revokedAt: clock.now().toISOString() }).where('userId', '=', id).where('revokedAt', 'is', null).execute();
        }
        // The tenant must keep at least one active admin, or nobody can manage it any more.
        const admins = await tx
          .selectFrom('userRoles')
          .innerJoin('users', 'users.id', 'userRoles.userId')
          .select('users.id')
          .where('userRoles.tenantId', '=', actor.tenantId)
          .where('userRoles.role', '=', 'admin')
          .where('users.isActive', '=', 1)
          .execute();
        if (admins.length === 0) throw conflict('errors.lastAdmin');
        const afterRoles = await rolesOf(tx, actor.tenantId, id);
        await audit.record({
          entityType: 'user',
          entityId: id,
          action: 'update',
          before: { name: user.name, isActive: user.isActive === 1, roles: beforeRoles },
          after: { name: input.name ?? user.name, isActive: input.isActive ?? user.isActive === 1, roles: afterRoles },
        });
        return { id };
      });
    },

    async resetPassword(actor: Actor, id: string, requestId?: string) {
      authorize(actor, 'user.manage', { tenantId: actor.tenantId });
      const temporaryPassword = generateTemporaryPassword();
      const passwordHash = await hashPassword(temporaryPassword);
      await writeWithAudit(db, who(actor, requestId), clock, async (tx, audit) => {
        const user = await tx.selectFrom('users').select(['id', 'username']).where('tenantId', '=', actor.tenantId).where('id', '=', id).executeTakeFirst();
        if (!user) throw notFound('user');
        const now = clock.now().toISOString();
        await tx.updateTable('users').set({ passwordHash, mustChangePassword: 1, failedLogins: 0, lockedUntil: null, updatedAt: now }).where('id', '=', id).execute();
        await tx.updateTable('sessions').set({ revokedAt: now }).where('userId', '=', id).where('revokedAt', 'is', null).execute();
        await tx.deleteFrom('loginThrottle').where('usernameKey', '=', user.username).execute();
        await audit.record({ entityType: 'user', entityId: id, action: 'password_reset', changes: { mustChangePassword: { before: null, after: true } } });
      });
      return { temporaryPassword };
    },

    /** Sign-in delays (login-throttle.ts) of this tenant's users, per address. */
    async listLoginDelays(actor: Actor) {
      authorize(actor, 'user.read', { tenantId: actor.tenantId });
      const rows = await db
        .selectFrom('loginThrottle')
        .innerJoin('users', 'users.username', 'loginThrottle.usernameKey')
        .select(['users.id as userId', 'users.username', 'users.name', 'loginThrottle.ip', 'loginThrottle.failures', 'loginThrottle.nextAllowedAt', 'loginThrottle.lastAttemptAt'])
        .where('users.tenantId', '=', actor.tenantId)
        .orderBy('loginThrottle.lastAttemptAt', 'desc')
        .execute();
      const now = clock.now().toISOString();
      return rows.map((r) => ({ ...r, delayedUntil: r.nextAllowedAt && r.nextAllowedAt > now ? r.nextAllowedAt : null }));
    },

    /** Clear every sign-in delay of one user (all addresses). */
    async clearLoginDelays(actor: Actor, id: string, requestId?: string) {
      authorize(actor, 'user.manage', { tenantId: actor.tenantId });
      await writeWithAudit(db, who(actor, requestId), clock, async (tx, audit) => {
        const user = await tx.selectFrom('users').select(['id', 'username']).where('tenantId', '=', actor.tenantId).where('id', '=', id).executeTakeFirst();
        if (!user) throw notFound('user');
        const cleared = await tx.deleteFrom('loginThrottle').where('usernameKey', '=', user.username).executeTakeFirst();
        await audit.record({ entityType: 'user', entityId: id, action: 'login_delay_clear', changes: { addresses: { before: Number(cleared.numDeletedRows), after: 0 } } });
      });
    },
  };
}
