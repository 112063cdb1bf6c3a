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
import { usersRepo as repo, type UsersListFilter } from './users.repo.ts';

type Grant = { role: Role; unitId?: string | null };

const grantKey = (g: { role: string; unitId?: string | null }) => `${g.role}@${g.unitId ?? ''}`;

export function createUsersService(deps: Deps) {
  const { db, clock, dialect } = deps;

  async function checkGrants(tx: Tx, tenantId: string, grants: Grant[]) {
    for (const g of grants) {
      if (UNIT_ROLES.includes(g.role) && !g.unitId) {
        throw new AppError('VALIDATION', 'errors.unitRoleNeedsUnit', { role: g.role }, [{ field: 'roles', messageKey: 'errors.unitRoleNeedsUnit', params: { role: g.role } }]);
      }
      if (g.unitId && !(await repo.unitExists(tx, tenantId, g.unitId))) throw notFound('unit');
    }
    // Same role twice for the same unit is one grant.
    return [...new Map(grants.map((g) => [grantKey(g), g])).values()];
  }

  async function replaceRoles(tx: Tx, tenantId: string, userId: string, grants: Grant[]) {
    await repo.deleteRoles(tx, tenantId, userId);
    const now = clock.now().toISOString();
    for (const g of grants) await repo.insertRole(tx, { tenantId, id: newId(), userId, role: g.role, unitId: g.unitId ?? null, createdAt: now });
  }

  async function rolesOf(tx: Tx, tenantId: string, userId: string) {
    return (await repo.roleGrants(tx, tenantId, userId)).map(grantKey).sort();
  }

  /** Users as the admin page shows them: roles with unit names, and any running sign-in delay. */
  async function present<U extends { id: string; username: string; name: string; email?: string | null; isActive: number; mustChangePassword: number; createdAt: string }>(tenantId: string, users: U[]) {
    const ids = users.map((u) => u.id);
    const roles = await repo.rolesOfUsers(db, tenantId, ids);
    // "Locked" now means: sign-ins from some address must wait (login-throttle.ts).
    const lockedUntil = await repo.lockedUntilOf(db, tenantId, ids, clock.now().toISOString());
    return users.map((u) => ({
      id: u.id,
      username: u.username,
      name: u.name,
      email: u.email ?? null,
      isActive: u.isActive === 1,
      mustChangePassword: u.mustChangePassword === 1,
      lockedUntil: lockedUntil.get(u.id) ?? null,
      createdAt: u.createdAt,
      roles: roles.filter((r) => r.userId === u.id).map((r) => ({ role: r.role, unitId: r.unitId, unitName: r.unitName ?? null })),
    }));
  }

  return {
    /** Users of the tenant: search (username, name), role and status filters, sorted, one page. */
    async list(actor: Actor, f: UsersListFilter) {
      authorize(actor, 'user.read', { tenantId: actor.tenantId });
      const { items, total } = await repo.listUsers(db, dialect, actor.tenantId, f, clock.now().toISOString());
      return { items: await present(actor.tenantId, items), total };
    },

    /** One user as the list shows it (the answer of a create or an update). */
    async get(actor: Actor, id: string) {
      authorize(actor, 'user.read', { tenantId: actor.tenantId });
      const user = await repo.findUser(db, actor.tenantId, id);
      if (!user) throw notFound('user');
      return (await present(actor.tenantId, [user]))[0]!;
    },

    /** Creates a user with a temporary password that must be changed at first sign-in. */
    async create(actor: Actor, input: CreateUserInput, requestId?: string) {
      authorize(actor, 'user.manage', { tenantId: actor.tenantId });
      if (input.password !== undefined) checkNewPassword(input.password, { username: input.username, name: input.name }, 'password');
      const temporaryPassword = input.password ?? generateTemporaryPassword();
      const passwordHash = await hashPassword(temporaryPassword);
      const username = input.username.toLowerCase();
      const user = await writeWithAudit(db, who(actor, requestId), clock, async (tx, audit) => {
        if (await repo.findUserIdByUsername(tx, username)) throw conflict('errors.usernameTaken', { username });
        // The linked person must be one of this tenant's people (issue 9, item 9).
        if (input.personId && !(await repo.personExists(tx, actor.tenantId, input.personId))) throw notFound('person');
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
        await repo.insertUser(tx, row);
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
        const user = await repo.findUser(tx, actor.tenantId, id);
        if (!user) throw notFound('user');
        const beforeRoles = await rolesOf(tx, actor.tenantId, id);
        if (input.roles) await replaceRoles(tx, actor.tenantId, id, await checkGrants(tx, actor.tenantId, input.roles));
        const set = {
          ...(input.name !== undefined && { name: input.name }),
          ...(input.isActive !== undefined && { isActive: (input.isActive ? 1 : 0) as 0 | 1 }),
          updatedAt: clock.now().toISOString(),
        };
        await repo.updateUser(tx, actor.tenantId, id, set);
        if (input.email !== undefined) await setUserEmail(tx, audit, actor.tenantId, id, normalizeEmail(input.email), set.updatedAt);
        if (input.isActive === false) {
          await repo.revokeSessions(tx, actor.tenantId, id, clock.now().toISOString());
        }
        // The tenant must keep at least one active admin, or nobody can manage it any more.
        if ((await repo.activeAdminIds(tx, actor.tenantId)).length === 0) throw conflict('errors.lastAdmin');
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
        const user = await repo.findUser(tx, actor.tenantId, id);
        if (!user) throw notFound('user');
        const now = clock.now().toISOString();
        await repo.updateUser(tx, actor.tenantId, id, { passwordHash, mustChangePassword: 1, failedLogins: 0, lockedUntil: null, updatedAt: now });
        await repo.revokeSessions(tx, actor.tenantId, id, now);
        await repo.clearLoginDelays(tx, user.username);
        await audit.record({ entityType: 'user', entityId: id, action: 'password_reset', changes: { mustChangePassword: { before: null, after: true } } });
      });
      return { temporaryPassword };
    },

    /** Sign-in delays (login-throttle.ts) of this tenant's users, per address. */
    async listLoginDelays(actor: Actor) {
      authorize(actor, 'user.read', { tenantId: actor.tenantId });
      const rows = await repo.loginDelays(db, actor.tenantId);
      const now = clock.now().toISOString();
      return rows.map((r) => ({ ...r, delayedUntil: r.nextAllowedAt && r.nextAllowedAt > now ? r.nextAllowedAt : null }));
    },

    /** Clear every sign-in delay of one user (all addresses). */
    async clearLoginDelays(actor: Actor, id: string, requestId?: string) {
      authorize(actor, 'user.manage', { tenantId: actor.tenantId });
      await writeWithAudit(db, who(actor, requestId), clock, async (tx, audit) => {
        const user = await repo.findUser(tx, actor.tenantId, id);
        if (!user) throw notFound('user');
        const cleared = await repo.clearLoginDelays(tx, user.username);
        await audit.record({ entityType: 'user', entityId: id, action: 'login_delay_clear', changes: { addresses: { before: cleared, after: 0 } } });
      });
    },
  };
}
