import type { Insertable, Updateable } from 'kysely';
import type { DialectName, Executor } from '../../db/db.ts';
import type { UserTable } from '../../db/schema.ts';
import { ilikeContains } from '../../db/dialect.ts';
import { orderByList, pageOf, type SortColumns } from '../../lib/list.ts';
import type { LIST_SORTS, SortValue } from '../../../shared/schemas/common.ts';
import type { UserStatus } from '../../../shared/schemas/admin.ts';

type UsersSortKey = (typeof LIST_SORTS.users.keys)[number];

export interface UsersListFilter {
  /** Part of the username or the name. */
  q?: string;
  role?: string;
  status?: UserStatus;
  page: number;
  pageSize: number;
  sort: SortValue<UsersSortKey>;
}

const USERS_SORT: SortColumns<UsersSortKey> = {
  createdAt: { column: 'users.createdAt' },
  name: { column: 'users.name', text: true },
  username: { column: 'users.username', text: true },
};

/** Users and their role grants. Every function takes tenantId explicitly, except the two keyed by the (global) username. */
export const usersRepo = {
  /**
   * Users of a tenant, filtered and sorted (newest first by default), one page at a time. "Locked"
   * means a sign-in delay (login-throttle.ts) is still running at `now` for some address.
   */
  async listUsers(db: Executor, dialect: DialectName, tenantId: string, f: UsersListFilter, now: string) {
    let q = db.selectFrom('users').where('users.tenantId', '=', tenantId);
    if (f.q) q = q.where((eb) => eb.or([ilikeContains('users.username', f.q!), ilikeContains('users.name', f.q!)]));
    if (f.role) {
      const role = f.role;
      q = q.where((eb) =>
        eb.exists(eb.selectFrom('userRoles as r').select('r.id').whereRef('r.tenantId', '=', 'users.tenantId').whereRef('r.userId', '=', 'users.id').where('r.role', '=', role)),
      );
    }
    if (f.status === 'active') q = q.where('users.isActive', '=', 1);
    if (f.status === 'inactive') q = q.where('users.isActive', '=', 0);
    if (f.status === 'mustChange') q = q.where('users.mustChangePassword', '=', 1);
    if (f.status === 'locked') {
      q = q.where((eb) =>
        eb.exists(eb.selectFrom('loginThrottle as lt').select('lt.usernameKey').whereRef('lt.usernameKey', '=', 'users.username').where('lt.nextAllowedAt', '>', now)),
      );
    }
    const [{ total }] = await q.select((eb) => eb.fn.countAll<number>().as('total')).execute();
    const items = await q
      .select(['users.id', 'users.username', 'users.name', 'users.email', 'users.isActive', 'users.mustChangePassword', 'users.createdAt'])
      .$call((qb) => pageOf(orderByList(qb, f.sort, USERS_SORT, 'users.id', dialect), f))
      .execute();
    return { items, total: Number(total) };
  },

  /** The role grants of some users, with the unit's name. */
  rolesOfUsers(db: Executor, tenantId: string, userIds: string[]) {
    if (userIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('userRoles')
      .leftJoin('units', (j) => j.onRef('units.tenantId', '=', 'userRoles.tenantId').onRef('units.id', '=', 'userRoles.unitId'))
      .select(['userRoles.userId', 'userRoles.role', 'userRoles.unitId', 'units.name as unitName'])
      .where('userRoles.tenantId', '=', tenantId)
      .where('userRoles.userId', 'in', userIds)
      .orderBy('userRoles.role')
      .orderBy('userRoles.id')
      .execute();
  },

  /** Sign-in delays still running at `now`, per user (the latest end when several addresses wait). */
  async lockedUntilOf(db: Executor, tenantId: string, userIds: string[], now: string) {
    const lockedUntil = new Map<string, string>();
    if (userIds.length === 0) return lockedUntil;
    const waits = await db
      .selectFrom('loginThrottle')
      .innerJoin('users', 'users.username', 'loginThrottle.usernameKey')
      .select(['users.id as userId', 'loginThrottle.nextAllowedAt'])
      .where('users.tenantId', '=', tenantId)
      .where('users.id', 'in', userIds)
      .where('loginThrottle.nextAllowedAt', '>', now)
      .execute();
    for (const w of waits) if (w.nextAllowedAt && w.nextAllowedAt > (lockedUntil.get(w.userId) ?? '')) lockedUntil.set(w.userId, w.nextAllowedAt);
    return lockedUntil;
  },

  findUser(db: Executor, tenantId: string, id: string) {
    return db.selectFrom('users').selectAll().where('tenantId', '=', tenantId).where('id', '=', id).executeTakeFirst();
  },
  /** Usernames are unique across every tenant (sign-in asks only for the username). */
  findUserIdByUsername(db: Executor, username: string) {
    return db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
  },
  unitExists(db: Executor, tenantId: string, unitId: string) {
    return db.selectFrom('units').select('id').where('tenantId', '=', tenantId).where('id', '=', unitId).executeTakeFirst().then((r) => !!r);
  },
  personExists(db: Executor, tenantId: string, personId: string) {
    return db.selectFrom('people').select('id').where('tenantId', '=', tenantId).where('id', '=', personId).executeTakeFirst().then((r) => !!r);
  },
  async insertUser(db: Executor, row: Insertable<UserTable>) {
    await db.insertInto('users').values(row).execute();
  },
  async updateUser(db: Executor, tenantId: string, id: string, set: Updateable<UserTable>) {
    await db.updateTable('users').set(set).where('tenantId', '=', tenantId).where('id', '=', id).execute();
  },

  roleGrants(db: Executor, tenantId: string, userId: string) {
    return db.selectFrom('userRoles').select(['role', 'unitId']).where('tenantId', '=', tenantId).where('userId', '=', userId).execute();
  },
  async deleteRoles(db: Executor, tenantId: string, userId: string) {
    await db.deleteFrom('userRoles').where('tenantId', '=', tenantId).where('userId', '=', userId).execute();
  },
  async insertRole(db: Executor, row: { tenantId: string; id: string; userId: string; role: string; unitId: string | null; createdAt: string }) {
    await db.insertInto('userRoles').values(row).execute();
  },
  /** Active users holding the admin role: the tenant must keep at least one. */
  activeAdminIds(db: Executor, tenantId: string) {
    return db
      .selectFrom('userRoles')
      .innerJoin('users', (j) => j.onRef('users.tenantId', '=', 'userRoles.tenantId').onRef('users.id', '=', 'userRoles.userId'))
      .select('users.id')
      .where('userRoles.tenantId', '=', tenantId)
      .where('userRoles.role', '=', 'admin')
      .where('users.isActive', '=', 1)
      .execute();
  },

  async revokeSessions(db: Executor, tenantId: string, userId: string, now: string) {
    await db.updateTable('sessions').set({ revokedAt: now }).where('tenantId', '=', tenantId).where('userId', '=', userId).where('revokedAt', 'is', null).execute();
  },

  /** Sign-in delays (login-throttle.ts) of a tenant's users, per address, latest attempt first. */
  loginDelays(db: Executor, tenantId: string) {
    return db
      .selectFrom('loginThrottle')
      .innerJoin('users', 'users.username', 'loginThrottle.usernameKey')
      .select(['users.id as userId', 'users.username', 'users.name', 'loginThrottle.ip', 'loginThrottle.failures', 'loginThrottle.nextAllowedAt', 'loginThrottle.lastAttemptAt'])
      .where('users.tenantId', '=', tenantId)
      .orderBy('loginThrottle.lastAttemptAt', 'desc')
      .execute();
  },
  /** Forget every sign-in delay of a username (all addresses); the number of addresses cleared. */
  async clearLoginDelays(db: Executor, username: string) {
    const res = await db.deleteFrom('loginThrottle').where('usernameKey', '=', username).executeTakeFirst();
    return Number(res.numDeletedRows);
  },
};
