import { createHash, randomBytes } from 'node:crypto';
import type { Deps } from '../../deps.ts';
import type { Actor, RoleGrant } from '../../policy/actor.ts';
import { expandUnitScope } from '../../policy/actor.ts';
import type { SessionUser } from '../../../shared/schemas/auth.ts';
import type { UserTable } from '../../db/schema.ts';
import type { Role } from '../../../shared/schemas/common.ts';
import type { Executor } from '../../db/db.ts';
import { authRepo } from './auth.repo.ts';

export const SESSION_COOKIE = 'serasan_session';

export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

export interface ResolvedSession {
  sessionId: string;
  user: UserTable;
  actor: Actor;
}

export async function createSession(deps: Deps, user: { id: string; tenantId: string }, ip: string | null, userAgent: string | null) {
  const token = randomBytes(32).toString('base64url');
  const now = deps.clock.now();
  const expires = new Date(now.getTime() + deps.config.sessionTtlHours * 3600_000);
  const id = tokenHash(token);
  await authRepo.insertSession(deps.db, {
      id,
      userId: user.id,
      tenantId: user.tenantId,
      createdAt: now.toISOString(),
      expiresAt: expires.toISOString(),
      lastSeenAt: now.toISOString(),
      revokedAt: null,
      ip,
      userAgent: userAgent?.slice(0, 300) ?? null,
  });
  return { token, id, expires };
}

export async function loadRoleGrants(db: Executor, tenantId: string, userId: string): Promise<RoleGrant[]> {
  const rows = await authRepo.roleGrants(db, tenantId, userId);
  return rows.map((r) => ({ role: r.role as Role, unitId: r.unitId }));
}

export async function buildActor(db: Executor, user: Pick<UserTable, 'id' | 'tenantId' | 'name' | 'isPlatformAdmin'>): Promise<Actor> {
  const roles = await loadRoleGrants(db, user.tenantId, user.id);
  const needsTree = roles.some((r) => r.unitId);
  const units = needsTree ? await authRepo.unitTree(db, user.tenantId) : [];
  return {
    userId: user.id,
    tenantId: user.tenantId,
    name: user.name,
    roles,
    isPlatformAdmin: user.isPlatformAdmin === 1,
    unitScope: expandUnitScope(roles, units),
  };
}

/** Look a cookie token up; expired, revoked or inactive sessions resolve to null. */
export async function resolveSession(deps: Deps, token: string): Promise<ResolvedSession | null> {
  if (!token || token.length > 100) return null;
  const id = tokenHash(token);
  const row = await authRepo.findSessionWithUser(deps.db, id);
  if (!row || row.revokedAt || row.isActive !== 1) return null;
  const now = deps.clock.now();
  if (row.expiresAt <= now.toISOString()) return null;
  // Sliding expiry, written at most once a minute to keep reads cheap.
  if (now.getTime() - Date.parse(row.lastSeenAt) > 60_000) {
    const expires = new Date(now.getTime() + deps.config.sessionTtlHours * 3600_000).toISOString();
    await authRepo.touchSession(deps.db, id, now.toISOString(), expires);
  }
  const { sessionId, expiresAt: _e, revokedAt: _r, lastSeenAt: _l, ...user } = row;
  return { sessionId, user: user as UserTable, actor: await buildActor(deps.db, user as UserTable) };
}

export async function presentSessionUser(db: Executor, user: UserTable, actor: Actor): Promise<SessionUser> {
  const tenant = await authRepo.tenantOf(db, user.tenantId);
  const unitIds = actor.roles.map((r) => r.unitId).filter((x): x is string => !!x);
  const units = unitIds.length ? await authRepo.unitNames(db, user.tenantId, unitIds) : [];
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  return {
    id: user.id,
    username: user.username,
    name: user.name,
    tenantId: user.tenantId,
    tenantName: tenant.name,
    regionCode: tenant.regionCode,
    roles: actor.roles.map((r) => ({ role: r.role, unitId: r.unitId, unitName: r.unitId ? unitName.get(r.unitId) ?? null : null })),
    isPlatformAdmin: user.isPlatformAdmin === 1,
    mustChangePassword: user.mustChangePassword === 1,
    locale: user.locale === 'en' ? 'en' : 'id',
  };
}
