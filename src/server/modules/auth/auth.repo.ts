import { sql, type Insertable } from 'kysely';
import type { Executor } from '../../db/db.ts';
import type { SessionTable } from '../../db/schema.ts';

/**
 * Sign-in, session and throttle data access. Every function takes tenantId explicitly, except
 * the documented exceptions that run before any tenant is known: the sign-in lookup by
 * username (usernames are unique across tenants), the session lookup by its token hash, and the
 * sign-in throttle (keyed by the username as typed and the address, for known and unknown
 * usernames alike).
 */
export const authRepo = {
  /** Cross-tenant: the sign-in form knows a username, not a region. */
  findUserByUsername(db: Executor, username: string) {
    return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  },
  findUser(db: Executor, tenantId: string, userId: string) {
    return db.selectFrom('users').selectAll().where('tenantId', '=', tenantId).where('id', '=', userId).executeTakeFirstOrThrow();
  },
  async setPassword(db: Executor, tenantId: string, userId: string, passwordHash: string, now: string) {
    await db.updateTable('users').set({ passwordHash, mustChangePassword: 0, updatedAt: now }).where('tenantId', '=', tenantId).where('id', '=', userId).execute();
  },
  localeOf(db: Executor, tenantId: string, userId: string) {
    return db.selectFrom('users').select('locale').where('tenantId', '=', tenantId).where('id', '=', userId).executeTakeFirstOrThrow();
  },
  async setLocale(db: Executor, tenantId: string, userId: string, locale: 'id' | 'en') {
    await db.updateTable('users').set({ locale }).where('tenantId', '=', tenantId).where('id', '=', userId).execute();
  },
  roleGrants(db: Executor, tenantId: string, userId: string) {
    return db.selectFrom('userRoles').select(['role', 'unitId']).where('tenantId', '=', tenantId).where('userId', '=', userId).execute();
  },
  unitTree(db: Executor, tenantId: string) {
    return db.selectFrom('units').select(['id', 'parentId']).where('tenantId', '=', tenantId).execute();
  },
  unitNames(db: Executor, tenantId: string, unitIds: string[]) {
    return db.selectFrom('units').select(['id', 'name']).where('tenantId', '=', tenantId).where('id', 'in', unitIds).execute();
  },
  tenantOf(db: Executor, tenantId: string) {
    return db.selectFrom('tenants').select(['name', 'regionCode']).where('id', '=', tenantId).executeTakeFirstOrThrow();
  },

  async insertSession(db: Executor, row: Insertable<SessionTable>) {
    await db.insertInto('sessions').values(row).execute();
  },
  /** Cross-tenant: a cookie's session (by its token hash) with its user, before the tenant is known. */
  findSessionWithUser(db: Executor, sessionId: string) {
    return db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.userId')
      .selectAll('users')
      .select(['sessions.id as sessionId', 'sessions.expiresAt', 'sessions.revokedAt', 'sessions.lastSeenAt'])
      .where('sessions.id', '=', sessionId)
      .executeTakeFirst();
  },
  /** Sliding expiry (by the session's token hash, as findSessionWithUser). */
  async touchSession(db: Executor, sessionId: string, lastSeenAt: string, expiresAt: string) {
    await db.updateTable('sessions').set({ lastSeenAt, expiresAt }).where('id', '=', sessionId).execute();
  },
  async revokeSession(db: Executor, tenantId: string, sessionId: string, revokedAt: string) {
    await db.updateTable('sessions').set({ revokedAt }).where('tenantId', '=', tenantId).where('id', '=', sessionId).execute();
  },
  /** Ends every other live session of the user. */
  async revokeOtherSessions(db: Executor, tenantId: string, userId: string, keepSessionId: string, revokedAt: string) {
    await db
      .updateTable('sessions')
      .set({ revokedAt })
      .where('tenantId', '=', tenantId)
      .where('userId', '=', userId)
      .where('id', '!=', keepSessionId)
      .where('revokedAt', 'is', null)
      .execute();
  },
  /** The user's live sessions, most recently seen first. */
  liveSessions(db: Executor, tenantId: string, userId: string, now: string) {
    return db
      .selectFrom('sessions')
      .select(['id', 'createdAt', 'lastSeenAt', 'expiresAt', 'ip', 'userAgent'])
      .where('tenantId', '=', tenantId)
      .where('userId', '=', userId)
      .where('revokedAt', 'is', null)
      .where('expiresAt', '>', now)
      .orderBy('lastSeenAt', 'desc')
      .execute();
  },
  /** The user's unrevoked sessions whose id starts with `idPrefix` (hex, checked by the caller). */
  unrevokedSessionsByPrefix(db: Executor, tenantId: string, userId: string, idPrefix: string) {
    return db
      .selectFrom('sessions')
      .select('id')
      .where('tenantId', '=', tenantId)
      .where('userId', '=', userId)
      .where('revokedAt', 'is', null)
      .where('id', 'like', `${idPrefix}%`)
      .execute();
  },

  /** Throttle (cross-tenant by design): forget attempts older than `before` whose wait is over at `now`. */
  async forgetStaleAttempts(db: Executor, before: string, now: string) {
    await db
      .deleteFrom('loginThrottle')
      .where('lastAttemptAt', '<', before)
      .where((eb) => eb.or([eb('nextAllowedAt', 'is', null), eb('nextAllowedAt', '<=', now)]))
      .execute();
  },
  /**
   * Counts one attempt in one atomic statement: inserts the first, or increments a counter whose
   * wait is over. The next wait depends on the new count, which only the database knows inside
   * the statement: `waits` lists [count, wait-until] up to the count where the wait reaches its
   * maximum (the last entry also holds for every higher count), turned into a CASE.
   * Answers false when the wait is not over (nothing counted).
   */
  async countAttempt(db: Executor, key: string, ip: string, waits: Array<[number, string | null]>, now: string): Promise<boolean> {
    const last = waits[waits.length - 1];
    const nextAllowed = waits.length === 1 ? sql<string | null>`${last[1]}` : sql<string | null>`case ${sql.join(
      waits.slice(0, -1).map(([f, t]) => sql`when login_throttle.failures + 1 = ${f} then ${t}`),
      sql` `,
    )} else ${last[1]} end`;
    const row = await db
      .insertInto('loginThrottle')
      .values({ usernameKey: key, ip, failures: 1, nextAllowedAt: waits[0][1], lastAttemptAt: now })
      .onConflict((oc) =>
        oc
          .columns(['usernameKey', 'ip'])
          .doUpdateSet({ failures: sql<number>`login_throttle.failures + 1`, nextAllowedAt: nextAllowed, lastAttemptAt: now })
          .where(sql<boolean>`login_throttle.next_allowed_at is null or login_throttle.next_allowed_at <= ${now}`),
      )
      .returning('failures')
      .executeTakeFirst();
    return !!row;
  },
  nextAllowedAt(db: Executor, key: string, ip: string) {
    return db.selectFrom('loginThrottle').select('nextAllowedAt').where('usernameKey', '=', key).where('ip', '=', ip).executeTakeFirst();
  },
  async forgetAttempts(db: Executor, key: string, ip: string) {
    await db.deleteFrom('loginThrottle').where('usernameKey', '=', key).where('ip', '=', ip).execute();
  },
};
