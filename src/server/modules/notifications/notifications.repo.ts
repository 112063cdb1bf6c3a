import type { Executor } from '../../db/db.ts';
import type { Recipients } from './notify.ts';

/** Kysely only; every function takes tenantId. */

export interface RecipientUser {
  id: string;
  name: string;
  email: string | null;
  locale: string;
}

/** Active users of the tenant matching the recipients (see Recipients). */
export async function resolveRecipients(ex: Executor, tenantId: string, r: Recipients): Promise<RecipientUser[]> {
  const byId = new Map<string, RecipientUser>();
  const users = await ex
    .selectFrom('users')
    .select(['id', 'name', 'email', 'locale'])
    .where('tenantId', '=', tenantId)
    .where('isActive', '=', 1)
    .execute();
  const all = new Map(users.map((u) => [u.id, { id: u.id, name: u.name, email: u.email ?? null, locale: u.locale }]));
  for (const id of r.userIds ?? []) {
    const u = all.get(id);
    if (u) byId.set(id, u);
  }
  if (r.roles?.length) {
    const grants = await ex.selectFrom('userRoles').select(['userId', 'role', 'unitId']).where('tenantId', '=', tenantId).where('role', 'in', r.roles).execute();
    let covered: ((grantUnit: string) => boolean) | undefined;
    if (r.unitIds?.length) {
      // A unit grant covers its sub-units: walk each target unit up to the root.
      const units = await ex.selectFrom('units').select(['id', 'parentId']).where('tenantId', '=', tenantId).execute();
      const parent = new Map(units.map((u) => [u.id, u.parentId]));
      const ancestors = new Set<string>();
      for (const target of r.unitIds) {
        let cur: string | null | undefined = target;
        for (let guard = 0; cur && guard < 100; guard++) {
          ancestors.add(cur);
          cur = parent.get(cur);
        }
      }
      covered = (unit) => ancestors.has(unit);
    }
    for (const g of grants) {
      const u = all.get(g.userId);
      if (!u) continue;
      if (!covered || g.unitId === null || covered(g.unitId)) byId.set(u.id, u);
    }
  }
  return [...byId.values()];
}
